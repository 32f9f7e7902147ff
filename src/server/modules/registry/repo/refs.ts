import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { buildings, communities, compounds, units } from '../registry.tables.ts';
import type { CompoundRef, UnitRef } from '../registry.policy.ts';

// The few columns the policy needs to decide on one object, looked up by id.

/**
 * A compound never moves to another community and is never deleted, so its id → community pair
 * can be remembered per database handle. That keeps the scope check of the (benchmarked) unit
 * list in memory after the first request. Misses are not remembered.
 */
const compoundCache = new WeakMap<Db, Map<string, CompoundRef>>();
const CACHE_LIMIT = 20_000;

export async function findCompoundRef(db: Db, id: string): Promise<CompoundRef | null> {
  let cache = compoundCache.get(db);
  if (!cache) compoundCache.set(db, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const [row] = await db.select({ id: compounds.id, communityId: compounds.communityId }).from(compounds).where(eq(compounds.id, id));
  if (!row) return null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, row);
  return row;
}

export async function findUnitRef(db: Db, id: string): Promise<UnitRef | null> {
  const [row] = await db
    .select({ id: units.id, communityId: units.communityId, compoundId: units.compoundId, gridId: buildings.gridId })
    .from(units)
    .innerJoin(buildings, and(eq(buildings.communityId, units.communityId), eq(buildings.id, units.buildingId)))
    .where(eq(units.id, id));
  return row ?? null;
}

export async function findCommunityRef(db: Db, id: string) {
  const [row] = await db
    .select({ id: communities.id, streetId: communities.streetId, districtId: communities.districtId })
    .from(communities)
    .where(eq(communities.id, id));
  return row ?? null;
}
