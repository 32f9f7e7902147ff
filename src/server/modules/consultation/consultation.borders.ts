import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { findUnitRef, placeNames, registryScope } from '../registry/index.ts';
import type { Household } from './consultation.policy.ts';

// What the consultation module asks of the registry, shaped for its policy and views. Everything
// goes through the registry's index.ts; everything here only reads, one query after another, so
// it is safe inside a caller's transaction (viewerOf is on consultation's public face).

/** The units an owner or resident speaks for, with their compounds (one indexed look-up per unit). */
export async function householdsOf(db: Db, actor: Actor): Promise<Household[]> {
  if (actor.kind !== 'owner') return [];
  const households: Household[] = [];
  for (const unitId of actor.scope.ownUnits.keys()) {
    const ref = await findUnitRef(db, unitId);
    if (ref) households.push({ unitId: ref.id, compoundId: ref.compoundId, communityId: ref.communityId });
  }
  return households;
}

/**
 * Names change rarely and every list card shows two, so they are remembered per database handle
 * for a minute: the street view's pages then cost one query instead of three.
 */
const NAME_TTL_MS = 60_000;
const nameCache = new WeakMap<Db, { until: number; communities: Map<string, string>; compounds: Map<string, string> }>();

export async function namesOf(db: Db, ids: { communityIds: string[]; compoundIds: string[] }) {
  let cache = nameCache.get(db);
  if (!cache || cache.until < Date.now()) nameCache.set(db, (cache = { until: Date.now() + NAME_TTL_MS, communities: new Map(), compounds: new Map() }));
  const missing = await placeNames(db, {
    communityIds: ids.communityIds.filter((id) => !cache.communities.has(id)),
    compoundIds: ids.compoundIds.filter((id) => !cache.compounds.has(id)),
  });
  for (const [id, name] of missing.communities) cache.communities.set(id, name);
  for (const [id, name] of missing.compounds) cache.compounds.set(id, name);
  return { communities: cache.communities, compounds: cache.compounds };
}

/** Whether a community exists (raising a matter names one). */
export async function communityExists(db: Db, id: string): Promise<boolean> {
  return (await registryScope.communitiesIn(db, { communityIds: [id] })).length > 0;
}
