import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { findUnitRef, placeNames, type PlaceNames } from '../registry/index.ts';
import type { OwnerPlaces } from './notices.policy.ts';

// What the notices module asks of the registry, shaped for its views and policy. Everything goes
// through the registry's index.ts; everything here only reads, one query after another.

export type { PlaceNames };

/** Names of the communities and compounds notices belong to, for views and the printed sheet. */
export async function placeNamesOf(db: Db, rows: { communityId: string; compoundId: string | null }[]): Promise<PlaceNames> {
  return placeNames(db, {
    communityIds: rows.map((r) => r.communityId),
    compoundIds: rows.flatMap((r) => (r.compoundId ? [r.compoundId] : [])),
  });
}

/**
 * Where an owner or resident belongs: the compounds and communities of the units their session
 * reaches (owned or lived in, resolved by the accounts module). A household has a few units, so
 * one indexed look-up per unit is cheap. A proxy holder who owns and rents nothing belongs nowhere.
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
