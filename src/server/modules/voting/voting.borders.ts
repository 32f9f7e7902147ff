import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
// Border crossing, kept to this one file (as accounts.places.ts does): the registry's and the
// accounts module's index.ts offer no look-ups for a compound's units with their current owners,
// its owners' committee, or the users holding a role by phone. They belong in registry.scope.ts
// and the accounts index (asked of their owners); when they land, this file shrinks to calls of
// them and the imports below go. Everything here only reads.
import {
  buildings, communities, compounds, organisations, ownerships, people, units,
} from '../registry/registry.tables.ts';
import { roleGrants, users } from '../accounts/accounts.tables.ts';
import type { RegistryUnit } from './domain/electorate.ts';

export interface CompoundInfo {
  id: string;
  communityId: string;
  name: string;
  communityName: string;
  parkingInVotingArea: boolean;
}

export async function compoundInfo(db: Db, compoundId: string): Promise<CompoundInfo | null> {
  const [row] = await db
    .select({
      id: compounds.id,
      communityId: compounds.communityId,
      name: compounds.name,
      communityName: communities.name,
      parkingInVotingArea: compounds.parkingInVotingArea,
    })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(eq(compounds.id, compoundId));
  return row ?? null;
}

/** Whether the compound has an owners' committee whose term has not ended (the organisations register). */
export async function hasOwnersCommittee(db: Db, compound: { id: string; communityId: string }, today: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(
      eq(organisations.communityId, compound.communityId),
      eq(organisations.kind, 'owners_committee'),
      eq(organisations.compoundId, compound.id),
      or(isNull(organisations.termEnd), sql`${organisations.termEnd} >= ${today}`),
    ))
    .limit(1);
  return !!row;
}

/** Every unit of the compound with its areas and current owners (ids and flags only, never names). */
export async function registryUnitsOf(db: Db, compound: { id: string; communityId: string }): Promise<RegistryUnit[]> {
  const rows = await db
    .select({
      unitId: units.id,
      buildingId: units.buildingId,
      buildingName: buildings.name,
      number: units.number,
      use: units.use,
      holderStatus: units.holderStatus,
      registered: units.areaRegisteredCenti,
      surveyed: units.areaSurveyedCenti,
      contract: units.areaContractCenti,
    })
    .from(units)
    .innerJoin(buildings, and(eq(buildings.communityId, units.communityId), eq(buildings.id, units.buildingId)))
    .where(and(eq(units.communityId, compound.communityId), eq(units.compoundId, compound.id)))
    .orderBy(buildings.name, units.number);
  const owners = await db
    .select({ unitId: ownerships.unitId, personId: ownerships.personId, isVoter: ownerships.isVoter, isDeveloper: people.isDeveloper })
    .from(ownerships)
    .innerJoin(units, and(eq(units.communityId, ownerships.communityId), eq(units.id, ownerships.unitId)))
    .innerJoin(people, and(eq(people.communityId, ownerships.communityId), eq(people.id, ownerships.personId)))
    .where(and(eq(ownerships.communityId, compound.communityId), eq(units.compoundId, compound.id), isNull(ownerships.until)));
  const byUnit = new Map<string, RegistryUnit['owners']>();
  for (const o of owners) {
    const list = byUnit.get(o.unitId) ?? [];
    list.push({ personId: o.personId, isVoter: o.isVoter, isDeveloper: o.isDeveloper });
    byUnit.set(o.unitId, list);
  }
  return rows.map((r) => ({
    unitId: r.unitId,
    buildingId: r.buildingId,
    buildingName: r.buildingName,
    number: r.number,
    use: r.use,
    holderStatus: r.holderStatus,
    areas: { registered: r.registered, surveyed: r.surveyed, contract: r.contract },
    owners: byUnit.get(r.unitId) ?? [],
  }));
}

/** The units of one compound that any of these people currently own. */
export async function unitsOwnedInCompound(db: Db, compoundId: string, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  const rows = await db
    .selectDistinct({ unitId: ownerships.unitId })
    .from(ownerships)
    .innerJoin(units, and(eq(units.communityId, ownerships.communityId), eq(units.id, ownerships.unitId)))
    .where(and(inArray(ownerships.personId, personIds), isNull(ownerships.until), eq(units.compoundId, compoundId)));
  return rows.map((r) => r.unitId);
}

/** Compounds where any of these people currently own a unit. */
export async function compoundsOwnedBy(db: Db, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  const rows = await db
    .selectDistinct({ compoundId: units.compoundId })
    .from(ownerships)
    .innerJoin(units, and(eq(units.communityId, ownerships.communityId), eq(units.id, ownerships.unitId)))
    .where(and(inArray(ownerships.personId, personIds), isNull(ownerships.until)));
  return rows.map((r) => r.compoundId);
}

/**
 * Whether a phone belongs to property company staff: an enabled user holding the property_staff
 * role. The registry keeps no membership of people in property companies, so the role is the
 * only record there is.
 */
export async function isPropertyStaffPhone(db: Db, phone: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(users.phone, phone), isNull(users.disabledAt), eq(roleGrants.role, 'property_staff')))
    .limit(1);
  return !!row;
}

/** A unit of the compound, for naming it in corrections and proxies; null when it is not in the compound. */
export async function unitOfCompound(db: Db, compound: { id: string; communityId: string }, unitId: string) {
  const [row] = await db
    .select({ unitId: units.id, number: units.number, buildingName: buildings.name })
    .from(units)
    .innerJoin(buildings, and(eq(buildings.communityId, units.communityId), eq(buildings.id, units.buildingId)))
    .where(and(eq(units.communityId, compound.communityId), eq(units.compoundId, compound.id), eq(units.id, unitId)));
  return row ?? null;
}
