import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../src/server/platform/actor.ts';
import { emptyScope, systemActor } from '../../../src/server/platform/actor.ts';
import { ManualClock } from '../../../src/server/platform/clock.ts';
import { rowsOf, type Db } from '../../../src/server/platform/db.ts';
import {
  concludeAgendaItem, createMeeting, editMinutes, inviteRepresentative, recordAttendance, recordPosition, setAgenda, signMinutes,
} from '../../../src/server/modules/meetings/index.ts';
import { matters } from '../../../src/server/modules/consultation/consultation.tables.ts';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import {
  addMember, buildBuilding, buildCommunity, buildCompound, buildContract, buildGrid, buildOrganisation, buildPerson, buildPropertyCompany, buildStaff, buildUnit, own, ownerCookie,
  type PersonRow, type StaffLogin,
} from '../../support/factories.ts';

// The consultation tests' world: a community with compound 1 (14 households, each its own owner,
// an owners' committee, a property company under contract, in grid 1) and compound 2 (one
// household); the community's Party organisation and residents' committee; staff of every role;
// a second community on another street whose staff must see nothing here; and a clock the tests move.

export const DAY = 86_400_000;
export const START = new Date('2026-03-02T02:00:00.000Z');

export type Role = 'staff' | 'staff2' | 'committee' | 'property' | 'grid' | 'street' | 'district' | 'otherStaff' | 'raiserOwner' | 'owner' | 'otherCompoundOwner';

export interface Client {
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

export function client(app: FastifyInstance, cookie: string): Client {
  const headers = { cookie };
  return {
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, payload) => app.inject({ method: 'POST', url, headers, payload: (payload ?? {}) as object }),
    put: (url, payload) => app.inject({ method: 'PUT', url, headers, payload: payload as object }),
  };
}

/** Expects a status, printing the body when it differs. */
export function expectStatus(res: LightMyRequestResponse, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

export async function consultationWorld() {
  const clock = new ManualClock(START);
  const t: TestApp = await createTestApp(undefined, { clock });
  const app = t.app;
  const db = app.db;
  const community = await buildCommunity(db, { name: 'Harmony Community' });
  const communityId = community.id;
  const grid = await buildGrid(db, { communityId });
  const compound = await buildCompound(db, { communityId, name: 'Harmony Garden' });
  const compound2 = await buildCompound(db, { communityId, name: 'Lone Court' });
  const building = await buildBuilding(db, { compound, gridId: grid.id, name: 'A' });
  const households: { unitId: string; owner: PersonRow }[] = [];
  for (let i = 0; i < 14; i++) {
    const unit = await buildUnit(db, { compound, building, number: `${101 + i}`, areaCenti: 9000 + i * 100 });
    const owner = await buildPerson(db, { communityId, name: `Owner ${i + 1}` });
    await own(db, unit, owner);
    households.push({ unitId: unit.id, owner });
  }
  const loneUnit = await buildUnit(db, { compound: compound2, areaCenti: 8000 });
  const loneOwner = await buildPerson(db, { communityId, name: 'Lone Owner' });
  await own(db, loneUnit, loneOwner);

  const person = (name: string) => buildPerson(db, { communityId, name });
  const partyOrg = await buildOrganisation(db, { communityId, kind: 'party_org', name: 'Party Committee' });
  const residentsCommittee = await buildOrganisation(db, { communityId, kind: 'residents_committee', termStart: '2024-01-01', termEnd: '2028-12-31' });
  const ownersCommittee = await buildOrganisation(db, { communityId, kind: 'owners_committee', compoundId: compound.id, termStart: '2024-01-01', termEnd: null });
  const reps = { party: await person('Secretary Li'), residents: await person('Director Wang'), property: await person('Manager Zhao') };
  await addMember(db, partyOrg, reps.party, { role: 'secretary' });
  await addMember(db, residentsCommittee, reps.residents, { role: 'director' });
  await addMember(db, ownersCommittee, households[0].owner, { role: 'chair' });
  const company = await buildPropertyCompany(db);
  await buildContract(db, { compound, companyId: company.id, startsOn: '2020-01-01' });

  const other = await buildCommunity(db, { name: 'Other Community' });
  const users = {
    staff: await buildStaff(db, { role: 'community_staff', scopeId: communityId }),
    staff2: await buildStaff(db, { role: 'community_staff', scopeId: communityId }),
    committee: await buildStaff(db, { role: 'owners_committee', scopeId: compound.id }),
    property: await buildStaff(db, { role: 'property_staff', scopeId: company.id }),
    grid: await buildStaff(db, { role: 'grid_worker', scopeId: grid.id }),
    street: await buildStaff(db, { role: 'street_admin', scopeId: community.streetId }),
    district: await buildStaff(db, { role: 'district_admin', scopeId: community.districtId }),
    otherStaff: await buildStaff(db, { role: 'community_staff', scopeId: other.id }),
  };
  const cookies = {} as Record<Role, string>;
  for (const [role, u] of Object.entries(users) as [Role, StaffLogin][]) cookies[role] = await loginStaff(app, u.username, u.password);
  cookies.raiserOwner = await ownerCookie(db, households[1].owner.phone!);
  cookies.owner = await ownerCookie(db, households[2].owner.phone!);
  cookies.otherCompoundOwner = await ownerCookie(db, loneOwner.phone!);
  const as = (role: Role) => client(app, cookies[role]);
  const ownerClient = async (p: { phone: string | null }) => client(app, await ownerCookie(db, p.phone!));

  return {
    t, app, db, clock, community, communityId, grid, compound, compound2, households, loneOwner, loneUnit, company, other,
    orgs: { partyOrg, residentsCommittee, ownersCommittee }, reps, users, as, ownerClient,
  };
}

export type World = Awaited<ReturnType<typeof consultationWorld>>;

/** A matter raised by community staff (no co-signatures), about compound 1, decided by the owners' committee unless `over` says otherwise. */
export function matterBody(w: World, over: Record<string, unknown> = {}) {
  return {
    communityId: w.communityId,
    compoundId: w.compound.id,
    title: 'Repair the north gate',
    description: '北门损坏，需维修。The north gate is broken.',
    category: 'repairs_facilities',
    source: 'community',
    decidingBody: 'owners_committee',
    ...over,
  };
}

export async function raise(w: World, who: Client, over: Record<string, unknown> = {}) {
  return expectStatus(await who.post('/api/matters', matterBody(w, over)), 201);
}

/** POST advance with the matter's current step as expectedStep; returns the raw response. */
export function advance(who: Client, matter: { id: string; step: string }, to: string, extra: Record<string, unknown> = {}) {
  return who.post(`/api/matters/${matter.id}/advance`, { to, expectedStep: matter.step, ...extra });
}

export async function getMatter(w: World, id: string) {
  return expectStatus(await w.as('staff').get(`/api/matters/${id}`), 200);
}

const staffActor = (u: StaffLogin): Actor => ({ kind: 'staff', userId: u.userId, username: u.username, displayName: u.username, grants: [], scope: emptyScope() });

/**
 * Holds a joint meeting on the matter through the meetings module's commands: the four parties'
 * representatives present (each linked to their own staff account), positions giving `conclusion`
 * (consensus: all support; no_consensus: two support, two object), minutes written and, when
 * `lock`, signed by all four so that they lock.
 */
export async function holdJointMeeting(w: World, matterId: string, opts: { conclusion: 'consensus' | 'no_consensus'; lock?: boolean }) {
  const system = { db: w.db, actor: systemActor('test'), clock: w.clock };
  const meeting = await createMeeting(system, w.communityId, { kind: 'joint', title: 'Joint meeting', scheduledAt: w.clock.now().toISOString() });
  const ref = { id: meeting.id, communityId: w.communityId, kind: 'joint' as const, compoundId: null };
  await setAgenda(system, ref, { items: [{ matterId, title: 'The matter' }] });
  const seats = [
    { party: 'party_org' as const, personId: w.reps.party.id },
    { party: 'residents_committee' as const, personId: w.reps.residents.id },
    { party: 'owners_committee' as const, personId: w.households[0].owner.id },
    { party: 'property_company' as const, personId: w.reps.property.id, companyId: w.company.id },
  ];
  const reps = [];
  for (const seat of seats) {
    const user = await buildStaff(w.db, { role: 'community_staff', scopeId: w.communityId });
    const rep = await inviteRepresentative(system, ref, { ...seat, userId: user.userId });
    reps.push({ rep, user });
  }
  await recordAttendance(system, ref, { entries: reps.map(({ rep }) => ({ representativeId: rep.id, present: true })) });
  const items = rowsOf<{ id: string }>(await w.db.execute(sql`select id from meeting_agenda_items where meeting_id = ${meeting.id}`));
  const itemId = items[0].id;
  for (const [i, { rep, user }] of reps.entries()) {
    const position = opts.conclusion === 'consensus' || i < 2 ? 'support' : 'object';
    await recordPosition({ ...system, actor: staffActor(user) }, ref, itemId, rep.id, { position, reason: `${rep.party} says ${position}` });
  }
  await concludeAgendaItem(system, ref, itemId, {});
  await editMinutes(system, ref, { text: `Minutes of ${randomUUID()}` });
  if (opts.lock !== false) {
    for (const { rep, user } of reps) await signMinutes({ ...system, actor: staffActor(user) }, ref, rep.id);
  }
  return meeting;
}

/** The audit events of the world's community, oldest first. */
export async function auditEvents(w: World): Promise<{ kind: string; object_id: string; after: Record<string, unknown> | null }[]> {
  return rowsOf(await w.db.execute(sql`select kind, object_id, after from audit_events where community_id = ${w.communityId} order by seq`));
}

/** Runs something and returns the audit events it appended. */
export async function withAudit<T>(w: World, run: () => Promise<T>) {
  const before = (await auditEvents(w)).length;
  const result = await run();
  return { result, events: (await auditEvents(w)).slice(before) };
}

export type { Db };

/**
 * A matter put straight into `step` (rows written directly, as a factory does), about compound 1,
 * raised by the world's raising owner for their household, needing 10 co-signatures of which it
 * has none, its consult period running and no other deadline passed: every move out of the step
 * has a requirement left unmet, so the matrix tests can try each role on the same matter.
 */
export async function matterAt(w: World, step: string, over: Partial<typeof matters.$inferInsert> = {}) {
  const now = w.clock.now();
  const [row] = await w.db.insert(matters).values({
    communityId: w.communityId,
    compoundId: w.compound.id,
    title: `A matter in ${step}`,
    description: 'Set up by the test',
    category: 'other',
    urgency: 'routine',
    decidingBody: 'owners_committee',
    source: 'residents',
    raisedByLabel: 'owner:test',
    raisedByPhone: w.households[1].owner.phone,
    raisedByUnitId: w.households[1].unitId,
    raisedAt: now,
    step: step as typeof matters.$inferInsert.step,
    stepEnteredAt: now,
    stepDueAt: new Date(now.getTime() + 5 * DAY),
    signaturesRequired: 10,
    ...over,
  }).returning();
  return row;
}
