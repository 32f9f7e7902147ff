import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CompoundList, PlacesView } from './support/types.ts';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { answerTo, demoLogin, getJson, loginStaffInPage, openPage, screenshot } from './support/app.ts';

// Journey (b): community staff upload a roster with one bad row, see that row and column named,
// fix the file, upload it again, import it, and find the new units in the compound.

const building = 'E2E测试楼';
const roster = (badArea: boolean) => [
  '楼栋,房号,用途,登记面积,业主,电话',
  `${building},101,住宅,88.50,测试甲,13700000101`,
  `${building},102,住宅,${badArea ? '九十平' : '90.25'},测试乙,13700000102`,
  `${building},103,住宅,76.00,测试丙,13700000103`,
].join('\n');

async function upload(page: Page, compoundId: string, csv: string) {
  const started = await answerTo(page, (u) => u.pathname === `/api/compounds/${compoundId}/roster-imports`, () =>
    page.locator('[data-testid="roster-upload"] input[type="file"], .ant-upload input[type="file"]').first().setInputFiles({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    }),
  );
  expect(started.status(), await started.text()).toBe(202);
}

describe.skipIf(!chromiumAvailable)('roster import', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a bad row is named, fixed and imported', async () => {
    const { context, page } = await openPage(browser);
    await loginStaffInPage(page, demoLogin('community_staff', 0));
    const places = await getJson<PlacesView>(context, '/api/places');
    const community = places.districts.flatMap((d) => d.streets.flatMap((s) => s.communities)).find((c) => c.abilities.read)!;
    const compound = (await getJson<CompoundList>(context, `/api/communities/${community.id}/compounds`)).items.find((c) => c.abilities.importRoster);
    expect(compound, 'community staff may import a roster into one of their compounds').toBeDefined();

    // from the compound page, as a person would
    await page.goto(`/compounds/${compound!.id}`);
    await page.getByRole('heading', { name: compound!.name }).waitFor();
    await page.locator('main').getByRole('link', { name: /导入名册/ }).click();
    await page.waitForURL(`**/compounds/${compound!.id}/roster`);
    await page.getByRole('checkbox', { name: '名册中出现的新楼栋自动创建' }).check(); // the building is new
    await upload(page, compound!.id, roster(true));

    // the dry run names row 3 (the header is row 1) and the area column
    const problems = page.locator('[data-testid="roster-problems"] tr.ant-table-row');
    await problems.first().waitFor();
    const text = await page.locator('[data-testid="roster-problems"]').innerText();
    expect(text).toContain('登记面积');
    expect(await problems.first().locator('td').first().innerText()).toBe('3');
    expect(await problems.count()).toBe(1);
    await screenshot(page, 'b-roster-problem');

    // fixed file: clean dry run, then the real import
    await upload(page, compound!.id, roster(false));
    await page.getByTestId('roster-clean').waitFor();
    await answerTo(page, (u) => u.pathname === `/api/compounds/${compound!.id}/roster-imports`, () => page.getByTestId('roster-import').click());
    await page.getByTestId('roster-view-units').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('roster-summary').innerText()).toContain('3');

    // the new units are in the compound
    await page.getByTestId('roster-view-units').click();
    await page.waitForURL(`**/compounds/${compound!.id}?tab=units`);
    await page.locator('[data-testid="building-filter"]').click();
    const filtered = answerTo(page, (u) => u.pathname === `/api/compounds/${compound!.id}/units` && u.searchParams.has('buildingId'), () =>
      page.locator('.ant-select-item-option', { hasText: building }).click(),
    );
    expect((await filtered).status()).toBe(200);
    const rows = page.locator('[data-testid="units-table"] tr.ant-table-row');
    // the table re-renders once the filtered page arrives: wait for a row only the import made
    await rows.filter({ hasText: '测试乙' }).waitFor();
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(3);
    for (const text of texts) expect(text).toContain(building);
    for (const n of ['101', '102', '103']) expect(texts.join('\n')).toContain(n);

    await screenshot(page, 'b-roster-imported-units');
    await context.close();
  });
});
