import type { Actor } from '../../platform/actor.ts';
import { hasCommunityRole } from '../../platform/actor.ts';
import { GLOBAL_CHAIN } from './domain/chain.ts';

// Every ability of the audit module. Default deny.

/** Staff who administer a community read its trail; district admins also read the installation-wide chain. */
export function canReadTrail(actor: Actor, communityId: string): boolean {
  if (actor.scope.all) return true;
  if (actor.kind !== 'staff') return false;
  if (communityId === GLOBAL_CHAIN) return actor.scope.districts.size > 0;
  return hasCommunityRole(actor, communityId, 'district_admin', 'street_admin', 'community_staff');
}

/** The chains an actor may read, for filtering lists; null means every chain. */
export function readableChains(actor: Actor): string[] | null {
  if (actor.scope.all) return null;
  if (actor.kind !== 'staff') return [];
  const ids = [...actor.scope.communities.keys()].filter((c) => canReadTrail(actor, c));
  if (actor.scope.districts.size > 0) ids.push(GLOBAL_CHAIN);
  return ids;
}

export const canVerifyTrail = canReadTrail;
