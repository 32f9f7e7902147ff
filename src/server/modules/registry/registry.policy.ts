import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../contracts/accounts.ts';
import type { Actor } from '../../platform/actor.ts';
import { hasCommunityRole, hasCompoundRole, maskPhone } from '../../platform/actor.ts';
import { buildings, communities, units } from './registry.tables.ts';

// Every ability of the registry module, default deny, in this one file. Routes ask these
// functions; list queries filter with the SQL helpers at the end, which answer the same
// questions for many rows at once. Everything here is in memory: the actor's scope was resolved
// when the session was (accounts.scope.ts).

export interface CompoundRef {
  id: string;
  communityId: string;
}

export interface UnitRef {
  id: string;
  communityId: string;
  compoundId: string;
  /** the grid of the unit's building, if any */
  gridId: string | null;
}

/** Roles that administer a whole community: they read and manage all of its registry. */
const COMMUNITY_ADMINS: Role[] = ['district_admin', 'street_admin', 'community_staff'];

// ——— places ———

export function canOverseeDistrict(actor: Actor, districtId: string): boolean {
  return actor.scope.all || actor.scope.districts.has(districtId);
}

export function canOverseeStreet(actor: Actor, street: { id: string; districtId: string }): boolean {
  if (canOverseeDistrict(actor, street.districtId)) return true;
  return actor.kind === 'staff' && actor.grants.some((g) => g.role === 'street_admin' && g.scopeId === street.id);
}

/** Whether the community appears in the actor's place tree: they read it or reach something in it. */
export function reachesCommunity(actor: Actor, communityId: string): boolean {
  if (canReadCommunity(actor, communityId)) return true;
  for (const c of actor.scope.compounds.values()) if (c.communityId === communityId) return true;
  for (const g of actor.scope.grids.values()) if (g === communityId) return true;
  return false;
}

// ——— communities ———

/** District and street admins over it, and its community staff. */
export function canReadCommunity(actor: Actor, communityId: string): boolean {
  return hasCommunityRole(actor, communityId, ...COMMUNITY_ADMINS);
}

/** Record figures, change ownership, import the roster: the same three roles as reading. */
export function canManageCommunity(actor: Actor, communityId: string): boolean {
  return hasCommunityRole(actor, communityId, ...COMMUNITY_ADMINS);
}

export function communityAbilities(actor: Actor, communityId: string) {
  const manage = canManageCommunity(actor, communityId);
  return { read: canReadCommunity(actor, communityId), manage, recordFigures: manage };
}

// ——— compounds ———

/** Community readers, plus the compound's owners' committee and contracted property staff, plus grid workers with a building in it. */
export function canReadCompound(actor: Actor, compound: CompoundRef): boolean {
  return canReadCommunity(actor, compound.communityId)
    || hasCompoundRole(actor, compound.id, 'owners_committee', 'property_staff', 'grid_worker');
}

/** Community managers, and property staff of a company under current contract for the compound. */
export function canImportRoster(actor: Actor, compound: CompoundRef): boolean {
  return canManageCommunity(actor, compound.communityId) || hasCompoundRole(actor, compound.id, 'property_staff');
}

export const canExportRoster = canImportRoster;

/**
 * Full phone numbers: community staff, property staff of the compound, and grid workers (whose
 * lists are already cut to their grids). District and street admins, owners' committees and
 * owners see them masked.
 */
export function canSeePhonesInCompound(actor: Actor, compound: CompoundRef): boolean {
  return hasCommunityRole(actor, compound.communityId, 'community_staff')
    || hasCompoundRole(actor, compound.id, 'property_staff', 'grid_worker');
}

export function compoundAbilities(actor: Actor, compound: CompoundRef) {
  return {
    manage: canManageCommunity(actor, compound.communityId),
    importRoster: canImportRoster(actor, compound),
    exportRoster: canExportRoster(actor, compound),
    seePhones: canSeePhonesInCompound(actor, compound),
  };
}

// ——— units ———

const inOwnGrid = (actor: Actor, unit: UnitRef) => unit.gridId !== null && actor.scope.grids.get(unit.gridId) === unit.communityId;

/** Compound readers, except that a grid worker reads only units in their grids; an owner or resident reads their own units. */
export function canReadUnit(actor: Actor, unit: UnitRef): boolean {
  return canReadCommunity(actor, unit.communityId)
    || hasCompoundRole(actor, unit.compoundId, 'owners_committee', 'property_staff')
    || inOwnGrid(actor, unit)
    || actor.scope.ownUnits.get(unit.id) === unit.communityId;
}

export function canChangeOwnership(actor: Actor, unit: UnitRef): boolean {
  return canManageCommunity(actor, unit.communityId);
}

export function canSeePhonesOfUnit(actor: Actor, unit: UnitRef): boolean {
  return hasCommunityRole(actor, unit.communityId, 'community_staff')
    || hasCompoundRole(actor, unit.compoundId, 'property_staff')
    || inOwnGrid(actor, unit);
}

export function unitAbilities(actor: Actor, unit: UnitRef) {
  return { changeOwnership: canChangeOwnership(actor, unit), seePhones: canSeePhonesOfUnit(actor, unit) };
}

/** The last four ID characters help staff tell people apart; owners and residents do not see their neighbours'. */
export const canSeeIdLast4 = (actor: Actor) => actor.kind !== 'owner';

/** GET /api/my/units answers owners (phone login) only. */
export const canListOwnUnits = (actor: Actor): actor is Extract<Actor, { kind: 'owner' }> => actor.kind === 'owner';

// ——— creating places (commands used by the CLI, the demo loader and tests) ———

export const canCreateDistrict = (actor: Actor) => actor.scope.all;
export const canCreateStreet = (actor: Actor, districtId: string) => canOverseeDistrict(actor, districtId);
export const canCreateCommunity = (actor: Actor, street: { id: string; districtId: string }) => canOverseeStreet(actor, street);
export const canCreateCompound = (actor: Actor, communityId: string) => canManageCommunity(actor, communityId);

// ——— phones ———

/** The phone as this actor may see it. */
export function shownPhone(phone: string | null, seePhones: boolean): string | null {
  return seePhones ? phone : maskPhone(phone);
}

// ——— list filters: the same rules, for many rows ———

/** Communities whose registry the actor reads; null means every community. */
export function readableCommunityIds(actor: Actor): string[] | null {
  if (actor.scope.all) return null;
  return [...actor.scope.communities.keys()].filter((id) => canReadCommunity(actor, id));
}

/** A condition on `communities` keeping the rows the actor reads; undefined = no restriction. */
export function visibleCommunitiesSql(actor: Actor): SQL | undefined {
  const ids = readableCommunityIds(actor);
  if (ids === null) return undefined;
  return ids.length ? inArray(communities.id, ids) : sql`false`;
}

/**
 * Which units of a compound the actor reads: all of them, those in some grids, or none. The
 * caller has already checked canReadCompound.
 */
export function unitVisibility(actor: Actor, compound: CompoundRef): { all: true } | { all: false; gridIds: string[] } {
  if (canReadCommunity(actor, compound.communityId) || hasCompoundRole(actor, compound.id, 'owners_committee', 'property_staff')) {
    return { all: true };
  }
  const gridIds = [...actor.scope.grids].filter(([, communityId]) => communityId === compound.communityId).map(([id]) => id);
  return { all: false, gridIds };
}

/**
 * A condition on `units` keeping the units of the compound the actor reads (canReadUnit for many
 * rows); undefined = every unit of the compound. Self-contained, so any query over `units` can use it.
 */
export function visibleUnitsSql(actor: Actor, compound: CompoundRef): SQL | undefined {
  const v = unitVisibility(actor, compound);
  if (v.all) return undefined;
  if (!v.gridIds.length) return sql`false`;
  return sql`${units.buildingId} in (select ${buildings.id} from ${buildings} where ${buildings.communityId} = ${compound.communityId} and ${buildings.gridId} in ${v.gridIds})`;
}

/** A condition on `buildings` keeping the buildings of the compound whose units the actor reads. */
export function visibleBuildingsSql(actor: Actor, compound: CompoundRef): SQL | undefined {
  const v = unitVisibility(actor, compound);
  if (v.all) return undefined;
  return v.gridIds.length ? inArray(buildings.gridId, v.gridIds) : sql`false`;
}
