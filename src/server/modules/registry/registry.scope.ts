import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { buildings, communities, compounds, grids, ownerships, people, propertyContracts, residents } from './registry.tables.ts';

// Look-ups the accounts module needs to turn a role's scope id into the places it reaches.

export async function communitiesIn(db: Db, by: { districtIds?: string[]; streetIds?: string[]; communityIds?: string[] }) {
  const conds = [];
  if (by.districtIds?.length) conds.push(inArray(communities.districtId, by.districtIds));
  if (by.streetIds?.length) conds.push(inArray(communities.streetId, by.streetIds));
  if (by.communityIds?.length) conds.push(inArray(communities.id, by.communityIds));
  if (!conds.length) return [];
  return db.select({ id: communities.id }).from(communities).where(or(...conds));
}

export async function compoundsByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: compounds.id, communityId: compounds.communityId }).from(compounds).where(inArray(compounds.id, ids));
}

/** Compounds under a current contract with one of the companies. */
export async function compoundsOfCompanies(db: Db, companyIds: string[], today: string) {
  if (!companyIds.length) return [];
  return db
    .selectDistinct({ id: propertyContracts.compoundId, communityId: propertyContracts.communityId })
    .from(propertyContracts)
    .where(and(
      inArray(propertyContracts.companyId, companyIds),
      sql`${propertyContracts.startsOn} <= ${today}`,
      or(isNull(propertyContracts.endsOn), sql`${propertyContracts.endsOn} >= ${today}`),
    ));
}

export async function gridsByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: grids.id, communityId: grids.communityId }).from(grids).where(inArray(grids.id, ids));
}

/** Compounds that have at least one building in one of the grids. */
export async function compoundsOfGrids(db: Db, gridIds: string[]) {
  if (!gridIds.length) return [];
  return db
    .selectDistinct({ id: buildings.compoundId, communityId: buildings.communityId })
    .from(buildings)
    .where(inArray(buildings.gridId, gridIds));
}

/** People with this phone, and the units they currently own or live in. */
export async function unitsOfPhone(db: Db, phone: string) {
  const persons = await db.select({ id: people.id, communityId: people.communityId }).from(people).where(eq(people.phone, phone));
  if (!persons.length) return { personIds: [], units: [] as { unitId: string; communityId: string }[] };
  const personIds = persons.map((p) => p.id);
  const owned = await db
    .select({ unitId: ownerships.unitId, communityId: ownerships.communityId })
    .from(ownerships)
    .where(and(inArray(ownerships.personId, personIds), isNull(ownerships.until)));
  const lived = await db
    .select({ unitId: residents.unitId, communityId: residents.communityId })
    .from(residents)
    .where(and(inArray(residents.personId, personIds), isNull(residents.until)));
  return { personIds, units: [...owned, ...lived] };
}

/** People of one community with one of these phones: the person a staff account is in the registry. */
export async function peopleOfCommunityByPhone(db: Db, communityId: string, phones: string[]) {
  if (!phones.length) return [];
  return db
    .select({ id: people.id, name: people.name, phone: people.phone })
    .from(people)
    .where(and(eq(people.communityId, communityId), eq(people.kind, 'person'), inArray(people.phone, phones)))
    .orderBy(people.name, people.id);
}
