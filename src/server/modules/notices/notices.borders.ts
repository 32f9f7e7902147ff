import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { findUnitRef } from '../registry/index.ts';
// Border crossing, kept to this one file (as voting.borders.ts does): the registry's index offers
// no look-up of place names, which printed and public notices must show. It belongs in the
// registry's index (asked of its owner); when it lands, the import below goes. Only reads.
import { communities, compounds } from '../registry/registry.tables.ts';
import type { OwnerPlaces } from './notices.policy.ts';
import type { Actor } from '../../platform/actor.ts';

export interface PlaceNames {
  communities: Map<string, string>;
  compounds: Map<string, string>;
}

/** Names of the communities and compounds notices belong to, for views and the printed sheet. */
export async function placeNames(db: Db, rows: { communityId: string; compoundId: string | null }[]): Promise<PlaceNames> {
  const communityIds = [...new Set(rows.map((r) => r.communityId))];
  const compoundIds = [...new Set(rows.map((r) => r.compoundId).filter((c): c is string => !!c))];
  const [cs, xs] = await Promise.all([
    communityIds.length ? db.select({ id: communities.id, name: communities.name }).from(communities).where(inArray(communities.id, communityIds)) : [],
    compoundIds.length ? db.select({ id: compounds.id, name: compounds.name }).from(compounds).where(inArray(compounds.id, compoundIds)) : [],
  ]);
  return { communities: new Map(cs.map((c) => [c.id, c.name])), compounds: new Map(xs.map((c) => [c.id, c.name])) };
}

/**
 * Where an owner or resident belongs: the compounds and communities of the units their session
 * reaches (owned or lived in, resolved by the accounts module). A household has a few units, so
 * one indexed look-up per unit is cheap.
 */
export async function ownerPlaces(db: Db, actor: Actor | null): Promise<OwnerPlaces> {
  const places: OwnerPlaces = { compoundIds: new Set(), communityIds: new Set(), unitByCompound: new Map() };
  if (!actor || actor.kind !== 'owner') return places;
  for (const unitId of [...actor.scope.ownUnits.keys()].sort()) {
    const unit = await findUnitRef(db, unitId);
    if (!unit) continue;
    places.compoundIds.add(unit.compoundId);
    places.communityIds.add(unit.communityId);
    if (!places.unitByCompound.has(unit.compoundId)) places.unitByCompound.set(unit.compoundId, unit.id);
  }
  return places;
}
