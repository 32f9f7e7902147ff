import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PlacesView } from './support/types.ts';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { answerTo, demoLogin, getJson, loginStaffByApi, loginStaffInPage, openPage, screenshot } from './support/app.ts';

// Journey (d): community staff of community A open community B's page by its address. The API
// answers 404 (outside the scope is the same as missing) and the page shows "not found".

describe.skipIf(!chromiumAvailable)('community staff stay inside their community', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("another community's page is not found", async () => {
    // which community is whose: the district admin sees them all
    const admin = await openPage(browser);
    await loginStaffByApi(admin.context, demoLogin('district_admin'));
    const all = await getJson<PlacesView>(admin.context, '/api/places');
    await admin.context.close();

    const { context, page } = await openPage(browser);
    await loginStaffInPage(page, demoLogin('community_staff', 0));
    const mine = await getJson<PlacesView>(context, '/api/places');
    const myCommunities = new Set(mine.districts.flatMap((d) => d.streets.flatMap((s) => s.communities.filter((c) => c.abilities.read).map((c) => c.id))));
    const other = all.districts.flatMap((d) => d.streets.flatMap((s) => s.communities)).find((c) => !myCommunities.has(c.id));
    expect(myCommunities.size, 'community staff reach their community').toBeGreaterThan(0);
    expect(other, 'the demo has a community outside theirs').toBeDefined();

    // their own community opens
    const ownId = [...myCommunities][0];
    const own = await answerTo(page, (u) => u.pathname === `/api/communities/${ownId}`, () => page.goto(`/communities/${ownId}`));
    expect(own.status()).toBe(200);

    // the other one does not, and the page says so
    const res = await answerTo(page, (u) => u.pathname === `/api/communities/${other!.id}`, () => page.goto(`/communities/${other!.id}`));
    expect(res.status()).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    await page.getByTestId('not-found').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(other!.name);
    // nor does the menu offer it
    expect(await page.locator('.ant-layout-sider').innerText()).not.toContain(other!.name);

    await screenshot(page, 'd-other-community-not-found');
    await context.close();
  });
});
