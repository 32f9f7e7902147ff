import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { demoLogin, loginStaffInPage, openPage, screenshot } from './support/app.ts';
import { sent, shootOnFailure } from './support/procedure.ts';
import { ApiSession, importRoster, ownerSession, rosterCsv, staffSession, type RosterUnit } from './support/voting.ts';

// Journey (s): community staff of community 2 change the co-signatures residents' matters need
// and the consult period on /communities/:id/settings (reached from the community bar), add a
// category, and see the values again after a reload; a bound the page checks never reaches the
// server, and one the server refuses lands on its field. Then the server applies them: a
// resident's matter in a compound of the journey's own needs exactly the new number of
// co-signing households, and accepting it gives the new consult period. Grid workers and
// property staff are not offered the page and are refused by the server; a street admin gets
// the sections the street may change, and the consultation one read-only.
// The settings are put back at the end: other journeys run on the same server.

const DAY = 86_400_000;
const run = String(Date.now() % 10_000_000).padStart(7, '0');
const phoneOf = (i: number) => `18${run}${String(i).padStart(2, '0')}`;
const COSIGNERS = 3;
const CONSULT_DAYS = 12;

let browser: Browser;

/** Each step builds on the one before: after a failure the rest are skipped, not failed again. */
let broken = false;
const step = (name: string, fn: () => Promise<void>, timeout = 120_000) =>
  test(name, async (ctx) => {
    if (broken) ctx.skip();
    broken = true;
    await shootOnFailure(browser, `s-failed-${name.split('.')[0]}`, fn);
    broken = false;
  }, timeout);

type Community = { id: string; name: string; abilities: { manage: boolean } };
async function managedCommunity(session: ApiSession): Promise<Community> {
  const places = await session.expect(200, 'GET', '/api/places');
  const communities: Community[] = places.districts.flatMap((d: { streets: { communities: Community[] }[] }) => d.streets.flatMap((s) => s.communities));
  const mine = communities.find((c) => c.abilities.manage);
  if (!mine) throw new Error(`${session.label} manages no community`);
  return mine;
}

/** The item (label, input, its errors) of a form field, found by its label. */
const fieldItem = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });

describe.skipIf(!chromiumAvailable)('community settings', () => {
  let admin: ApiSession;
  let staff: ApiSession;
  let community: Community;
  let original: { cosignaturesRequired: number; consultDays: number; categories: unknown[] };
  let compoundId = '';
  let desk: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession(demoLogin('district_admin'));
    staff = await staffSession(demoLogin('community_staff', 1));
    community = await managedCommunity(staff);
    const before = await staff.expect(200, 'GET', `/api/communities/${community.id}/consultation-settings`);
    original = { cosignaturesRequired: before.cosignaturesRequired, consultDays: before.consultDays, categories: before.categories };
    expect(before.abilities.edit, 'community staff may change their settings').toBe(true);
    expect(before.cosignaturesRequired, 'the journey needs a number other than its own').not.toBe(COSIGNERS);

    // four homes with one owner each, so the residents of the journey can raise and co-sign
    const compound = await staff.expect(201, 'POST', `/api/communities/${community.id}/compounds`, { code: `E2ES${run}`, name: `设置测试小区${run.slice(-4)}` });
    compoundId = compound.id;
    const units: RosterUnit[] = [1, 2, 3, 4].map((i) => ({
      building: '1栋', number: String(100 + i), area: '90.00', source: 'registered', owners: [{ name: `住户${i}`, phone: phoneOf(i) }],
    }));
    const job = await importRoster(staff, compoundId, rosterCsv(units));
    expect(job.status, JSON.stringify(job.problems)).toBe('done');
  }, 180_000);

  afterAll(async () => {
    if (original && staff) await staff.expect(200, 'PUT', `/api/communities/${community.id}/consultation-settings`, original).catch(() => undefined);
    await browser?.close();
  });

  step('1. community staff reach the settings from the community bar; a bound the page checks is not sent', async () => {
    ({ page: desk } = await openPage(browser));
    await loginStaffInPage(desk, demoLogin('community_staff', 1));
    await desk.goto(`/communities/${community.id}/matters`);
    await desk.getByTestId('community-nav').getByText('设置', { exact: true }).click();
    await desk.waitForURL(`**/communities/${community.id}/settings`);
    await desk.getByTestId('save-consultation-settings').waitFor();
    expect(await desk.getByLabel('居民提议所需联署户数', { exact: true }).inputValue()).toBe(String(original.cosignaturesRequired));

    let puts = 0;
    desk.on('request', (r) => { if (r.method() === 'PUT' && r.url().includes('/consultation-settings')) puts++; });
    await desk.getByLabel('居民提议所需联署户数', { exact: true }).fill('1001');
    await desk.getByTestId('save-consultation-settings').click();
    await fieldItem(desk, '居民提议所需联署户数').getByText('须在 0–1000 之间').waitFor();
    await desk.getByLabel('征询期（天）', { exact: true }).fill('0');
    await fieldItem(desk, '征询期（天）').getByText('须在 1–90 之间').waitFor();
    expect(puts, 'nothing out of bounds is sent').toBe(0);
  });

  step('2. they change the co-signatures and the consult period, add a category, save, and see them after a reload', async () => {
    const page = desk;
    await page.getByLabel('居民提议所需联署户数', { exact: true }).fill(String(COSIGNERS));
    await page.getByLabel('征询期（天）', { exact: true }).fill(String(CONSULT_DAYS));
    await page.getByTestId('category-add').click();
    const row = page.getByTestId('category-row').last();
    await row.getByTestId('category-key').fill('elevators');
    await row.getByTestId('category-zh').fill('电梯');
    await row.getByTestId('category-en').fill('Elevators');
    const saved = await sent(page, 'PUT', `/api/communities/${community.id}/consultation-settings`, () => page.getByTestId('save-consultation-settings').click());
    expect(saved.status(), await saved.text()).toBe(200);
    const body = saved.request().postDataJSON();
    expect(Object.keys(body).sort(), 'only what changed is sent').toEqual(['categories', 'consultDays', 'cosignaturesRequired']);
    await page.getByText('议事协商设置已保存').waitFor();

    await page.reload();
    await page.getByTestId('save-consultation-settings').waitFor();
    expect(await page.getByLabel('居民提议所需联署户数', { exact: true }).inputValue()).toBe(String(COSIGNERS));
    expect(await page.getByLabel('征询期（天）', { exact: true }).inputValue()).toBe(String(CONSULT_DAYS));
    const last = page.getByTestId('category-row').last();
    expect(await last.getByTestId('category-key').inputValue()).toBe('elevators');
    expect(await last.getByTestId('category-key').isDisabled(), 'a saved key is not changed any more').toBe(true);
    expect(await last.getByTestId('category-zh').inputValue()).toBe('电梯');
    await screenshot(page, 's2-settings-saved');

    const stored = await staff.expect(200, 'GET', `/api/communities/${community.id}/consultation-settings`);
    expect(stored).toMatchObject({ cosignaturesRequired: COSIGNERS, consultDays: CONSULT_DAYS, isDefault: false });
    expect(stored.categories.at(-1)).toEqual({ key: 'elevators', nameZh: '电梯', nameEn: 'Elevators' });
  });

  step("3. a value the server refuses shows the server's message on its field, and nothing changes", async () => {
    const page = desk;
    // a client whose checks lag behind the server: the body is altered on its way out
    await page.route('**/consultation-settings', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      return route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), consultDays: 91 }) });
    });
    await page.getByLabel('征询期（天）', { exact: true }).fill('13');
    const refused = await sent(page, 'PUT', '/consultation-settings', () => page.getByTestId('save-consultation-settings').click());
    expect(refused.status()).toBe(400);
    await fieldItem(page, '征询期（天）').getByText('must be at most 90').waitFor();
    await page.getByTestId('settings-refused').waitFor();
    await page.unroute('**/consultation-settings');
    expect((await staff.expect(200, 'GET', `/api/communities/${community.id}/consultation-settings`)).consultDays).toBe(CONSULT_DAYS);
    await screenshot(page, 's3-server-refusal');
  });

  step('4. the server applies them: a resident matter needs the new number of co-signers and gets the new consult period', async () => {
    const raiser = await ownerSession(admin, phoneOf(1));
    const matter = await raiser.expect(201, 'POST', '/api/matters', {
      communityId: community.id, title: `加装电梯（${run.slice(-4)}）`, description: '1栋六层无电梯，老人上下楼困难，提议加装电梯。',
      category: 'elevators', source: 'residents', decidingBody: 'residents_assembly',
    });
    expect(matter.compound.id).toBe(compoundId);
    expect(matter.signatures).toEqual({ required: COSIGNERS, collected: 0 });

    const accept = (extra: object = {}) => staff.request('POST', `/api/matters/${matter.id}/advance`, {
      to: 'consult', expectedStep: 'propose', direction: '同意列入议程，先听取一楼住户意见。', ...extra,
    });
    for (const i of [2, 3]) await (await ownerSession(admin, phoneOf(i))).expect(200, 'POST', `/api/matters/${matter.id}/cosign`, {});
    const early = await accept();
    expect(early.status, early.text).toBe(409);
    expect(early.text).toContain('signatures_missing');

    await (await ownerSession(admin, phoneOf(4))).expect(200, 'POST', `/api/matters/${matter.id}/cosign`, {});
    expect((await staff.expect(200, 'GET', `/api/matters/${matter.id}`)).subState).toBe('awaiting_acceptance');

    const shorter = await accept({ consultDays: 7 });
    expect(shorter.status, shorter.text).toBe(409);
    expect(shorter.text).toContain('shortening_not_allowed');

    const accepted = await accept();
    expect(accepted.status, accepted.text).toBe(200);
    const consulting = accepted.body as { step: string; consultDays: number; stepEnteredAt: string; stepDueAt: string };
    expect(consulting.step).toBe('consult');
    expect(consulting.consultDays).toBe(CONSULT_DAYS);
    expect(new Date(consulting.stepDueAt).getTime() - new Date(consulting.stepEnteredAt).getTime()).toBe(CONSULT_DAYS * DAY);
  });

  step('5. grid workers and property staff are not offered the page, and the server refuses their changes', async () => {
    const home = await managedCommunity(await staffSession(demoLogin('community_staff', 0)));
    for (const role of ['grid_worker', 'property_staff']) {
      const api = await staffSession(demoLogin(role));
      const read = await api.expect(200, 'GET', `/api/communities/${home.id}/consultation-settings`);
      expect(read.abilities.edit, `${role} reads the categories but may not change them`).toBe(false);
      const put = await api.request('PUT', `/api/communities/${home.id}/consultation-settings`, { cosignaturesRequired: 1 });
      expect(put.status, put.text).toBe(403);
      for (const [path, body] of [['meeting-settings', { jointQuorum: { minParties: 1, requiredParties: [] } }], ['notice-settings', { minPostingDays: 10, replyDays: 5 }]] as const) {
        const res = await api.request('PUT', `/api/communities/${home.id}/${path}`, body);
        expect(res.status, `${role} PUT ${path}: ${res.text}`).toBe(403);
      }
    }

    const { context, page } = await openPage(browser);
    await loginStaffInPage(page, demoLogin('grid_worker'));
    // the bar decides once the three settings have answered
    const answered = ['consultation-settings', 'notice-settings', 'meeting-settings'].map((s) =>
      page.waitForResponse((r) => r.url().endsWith(`/api/communities/${home.id}/${s}`)));
    await page.goto(`/communities/${home.id}/meetings`);
    await Promise.all(answered);
    const nav = page.getByTestId('community-nav');
    await nav.getByText('联席会议', { exact: true }).waitFor();
    expect(await nav.locator('.ant-segmented-item').count()).toBe(3);
    expect(await nav.innerText()).not.toContain('设置');

    await page.goto(`/communities/${home.id}/settings`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('community-settings').count()).toBe(0);
    await screenshot(page, 's5-grid-worker-not-found');
    await context.close();
  });

  step('6. a street admin changes the notice and meeting rules there, and reads the consultation settings only', async () => {
    const { context, page } = await openPage(browser);
    await loginStaffInPage(page, demoLogin('street_admin'));
    await page.goto(`/communities/${community.id}/settings`);
    const consultation = page.getByTestId('consultation-settings');
    await consultation.getByText('您可以查看这部分设置，但无权修改。').waitFor();
    expect(await consultation.getByTestId('save-consultation-settings').count()).toBe(0);
    expect(await page.getByLabel('居民提议所需联署户数', { exact: true }).isDisabled()).toBe(true);
    await page.getByTestId('save-notice-settings').waitFor();
    await page.getByTestId('save-meeting-settings').waitFor();
    await screenshot(page, 's6-street-admin');
    await context.close();
  });
});
