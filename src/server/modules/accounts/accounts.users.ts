import type { UserView } from '../../../contracts/accounts.ts';
import { maskPhone, type Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { placesByIds, type GrantPlace } from '../registry/index.ts';
import { canManageUser, userAbilities } from './accounts.policy.ts';
import { grantsOf, searchUsers, userById, type Grant, type UserRow } from './accounts.repo.ts';

// Staff accounts as the actor may see them: the list, one user, and the view the API returns.

export interface ManagedUser {
  row: UserRow;
  grants: Grant[];
  places: Map<string, GrantPlace>;
}

const placesOfGrants = (u: { grants: Grant[]; places: Map<string, GrantPlace> }) => u.grants.map((g) => u.places.get(g.scopeId));

export function toUserView(actor: Actor, u: ManagedUser): UserView {
  const disabled = u.row.disabledAt !== null;
  return {
    id: u.row.id,
    username: u.row.username,
    displayName: u.row.displayName,
    phoneMasked: maskPhone(u.row.phone),
    disabled,
    grants: u.grants.map((g) => ({ ...g, ...(u.places.get(g.scopeId) ? { scopeName: u.places.get(g.scopeId)!.name } : {}) })),
    createdAt: u.row.createdAt.toISOString(),
    abilities: userAbilities(actor, { id: u.row.id, disabled }, placesOfGrants(u)),
  };
}

/**
 * Every user the actor manages whose username or display name matches q, by username. Filtered
 * in memory after one look-up of all grant places: staff accounts number in the thousands at
 * most, and "inside the district" spans six kinds of place.
 */
export async function listManagedUsers(db: Db, actor: Actor, q?: string): Promise<ManagedUser[]> {
  const rows = await searchUsers(db, q);
  const grants = await grantsOf(db, rows.map((r) => r.id));
  const places = await placesByIds(db, [...grants.values()].flat().map((g) => g.scopeId));
  return rows
    .map((row) => ({ row, grants: grants.get(row.id) ?? [], places }))
    .filter((u) => canManageUser(actor, placesOfGrants(u)));
}

/** One user the actor manages; any other answers 404, the same as a missing one. */
export async function loadManagedUser(db: Db, actor: Actor, id: string): Promise<ManagedUser> {
  const row = await userById(db, id);
  const missing = new AppError('not_found', `User ${id} not found`);
  if (!row) throw missing;
  const grants = (await grantsOf(db, [row.id])).get(row.id) ?? [];
  const places = await placesByIds(db, grants.map((g) => g.scopeId));
  const user = { row, grants, places };
  if (!canManageUser(actor, placesOfGrants(user))) throw missing;
  return user;
}
