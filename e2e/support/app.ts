import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { Browser, BrowserContext, ConsoleMessage, Locator, Page, Request, Response } from 'playwright-core';
import { DEMO_STAFF_PASSWORD } from '../../src/contracts/demo.ts';
import { demoAccounts } from '../../src/server/demo/index.ts';

// What every journey needs: the server's URL, the demo logins, a page at desktop or phone size,
// logging in as a person does, and a screenshot at the end.

export const baseUrl = inject('baseUrl');
const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

/** A demo login by role, as the demo defines them (src/server/demo, docs/rules/demo.md). */
export function demoLogin(role: string, nth = 0): string {
  const matching = demoAccounts('small').filter((a) => a.role === role);
  const account = matching[nth];
  if (!account) throw new Error(`the small demo defines no ${role} account #${nth + 1} (demoAccounts: ${JSON.stringify(demoAccounts('small'))})`);
  return account.login;
}

export const phone = { width: 375, height: 812 };
export const desktop = { width: 1366, height: 860 };

/**
 * A new browser context and page. The journeys' person asks for reduced motion, so the app's
 * dialogs and menus appear at once: under load, a click while an antd overlay still zoomed or slid
 * in pressed on the moving button and released beside it, and nothing was sent.
 * e2e/reduced-motion.test.ts holds the app to both preferences.
 */
export async function openPage(browser: Browser, viewport = desktop, reducedMotion: 'reduce' | 'no-preference' = 'reduce'): Promise<{ context: BrowserContext; page: Page }> {
  const mobile = viewport.width < 500;
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'zh-CN', isMobile: mobile, hasTouch: mobile, reducedMotion });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/**
 * Waits for the API answer to a request the action triggers, and returns it. When none comes, the
 * error lists what the page did meanwhile (requests, failed requests, console errors), so that a
 * CI failure tells a click that sent nothing from a request that got no answer.
 */
export async function answerTo(page: Page, match: (url: URL, method: string) => boolean, action: () => Promise<unknown>): Promise<Response> {
  const seen: string[] = [];
  const where = (r: Request) => `${r.method()} ${new URL(r.url()).pathname}`;
  const onRequest = (r: Request) => { if (r.url().startsWith(baseUrl) && r.resourceType() !== 'script') seen.push(where(r)); };
  const onFailed = (r: Request) => seen.push(`FAILED ${where(r)} (${r.failure()?.errorText})`);
  const onConsole = (m: ConsoleMessage) => { if (m.type() === 'error') seen.push(`console error: ${m.text().slice(0, 200)}`); };
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('console', onConsole);
  try {
    const [response, acted] = await Promise.allSettled([
      page.waitForResponse((r) => r.url().startsWith(baseUrl) && r.request().method() !== 'OPTIONS' && match(new URL(r.url()), r.request().method())),
      action(),
    ]);
    if (response.status === 'fulfilled' && acted.status === 'fulfilled') return response.value;
    const failures = [response, acted].flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    throw new Error(`${failures.join('\nand the action: ')}\nMeanwhile the page at ${page.url()} did: ${seen.slice(-15).join('; ') || 'nothing'}`);
  } finally {
    page.off('request', onRequest);
    page.off('requestfailed', onFailed);
    page.off('console', onConsole);
  }
}

/**
 * An antd overlay (dialog, popconfirm) once its opening animation has ended. A click while it
 * zooms in can press on the moving button and release beside it: no click event, nothing sent,
 * and Playwright reports the click as done (seen on CI, under load, closing a matter).
 */
export async function settled(overlay: Locator): Promise<Locator> {
  await overlay.and(overlay.page().locator('[class]:not([class*="-appear"]):not([class*="-enter"])')).waitFor();
  return overlay;
}

/** Confirms the open antd popconfirm (two-character labels are spaced out, so it is found by its place). */
export async function confirmPopover(page: Page) {
  const popover = await settled(page.locator('.ant-popover:not(.ant-popover-hidden)'));
  await popover.locator('.ant-btn-primary').click();
}

/** Logs a staff member in through the login page, as a person would. */
export async function loginStaffInPage(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_STAFF_PASSWORD);
  const login = await answerTo(page, (u) => u.pathname === '/api/auth/login', () => page.locator('form[id="staff-login"] button[type="submit"]').click());
  if (login.status() !== 200) throw new Error(`login ${username} answered ${login.status()}: ${await login.text()}`);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Logs a staff member in through the API only, for what a journey needs behind the scenes. */
export async function loginStaffByApi(context: BrowserContext, username: string) {
  const res = await context.request.post('/api/auth/login', { data: { username, password: DEMO_STAFF_PASSWORD } });
  if (!res.ok()) throw new Error(`login ${username} answered ${res.status()}: ${await res.text()}`);
}

export async function getJson<T>(context: BrowserContext, url: string): Promise<T> {
  const res = await context.request.get(url);
  if (!res.ok()) throw new Error(`GET ${url} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}
