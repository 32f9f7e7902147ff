import type { Role } from '../../../contracts/accounts.ts';
import { emptyScope, type Scope } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { registryScope, todayInChina } from '../registry/index.ts';

/** Resolves a staff member's grants into the communities, compounds and grids they reach. */
export async function resolveStaffScope(db: Db, grants: { role: Role; scopeId: string }[]): Promise<Scope> {
  const scope = emptyScope();
  const ids = (role: Role) => grants.filter((g) => g.role === role).map((g) => g.scopeId);
  const addCommunity = (communityId: string, role: Role) => {
    const held = scope.communities.get(communityId) ?? new Set<Role>();
    held.add(role);
    scope.communities.set(communityId, held);
  };
  const addCompound = (id: string, communityId: string, role: Role) => {
    const entry = scope.compounds.get(id) ?? { communityId, roles: new Set<Role>() };
    entry.roles.add(role);
    scope.compounds.set(id, entry);
  };

  for (const d of ids('district_admin')) scope.districts.add(d);
  for (const [role, key] of [['district_admin', 'districtIds'], ['street_admin', 'streetIds'], ['community_staff', 'communityIds']] as const) {
    const scopeIds = ids(role);
    if (!scopeIds.length) continue;
    for (const c of await registryScope.communitiesIn(db, { [key]: scopeIds })) addCommunity(c.id, role);
  }
  for (const c of await registryScope.compoundsByIds(db, ids('owners_committee'))) addCompound(c.id, c.communityId, 'owners_committee');
  for (const c of await registryScope.compoundsOfCompanies(db, ids('property_staff'), todayInChina())) addCompound(c.id, c.communityId, 'property_staff');
  const gridIds = ids('grid_worker');
  for (const g of await registryScope.gridsByIds(db, gridIds)) scope.grids.set(g.id, g.communityId);
  for (const c of await registryScope.compoundsOfGrids(db, gridIds)) addCompound(c.id, c.communityId, 'grid_worker');
  return scope;
}

/** An owner or resident reaches the units they currently own or live in, nothing else. */
export async function resolveOwnerScope(db: Db, phone: string): Promise<{ scope: Scope; personIds: string[] }> {
  const scope = emptyScope();
  const { personIds, units } = await registryScope.unitsOfPhone(db, phone);
  for (const u of units) scope.ownUnits.set(u.unitId, u.communityId);
  return { scope, personIds };
}
