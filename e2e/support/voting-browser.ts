import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { answerTo, confirmPopover, openPage, phone as phoneSize, settled } from './app.ts';
import { latestCode, type ApiSession } from './voting.ts';

// Browser steps of the vote journey, as a person takes them: an owner's login by one-time code
// on a phone, a life-cycle move with its confirmation, a ballot with its confirmation, choosing
// an option in an antd select.

export async function ownerInBrowser(browser: Browser, admin: ApiSession, phone: string) {
  const { context, page } = await openPage(browser, phoneSize);
  await page.goto('/login');
  await page.getByRole('tab', { name: '业主登录' }).click();
  await page.getByLabel('手机号', { exact: true }).fill(phone);
  const sent = await answerTo(page, (u) => u.pathname === '/api/auth/otp', () => page.getByTestId('request-code').click());
  expect(sent.status()).toBe(202);
  await page.getByTestId('code-sent').waitFor();
  await page.getByLabel('验证码', { exact: true }).fill(await latestCode(admin, phone));
  const login = await answerTo(page, (u) => u.pathname === '/api/auth/owner-login', () => page.locator('form[id="owner-login"] button[type="submit"]').click());
  expect(login.status(), await login.text()).toBe(200);
  await page.waitForURL('**/my/units');
  return { context, page };
}

/** Clicks a life-cycle action, confirms it, and waits for the server's answer and the new state. */
export async function moveInBrowser(page: Page, voteId: string, move: string, stateAfter: string) {
  await page.getByTestId(`action-${move}`).click();
  const res = await answerTo(page, (u) => u.pathname === `/api/votes/${voteId}/${move}`, () => confirmPopover(page));
  expect(res.status(), await res.text()).toBe(200);
  await page.getByTestId('vote-state').filter({ hasText: stateAfter }).first().waitFor();
}

/** Picks an option of an antd select by typing part of its text (search) or by clicking it open. */
export async function chooseOption(page: Page, select: Locator, text: string, search = false) {
  await select.click();
  if (search) await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
  // chosen once its dropdown has closed (a select that adds to a list shows nothing after a pick)
  await option.waitFor({ state: 'hidden' });
}

/** An owner casts one question's ballot on the ballot tab; returns the receipt code shown. */
export async function castInBrowser(page: Page, voteId: string, questionIndex: number, choiceLabel: string): Promise<string> {
  const question = page.getByTestId('question-ballot').nth(questionIndex);
  await question.locator('.ant-radio-button-wrapper', { hasText: choiceLabel }).click();
  await question.getByTestId('cast-ballot').click();
  const confirm = await settled(page.locator('.ant-modal-confirm'));
  const res = await answerTo(page, (u) => u.pathname.startsWith(`/api/votes/${voteId}/questions/`) && u.pathname.endsWith('/ballots'), () =>
    confirm.getByRole('button', { name: '提交投票' }).click(),
  );
  expect(res.status(), await res.text()).toBe(201);
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
  const receipt = question.getByTestId('ballot-accepted').getByTestId('receipt-code');
  await receipt.waitFor();
  const shown = (await receipt.innerText()).trim();
  expect(shown).toBe(((await res.json()) as { receipt: { code: string } }).receipt.code);
  return shown;
}
