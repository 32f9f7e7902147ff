import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { baseUrl, demoLogin, desktop, loginStaffInPage, openPage, phone as phoneSize, screenshot } from './support/app.ts';
import {
  castOnline, conveneVote, ensureJointSeries, moveMatter, residents, runId, sent, serverNow, setUpCompound, setUpRepresentatives, shootOnFailure,
  signMinutes, takePosition,
  type Member, type Representative,
} from './support/procedure.ts';
import { chooseOption, ownerInBrowser } from './support/voting-browser.ts';
import { ApiSession, ownerSession, resetServerClock, serverClockTo, staffSession } from './support/voting.ts';

// Journey (p): one Art. 278 matter through the four deliberations and the two disclosures, each
// step clicked in the browser by the person who owns it. A resident raises it on a phone and ten
// neighbours co-sign (API, real one-time-code logins); community staff accept it; residents
// support, answer the survey and comment; the joint meeting is scheduled from the calendar, the
// four parties' linked representatives (set up through the API, one invited in the browser)
// take their positions and sign the minutes in their own browsers; the resolve step refuses a
// hand-entered resolution, the owners vote (API, on the server's test clock) and the published
// result is taken over; the resolution notice is published, printed and objected to, and the
// objection answered; a task is done and accepted; the results notice is published; a resident
// rates the results; the matter closes; the street admin sees it in the overview.

let browser: Browser;

/** The journey's steps build on each other: after one fails, the rest are skipped, not failed again. */
let broken = false;
const step = (name: string, fn: () => Promise<void>, timeout = 180_000) =>
  test(name, async (ctx) => {
    if (broken) ctx.skip();
    broken = true;
    await shootOnFailure(browser, `p-failed-${name.split('.')[0]}`, fn);
    broken = false;
  }, timeout);

type Tab = { context: BrowserContext; page: Page };

const TITLE = `使用维修资金更换1栋电梯（${runId.slice(-4)}）`;

describe.skipIf(!chromiumAvailable)('a matter from proposal to the results notice', () => {
  let admin: ApiSession;
  let staff: ApiSession;
  let communityId = '';
  let compound: { id: string; name: string };
  const people = residents();
  let resident: Tab;
  let desk: Tab; // community staff: the residents' committee chair, who runs the procedure
  let matterId = '';
  let meetingId = '';
  let reps: Representative[] = [];
  let chair: Member;

  const matter = () => staff.expect(200, 'GET', `/api/matters/${matterId}`);

  beforeAll(async () => {
    resetServerClock();
    browser = await launchBrowser();
    admin = await staffSession(demoLogin('district_admin'));
    staff = await staffSession(demoLogin('community_staff', 0));
    const places = await staff.expect(200, 'GET', '/api/places');
    const community = places.districts.flatMap((d: any) => d.streets.flatMap((s: any) => s.communities)).find((c: any) => c.abilities.manage); // eslint-disable-line @typescript-eslint/no-explicit-any
    communityId = community.id;
    compound = await setUpCompound(staff, communityId);

    ({ chair, reps } = await setUpRepresentatives(admin, staff, communityId, compound.id, people[13].name));
    await ensureJointSeries(staff, communityId);
  }, 180_000);

  afterAll(async () => {
    resetServerClock();
    await browser?.close();
  });

  step('1. a resident raises an Art. 278 matter on a phone; ten neighbouring households co-sign', async () => {
    resident = await ownerInBrowser(browser, admin, people[0].phone);
    const { page } = resident;
    await page.getByTestId('owner-nav').getByText('议题', { exact: true }).click();
    await page.getByTestId('raise-matter').click();
    await page.waitForURL('**/my/matters/new');
    await page.getByTestId('raise-title').fill(TITLE);
    await page.getByTestId('raise-description').fill('1栋电梯已运行十八年，近半年停运六次。提议使用专项维修资金更换电梯，费用约 45 万元。');
    await chooseOption(page, page.getByTestId('raise-category'), '维修与设施');
    await page.getByText('业主大会表决（第 278 条事项）').click();
    await chooseOption(page, page.getByTestId('raise-art278'), '使用维修资金');
    await page.getByText('本小区其他 10 户联署').waitFor();
    const raised = await sent(page, 'POST', '/api/matters', () => page.getByTestId('raise-submit').click());
    expect(raised.status(), await raised.text()).toBe(201);
    matterId = (await raised.json()).id;
    await page.waitForURL(`**/my/matters/${matterId}`);
    await page.getByTestId('signature-count').filter({ hasText: '0/10' }).waitFor();

    for (const neighbour of people.slice(1, 11)) {
      const owner = await ownerSession(admin, neighbour.phone);
      await owner.expect(200, 'POST', `/api/matters/${matterId}/cosign`, {});
    }
    await page.reload();
    await page.getByTestId('matter-step').filter({ hasText: '提议' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await screenshot(page, 'p1-resident-raised-phone');
    expect((await matter()).subState).toBe('awaiting_acceptance');
  });

  step('2. community staff accept it from the board, set the direction and attach a survey', async () => {
    desk = await openPage(browser, desktop);
    const { page } = desk;
    await loginStaffInPage(page, demoLogin('community_staff', 0));
    await page.goto(`/communities/${communityId}/matters`);
    const card = page.getByTestId('board-column-propose').getByTestId('matter-card').filter({ hasText: TITLE });
    await card.waitFor();
    await screenshot(page, 'p2-board');
    await card.getByTestId('matter-link').click();
    await page.waitForURL(`**/matters/${matterId}`);
    await moveMatter(page, matterId, 'consult', '征询', { direction: '同意列入议程，重点听取低层住户意见，费用按专有部分面积分摊。' });

    await page.getByRole('tab', { name: '征询' }).click();
    await page.getByTestId('survey-question-text').fill('您希望什么时候施工？');
    await page.getByTestId('survey-question-options').fill('本月内\n下个月\n暑假期间');
    const attached = await sent(page, 'POST', `/api/matters/${matterId}/survey`, () => page.getByTestId('survey-attach-submit').click());
    expect(attached.status(), await attached.text()).toBe(200);
    await page.getByTestId('survey-results').waitFor();
  });

  step('3. residents support it, answer the survey and comment during consultation', async () => {
    const { page } = resident;
    await page.reload();
    await page.getByTestId('matter-step').filter({ hasText: '征询' }).waitFor();
    const supported = await sent(page, 'POST', '/support', () => page.getByTestId('support').click());
    expect(supported.status(), await supported.text()).toBe(200);
    await page.getByTestId('support-count').filter({ hasText: '1 户支持' }).waitFor();
    await page.getByTestId('survey-form').getByText('暑假期间').click();
    const answered = await sent(page, 'POST', '/survey/responses', () => page.getByTestId('survey-submit').click());
    expect(answered.status(), await answered.text()).toBe(200);
    await page.getByTestId('comment-input').fill('支持更换。希望施工期间安排临时爬楼帮扶，照顾老人。');
    const commented = await sent(page, 'POST', '/comments', () => page.getByTestId('comment-submit').click());
    expect(commented.status(), await commented.text()).toBe(201);
    await page.getByTestId('comment').filter({ hasText: '爬楼帮扶' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await screenshot(page, 'p3-resident-consultation-phone');

    const neighbour = await ownerSession(admin, people[1].phone);
    await neighbour.expect(201, 'POST', `/api/matters/${matterId}/comments`, { body: '一楼住户也同意，但分摊比例请再公示。' });
    await neighbour.expect(200, 'POST', `/api/matters/${matterId}/support`, {});
    await desk.page.reload();
    await desk.page.getByTestId('comment').nth(1).waitFor();
    expect(await desk.page.getByTestId('comment').count()).toBe(2);
    await desk.page.getByTestId('support-count').filter({ hasText: '2' }).waitFor();
  });

  step("4. the joint meeting: scheduled from the calendar, four parties' positions, minutes and sign-offs", async () => {
    const { page } = desk;
    serverClockTo((await matter()).stepDueAt);
    await page.goto(`/matters/${matterId}`);
    await moveMatter(page, matterId, 'deliberate', '商议');

    await page.goto(`/communities/${communityId}/meetings`);
    const scheduled = await sent(page, 'POST', '/occurrences', () => page.getByTestId('schedule-occurrence').first().click());
    expect([200, 201], await scheduled.text()).toContain(scheduled.status());
    const meeting = await scheduled.json();
    meetingId = meeting.id;
    await page.waitForURL(`**/meetings/${meetingId}`);

    await chooseOption(page, page.getByTestId('agenda-add-matter'), TITLE);
    const agenda = await sent(page, 'PUT', '/agenda', () => page.getByTestId('agenda-save').click());
    expect(agenda.status(), await agenda.text()).toBe(200);

    // three representatives with their accounts through the API; parity (1:1) warns while the residents' committee has none
    for (const r of reps) {
      await staff.expect(201, 'POST', `/api/meetings/${meetingId}/representatives`, { party: r.party, personId: r.personId, userId: r.userId, companyId: r.companyId, role: r.role });
    }
    await page.goto(`/meetings/${meetingId}?tab=people`);
    await page.getByTestId('parity-warning').first().waitFor();
    await screenshot(page, 'p4a-parity-warning');
    // the chair invites herself for the residents' committee in the browser
    await chooseOption(page, page.getByTestId('invite-party'), '居委会');
    await chooseOption(page, page.getByTestId('invite-person'), chair.name, true);
    await chooseOption(page, page.getByTestId('invite-user'), '我本人');
    const invited = await sent(page, 'POST', '/representatives', () => page.getByTestId('invite-submit').click());
    expect(invited.status(), await invited.text()).toBe(201);
    await page.getByTestId('parity-warning').first().waitFor({ state: 'detached' });

    serverClockTo(meeting.scheduledAt);
    for (const sw of await page.getByTestId('attendance-switch').all()) await sw.click();
    const attended = await sent(page, 'PUT', '/attendance', () => page.getByTestId('attendance-save').click());
    expect(attended.status(), await attended.text()).toBe(200);
    await page.getByTestId('quorum').filter({ hasText: '已达到法定出席' }).waitFor();

    // each party's representative takes the position in person, in their own browser
    const others: Tab[] = [];
    for (const r of reps) {
      const tab = await openPage(browser, desktop);
      await loginStaffInPage(tab.page, r.login);
      others.push(tab);
    }
    await takePosition(others[0].page, meetingId, '电梯安全关系群众切身利益，党组织支持。');
    await takePosition(page, meetingId, '居委会将组织施工期间的帮扶。');
    await takePosition(others[1].page, meetingId, '业委会同意提交业主大会表决。');
    await takePosition(others[2].page, meetingId, '物业配合施工，承诺停梯期间每日通报进度。');

    await page.goto(`/meetings/${meetingId}?tab=items`);
    const concluded = await sent(page, 'POST', '/conclusion', () => page.getByTestId('conclude').click());
    expect(concluded.status(), await concluded.text()).toBe(200);
    await page.getByTestId('conclusion').filter({ hasText: '一致同意' }).waitFor();
    await screenshot(page, 'p4b-positions-consensus');

    await page.getByRole('tab', { name: '纪要与签署' }).click();
    await page.getByTestId('minutes-text').fill('四方一致同意将“使用维修资金更换1栋电梯”提交业主大会表决；居委会负责施工期间的帮扶，物业负责进度通报。');
    const saved = await sent(page, 'PUT', '/minutes', () => page.getByTestId('minutes-save').click());
    expect(saved.status(), await saved.text()).toBe(200);
    await signMinutes(page, meetingId);
    for (const tab of others) await signMinutes(tab.page, meetingId);
    await page.reload();
    await page.getByTestId('minutes-locked').waitFor();
    expect(await page.getByTestId('signer').filter({ hasText: '已签' }).count()).toBe(4);
    await screenshot(page, 'p4c-minutes-signed');
    for (const tab of others) await tab.context.close();

    const print = await openPage(browser, desktop);
    await print.context.addCookies(await desk.context.cookies());
    await print.page.goto(`/meetings/${meetingId}/minutes/print`);
    await print.page.getByTestId('minutes-sheet').waitFor();
    await print.page.emulateMedia({ media: 'print' });
    await screenshot(print.page, 'p4d-minutes-print');
    await print.context.close();

    await page.goto(`/matters/${matterId}`);
    await moveMatter(page, matterId, 'resolve', '决议');
  }, 300_000);

  step("5. the resolve step refuses a hand-entered resolution; the owners vote; the published result is taken over", async () => {
    const typed = await staff.request<any>('POST', `/api/matters/${matterId}/resolution`, { text: '同意更换电梯。' }); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect([typed.status, typed.body.error.details.reason]).toEqual([409, 'art278_requires_owners_vote']);

    const { page } = desk;
    await page.goto(`/matters/${matterId}?tab=resolution`);
    expect(await page.getByTestId('resolution-text').count(), 'no text box for an Art. 278 matter').toBe(0);
    const early = await sent(page, 'POST', '/resolution', () => page.getByTestId('resolution-from-vote').click());
    expect(early.status()).toBe(409);
    expect((await early.json()).error.details.reason).toBe('vote_not_published');
    await page.getByTestId('resolution-error').waitFor();
    await screenshot(page, 'p5a-resolution-refused');

    const vote = await conveneVote(staff, compound.id, matterId, '使用专项维修资金更换1栋电梯');
    serverClockTo(vote.opensAt);
    await staff.expect(200, 'POST', `/api/votes/${vote.id}/open`);
    await castOnline(admin, vote.id, vote.questions[0].id, people.slice(0, 11).map((p) => p.phone));
    serverClockTo(vote.closesAt);
    for (const move of ['close', 'count', 'publish']) await staff.expect(200, 'POST', `/api/votes/${vote.id}/${move}`);

    await page.reload();
    const taken = await sent(page, 'POST', '/resolution', () => page.getByTestId('resolution-from-vote').click());
    expect(taken.status(), await taken.text()).toBe(200);
    await page.getByTestId('resolution').filter({ hasText: '通过' }).waitFor();
    await screenshot(page, 'p5b-resolution-from-vote');
  }, 300_000);

  let resolutionNotice = '';
  step('6. the resolution notice is published, readable without login and printable on A4 with its QR code', async () => {
    const { page } = desk;
    await moveMatter(page, matterId, 'publish_resolution', '决议公示');
    resolutionNotice = (await matter()).notices.resolution;
    await page.getByRole('tab', { name: '公示' }).click();
    await page.getByTestId('notice-brief').getByTestId('notice-link').click();
    await page.waitForURL(`**/notices/${resolutionNotice}`);
    await page.getByTestId('notice-state').filter({ hasText: '公示中' }).waitFor();

    const visitor = await openPage(browser, phoneSize);
    await visitor.page.goto(`${baseUrl}/public/notices/${resolutionNotice}`);
    await visitor.page.getByTestId('public-title').waitFor();
    expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await screenshot(visitor.page, 'p6a-public-notice-phone');
    await visitor.page.getByTestId('to-print').click();
    await visitor.page.getByTestId('notice-qr').waitFor();
    expect(await visitor.page.getByTestId('notice-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    await visitor.page.setViewportSize({ width: 794, height: 1123 });
    await visitor.page.emulateMedia({ media: 'print' });
    expect(await visitor.page.getByTestId('print').isVisible()).toBe(false);
    await screenshot(visitor.page, 'p6b-notice-print-a4');
    await visitor.context.close();
  });

  step('7. a resident objects on a phone; the community answers in the browser', async () => {
    const objector = await ownerInBrowser(browser, admin, people[1].phone);
    const o = objector.page;
    await o.getByTestId('owner-nav').getByText('公示', { exact: true }).click();
    await o.getByTestId('my-notice').filter({ hasText: TITLE }).getByRole('link').click();
    await o.waitForURL(`**/my/notices/${resolutionNotice}`);
    await o.getByTestId('objection-text').fill('分摊方案未说明一楼住户是否分摊，请说明。');
    const raised = await sent(o, 'POST', '/objections', () => o.getByTestId('objection-submit').click());
    expect(raised.status(), await raised.text()).toBe(201);
    await o.getByTestId('objection').getByTestId('objection-status').filter({ hasText: '待答复' }).waitFor();

    const { page } = desk;
    await page.reload();
    await page.getByTestId('answer-text').fill('按《民法典》第二百八十一条，维修资金由全体业主按专有部分面积分摊，一楼住户同样分摊。');
    const answered = await sent(page, 'POST', '/answer', () => page.getByTestId('answer-submit').click());
    expect(answered.status(), await answered.text()).toBe(200);
    await page.getByTestId('objection-answer').waitFor();
    await screenshot(page, 'p7a-objection-answered');

    await o.reload();
    await o.getByTestId('objection-answer').waitFor();
    await screenshot(o, 'p7b-resident-sees-answer-phone');
    await objector.context.close();
  });

  step('8. the task is planned and reported done; after the posting period the implementation is accepted', async () => {
    const { page } = desk;
    await page.goto(`/matters/${matterId}?tab=implementation`);
    await page.getByTestId('task-title').fill('更换1栋电梯并通过特种设备验收');
    await chooseOption(page, page.getByTestId('task-form').locator('.ant-select').first(), '居民委员会');
    await page.getByTestId('task-responsible').fill('春潮社区居委会（监督）');
    const deadline = new Date(serverNow().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('task-form').getByLabel('完成期限', { exact: true }).fill(deadline);
    await page.keyboard.press('Enter');
    const planned = await sent(page, 'POST', '/tasks', () => page.getByTestId('task-submit').click());
    expect(planned.status(), await planned.text()).toBe(201);

    await page.getByTestId('report-progress').click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('进度', { exact: true }).fill('100');
    await modal.getByLabel('进展说明', { exact: true }).fill('新电梯已安装，市场监管局验收合格。');
    await modal.locator('input[type=file]').setInputFiles({ name: '验收合格证.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('elevator acceptance certificate') });
    const reported = await sent(page, 'POST', '/progress', () => page.getByTestId('progress-submit').click());
    expect(reported.status(), await reported.text()).toBe(200);
    await page.getByTestId('task').filter({ hasText: '验收合格证.jpg' }).waitFor();

    serverClockTo((await staff.expect(200, 'GET', `/api/notices/${resolutionNotice}`)).postingEndsAt);
    await page.reload();
    await moveMatter(page, matterId, 'implement', '实施');
    await chooseOption(page, page.getByTestId('acceptance-form').locator('.ant-select').first(), '居民委员会');
    await page.getByTestId('acceptance-note').fill('电梯运行正常，资料齐全，同意验收。');
    const accepted = await sent(page, 'POST', '/acceptance', () => page.getByTestId('acceptance-submit').click());
    expect(accepted.status(), await accepted.text()).toBe(200);
    await page.getByTestId('acceptance').waitFor();
    await screenshot(page, 'p8-implementation-accepted');
  });

  step('9. the results notice is published', async () => {
    const { page } = desk;
    await moveMatter(page, matterId, 'publish_results', '结果公示');
    const results = (await matter()).notices.results;
    expect(results).toBeTruthy();
    const notice = await new ApiSession('anonymous').expect(200, 'GET', `/api/public/notices/${results}`);
    expect(notice.subjectType).toBe('matter_results');
  });

  step('10. a resident rates the results on a phone; the matter closes; the street sees it', async () => {
    const { page } = resident;
    await page.goto(`/my/matters/${matterId}`);
    await page.getByTestId('rating-stars').locator('.ant-rate-star').nth(4).click();
    await page.getByTestId('rating-comment').fill('电梯换了，上下楼方便多了。');
    const rated = await sent(page, 'POST', '/ratings', () => page.getByTestId('rating-submit').click());
    expect(rated.status(), await rated.text()).toBe(200);
    await page.getByTestId('my-rating').filter({ hasText: '5' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await screenshot(page, 'p10a-resident-rated-phone');

    serverClockTo((await staff.expect(200, 'GET', `/api/notices/${(await matter()).notices.results}`)).postingEndsAt);
    await desk.page.goto(`/matters/${matterId}`);
    await moveMatter(desk.page, matterId, 'closed', '已办结');
    await desk.page.getByTestId('step-history').waitFor();
    await screenshot(desk.page, 'p10b-matter-closed');

    const street = await openPage(browser, desktop);
    await loginStaffInPage(street.page, demoLogin('street_admin'));
    await street.page.goto(`/matters?communityId=${communityId}`);
    await street.page.getByTestId('summary-by-step').waitFor();
    await street.page.getByTestId('matters-table').getByText(TITLE).waitFor();
    await screenshot(street.page, 'p10c-street-overview');
    await street.context.close();
    await resident.context.close();
    await desk.context.close();
  });
});
