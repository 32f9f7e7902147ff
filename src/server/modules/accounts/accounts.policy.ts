import type { Actor } from '../../platform/actor.ts';
import type { GrantPlace } from '../registry/index.ts';

// Every ability of the accounts module. Default deny.

/** District admins manage staff accounts of their district; the CLI manages all. */
export function canManageUsers(actor: Actor): boolean {
  return actor.scope.all || (actor.kind === 'staff' && actor.scope.districts.size > 0);
}

/**
 * A district admin may grant a role over a place inside one of their districts (a property
 * company counts as inside when it holds a current contract there); the CLI over any place.
 * An unknown place (undefined) is never grantable here: the command reports it.
 */
export function canGrantOver(actor: Actor, place: GrantPlace | undefined): boolean {
  if (actor.scope.all) return true;
  if (actor.kind !== 'staff' || !place) return false;
  return place.districtIds.some((d) => actor.scope.districts.has(d));
}

/**
 * Whoever could have granted every one of a user's roles manages that user. A role elsewhere
 * keeps the user out of reach, so that one district cannot disable another district's staff.
 * A user without roles is reachable from the CLI only.
 */
export function canManageUser(actor: Actor, grantPlaces: (GrantPlace | undefined)[]): boolean {
  if (actor.scope.all) return true;
  if (!canManageUsers(actor)) return false;
  return grantPlaces.length > 0 && grantPlaces.every((p) => canGrantOver(actor, p));
}

/** What the user list shows as buttons. Nobody disables their own account: they would lock themselves out. */
export function userAbilities(actor: Actor, user: { id: string; disabled: boolean }, grantPlaces: (GrantPlace | undefined)[]) {
  const manage = canManageUser(actor, grantPlaces);
  const self = actor.kind === 'staff' && actor.userId === user.id;
  return { disable: manage && !user.disabled && !self, enable: manage && user.disabled };
}

/** The dev mailbox shows one-time codes sent by the built-in sender: admins only, embedded mode only. */
export function canReadMailbox(actor: Actor, embedded: boolean): boolean {
  return embedded && canManageUsers(actor);
}

/** Only staff have a password to change; owners log in with a one-time code. */
export function canChangeOwnPassword(actor: Actor): actor is Extract<Actor, { kind: 'staff' }> {
  return actor.kind === 'staff';
}

/** Abilities the web shell uses to show or hide whole sections. */
export function shellAbilities(actor: Actor, embedded: boolean): Record<string, boolean> {
  const staff = actor.kind === 'staff';
  const administers = staff && [...actor.scope.communities.values()].some((roles) => roles.has('community_staff') || roles.has('street_admin') || roles.has('district_admin'));
  return {
    'registry.browse': staff,
    'audit.read': administers,
    'users.manage': canManageUsers(actor),
    'mailbox.read': canReadMailbox(actor, embedded),
    'units.mine': actor.kind === 'owner',
    'password.change': canChangeOwnPassword(actor),
  };
}
