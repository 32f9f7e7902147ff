import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { communities, districts, streets } from '../registry.tables.ts';
import { containsPattern, offsetOf } from './search.ts';

const columns = {
  id: communities.id,
  code: communities.code,
  name: communities.name,
  address: communities.address,
  areaM2: communities.areaM2,
  populationRecorded: communities.populationRecorded,
  socialWorkersRecorded: communities.socialWorkersRecorded,
  streetId: streets.id,
  streetName: streets.name,
  districtId: districts.id,
  districtName: districts.name,
};

export type CommunityRow = NonNullable<Awaited<ReturnType<typeof getCommunity>>>;

const base = (db: Db) =>
  db
    .select(columns)
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .innerJoin(districts, eq(districts.id, communities.districtId));

export async function getCommunity(db: Db, id: string) {
  const [row] = await base(db).where(eq(communities.id, id));
  return row ?? null;
}

/** A page of communities matching the filters; `visible` is the policy's condition. */
export async function listCommunities(
  db: Db,
  filter: { visible: SQL | undefined; q?: string; streetId?: string; page: number; pageSize: number },
) {
  const where = and(
    filter.visible,
    filter.streetId ? eq(communities.streetId, filter.streetId) : undefined,
    filter.q ? or(ilike(communities.name, containsPattern(filter.q)), ilike(communities.code, containsPattern(filter.q))) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(communities).where(where);
  const rows = await base(db).where(where).orderBy(asc(communities.code)).limit(filter.pageSize).offset(offsetOf(filter));
  return { rows, total };
}
