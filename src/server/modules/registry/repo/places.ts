import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { communities, compounds, districts, streets } from '../registry.tables.ts';

/**
 * Every district, street and community, for building the place tree. These are reference-sized
 * (a district has tens of communities), so the policy filters them in memory.
 */
export async function allPlaces(db: Db) {
  const [d, s, c] = await Promise.all([
    db.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.code)),
    db.select({ id: streets.id, districtId: streets.districtId, code: streets.code, name: streets.name }).from(streets).orderBy(asc(streets.code)),
    db.select({ id: communities.id, streetId: communities.streetId, code: communities.code, name: communities.name }).from(communities).orderBy(asc(communities.code)),
  ]);
  return { districts: d, streets: s, communities: c };
}

export async function compoundNames(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: compounds.id, communityId: compounds.communityId, code: compounds.code, name: compounds.name })
    .from(compounds)
    .where(inArray(compounds.id, ids))
    .orderBy(asc(compounds.code));
}
