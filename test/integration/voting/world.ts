import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/server/platform/db.ts';
import { ManualClock } from '../../../src/server/platform/clock.ts';
import { createTestApp, loginStaff, type TestApp } from '../../support/app.ts';
import {
  addMember, buildBuilding, buildContract, buildPropertyCompany, buildCommunity, buildCompound, buildOrganisation, buildPerson, buildStaff, buildUnit, own, ownerCookie,
  type PersonRow, type StaffLogin,
} from '../../support/factories.ts';
import type { Db } from '../../../src/server/platform/db.ts';

// The voting tests' world: one compound of 30 units in three buildings, with a multi-unit owner,
// co-owned units (with and without a named voter), the developer's unsold units and two parking
// spaces; its owners' committee and community staff; and a clock that the tests move.

export const DAY = 86_400_000;
export const START = new Date('2026-03-02T00:00:00.000Z');

export interface VotingWorld {
  t: TestApp;
  app: FastifyInstance;
  db: Db;
  clock: ManualClock;
  communityId: string;
  compound: { id: string; communityId: string };
  /** a second compound of the same community, without an owners' committee */
  bare: { id: string; communityId: string; unitId: string; owner: PersonRow };
  units: Awaited<ReturnType<typeof buildUnit>>[];
  /** sole owners of one residential unit each, in unit order */
  soleOwners: PersonRow[];
  multiOwner: PersonRow;
  /** co-owned units: [0] and [1] name a voter (the first owner), [2] names none */
  coOwned: { unit: Awaited<ReturnType<typeof buildUnit>>; owners: PersonRow[] }[];
  developer: PersonRow;
  /** a person who owns nothing, to hold proxies */
  outsider: PersonRow;
  staff: { committee: StaffLogin; committee2: StaffLogin; communityStaff: StaffLogin; communityStaff2: StaffLogin; street: StaffLogin; property: StaffLogin };
}

export async function votingWorld(): Promise<VotingWorld> {
  const clock = new ManualClock(START);
  const t = await createTestApp(undefined, { clock });
  const db = t.app.db;
  const community = await buildCommunity(db);
  const communityId = community.id;
  const compound = await buildCompound(db, { communityId, name: 'Harmony Garden' });
  const committeeOrg = await buildOrganisation(db, { communityId, kind: 'owners_committee', compoundId: compound.id, termStart: '2024-01-01', termEnd: null });
  const person = (name: string, over: { isDeveloper?: boolean } = {}) => buildPerson(db, { communityId, name, ...over });
  const buildings = [await buildBuilding(db, { compound, name: 'A' }), await buildBuilding(db, { compound, name: 'B' }), await buildBuilding(db, { compound, name: 'C' })];

  const units: Awaited<ReturnType<typeof buildUnit>>[] = [];
  for (let i = 0; i < 30; i++) {
    const building = buildings[Math.floor(i / 10)];
    const n = (i % 10) + 1;
    const parking = i === 28 || i === 29;
    const areas = i % 7 === 3 ? { surveyed: 9000 + i * 37 } : i % 11 === 5 ? { contract: 10000 + i * 13 } : { registered: 8000 + i * 151 };
    units.push(await buildUnit(db, {
      compound, building, number: parking ? `P${n}` : `${n}01`,
      areas: parking ? { registered: 1250 } : areas,
      use: parking ? 'parking' : 'residential',
      holderStatus: i >= 25 && i <= 27 ? 'developer_unsold' : 'owned',
    }));
  }
  const multiOwner = await person('Multi Owner');
  for (const i of [0, 10, 20]) await own(db, units[i], multiOwner);
  const coOwned = [];
  for (const i of [1, 2, 3]) {
    const owners = [await person(`Co ${i} first`), await person(`Co ${i} second`)];
    await own(db, units[i], owners[0], { isVoter: i !== 3 });
    await own(db, units[i], owners[1], { isVoter: false });
    coOwned.push({ unit: units[i], owners });
  }
  const developer = await person('Developer Ltd', { isDeveloper: true });
  for (const i of [25, 26, 27]) await own(db, units[i], developer);
  const soleOwners: PersonRow[] = [];
  for (let i = 0; i < 25; i++) {
    if ([0, 10, 20, 1, 2, 3].includes(i)) continue;
    const owner = await person(`Owner ${i}`);
    await own(db, units[i], owner);
    soleOwners.push(owner);
  }
  await own(db, units[28], soleOwners[0]);
  await own(db, units[29], multiOwner);
  const outsider = await person('Outsider');
  await addMember(db, committeeOrg, soleOwners[1], { role: 'chair' });

  const bareCompound = await buildCompound(db, { communityId, name: 'Lone Court' });
  const bareUnit = await buildUnit(db, { compound: bareCompound, areaCenti: 9000 });
  const bareOwner = await person('Lone Owner');
  await own(db, bareUnit, bareOwner);

  const company = await buildPropertyCompany(db);
  await buildContract(db, { compound, companyId: company.id });
  const staff = {
    committee: await buildStaff(db, { role: 'owners_committee', scopeId: compound.id }),
    committee2: await buildStaff(db, { role: 'owners_committee', scopeId: compound.id }),
    communityStaff: await buildStaff(db, { role: 'community_staff', scopeId: communityId }),
    communityStaff2: await buildStaff(db, { role: 'community_staff', scopeId: communityId }),
    street: await buildStaff(db, { role: 'street_admin', scopeId: community.streetId }),
    property: await buildStaff(db, { role: 'property_staff', scopeId: company.id }),
  };
  return {
    t, app: t.app, db, clock, communityId, compound,
    bare: { id: bareCompound.id, communityId, unitId: bareUnit.id, owner: bareOwner },
    units, soleOwners, multiOwner, coOwned, developer, outsider, staff,
  };
}

export interface Client {
  cookie: string | null;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
}

export function client(app: FastifyInstance, cookie: string | null): Client {
  const headers = cookie ? { cookie } : {};
  return {
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    post: (url, payload, extra = {}) => app.inject({ method: 'POST', url, headers: { ...headers, ...extra }, ...(payload === undefined ? {} : { payload: payload as object }) }),
    put: (url, payload) => app.inject({ method: 'PUT', url, headers, payload: payload as object }),
  };
}

export const staffClient = async (w: VotingWorld, who: StaffLogin) => client(w.app, await loginStaff(w.app, who.username, who.password));
export const ownerClient = async (w: VotingWorld, person: { phone: string | null }) => client(w.app, await ownerCookie(w.db, person.phone!));

/** A valid draft: notice tomorrow, opening 16 days later, closing 10 days after that. */
export function draft(w: VotingWorld, over: Record<string, unknown> = {}) {
  const noticeAt = new Date(w.clock.now().getTime() + DAY);
  const opensAt = new Date(noticeAt.getTime() + 16 * DAY);
  const closesAt = new Date(opensAt.getTime() + 10 * DAY);
  return {
    compoundId: w.compound.id,
    title: 'Hire a new property company',
    noticeText: '业主大会关于选聘物业服务企业的表决公告',
    preset: 'cn-civil-code-2021',
    noticeAt: noticeAt.toISOString(),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    questions: [{ title: 'Hire Good Property Co. for three years', item: 4 }],
    ...over,
  };
}

/** Expects a status, printing the body when it differs. */
export function expectStatus(res: LightMyRequestResponse, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Convenes, announces and opens a vote; returns its view after opening. */
export async function openedVote(w: VotingWorld, convener: Client, over: Record<string, unknown> = {}) {
  const vote = expectStatus(await convener.post('/api/votes', draft(w, over)), 201);
  expectStatus(await convener.post(`/api/votes/${vote.id}/announce`), 200);
  w.clock.set(vote.opensAt);
  return expectStatus(await convener.post(`/api/votes/${vote.id}/open`), 200);
}

/** An opened vote with its convener (the owners' committee) and two community staff: where the paper and proxy tests start. */
export interface StaffedVote {
  w: VotingWorld;
  committee: Client;
  staff: Client;
  staff2: Client;
  vote: { id: string; opensAt: string; closesAt: string; questions: { id: string }[] };
  /** the vote's first question */
  q: string;
}

export async function staffedVote(over: Record<string, unknown> = {}): Promise<StaffedVote> {
  const w = await votingWorld();
  const committee = await staffClient(w, w.staff.committee);
  const staff = await staffClient(w, w.staff.communityStaff);
  const staff2 = await staffClient(w, w.staff.communityStaff2);
  const vote = await openedVote(w, committee, over);
  return { w, committee, staff, staff2, vote, q: vote.questions[0].id };
}

/** One entry of a paper sheet for a unit, answering the vote's first question. */
export const enterPaper = ({ w, vote, q }: StaffedVote, who: Client, unitIndex: number, choice: string, scanRef: string) =>
  who.post(`/api/votes/${vote.id}/paper-ballots`, { unitId: w.units[unitIndex].id, answers: [{ questionId: q, choice }], scanRef });

let keys = 0;
/** A fresh Idempotency-Key header. */
export const idem = (key = `key-${++keys}-${randomUUID()}`) => ({ 'idempotency-key': key });

export interface AuditRow {
  kind: string;
  object_id: string;
  after: Record<string, unknown> | null;
}

/** Audit events of the world's community, newest first. */
export async function auditEvents(w: VotingWorld): Promise<AuditRow[]> {
  return rowsOf<AuditRow>(await w.db.execute(sql`select kind, object_id, after from audit_events where community_id = ${w.communityId} order by seq desc`));
}

/** Runs a request and returns it with the audit events it appended (the newest first). */
export async function withAudit<T>(w: VotingWorld, run: () => Promise<T>): Promise<{ result: T; events: AuditRow[] }> {
  const before = (await auditEvents(w)).length;
  const result = await run();
  const after = await auditEvents(w);
  return { result, events: after.slice(0, after.length - before) };
}

/** A multipart/form-data body with fields and one file, as a browser sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type: string }) {
  const boundary = '----siyi-test-boundary';
  const chunks: Uint8Array[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a document to a vote as the client's actor. */
export function upload(w: VotingWorld, who: Client, voteId: string, kind: string, file = { name: 'authorisation.jpg', content: Buffer.from('signed authorisation'), type: 'image/jpeg' }) {
  const body = multipart({ kind }, file);
  return w.app.inject({ method: 'POST', url: `/api/votes/${voteId}/documents`, payload: body.payload, headers: { ...body.headers, ...(who.cookie ? { cookie: who.cookie } : {}) } });
}

/** Every subject report of a counted question, fetched page by page. */
export async function allSubjects(who: Client, voteId: string, questionId: string, limit = 50): Promise<{ voter: string }[]> {
  const subjects: { voter: string }[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = expectStatus(await who.get(`/api/votes/${voteId}/questions/${questionId}/subjects?offset=${offset}&limit=${limit}`), 200);
    subjects.push(...page.subjects);
    if (offset + limit >= page.total) return subjects;
  }
}
