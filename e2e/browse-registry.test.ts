import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PlacesView } from './support/types.ts';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { answerTo, demoLogin, getJson, loginStaffInPage, openPage, screenshot } from './support/app.ts';

// Journey (a): a district admin logs in and walks district → street → community → compound,
// and sees the compound's units.

describe.skipIf(!chromiumAvailable)('a staff member browses the registry', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('district → street → community → compound shows units', async () => {
    const { context, page } = await openPage(browser);
    await loginStaffInPage(page, demoLogin('district_admin'));

    // the names to click are the ones the server gives this user
    const places = await getJson<PlacesView>(context, '/api/places');
    const district = places.districts[0];
    const street = district.streets[0];
    const community = street.communities[0];
    expect(community, 'the demo district has a community').toBeDefined();

    // one district: the home page is that district
    await page.waitForURL(`**/districts/${district.id}`);
    await page.getByRole('heading', { name: district.name }).waitFor();

    await page.locator('main').getByRole('link', { name: street.name, exact: true }).click();
    await page.waitForURL(`**/streets/${street.id}`);
    await page.getByRole('heading', { name: street.name }).waitFor();

    const compounds = await answerTo(page, (u) => u.pathname === `/api/communities/${community.id}/compounds`, () =>
      page.locator('main').getByRole('link', { name: community.name, exact: true }).click(),
    );
    expect(compounds.status()).toBe(200);
    const compound = ((await compounds.json()) as { items: { id: string; name: string }[] }).items[0];
    expect(compound, `${community.name} has a compound`).toBeDefined();
    await page.getByRole('heading', { name: community.name }).waitFor();
    // the breadcrumbs say where we are
    const crumbs = await page.locator('.ant-breadcrumb').innerText();
    expect(crumbs).toContain(district.name);
    expect(crumbs).toContain(street.name);

    const units = await answerTo(page, (u) => u.pathname === `/api/compounds/${compound.id}/units`, () =>
      page.locator('main').getByRole('link', { name: compound.name, exact: true }).click(),
    );
    expect(units.status()).toBe(200);
    const firstUnit = ((await units.json()) as { items: { number: string }[]; total: number }).items[0];
    expect(firstUnit, `${compound.name} has units`).toBeDefined();
    await page.getByRole('heading', { name: compound.name }).waitFor();
    const rows = page.locator('[data-testid="units-table"] tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toContain(firstUnit.number);

    await screenshot(page, 'a-browse-compound-units');

    // English on request, and still English after a reload
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Units' }).waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Units' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});
