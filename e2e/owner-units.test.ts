import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Mailbox, MyUnits } from './support/types.ts';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { answerTo, demoLogin, getJson, loginStaffByApi, openPage, phone as phoneSize, screenshot } from './support/app.ts';

// Journey (c): an owner logs in on a phone with a one-time code (read from the dev mailbox, as
// an administrator would in a trial) and sees their own units, and nothing of the staff's.

describe.skipIf(!chromiumAvailable)('an owner on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('logs in with a code and sees only their own units', async () => {
    const ownerPhone = demoLogin('owner', 0);
    const { context, page } = await openPage(browser, phoneSize);
    await page.goto('/login');
    await page.getByRole('tab', { name: '业主登录' }).click();
    await page.getByLabel('手机号', { exact: true }).fill(ownerPhone);
    const sent = await answerTo(page, (u) => u.pathname === '/api/auth/otp', () => page.getByTestId('request-code').click());
    expect(sent.status()).toBe(202);
    await page.getByTestId('code-sent').waitFor();

    // the code, from the dev mailbox, read as the district admin
    const admin = await openPage(browser);
    await loginStaffByApi(admin.context, demoLogin('district_admin'));
    const mailbox = await getJson<Mailbox>(admin.context, '/api/dev/mailbox');
    await admin.context.close();
    const message = mailbox.items.filter((m) => m.recipient === ownerPhone).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    expect(message, `a code was sent to ${ownerPhone}`).toBeDefined();
    const code = /\b(\d{6})\b/.exec(message.body)?.[1];
    expect(code, `a 6-digit code in "${message.body}"`).toBeDefined();

    await page.getByLabel('验证码', { exact: true }).fill(code!);
    const login = await answerTo(page, (u) => u.pathname === '/api/auth/owner-login', () => page.locator('form[id="owner-login"] button[type="submit"]').click());
    expect(login.status(), await login.text()).toBe(200);
    await page.waitForURL('**/my/units');

    const mine = await getJson<MyUnits>(context, '/api/my/units');
    expect(mine.items.length, 'the demo owner owns a unit').toBeGreaterThan(0);
    const cards = page.getByTestId('my-unit');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(mine.items.length);
    const shown = (await cards.allInnerTexts()).join('\n');
    for (const unit of mine.items) expect(shown).toContain(`${unit.buildingName} ${unit.number}`);

    // no staff navigation, and it fits the phone
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.locator('a[href="/audit"], a[href="/communities"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phoneSize.width);
    await screenshot(page, 'c-owner-my-units-phone');

    // a staff page by its address leads back to their units; the API refuses the owner
    await page.goto('/communities');
    await page.waitForURL('**/my/units');
    const staffApi = await context.request.get('/api/communities');
    expect([403, 404]).toContain(staffApi.status());
    await context.close();
  });
});
