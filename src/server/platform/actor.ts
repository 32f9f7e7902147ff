import type { Role } from '../../contracts/accounts.ts';

/**
 * What an actor may reach, resolved once per request from their grants. Policies test these
 * sets; list queries filter by them. Nothing here is role logic: that lives in each policy.
 */
export interface Scope {
  /** the CLI and demo loader act for the whole installation */
  all: boolean;
  districts: Set<string>;
  /** communities whose whole registry the actor reads, with the roles that reach each */
  communities: Map<string, Set<Role>>;
  /** compounds reached through a compound-level role (owners' committee, property staff, grid worker) */
  compounds: Map<string, { communityId: string; roles: Set<Role> }>;
  /** grids of a grid worker, with their community */
  grids: Map<string, string>;
  /** units of an owner or resident, with their community */
  ownUnits: Map<string, string>;
}

export type Actor =
  | { kind: 'staff'; userId: string; username: string; displayName: string; grants: { role: Role; scopeId: string }[]; scope: Scope }
  | { kind: 'owner'; phone: string; personIds: string[]; scope: Scope }
  | { kind: 'system'; label: string; scope: Scope };

export const emptyScope = (): Scope => ({
  all: false,
  districts: new Set(),
  communities: new Map(),
  compounds: new Map(),
  grids: new Map(),
  ownUnits: new Map(),
});

export const systemActor = (label = 'cli'): Actor => ({ kind: 'system', label, scope: { ...emptyScope(), all: true } });

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** The label the audit trail records for an actor. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'staff') return `user:${actor.username}`;
  if (actor.kind === 'owner') return `owner:${maskPhone(actor.phone)}`;
  return actor.label;
}

export const actorUserId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/** True when the actor holds `role` over the community, directly or through its street or district. */
export function hasCommunityRole(actor: Actor, communityId: string, ...anyOf: Role[]): boolean {
  if (actor.scope.all) return true;
  const held = actor.scope.communities.get(communityId);
  return !!held && anyOf.some((r) => held.has(r));
}

export function hasCompoundRole(actor: Actor, compoundId: string, ...anyOf: Role[]): boolean {
  if (actor.scope.all) return true;
  const held = actor.scope.compounds.get(compoundId);
  return !!held && anyOf.some((r) => held.roles.has(r));
}
