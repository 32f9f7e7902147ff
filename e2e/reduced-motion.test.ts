import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser } from './support/browser.ts';
import { openPage } from './support/app.ts';

// The app honours the system's reduced-motion preference (WCAG 2.3.3): antd's overlays then
// appear without their zoom or slide. The other journeys browse with the preference set, so this
// file also shows that the animated path still works for everybody else.

/**
 * Opens the language menu on the login page; returns the animation durations the menu had while
 * it came in (read at every class change, however slow the frames are).
 */
async function menuAnimationDurations(page: Page): Promise<string[]> {
  await page.goto('/login');
  await page.getByTestId('language-switch').waitFor();
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { motion: string[] }).motion = []);
    const note = (el: Element) => {
      if (/-(appear|enter)(\s|$|-)/.test(el.className.toString())) seen.push(getComputedStyle(el).animationDuration);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.type === 'childList' ? [...r.addedNodes] : [r.target]) {
          if (node instanceof Element) [node, ...node.querySelectorAll('[class]')].forEach(note);
        }
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).waitFor();
  await page.locator('.ant-dropdown').and(page.locator('[class]:not([class*="-appear"]):not([class*="-enter"])')).waitFor();
  return page.evaluate(() => (window as unknown as { motion: string[] }).motion);
}

describe.skipIf(!chromiumAvailable)('reduced motion', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a menu slides in by default and appears at once for a person who asked for less motion', async () => {
    const moving = await openPage(browser, undefined, 'no-preference');
    const slid = await menuAnimationDurations(moving.page);
    expect(slid.some((d) => parseFloat(d) > 0), `durations seen: ${slid.join(', ')}`).toBe(true);
    await moving.context.close();

    const still = await openPage(browser, undefined, 'reduce');
    const durations = await menuAnimationDurations(still.page);
    expect(durations.every((d) => parseFloat(d) === 0), `durations seen: ${durations.join(', ')}`).toBe(true);
    await still.context.close();
  });
});
