import type { Actor } from '../../platform/actor.ts';

// Every ability of the accounts module. Default deny.

/** District admins manage staff accounts of their district; the CLI manages all. */
export function canManageUsers(actor: Actor): boolean {
  return actor.scope.all || (actor.kind === 'staff' && actor.scope.districts.size > 0);
}

/** The dev mailbox shows one-time codes sent by the built-in sender: admins only, embedded mode only. */
export function canReadMailbox(actor: Actor, embedded: boolean): boolean {
  return embedded && canManageUsers(actor);
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
  };
}
