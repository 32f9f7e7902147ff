import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { ManualClock } from '../../../src/server/platform/clock.ts';
import type { Db } from '../../../src/server/platform/db.ts';
import { auditEvents } from '../../../src/server/modules/audit/audit.tables.ts';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import {
  addMember, buildPerson, buildStaff, buildTwoCommunityWorld, ownerCookie, type PersonRow, type StaffLogin, type TwoCommunityWorld,
} from '../../support/factories.ts';
import { organisations } from '../../../src/server/modules/registry/registry.tables.ts';

// The meetings tests' world: the two-community world of the isolation tests, with community A's
// four parties staffed. Each representative-to-be is a registry person in the right body and has
// a staff account of their own, so they can take positions and sign in person. The compound's
// owners' committee has four members (so exactly half is two). The clock starts on a Monday.

export const START = new Date('2026-03-02T00:00:00.000Z');

export interface Person {
  person: PersonRow;
  login: StaffLogin;
}

export interface MeetingsWorld {
  t: TestApp;
  app: FastifyInstance;
  db: Db;
  clock: ManualClock;
  world: TwoCommunityWorld;
  communityId: string;
  compoundId: string;
  companyId: string;
  /** community A's staff: organise joint meetings */
  organiser: StaffLogin;
  party: Person;
  party2: Person;
  residents: Person;
  owners: Person;
  property: Person;
  /** an owner of community A, invited as owners' representative (no party vote) */
  ownerRep: PersonRow;
  /** the four members of compound 1's owners' committee, each with an owners_committee account */
  members: Person[];
}

export async function meetingsWorld(): Promise<MeetingsWorld> {
  const clock = new ManualClock(START);
  const t = await createTestApp(undefined, { clock });
  const db = t.app.db;
  const world = await buildTwoCommunityWorld(db);
  const A = world.A;
  const communityId = A.communityId;
  const orgOf = async (kind: 'party_org' | 'residents_committee') => {
    const [org] = await db.select().from(organisations).where(and(eq(organisations.communityId, communityId), eq(organisations.kind, kind)));
    return org;
  };
  const partyOrg = await orgOf('party_org');
  const residentsCommittee = await orgOf('residents_committee');
  const staffed = async (name: string, role: 'community_staff' | 'owners_committee' | 'property_staff', scopeId: string, org?: { id: string; communityId: string }, person?: PersonRow): Promise<Person> => {
    const p = person ?? await buildPerson(db, { communityId, name });
    if (org) await addMember(db, org, p, { role: 'member' });
    return { person: p, login: await buildStaff(db, { role, scopeId }) };
  };
  const party = await staffed('A Secretary', 'community_staff', communityId, partyOrg);
  const party2 = await staffed('A Deputy Secretary', 'community_staff', communityId, partyOrg);
  const residents = await staffed('A RC Director', 'community_staff', communityId, residentsCommittee);
  const property = await staffed('A Project Manager', 'property_staff', A.company.id);
  // the committee already has the owner (chair) and owner2; add owner3 and the co-owner
  await addMember(db, A.committee, A.people.owner3);
  await addMember(db, A.committee, A.people.coOwner);
  const members: Person[] = [];
  for (const p of [A.people.owner, A.people.owner2, A.people.owner3, A.people.coOwner]) {
    members.push({ person: p, login: await buildStaff(db, { role: 'owners_committee', scopeId: A.compounds.compound1.id }) });
  }
  return {
    t, app: t.app, db, clock, world, communityId, compoundId: A.compounds.compound1.id, companyId: A.company.id,
    organiser: A.users.communityStaff,
    party, party2, residents, owners: members[0], property, ownerRep: A.people.owner4, members,
  };
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

export function client(app: FastifyInstance, cookie: string): Client {
  return {
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    put: (url, payload) => app.inject({ method: 'PUT', url, headers: { cookie }, payload: (payload ?? {}) as object }),
    post: (url, payload) => app.inject({ method: 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) }),
    del: (url) => app.inject({ method: 'DELETE', url, headers: { cookie } }),
  };
}

export const as = async (app: FastifyInstance, login: StaffLogin) => client(app, await loginStaff(app, login.username, login.password));
export const asOwner = async (app: FastifyInstance, db: Db, phone: string) => client(app, await ownerCookie(db, phone));

/** The audit events of one object, oldest first. */
export const eventsOf = (db: Db, objectId: string) => db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId)).orderBy(auditEvents.seq);

/**
 * Runs a request and checks it wrote exactly one audit event, of the kind given, on the object;
 * a refused request must write none.
 */
export async function expectOneEvent(db: Db, objectId: string, kind: string, run: () => Promise<LightMyRequestResponse>, status = 200) {
  const before = (await eventsOf(db, objectId)).length;
  const res = await run();
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  const after = await eventsOf(db, objectId);
  const added = after.slice(before);
  if (added.length !== 1 || added[0].kind !== kind) {
    throw new Error(`expected one ${kind} event, got ${JSON.stringify(added.map((e) => e.kind))}`);
  }
  return { res, event: added[0] };
}


export type Seat = 'party' | 'residents' | 'owners' | 'property';
export const SEATS: { seat: Seat; party: string }[] = [
  { seat: 'party', party: 'party_org' },
  { seat: 'residents', party: 'residents_committee' },
  { seat: 'owners', party: 'owners_committee' },
  { seat: 'property', party: 'property_company' },
];

/**
 * A held joint meeting with every party present and two matters concluded through the API:
 * the first by majority (the property company objects), the second without consensus.
 */
export async function concludedJointMeeting(w: MeetingsWorld, organiser: Client, matterIds: [string, string]) {
  const meeting = (await organiser.post(`/api/communities/${w.communityId}/meetings`, { kind: 'joint', title: '四方联席会议', scheduledAt: '2026-03-02T06:00:00Z' })).json();
  const url = (path: string) => `/api/meetings/${meeting.id}${path}`;
  const agenda = (await organiser.put(url('/agenda'), { items: [{ matterId: matterIds[0], title: '3号楼电梯更换' }, { matterId: matterIds[1], title: '垃圾分类点位' }] })).json().agenda;
  const reps = {} as Record<Seat | 'ownerRep', string>;
  for (const { seat, party } of SEATS) {
    const body = { party, personId: w[seat].person.id, userId: w[seat].login.userId, ...(seat === 'property' ? { companyId: w.companyId } : {}) };
    const view = (await organiser.post(url('/representatives'), body)).json();
    reps[seat] = view.representatives.find((r: { personId: string }) => r.personId === w[seat].person.id).id;
  }
  const view = (await organiser.post(url('/representatives'), { party: 'owners_representative', personId: w.ownerRep.id })).json();
  reps.ownerRep = view.representatives.find((r: { personId: string }) => r.personId === w.ownerRep.id).id;
  await organiser.put(url('/attendance'), { entries: Object.values(reps).map((representativeId) => ({ representativeId, present: true })) });
  const say: Record<Seat, [string, string, string]> = {
    party: ['support', '电梯老化，存在安全隐患', 'support'],
    residents: ['support', '居民反映强烈', 'support'],
    owners: ['support', '业主大会已有意向', 'object'],
    property: ['object', '维修资金不足', 'object'],
  };
  for (const { seat } of SEATS) {
    const c = await as(w.app, w[seat].login);
    await c.put(url(`/items/${agenda[0].id}/position`), { position: say[seat][0], reason: say[seat][1] });
    await c.put(url(`/items/${agenda[1].id}/position`), { position: say[seat][2], reason: 'b' });
  }
  for (const item of agenda) await organiser.post(url(`/items/${item.id}/conclusion`), {});
  return { meetingId: meeting.id as string, reps, itemIds: agenda.map((i: { id: string }) => i.id) as string[] };
}
