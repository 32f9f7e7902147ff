import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { meetingSeries } from '../meetings.tables.ts';

export type SeriesRow = typeof meetingSeries.$inferSelect;

export async function findSeries(db: Db, id: string): Promise<SeriesRow | null> {
  const [row] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, id));
  return row ?? null;
}

/** A community's series, by kind, oldest first (a community has a handful at most). */
export function seriesOfCommunity(db: Db, communityId: string): Promise<SeriesRow[]> {
  return db.select().from(meetingSeries).where(eq(meetingSeries.communityId, communityId)).orderBy(asc(meetingSeries.kind), asc(meetingSeries.createdAt));
}
