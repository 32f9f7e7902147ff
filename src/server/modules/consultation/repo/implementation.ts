import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { matterResolutions, matterTasks } from '../consultation.tables.ts';

// The resolution and the implementation tasks of a matter.

export async function resolutionOf(db: Db, m: { communityId: string; id: string }) {
  const [row] = await db.select().from(matterResolutions).where(and(eq(matterResolutions.communityId, m.communityId), eq(matterResolutions.matterId, m.id)));
  return row ?? null;
}

export async function tasksOf(db: Db, m: { communityId: string; id: string }) {
  return db.select().from(matterTasks).where(and(eq(matterTasks.communityId, m.communityId), eq(matterTasks.matterId, m.id))).orderBy(asc(matterTasks.createdAt), asc(matterTasks.id));
}

/** The earliest deadline among the unfinished tasks: the implement step's deadline. */
export async function earliestOpenTaskDeadline(db: Db, m: { communityId: string; id: string }): Promise<string | null> {
  const open = (await tasksOf(db, m)).filter((t) => t.progress < 100).map((t) => t.deadline).sort();
  return open[0] ?? null;
}
