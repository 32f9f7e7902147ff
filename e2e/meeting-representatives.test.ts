import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { answerTo, demoLogin, desktop, loginStaffInPage, openPage, screenshot } from './support/app.ts';
import { runId, sent, serverNow, shootOnFailure, signMinutes } from './support/procedure.ts';
import { resetServerClock, staffSession, type ApiSession } from './support/voting.ts';

// Journey (m): community staff invite a representative to a joint meeting by searching the staff
// account in the invitation form. The look-up lists only this community's accounts (the other
// community's staff login finds "no matching account"); picking the owners' committee chair's
// account fills in the party and the person; once attendance is recorded, the chair signs the
// minutes in their own browser.

let browser: Browser;

interface Me { userId: string; username: string; displayName: string; grants: { role: string; scopeId: string }[] }

/** Types into the open account search and waits for the look-up's answer to exactly this text. */
async function searchAccounts(page: Page, text: string) {
  const res = await answerTo(
    page,
    (u) => u.pathname.endsWith('/representative-accounts') && (u.searchParams.get('q') ?? '') === text,
    async () => {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
    },
  );
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { items: { userId: string }[]; total: number };
}

describe.skipIf(!chromiumAvailable)('inviting a representative by looking up their staff account', () => {
  let staff: ApiSession;
  let communityId = '';
  let meetingId = '';
  let chair: Me;
  let chairPersonId = '';
  let otherStaff: Me;

  beforeAll(async () => {
    resetServerClock();
    browser = await launchBrowser();
    staff = await staffSession(demoLogin('community_staff', 0));
    const places = await staff.expect(200, 'GET', '/api/places');
    const community = places.districts.flatMap((d: any) => d.streets.flatMap((s: any) => s.communities)).find((c: any) => c.abilities.manage); // eslint-disable-line @typescript-eslint/no-explicit-any
    communityId = community.id;
    chair = await (await staffSession(demoLogin('owners_committee'))).expect(200, 'GET', '/api/me');
    otherStaff = await (await staffSession(demoLogin('community_staff', 1))).expect(200, 'GET', '/api/me');
    const orgs = await staff.expect(200, 'GET', `/api/communities/${communityId}/organisations`);
    const committee = orgs.ownersCommittees.find((c: { compound: { id: string } | null; current: boolean }) => c.current && c.compound?.id === chair.grants[0].scopeId);
    chairPersonId = committee.members.find((m: { name: string }) => m.name === chair.displayName).personId;
    const meeting = await staff.expect(201, 'POST', `/api/communities/${communityId}/meetings`, {
      kind: 'joint', title: `四方联席会议（代表查找 ${runId.slice(-4)}）`, scheduledAt: new Date(serverNow().getTime() - 3_600_000).toISOString(), location: '社区会议室',
    });
    meetingId = meeting.id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('staff search the account, the party and person fill in, and the chair signs the minutes', async () => {
    await shootOnFailure(browser, 'm-failed', async () => {
      const desk = await openPage(browser, desktop);
      const { page } = desk;
      await loginStaffInPage(page, demoLogin('community_staff', 0));
      await page.goto(`/meetings/${meetingId}?tab=people`);
      const picker = page.getByTestId('invite-user');
      await picker.click();

      // the other community's staff login is not listed here
      const outside = await searchAccounts(page, otherStaff.username);
      expect(outside.items).toEqual([]);
      await page.getByTestId('account-none').filter({ hasText: '没有匹配的账号' }).waitFor();
      await screenshot(page, 'm1-no-matching-account');

      const found = await searchAccounts(page, chair.displayName);
      expect(found.items.map((i) => i.userId)).toContain(chair.userId);
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: chair.username });
      await option.click();
      await option.waitFor({ state: 'hidden' });

      // the account brought its party (the owners' committee) and its registry person
      await page.getByTestId('invite-party').filter({ hasText: '业委会' }).waitFor();
      await page.getByTestId('invite-person').filter({ hasText: chair.displayName }).waitFor();
      await page.getByTestId('invite-form').getByPlaceholder('如：书记、主任、项目经理').fill('主任');
      await screenshot(page, 'm2-account-picked');
      const invited = await sent(page, 'POST', '/representatives', () => page.getByTestId('invite-submit').click());
      expect(invited.status(), await invited.text()).toBe(201);
      expect(JSON.parse(invited.request().postData() ?? '{}')).toMatchObject({ party: 'owners_committee', personId: chairPersonId, userId: chair.userId, role: '主任' });
      const row = page.getByTestId('representatives').locator('tr').filter({ hasText: chair.displayName });
      await row.filter({ hasText: '已关联账号' }).waitFor();

      // the linked account is marked in the look-up and cannot be linked twice
      await picker.click();
      await searchAccounts(page, chair.displayName);
      await page.locator('.ant-select-item-option-disabled').filter({ hasText: chair.username }).waitFor();
      await page.keyboard.press('Escape');

      await row.getByTestId('attendance-switch').click();
      const attended = await sent(page, 'PUT', '/attendance', () => page.getByTestId('attendance-save').click());
      expect(attended.status(), await attended.text()).toBe(200);
      await staff.expect(200, 'PUT', `/api/meetings/${meetingId}/minutes`, { text: '业委会主任出席，通报小区近期工作。' });

      const theirs = await openPage(browser, desktop);
      await loginStaffInPage(theirs.page, chair.username);
      await signMinutes(theirs.page, meetingId);
      await theirs.page.getByTestId('signer').filter({ hasText: '已签' }).first().waitFor();
      await screenshot(theirs.page, 'm3-chair-signed');
      const view = await staff.expect(200, 'GET', `/api/meetings/${meetingId}`);
      expect(view.minutes.signatures).toEqual([expect.objectContaining({ party: 'owners_committee', current: true })]);
      await theirs.context.close();
      await desk.context.close();
    });
  }, 240_000);
});
