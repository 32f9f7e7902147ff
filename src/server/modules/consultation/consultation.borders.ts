import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { findUnitRef, registryScope } from '../registry/index.ts';
// Border crossing, kept to this one file (as voting.borders.ts does): the registry's index.ts
// offers no look-up of community and compound names by id, nor of every community for the CLI.
// They belong in registry.scope.ts; when they land, the import below goes. Everything here only reads.
import { communities, compounds } from '../registry/registry.tables.ts';
import type { Household } from './consultation.policy.ts';

/** The units an owner or resident speaks for, with their compounds (one indexed look-up per unit). */
export async function householdsOf(db: Db, actor: Actor): Promise<Household[]> {
  if (actor.kind !== 'owner') return [];
  const refs = await Promise.all([...actor.scope.ownUnits.keys()].map((id) => findUnitRef(db, id)));
  return refs.filter((r) => r !== null).map((r) => ({ unitId: r.id, compoundId: r.compoundId, communityId: r.communityId }));
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
  const communityIds = [...new Set(ids.communityIds)].filter((id) => !cache.communities.has(id));
  const compoundIds = [...new Set(ids.compoundIds)].filter((id) => !cache.compounds.has(id));
  const [c, x] = await Promise.all([
    communityIds.length ? db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, communityIds)) : [],
    compoundIds.length ? db.select({ id: compounds.id, name: compounds.name }).from(compounds).where(inArray(compounds.id, compoundIds)) : [],
  ]);
  for (const r of c) cache.communities.set(r.id, r.name);
  for (const r of x) cache.compounds.set(r.id, r.name);
  return { communities: cache.communities, compounds: cache.compounds };
}

/** A condition on a community id column: the community lies on the street (for the street filter, inside the list's one query). */
export function onStreetSql(communityId: AnyColumn, streetId: string): SQL {
  return sql`${communityId} in (select ${communities.id} from ${communities} where ${communities.streetId} = ${streetId})`;
}

/** Communities of the given ids, or of a street, or every community (the CLI); with names. */
export async function communitiesWithNames(db: Db, filter: { ids: string[] | null; streetId?: string }) {
  let ids = filter.ids;
  if (filter.streetId) {
    const onStreet = (await registryScope.communitiesIn(db, { streetIds: [filter.streetId] })).map((c) => c.id);
    ids = ids === null ? onStreet : ids.filter((id) => onStreet.includes(id));
  }
  if (ids !== null && !ids.length) return [];
  const query = db.select({ id: communities.id, name: communities.name }).from(communities);
  return ids === null ? query : query.where(inArray(communities.id, ids));
}

/** Whether a community exists (raising a matter names one). */
export async function communityExists(db: Db, id: string): Promise<boolean> {
  return (await registryScope.communitiesIn(db, { communityIds: [id] })).length > 0;
}
