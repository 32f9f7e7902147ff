import { randomInt } from 'node:crypto';
import type { Role } from '../../src/contracts/accounts.ts';
import { systemActor } from '../../src/server/platform/actor.ts';
import type { Db } from '../../src/server/platform/db.ts';
import { createUser } from '../../src/server/modules/accounts/index.ts';
// Test support may open a session directly: the phone + one-time-code flow has its own tests.
import { createSession } from '../../src/server/modules/accounts/accounts.sessions.ts';
import { createCommunity, createCompound, createDistrict, createStreet } from '../../src/server/modules/registry/index.ts';
import {
  buildings, grids, memberships, organisations, ownerships, people, propertyCompanies, propertyContracts, residents, units,
} from '../../src/server/modules/registry/registry.tables.ts';

// Factories that write real rows. Places go through the registry's commands (so they are
// audited as in production); buildings, units and people are inserted directly, as the roster
// import and demo loader do in bulk. Every code, name and phone is unique per call.

const ctx = (db: Db) => ({ db, actor: systemActor('test') });
let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}-${randomInt(1e6).toString(36)}`;
/** A mainland mobile number no other factory call returns. */
export const uniquePhone = () => `139${String(randomInt(1e4)).padStart(4, '0')}${String(++counter % 1e4).padStart(4, '0')}`;
export const STAFF_PASSWORD = 'factory-password';

export async function buildDistrict(db: Db, over: { code?: string; name?: string } = {}) {
  return createDistrict(ctx(db), { code: over.code ?? unique('D'), name: over.name ?? unique('District ') });
}

export async function buildStreet(db: Db, over: { districtId?: string; code?: string; name?: string } = {}) {
  const districtId = over.districtId ?? (await buildDistrict(db)).id;
  return createStreet(ctx(db), { districtId, code: over.code ?? unique('S'), name: over.name ?? unique('Street ') });
}

export async function buildCommunity(db: Db, over: { streetId?: string; code?: string; name?: string; areaM2?: number } = {}) {
  const streetId = over.streetId ?? (await buildStreet(db)).id;
  return createCommunity(ctx(db), { streetId, code: over.code ?? unique('C'), name: over.name ?? unique('Community '), areaM2: over.areaM2 });
}

export async function buildCompound(db: Db, over: { communityId: string; code?: string; name?: string; parkingInVotingArea?: boolean }) {
  return createCompound(ctx(db), { ...over, code: over.code ?? unique('X'), name: over.name ?? unique('Compound ') });
}

export type PersonRow = Awaited<ReturnType<typeof buildPerson>>;

/** A person of a community; an owner once `own()` links them to a unit. */
export async function buildPerson(
  db: Db,
  over: { communityId: string; name?: string; phone?: string | null; isDeveloper?: boolean; partyMember?: boolean; kind?: 'person' | 'organisation'; idLast4?: string },
) {
  const [row] = await db.insert(people).values({
    communityId: over.communityId,
    name: over.name ?? unique('Person '),
    phone: over.phone === undefined ? uniquePhone() : over.phone,
    isDeveloper: over.isDeveloper ?? false,
    partyMember: over.partyMember ?? false,
    kind: over.kind ?? (over.isDeveloper ? 'organisation' : 'person'),
    idLast4: over.idLast4 ?? String(randomInt(1e4)).padStart(4, '0'),
  }).returning();
  return row;
}

export const buildOwner = buildPerson;

export async function buildGrid(db: Db, over: { communityId: string; code?: string; name?: string; workerPersonId?: string | null }) {
  const [row] = await db.insert(grids).values({
    communityId: over.communityId,
    code: over.code ?? unique('G'),
    name: over.name ?? unique('Grid '),
    workerPersonId: over.workerPersonId ?? null,
  }).returning();
  return row;
}

export async function buildBuilding(db: Db, over: { compound: { id: string; communityId: string }; gridId?: string | null; name?: string }) {
  const [row] = await db.insert(buildings).values({
    communityId: over.compound.communityId,
    compoundId: over.compound.id,
    gridId: over.gridId ?? null,
    name: over.name ?? unique('B'),
  }).returning();
  return row;
}

export type UnitRowOf = Awaited<ReturnType<typeof buildUnit>>;

/** A unit; `areaCenti` is the registered area, or give each source in `areas`. Builds a building when none is given. */
export async function buildUnit(
  db: Db,
  over: {
    compound: { id: string; communityId: string };
    building?: { id: string; gridId: string | null };
    number?: string;
    areaCenti?: number;
    areas?: { registered?: number | null; surveyed?: number | null; contract?: number | null };
    use?: 'residential' | 'commercial' | 'parking';
    holderStatus?: 'owned' | 'developer_unsold' | 'sold_not_delivered';
  },
) {
  const building = over.building ?? (await buildBuilding(db, { compound: over.compound }));
  const [row] = await db.insert(units).values({
    communityId: over.compound.communityId,
    compoundId: over.compound.id,
    buildingId: building.id,
    number: over.number ?? unique('U'),
    use: over.use ?? 'residential',
    holderStatus: over.holderStatus ?? 'owned',
    areaRegisteredCenti: over.areas ? over.areas.registered ?? null : over.areaCenti ?? 8850,
    areaSurveyedCenti: over.areas?.surveyed ?? null,
    areaContractCenti: over.areas?.contract ?? null,
  }).returning();
  return { ...row, gridId: building.gridId };
}

/** A current ownership of the unit by the person. */
export async function own(db: Db, unit: { id: string; communityId: string }, person: { id: string }, over: { isVoter?: boolean; since?: string } = {}) {
  const [row] = await db.insert(ownerships).values({
    communityId: unit.communityId, unitId: unit.id, personId: person.id, isVoter: over.isVoter ?? true, since: over.since ?? '2020-01-01',
  }).returning();
  return row;
}

/** A current residence of the person in the unit. */
export async function live(db: Db, unit: { id: string; communityId: string }, person: { id: string }, over: { relation?: string; since?: string } = {}) {
  const [row] = await db.insert(residents).values({
    communityId: unit.communityId, unitId: unit.id, personId: person.id, relation: over.relation ?? 'owner', since: over.since ?? '2020-01-01',
  }).returning();
  return row;
}

export async function buildOrganisation(
  db: Db,
  over: {
    communityId: string; kind: 'party_org' | 'grid_branch' | 'residents_committee' | 'owners_committee'; name?: string;
    parentId?: string; compoundId?: string; gridId?: string; termStart?: string; termEnd?: string | null;
  },
) {
  const [row] = await db.insert(organisations).values({ ...over, name: over.name ?? unique(`${over.kind} `) }).returning();
  return row;
}

export async function addMember(db: Db, org: { id: string; communityId: string }, person: { id: string }, over: { role?: string; since?: string; until?: string } = {}) {
  const [row] = await db.insert(memberships).values({
    communityId: org.communityId, organisationId: org.id, personId: person.id, role: over.role ?? 'member', since: over.since ?? '2023-01-01', until: over.until ?? null,
  }).returning();
  return row;
}

export async function buildPropertyCompany(db: Db, over: { name?: string } = {}) {
  const [row] = await db.insert(propertyCompanies).values({ creditCode: unique('91'), name: over.name ?? unique('Property Co ') }).returning();
  return row;
}

export async function buildContract(db: Db, over: { compound: { id: string; communityId: string }; companyId: string; startsOn?: string; endsOn?: string | null }) {
  const [row] = await db.insert(propertyContracts).values({
    communityId: over.compound.communityId, compoundId: over.compound.id, companyId: over.companyId,
    startsOn: over.startsOn ?? '2022-01-01', endsOn: over.endsOn ?? null,
  }).returning();
  return row;
}

export interface StaffLogin {
  userId: string;
  username: string;
  password: string;
}

/** A staff account holding one role over one scope (district, street, community, grid, compound or company id). */
export async function buildStaff(db: Db, over: { role: Role; scopeId: string; username?: string }): Promise<StaffLogin> {
  const username = over.username ?? unique(`${over.role.replace('_', '-')}-`).toLowerCase();
  const user = await createUser(ctx(db), { username, displayName: username, password: STAFF_PASSWORD, grants: [{ role: over.role, scopeId: over.scopeId }] });
  return { userId: user.id, username, password: STAFF_PASSWORD };
}

/** A Cookie header for an owner or resident, as if they had logged in with their phone and a code. */
export async function ownerCookie(db: Db, phone: string): Promise<string> {
  const { token } = await createSession(db, { ownerPhone: phone });
  return `siyi_session=${token}`;
}

// ——— the two-community world of the isolation tests ———

/**
 * One community of the world. Compound 1 has buildings in both grids and a current property
 * contract; compound 2 sits in grid 2 only. Units of compound 1: building 1 (grid 1) holds 101
 * (two co-owners, the first votes), 102 (surveyed area only) and 103 (the developer's, unsold);
 * building 2 (grid 2) holds 201 (contract area only, a tenant lives there) and parking P01.
 */
async function buildCommunityWorld(db: Db, streetId: string, tag: 'A' | 'B') {
  const community = await buildCommunity(db, { streetId, code: unique(`${tag}-`), name: `Community ${tag}` });
  const communityId = community.id;
  const person = (name: string, over: { isDeveloper?: boolean; partyMember?: boolean } = {}) => buildPerson(db, { communityId, name: `${tag} ${name}`, ...over });
  const [worker1, worker2] = [await person('Worker 1'), await person('Worker 2')];
  const grid1 = await buildGrid(db, { communityId, name: `${tag} Grid 1`, workerPersonId: worker1.id });
  const grid2 = await buildGrid(db, { communityId, name: `${tag} Grid 2`, workerPersonId: worker2.id });
  const compound1 = await buildCompound(db, { communityId, name: `${tag}1 Garden` });
  const compound2 = await buildCompound(db, { communityId, name: `${tag}2 Court` });
  const building11 = await buildBuilding(db, { compound: compound1, gridId: grid1.id, name: '1' });
  const building12 = await buildBuilding(db, { compound: compound1, gridId: grid2.id, name: '2' });
  const building21 = await buildBuilding(db, { compound: compound2, gridId: grid2.id, name: '1' });

  const owner = await person('Owner', { partyMember: true });
  const coOwner = await person('Co-owner');
  const owner2 = await person('Owner 2');
  const owner3 = await person('Owner 3');
  const owner4 = await person('Owner 4');
  const tenant = await person('Tenant');
  const developer = await person('Developer', { isDeveloper: true });
  const u101 = await buildUnit(db, { compound: compound1, building: building11, number: '101', areaCenti: 8850 });
  const u102 = await buildUnit(db, { compound: compound1, building: building11, number: '102', areas: { surveyed: 9000, contract: 9100 } });
  const u103 = await buildUnit(db, { compound: compound1, building: building11, number: '103', areaCenti: 10030, holderStatus: 'developer_unsold' });
  const u201 = await buildUnit(db, { compound: compound1, building: building12, number: '201', areas: { contract: 12000 } });
  const p01 = await buildUnit(db, { compound: compound1, building: building12, number: 'P01', areaCenti: 1200, use: 'parking' });
  const c2u101 = await buildUnit(db, { compound: compound2, building: building21, number: '101', areaCenti: 7000 });
  await own(db, u101, owner, { isVoter: true });
  await own(db, u101, coOwner, { isVoter: false });
  await own(db, u102, owner2);
  await own(db, u103, developer);
  await own(db, u201, owner3);
  await own(db, p01, owner);
  await own(db, c2u101, owner4);
  await live(db, u101, owner, { relation: 'owner' });
  await live(db, u201, tenant, { relation: 'tenant' });

  const partyOrg = await buildOrganisation(db, { communityId, kind: 'party_org', name: `${tag} Party Committee` });
  const branch1 = await buildOrganisation(db, { communityId, kind: 'grid_branch', parentId: partyOrg.id, gridId: grid1.id, name: `${tag} Branch 1` });
  await buildOrganisation(db, { communityId, kind: 'grid_branch', parentId: partyOrg.id, gridId: grid2.id, name: `${tag} Branch 2` });
  await addMember(db, branch1, worker1, { role: 'secretary' });
  await buildOrganisation(db, { communityId, kind: 'residents_committee', name: `${tag} Residents' Committee`, termStart: '2021-01-01', termEnd: '2026-12-31' });
  const committee = await buildOrganisation(db, {
    communityId, kind: 'owners_committee', compoundId: compound1.id, name: `${tag}1 Owners' Committee`, termStart: '2023-01-01', termEnd: null,
  });
  await addMember(db, committee, owner, { role: 'chair' });
  await addMember(db, committee, owner2, { role: 'member' });

  const company = await buildPropertyCompany(db, { name: `${tag} Property Services` });
  await buildContract(db, { compound: compound1, companyId: company.id, startsOn: '2022-01-01', endsOn: null });

  return {
    community, communityId, grids: { grid1, grid2 }, compounds: { compound1, compound2 },
    buildings: { building11, building12, building21 },
    units: { u101, u102, u103, u201, p01, c2u101 },
    people: { owner, coOwner, owner2, owner3, owner4, tenant, developer, worker1, worker2 },
    committee, company,
  };
}

export type CommunityWorld = Awaited<ReturnType<typeof buildCommunityWorld>> & {
  street: { id: string };
  users: Record<'streetAdmin' | 'communityStaff' | 'gridWorker' | 'committee' | 'propertyStaff', StaffLogin>;
};

/**
 * Two communities A and B, on different streets of one district, each built by
 * buildCommunityWorld, and one staff user per role per community (the grid worker of grid 1,
 * the owners' committee of compound 1, the staff of the company contracted for compound 1). B's
 * company also once held an expired contract for A's compound 2, which must give it nothing.
 */
export async function buildTwoCommunityWorld(db: Db) {
  const district = await buildDistrict(db, { name: 'World District' });
  const districtAdmin = await buildStaff(db, { role: 'district_admin', scopeId: district.id });
  const complete = async (tag: 'A' | 'B'): Promise<CommunityWorld> => {
    const street = await buildStreet(db, { districtId: district.id, name: `Street ${tag}` });
    const world = await buildCommunityWorld(db, street.id, tag);
    const users = {
      streetAdmin: await buildStaff(db, { role: 'street_admin', scopeId: street.id }),
      communityStaff: await buildStaff(db, { role: 'community_staff', scopeId: world.communityId }),
      gridWorker: await buildStaff(db, { role: 'grid_worker', scopeId: world.grids.grid1.id }),
      committee: await buildStaff(db, { role: 'owners_committee', scopeId: world.compounds.compound1.id }),
      propertyStaff: await buildStaff(db, { role: 'property_staff', scopeId: world.company.id }),
    };
    return { ...world, street, users };
  };
  const A = await complete('A');
  const B = await complete('B');
  await buildContract(db, { compound: A.compounds.compound2, companyId: B.company.id, startsOn: '2015-01-01', endsOn: '2019-12-31' });
  return { district, districtAdmin, A, B };
}

export type TwoCommunityWorld = Awaited<ReturnType<typeof buildTwoCommunityWorld>>;
