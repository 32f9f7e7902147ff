import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_STAFF_PASSWORD } from '../../src/contracts/demo.ts';
import { answerTo, confirmPopover, demoLogin, screenshot, settled } from './app.ts';
import { ApiSession, importRoster, ownerSession, rosterCsv, staffSession, type RosterUnit } from './voting.ts';

// What the procedure journey needs beside the browser: a compound of its own whose owners log in
// with one-time codes (phones unique to this run, so a rerun against the same server does not
// give them homes in two compounds), the server's app time under the test clock, the owners'
// vote that decides the Art. 278 matter (through the API), and a few browser steps.

const run = String(Date.now() % 10_000_000).padStart(7, '0');
export const runId = run;

export interface Resident { name: string; phone: string; unit: string }

/** 14 homes 1栋 101–114, one owner each, with phones 17<run><nn>. */
export function residents(): Resident[] {
  return Array.from({ length: 14 }, (_, i) => ({ name: `居民${String(i + 1).padStart(2, '0')}`, phone: `17${run}${String(i + 1).padStart(2, '0')}`, unit: `1栋 ${101 + i}` }));
}

export async function setUpCompound(staff: ApiSession, communityId: string): Promise<{ id: string; name: string }> {
  const name = `议事测试小区${run.slice(-4)}`;
  const compound = await staff.expect(201, 'POST', `/api/communities/${communityId}/compounds`, { code: `E2EP${run}`, name });
  const units: RosterUnit[] = residents().map((r, i) => ({
    building: '1栋', number: String(101 + i), area: `${85 + (i % 5) * 10}.00`, source: 'registered', owners: [{ name: r.name, phone: r.phone }],
  }));
  const job = await importRoster(staff, compound.id, rosterCsv(units));
  expect(job.status, JSON.stringify(job.problems)).toBe('done');
  return { id: compound.id, name };
}

// ——— the joint meeting: its standing series, and the four parties' representatives with their accounts ———

export interface Member { personId: string; name: string; role: string }
export interface Representative { login: string; party: string; personId: string; userId: string; companyId?: string; role: string }

/**
 * The Party organisation's deputy secretary (a new staff account, made by the district admin), the
 * owners' committee chair (committee1) and the property company (property1; the registry keeps no
 * staff lists of companies, so its project manager is a person of the community: `managerName`,
 * an owner of the journey's compound). The residents' committee chair (community1) is invited in
 * the browser. Persons come from the registry's bodies, as the server's eligibility check wants.
 */
export async function setUpRepresentatives(admin: ApiSession, staff: ApiSession, communityId: string, compoundId: string, managerName: string) {
  const orgs = await staff.expect(200, 'GET', `/api/communities/${communityId}/organisations`);
  const me = await staff.expect(200, 'GET', '/api/me');
  const chair: Member = orgs.residentsCommittee.members.find((m: Member) => m.name === me.displayName);
  const deputy: Member = orgs.partyOrganisation.members.find((m: Member) => m.role === 'deputy_secretary');
  expect(chair, "community1 is the residents' committee chair").toBeDefined();
  expect(deputy, 'the Party organisation has a deputy secretary').toBeDefined();
  const partyUser = await admin.expect(201, 'POST', '/api/users', {
    username: `e2e-party-${run}`, displayName: deputy.name, password: DEMO_STAFF_PASSWORD, grants: [{ role: 'community_staff', scopeId: communityId }],
  });
  const committeeMe = await (await staffSession(demoLogin('owners_committee'))).expect(200, 'GET', '/api/me');
  const committeeCompound = committeeMe.grants[0].scopeId;
  const body = orgs.ownersCommittees.find((c: { compound: { id: string } | null; current: boolean }) => c.compound?.id === committeeCompound && c.current);
  const committeeChair: Member = body.members.find((m: Member) => m.name === committeeMe.displayName);
  const propertyMe = await (await staffSession(demoLogin('property_staff'))).expect(200, 'GET', '/api/me');
  const contract = (await staff.expect(200, 'GET', `/api/compounds/${committeeCompound}`)).propertyContract;
  const manager = (await staff.expect(200, 'GET', `/api/compounds/${compoundId}/owners?q=${encodeURIComponent(managerName)}`)).items[0];
  const reps: Representative[] = [
    { login: `e2e-party-${run}`, party: 'party_org', personId: deputy.personId, userId: partyUser.id, role: '副书记' },
    { login: demoLogin('owners_committee'), party: 'owners_committee', personId: committeeChair.personId, userId: committeeMe.userId, role: '主任' },
    { login: demoLogin('property_staff'), party: 'property_company', personId: manager.personId, userId: propertyMe.userId, companyId: contract.company.id, role: '项目经理' },
  ];
  return { chair, reps };
}

/** The community's standing joint meeting, every Tuesday 14:00, unless it has one (a rerun against the same server). */
export async function ensureJointSeries(staff: ApiSession, communityId: string) {
  const series = await staff.expect(200, 'GET', `/api/communities/${communityId}/meeting-series`);
  if (series.items.some((x: { kind: string }) => x.kind === 'joint')) return;
  await staff.expect(201, 'POST', `/api/communities/${communityId}/meeting-series`, { kind: 'joint', weekday: 2, time: '14:00', location: '社区党群服务中心' });
}

// ——— the server's app time (src/server/platform/clock.ts: the system clock plus the offset file) ———

function offsetMs(): number {
  const file = inject('clockOffsetFile');
  if (!file) return 0;
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || 0;
  } catch {
    return 0;
  }
}

export const serverNow = () => new Date(Date.now() + offsetMs());

// ——— the owners' vote that decides the matter (voting module, through the API) ———

/** Convenes, announces and opens a one-question vote on the matter; `moveClock` crosses the notice period. */
export async function conveneVote(staff: ApiSession, compoundId: string, matterId: string, title: string) {
  const noticeAt = new Date(serverNow().getTime() + 5 * 60_000);
  const opensAt = new Date(noticeAt.getTime() + 15 * 86_400_000 + 3_600_000);
  const closesAt = new Date(opensAt.getTime() + 5 * 86_400_000);
  const vote = await staff.expect(201, 'POST', '/api/votes', {
    compoundId, matterId, title, noticeText: `${title}。依据《民法典》第二百七十八条，由业主共同决定。`,
    noticeAt: noticeAt.toISOString(), opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(),
    questions: [{ title, item: 5 }],
  });
  await staff.expect(200, 'POST', `/api/votes/${vote.id}/announce`);
  return vote as { id: string; opensAt: string; closesAt: string; questions: { id: string }[] };
}

export async function castOnline(admin: ApiSession, voteId: string, questionId: string, phones: string[]) {
  for (const phone of phones) {
    const owner = await ownerSession(admin, phone);
    await owner.expect(201, 'POST', `/api/votes/${voteId}/questions/${questionId}/ballots`, { choice: 'for' }, { 'idempotency-key': randomUUID() });
  }
}

// ——— browser steps ———

/**
 * Waits for the answer to the write an action sends: same method, path ending as given. Reads of
 * the same path (a list refreshed after an earlier write) do not count.
 */
export function sent(page: Page, method: 'POST' | 'PUT', pathEnd: string, action: () => Promise<unknown>): Promise<Response> {
  return answerTo(page, (url, m) => m === method && url.pathname.endsWith(pathEnd), action);
}

/** Clicks a move of the matter, fills what the move asks for, confirms, and waits for the new step. */
export async function moveMatter(page: Page, matterId: string, to: string, stepAfter: string, fill?: { direction?: string; reason?: string }) {
  await page.getByTestId(`move-${to}`).click();
  // the dialog of this move, once it is open (a closed one may linger hidden)
  const dialog = await settled(page.locator('.ant-modal-wrap:visible .ant-modal'));
  if (fill?.direction) await dialog.getByTestId('move-direction').fill(fill.direction);
  if (fill?.reason) await dialog.getByTestId('move-reason').fill(fill.reason);
  const res = await sent(page, 'POST', `/api/matters/${matterId}/advance`, () => dialog.getByTestId('move-submit').click());
  expect(res.status(), await res.text()).toBe(200);
  await page.getByTestId('matter-step').filter({ hasText: stepAfter }).first().waitFor();
}

/** A representative takes their party's position ("support") on the meeting's item, in person. */
export async function takePosition(page: Page, meetingId: string, reason: string) {
  await page.goto(`/meetings/${meetingId}?tab=items`);
  const form = page.getByTestId('position-form');
  await form.getByText('同意', { exact: true }).click();
  await form.getByTestId('position-reason').fill(reason);
  const res = await sent(page, 'PUT', '/position', () => form.getByTestId('position-submit').click());
  expect(res.status(), await res.text()).toBe(200);
}

/** A representative signs the minutes for their party, confirming the dialog. */
export async function signMinutes(page: Page, meetingId: string) {
  await page.goto(`/meetings/${meetingId}?tab=minutes`);
  await page.getByTestId('sign-minutes').click();
  const res = await sent(page, 'POST', '/sign-off', () => confirmPopover(page));
  expect(res.status(), await res.text()).toBe(200);
}

/** Runs a step; when it fails, every open page is shot first (`<prefix>-<n>.png`), so a CI failure shows what people saw. */
export async function shootOnFailure(browser: Browser | undefined, prefix: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (e) {
    const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
    for (const [i, p] of pages.entries()) await screenshot(p, `${prefix}-${i}`).catch(() => undefined);
    throw e;
  }
}
