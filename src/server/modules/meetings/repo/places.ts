import type { Db } from '../../../platform/db.ts';
import { findCompoundRef, placesByIds } from '../../registry/index.ts';

// The community and compound a meeting belongs to, through the registry's index.

export async function communityName(db: Db, communityId: string): Promise<string | null> {
  const place = (await placesByIds(db, [communityId])).get(communityId);
  return place?.kind === 'community' ? place.name : null;
}

/** The compound, if it exists and lies in the community. */
export async function compoundInCommunity(db: Db, communityId: string, compoundId: string): Promise<{ id: string; name: string } | null> {
  const ref = await findCompoundRef(db, compoundId);
  if (!ref || ref.communityId !== communityId) return null;
  const place = (await placesByIds(db, [compoundId])).get(compoundId);
  return { id: compoundId, name: place?.name ?? '' };
}

/** Names of compounds by id (for lists). */
export async function compoundNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const places = await placesByIds(db, wanted);
  return new Map(wanted.map((id) => [id, places.get(id)?.name ?? '']));
}
