import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_STAFF_PASSWORD } from '../src/contracts/demo.ts';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { answerTo, baseUrl, demoLogin, desktop, loginStaffInPage, openPage, phone as phoneSize, screenshot } from './support/app.ts';
import { castInBrowser, chooseOption, moveInBrowser, ownerInBrowser } from './support/voting-browser.ts';
import {
  ApiSession, compoundUnits, importRoster, ownerSession, people, resetServerClock, rosterCsv, serverClockTo, siyiTally, staffSession,
} from './support/voting.ts';

// Journey (v): an owners' vote on a 30-unit compound with co-owners (named voter or not), a
// three-unit owner and the developer's unsold and undelivered units. The compound is created and
// its roster (a CSV made here) imported through the API in setup; the demo has no compound that
// small. The convener (community staff: the compound has no owners' committee) convenes and
// announces in the browser; an owner asks for a correction on a phone; 20 owners vote online
// (two in the browser at 375 px, the rest through the API with real one-time-code logins);
// 3 paper sheets are entered twice by two staff, one mismatch resolved by a third; 1 owner votes
// by proxy; the vote is closed, counted and published on the server's test clock; the published
// result equals `siyi tally` on the exported record.

type Choice = 'for' | 'against' | 'abstain';
const label: Record<Choice, string> = { for: '同意', against: '反对', abstain: '弃权' };
const idem = () => ({ 'idempotency-key': randomUUID() });

describe.skipIf(!chromiumAvailable)("an owners' vote from convening to the recounted result", () => {
  let browser: Browser;

  /** The steps build on each other: after one fails, the rest are skipped; a failure leaves screenshots of the open pages. */
  let broken = false;
  const step = (name: string, fn: () => Promise<void>, timeout: number) =>
    test(name, async (ctx) => {
      if (broken) ctx.skip();
      broken = true;
      try {
        await fn();
      } catch (e) {
        const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
        for (const [i, p] of pages.entries()) await screenshot(p, `v-failed-${i}`).catch(() => undefined);
        throw e;
      }
      broken = false;
    }, timeout);
  let admin: ApiSession;
  let staff: ApiSession;
  let convener: { context: BrowserContext; page: Page };
  let owner1: { context: BrowserContext; page: Page };
  let compoundId = '';
  /** a second community staff member: the third person who resolves a paper mismatch */
  let clerk = '';
  let vote: { id: string; opensAt: string; closesAt: string; questions: { id: string }[] };
  const unitIds = new Map<string, string>();
  const receiptOfOwner1: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffSession(demoLogin('district_admin'));
    staff = await staffSession(demoLogin('community_staff', 0));
    const places = await staff.expect(200, 'GET', '/api/places');
    const community = places.districts.flatMap((d: any) => d.streets.flatMap((s: any) => s.communities)).find((c: any) => c.abilities.manage); // eslint-disable-line @typescript-eslint/no-explicit-any
    clerk = `clerk${Date.now().toString(36)}`;
    await admin.expect(201, 'POST', '/api/users', { username: clerk, displayName: '录入员王', password: DEMO_STAFF_PASSWORD, grants: [{ role: 'community_staff', scopeId: community.id }] });
    const compound = await staff.expect(201, 'POST', `/api/communities/${community.id}/compounds`, { code: `E2EV${Date.now().toString(36).toUpperCase()}`, name: '表决测试小区' });
    compoundId = compound.id;
    const job = await importRoster(staff, compoundId, rosterCsv(compoundUnits()));
    expect(job.status, JSON.stringify(job.problems)).toBe('done');
    expect(job.summary.counts).toMatchObject({ unitsCreated: 30, buildingsCreated: 2 });
  }, 120_000);

  afterAll(async () => {
    resetServerClock();
    await browser?.close();
  });

  step('1. the convener convenes and announces; an owner asks for a correction on a phone; it is answered', async () => {
    convener = await openPage(browser, desktop);
    const { page } = convener;
    await loginStaffInPage(page, demoLogin('community_staff', 0));
    await page.goto(`/votes?compoundId=${compoundId}`);
    await page.locator('[data-testid="convene"]:not([disabled])').click();
    await page.waitForURL('**/votes/new**');
    await page.getByTestId('schedule-bounds').filter({ hasText: '至少 15 天' }).waitFor();
    await page.getByTestId('vote-title-input').fill('关于续聘物业与筹集维修资金的业主大会表决');
    await page.getByTestId('notice-text-input').fill('根据《民法典》第二百七十八条，本次业主大会就以下事项进行表决。\n投票期内可在手机上投票，也可向居委会领取纸质表决票。');
    await page.getByTestId('question-title').first().fill('续聘临澜物业服务有限公司，服务期三年');
    await page.getByTestId('add-question').click();
    await page.getByTestId('question-title').nth(1).fill('筹集 2 号楼电梯更新维修资金');
    await chooseOption(page, page.getByTestId('question-fields').nth(1).locator('.ant-select').nth(1), '筹集建筑物');
    await screenshot(page, 'v1-convene-form');
    const created = await answerTo(page, (u) => u.pathname === '/api/votes', () => page.getByTestId('save-vote').click());
    expect(created.status(), await created.text()).toBe(201);
    vote = await created.json();
    await page.waitForURL(`**/votes/${vote.id}`);
    const upload = await answerTo(page, (u) => u.pathname === `/api/votes/${vote.id}/documents`, () =>
      page.getByTestId('document-upload').locator('input[type=file]').setInputFiles({ name: '表决公告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 notice') }));
    expect(upload.status(), await upload.text()).toBe(201);
    await page.getByTestId('vote-document').first().waitFor();
    await moveInBrowser(page, vote.id, 'announce', '公告中');
    await screenshot(page, 'v2-announced');

    // the three-unit owner, on a phone, checks the roll and asks for a correction
    owner1 = await ownerInBrowser(browser, admin, people.multi.phone);
    const o = owner1.page;
    await o.getByTestId('owner-nav').getByText('业主表决').click();
    await o.getByTestId('my-vote').first().getByRole('button').click();
    await o.waitForURL(`**/my/votes/${vote.id}`);
    await o.getByRole('tab', { name: '表决权登记' }).click();
    await o.getByTestId('roll-totals').filter({ hasText: '共 30 套房屋' }).waitFor();
    expect(await o.getByTestId('roll').locator('tr.ant-table-row').count(), 'the roll shows my three units first').toBe(3);
    await o.getByTestId('request-correction').first().click();
    await o.getByTestId('correction-text').fill('面积与不动产登记证不符，请核对。');
    const asked = await answerTo(o, (u) => u.pathname === `/api/votes/${vote.id}/corrections`, () => o.locator('.ant-modal').getByRole('button', { name: '申请更正' }).click());
    expect(asked.status(), await asked.text()).toBe(201);
    await o.getByTestId('correction').first().waitFor();
    expect(await o.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await screenshot(o, 'v3-owner-roll-correction-phone');

    await page.getByRole('tab', { name: '表决权登记' }).click();
    const answerBox = page.getByTestId('answer-correction');
    await answerBox.locator('textarea').fill('已核对，与不动产登记簿一致，名册无需更正。');
    const answered = await answerTo(page, (u) => u.pathname.endsWith('/answer'), () => answerBox.getByTestId('answer-submit').click());
    expect(answered.status(), await answered.text()).toBe(200);
  }, 180_000);

  step('2. voting opens on the server clock; 20 owners vote online, two of them in the browser on a phone', async () => {
    serverClockTo(vote.opensAt);
    const { page } = convener;
    await page.goto(`/votes/${vote.id}`);
    await moveInBrowser(page, vote.id, 'open', '投票中');
    const roll = await staff.expect(200, 'GET', `/api/votes/${vote.id}/roll?pageSize=200`);
    for (const u of roll.items) unitIds.set(`${u.buildingName} ${u.number}`, u.unitId);
    expect(roll.totals).toMatchObject({ units: 30, heads: 27 });
    const [q1, q2] = vote.questions.map((q) => q.id);

    // in the browser: the three-unit owner, and the named voter of a co-owned unit
    await owner1.page.goto(`/my/votes/${vote.id}`);
    receiptOfOwner1.push(await castInBrowser(owner1.page, vote.id, 0, label.for));
    receiptOfOwner1.push(await castInBrowser(owner1.page, vote.id, 1, label.for));
    await screenshot(owner1.page, 'v4-owner-ballot-phone');
    const named = await ownerInBrowser(browser, admin, people.coNamed[0].phone);
    await named.page.goto(`/my/votes/${vote.id}`);
    await castInBrowser(named.page, vote.id, 0, label.for);
    await castInBrowser(named.page, vote.id, 1, label.against);
    await named.context.close();

    // through the API, with real one-time-code logins
    const online: [{ phone: string | null }, Choice, Choice][] = [
      [people.coNamed2[1], 'for', 'for'],
      [people.coUnnamed[0], 'against', 'against'],
      ...people.sole.slice(0, 16).map((p, i): [{ phone: string | null }, Choice, Choice] => [p, i % 8 === 7 ? 'against' : 'for', i === 5 ? 'abstain' : i % 3 === 0 ? 'against' : 'for']),
    ];
    for (const [person, c1, c2] of online) {
      const owner = await ownerSession(admin, person.phone!);
      const key = idem();
      const first = await owner.expect(201, 'POST', `/api/votes/${vote.id}/questions/${q1}/ballots`, { choice: c1 }, key);
      // a retried request with the same key returns the first answer and records nothing new
      const retry = await owner.expect(201, 'POST', `/api/votes/${vote.id}/questions/${q1}/ballots`, { choice: c1 }, key);
      expect(retry.receipt.code).toBe(first.receipt.code);
      await owner.expect(201, 'POST', `/api/votes/${vote.id}/questions/${q2}/ballots`, { choice: c2 }, idem());
    }
    // the co-owner who is not the named voter, and the second co-owner of a unit without one
    const notNamed = await ownerSession(admin, people.coNamed[1].phone);
    expect((await notNamed.request('POST', `/api/votes/${vote.id}/questions/${q1}/ballots`, { choice: 'against' }, idem())).status).toBe(403);
    const second = await ownerSession(admin, people.coUnnamed[1].phone);
    const clash = await second.request<any>('POST', `/api/votes/${vote.id}/questions/${q1}/ballots`, { choice: 'for' }, idem()); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect([clash.status, clash.body.error.details.reason]).toEqual([409, 'ballot_exists']);
    const progress = await staff.expect(200, 'GET', `/api/votes/${vote.id}/progress`);
    expect(progress.questions.map((q: { ballots: number }) => q.ballots)).toEqual([20, 20]);
  }, 240_000);

  step('3. three paper sheets are entered twice by two staff; the mismatch is resolved by a third', async () => {
    const { page } = convener;
    const [q1, q2] = vote.questions.map((q) => q.id);
    // the developer (2栋 114, one subject with 2栋 115) and the sole owners 业主17 and 业主18
    const unitOf = (name: string) => compoundUnits().filter((u) => u.owners[0].name === name).map((u) => `${u.building} ${u.number}`)[0];
    const sheets: { unit: string; scanRef: string; first: [Choice, Choice]; second: [Choice, Choice] }[] = [
      { unit: '2栋 114', scanRef: '票箱1/第1张', first: ['for', 'abstain'], second: ['for', 'abstain'] },
      { unit: unitOf(people.sole[16].name), scanRef: '票箱1/第2张', first: ['for', 'for'], second: ['for', 'for'] },
      { unit: unitOf(people.sole[17].name), scanRef: '票箱1/第3张', first: ['for', 'against'], second: ['against', 'against'] },
    ];

    await page.goto(`/votes/${vote.id}?tab=paper`);
    for (const sheet of sheets) {
      const form = page.getByTestId('paper-form');
      await chooseOption(page, form.getByTestId('unit-select'), sheet.unit, true);
      for (const [i, choice] of sheet.first.entries()) await form.getByTestId('paper-question').nth(i).getByText(label[choice], { exact: true }).click();
      await form.getByTestId('scan-ref').fill(sheet.scanRef);
      const entered = await answerTo(page, (u) => u.pathname === `/api/votes/${vote.id}/paper-ballots`, () => form.getByTestId('paper-submit').click());
      expect(entered.status(), await entered.text()).toBe(201);
      await page.getByTestId('paper-outcome').filter({ hasText: sheet.unit }).waitFor();
    }
    const street = await staffSession(demoLogin('street_admin'));
    const results = [];
    for (const sheet of sheets) {
      const answers = [{ questionId: q1, choice: sheet.second[0] }, { questionId: q2, choice: sheet.second[1] }];
      results.push((await street.expect(200, 'POST', `/api/votes/${vote.id}/paper-ballots`, { unitId: unitIds.get(sheet.unit), answers, scanRef: sheet.scanRef })).status);
    }
    expect(results).toEqual(['accepted', 'accepted', 'mismatch']);
    await page.reload();
    await page.getByTestId('paper-table').locator('tr.ant-table-row', { hasText: '两次录入不一致' }).waitFor();
    await screenshot(page, 'v5-paper-mismatch');
    // the convener entered it first, so cannot resolve it; a third staff member does
    expect(await page.getByTestId('paper-resolve').count()).toBe(0);

    const third = await openPage(browser, desktop);
    await loginStaffInPage(third.page, clerk);
    await third.page.goto(`/votes/${vote.id}?tab=paper`);
    await third.page.getByTestId('paper-resolve').click();
    const modal = third.page.locator('.ant-modal');
    for (const [i, choice] of sheets[2].first.entries()) await modal.getByTestId('paper-question').nth(i).getByText(label[choice], { exact: true }).click();
    await modal.getByTestId('scan-ref').fill(sheets[2].scanRef);
    const resolved = await answerTo(third.page, (u) => u.pathname.endsWith('/resolve'), () => modal.getByTestId('paper-submit').click());
    expect(resolved.status(), await resolved.text()).toBe(200);
    expect(await resolved.json()).toMatchObject({ status: 'accepted', resolution: 'first' });
    await third.context.close();
  }, 180_000);

  step('4. one owner votes by proxy, registered with the written authorisation', async () => {
    const { page } = convener;
    const unit = compoundUnits().find((u) => u.owners[0].name === people.sole[18].name)!;
    const holderPhone = demoLogin('owner', 1); // an owner of another compound, not property staff
    await page.goto(`/votes/${vote.id}?tab=proxies`);
    const form = page.getByTestId('proxy-form');
    await chooseOption(page, form.getByTestId('unit-select'), `${unit.building} ${unit.number}`, true);
    await form.getByTestId('proxy-name').fill('受托人张三');
    await form.getByTestId('proxy-phone').fill(holderPhone);
    await form.locator('input[type=file]').setInputFiles({ name: '委托书.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('signed authorisation') });
    const registered = await answerTo(page, (u) => u.pathname === `/api/votes/${vote.id}/proxies`, () => form.getByTestId('proxy-submit').click());
    expect(registered.status(), await registered.text()).toBe(201);
    await page.getByTestId('proxies-table').locator('tr.ant-table-row', { hasText: '受托人张三' }).waitFor();

    const holder = await ownerSession(admin, holderPhone);
    const mine = await holder.expect(200, 'GET', `/api/votes/${vote.id}/my-ballots`);
    expect(mine.capacities.map((c: { capacity: string }) => c.capacity)).toEqual(['proxy']);
    const [q1, q2] = vote.questions.map((q) => q.id);
    expect((await holder.expect(201, 'POST', `/api/votes/${vote.id}/questions/${q1}/ballots`, { choice: 'abstain' }, idem())).channel).toBe('proxy');
    await holder.expect(201, 'POST', `/api/votes/${vote.id}/questions/${q2}/ballots`, { choice: 'for' }, idem());

    await page.goto(`/votes/${vote.id}?tab=progress`);
    await page.getByTestId('progress-words').first().waitFor();
    await screenshot(page, 'v6-progress');
    const progress = await staff.expect(200, 'GET', `/api/votes/${vote.id}/progress`);
    expect(progress.questions.map((q: { ballots: number }) => q.ballots)).toEqual([24, 24]);
  }, 120_000);

  step('5–6. closed, counted and published; the notice prints; the result equals `siyi tally` on the export', async () => {
    serverClockTo(vote.closesAt);
    const { page } = convener;
    await page.goto(`/votes/${vote.id}`);
    await moveInBrowser(page, vote.id, 'close', '已截止');
    await moveInBrowser(page, vote.id, 'count', '已计票');
    await moveInBrowser(page, vote.id, 'publish', '已公布');
    await page.getByRole('tab', { name: '结果' }).click();
    await page.getByTestId('question-result').nth(1).waitFor();
    await screenshot(page, 'v7-results');

    const anonymous = new ApiSession('anonymous');
    const results = await anonymous.expect(200, 'GET', `/api/votes/${vote.id}/results`);
    expect(results.questions.map((q: { passed: boolean }) => q.passed)).toEqual([true, false]);
    const q1 = results.questions[0].result;
    expect(q1.participation.heads).toMatchObject({ value: 24, total: 27 });
    // the subjects, as the result pages them
    const subjectsOf = async (q: { subjectsUrl: string }) => (await anonymous.expect(200, 'GET', `${q.subjectsUrl}?limit=500`)).subjects;
    const q1Subjects = await subjectsOf(results.questions[0]);
    expect(q1Subjects.find((s: { developer?: boolean }) => s.developer).units).toHaveLength(2);
    expect(q1Subjects.some((s: { units: string[] }) => s.units.length === 3)).toBe(true);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyi-vote-record-'));
    for (const q of results.questions) {
      const record = await anonymous.request('GET', q.recordUrl);
      expect(record.status).toBe(200);
      expect(record.text).not.toMatch(/王多房|166\d{8}/); // no names or phones in the open record
      const file = path.join(dir, `${q.questionId}.json`);
      fs.writeFileSync(file, record.text);
      const tally = await siyiTally(file);
      expect(tally.code, tally.stderr).toBe(0);
      expect(JSON.parse(tally.stdout)).toEqual({ ...q.result, subjects: await subjectsOf(q) });
    }
    fs.rmSync(dir, { recursive: true, force: true });

    // the owner sees how their own vote was counted
    await owner1.page.goto(`/my/votes/${vote.id}`);
    await owner1.page.getByTestId('my-subject').first().waitFor();
    expect(await owner1.page.getByTestId('my-subject').first().innerText()).toContain('1栋 101');
    await screenshot(owner1.page, 'v8-owner-result-phone');

    // the public notice, without login, with its QR code; a receipt checks against the root
    const visitor = await openPage(browser, desktop);
    await visitor.page.goto(`${baseUrl}/public/votes/${vote.id}`);
    await visitor.page.getByTestId('public-title').waitFor();
    expect(await visitor.page.getByTestId('notice-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const check = visitor.page.getByTestId('receipt-check');
    await check.locator('input').fill(receiptOfOwner1[0]);
    await check.getByTestId('receipt-check-button').click();
    await check.getByTestId('receipt-status').filter({ hasText: '已计入计票结果' }).filter({ hasText: '包含证明已通过' }).waitFor();
    await screenshot(visitor.page, 'v9-public-notice');
    await visitor.page.emulateMedia({ media: 'print' });
    expect(await check.isVisible()).toBe(false);
    await screenshot(visitor.page, 'v9-public-notice-print');
    await visitor.page.emulateMedia({ media: 'screen' });
    await visitor.page.getByTestId('language-switch').click();
    await visitor.page.getByRole('menuitem', { name: 'English' }).click();
    await visitor.page.getByRole('heading', { name: "Owners' assembly: notice of the vote result" }).waitFor();
    await visitor.page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'hidden' });
    await screenshot(visitor.page, 'v9-public-notice-en');
    await visitor.context.close();
    await owner1.context.close();
    await convener.context.close();
  }, 180_000);
});
