import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { baseUrl, confirmPopover, demoLogin, desktop, loginStaffInPage, openPage, phone, screenshot } from './support/app.ts';
import { runId, sent, shootOnFailure } from './support/procedure.ts';
import { chooseOption } from './support/voting-browser.ts';
import { resetServerClock, staffSession, type ApiSession } from './support/voting.ts';

// Journey (n): community staff draft a notice (公示) by hand in the browser, are told on the field
// that the posting period is too short, fix it, attach a photo, edit the draft and publish it;
// then issue a correction, which starts from the old text, and publish that. Both notices show
// the link, on the staff pages and on the public pages.

let browser: Browser;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const MATTER = `小区绿化带改造（${runId.slice(-4)}）`;
const TITLE = `关于绿化带改造的决议公示（${runId.slice(-4)}）`;
const BODY = '经社区两委会议研究决定：对小区东侧绿化带进行改造，增设休息座椅 6 处。';

/** Waits for the answer to the PATCH an action sends. */
async function patched(page: Page, path: string, action: () => Promise<unknown>) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === path),
    action(),
  ]);
  return response;
}

/** The open modal's form item of a label, for its input and its error line. */
const item = (page: Page, label: string) => page.locator('.ant-modal .ant-form-item').filter({ has: page.locator(`label:text-is("${label}")`) });

describe.skipIf(!chromiumAvailable)('a notice drafted by hand, then corrected', () => {
  let staff: ApiSession;
  let communityId = '';
  let minimum = 7;

  beforeAll(async () => {
    resetServerClock();
    browser = await launchBrowser();
    staff = await staffSession(demoLogin('community_staff', 0));
    const places = await staff.expect(200, 'GET', '/api/places');
    const community = places.districts.flatMap((d: any) => d.streets.flatMap((s: any) => s.communities)).find((c: any) => c.abilities.manage); // eslint-disable-line @typescript-eslint/no-explicit-any
    communityId = community.id;
    const settings = await staff.expect(200, 'GET', `/api/communities/${communityId}/notice-settings`);
    expect(settings).toMatchObject({ abilities: { draft: true }, draftScope: { communityWide: true } });
    minimum = Math.max(settings.minPostingDays, settings.floorDays);
    const categories = (await staff.expect(200, 'GET', `/api/communities/${communityId}/consultation-settings`)).categories;
    await staff.expect(201, 'POST', '/api/matters', {
      communityId, title: MATTER, description: '东侧绿化带杂草丛生，居民希望改造为休闲绿地。', category: categories[0].key, source: 'community', decidingBody: 'two_committees',
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('draft, field error, attachment, edit, publish; then a correction, with the links on both', async () => {
    await shootOnFailure(browser, 'n-failed', async () => {
      const desk = await openPage(browser, desktop);
      const { page } = desk;
      await loginStaffInPage(page, demoLogin('community_staff', 0));
      await page.goto(`/communities/${communityId}/notices`);
      await page.getByTestId('draft-notice').click();
      await page.getByTestId('notice-form').waitFor();
      await chooseOption(page, page.getByTestId('notice-form-subject'), MATTER, true);
      await page.getByTestId('notice-form-title').fill(TITLE);
      await page.getByTestId('notice-form-body').fill(BODY);
      await page.getByTestId('notice-form-posting-days').fill('3');

      // the server refuses a short posting period; the form says so on the field
      const refused = await sent(page, 'POST', `/api/communities/${communityId}/notices`, () => page.getByTestId('notice-form-submit').click());
      expect(refused.status()).toBe(400);
      expect((await refused.json()).error.details).toMatchObject({ reason: 'posting_too_short', field: 'postingDays' });
      await item(page, '公示期').locator('.ant-form-item-explain-error').filter({ hasText: `至少 ${minimum} 天` }).waitFor();
      await screenshot(page, 'n1-posting-too-short');

      await page.getByTestId('notice-form-posting-days').fill(String(minimum));
      await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '绿化带现状.png', mimeType: 'image/png', buffer: PNG });
      const drafted = await sent(page, 'POST', `/api/communities/${communityId}/notices`, () => page.getByTestId('notice-form-submit').click());
      expect(drafted.status(), await drafted.text()).toBe(201);
      const first = await drafted.json();
      expect(first).toMatchObject({ state: 'draft', compound: null, subjectType: 'matter_resolution', postingDays: minimum, corrects: null });
      await page.waitForURL(`**/notices/${first.id}`);
      await page.getByTestId('notice-state').filter({ hasText: '草稿' }).waitFor();
      await page.getByText('绿化带现状.png').waitFor();

      await page.getByTestId('edit-notice').click();
      await page.getByTestId('notice-form-title').fill(`${TITLE}（修订）`);
      const edited = await patched(page, `/api/notices/${first.id}`, () => page.getByTestId('notice-form-submit').click());
      expect(edited.status(), await edited.text()).toBe(200);
      await page.getByTestId('notice-title').filter({ hasText: '（修订）' }).waitFor();

      await page.getByTestId('publish-notice').click();
      const published = await sent(page, 'POST', `/api/notices/${first.id}/publish`, () => confirmPopover(page));
      expect(published.status(), await published.text()).toBe(200);
      await page.getByTestId('notice-state').filter({ hasText: '公示中' }).waitFor();
      expect(await page.getByTestId('edit-notice').count()).toBe(0);

      // the correction starts from the old text; its place and subject stay the old notice's
      await page.getByTestId('correct-notice').click();
      await page.getByTestId('notice-form').waitFor();
      expect(await page.getByTestId('notice-form-title').inputValue()).toBe(`【更正】${TITLE}（修订）`);
      expect(await page.getByTestId('notice-form-body').inputValue()).toBe(BODY);
      await page.getByTestId('notice-form-body').fill(BODY.replace('6 处', '8 处'));
      await screenshot(page, 'n2-correction-form');
      const corrected = await sent(page, 'POST', `/api/communities/${communityId}/notices`, () => page.getByTestId('notice-form-submit').click());
      expect(corrected.status(), await corrected.text()).toBe(201);
      const fix = await corrected.json();
      expect(fix).toMatchObject({ state: 'draft', subjectId: first.subjectId, corrects: { id: first.id } });
      await page.waitForURL(`**/notices/${fix.id}`);
      await page.getByTestId('corrects').filter({ hasText: `${TITLE}（修订）` }).waitFor();

      await page.getByTestId('publish-notice').click();
      expect((await sent(page, 'POST', `/api/notices/${fix.id}/publish`, () => confirmPopover(page))).status()).toBe(200);
      await page.getByTestId('notice-state').filter({ hasText: '公示中' }).waitFor();
      await page.getByTestId('corrects').getByRole('link').click();
      await page.waitForURL(`**/notices/${first.id}`);
      await page.getByTestId('corrected-by').filter({ hasText: `【更正】${TITLE}` }).waitFor();
      expect(await page.getByTestId('correct-notice').count(), 'a corrected notice is corrected through its correction').toBe(0);
      await screenshot(page, 'n3-corrected-by');

      const visitor = await openPage(browser, phone);
      await visitor.page.goto(`${baseUrl}/public/notices/${first.id}`);
      await visitor.page.getByTestId('corrected-by').getByRole('link').click();
      await visitor.page.waitForURL(`**/public/notices/${fix.id}`);
      await visitor.page.getByTestId('corrects').filter({ hasText: `${TITLE}（修订）` }).waitFor();
      await visitor.page.getByTestId('notice-body').filter({ hasText: '8 处' }).waitFor();
      await screenshot(visitor.page, 'n4-public-correction-phone');
      await visitor.context.close();
      await desk.context.close();
    });
  }, 240_000);
});
