import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { createTestApp, loginStaff, sessionCookieOf, type TestApp } from '../../support/app.ts';
import { otpSenderFactories } from '../../../src/server/modules/accounts/index.ts';
import { otpCodes, outbox } from '../../../src/server/modules/accounts/accounts.tables.ts';
import { PASSWORD, auditCount, buildDistrict, get, makeStaff, post, type DistrictFixture } from './fixtures.ts';

// Every message the configured sender sends, seen through the real built-in sender: on PostgreSQL
// the outbox stays empty by design, so the tests read codes here there.
const sent: { phone: string; message: string }[] = [];
const realLog = otpSenderFactories.log;
vi.spyOn(otpSenderFactories, 'log').mockImplementation((deps) => {
  const sender = realLog(deps);
  return { name: sender.name, send: async (phone, message) => { sent.push({ phone, message }); await sender.send(phone, message); } };
});

let t: TestApp;
let a: DistrictFixture;
let b: DistrictFixture;
let embedded: boolean;
beforeAll(async () => {
  t = await createTestApp();
  embedded = t.database.kind === 'embedded';
  a = await buildDistrict(t.app.db, 1);
  b = await buildDistrict(t.app.db, 2);
});
afterAll(() => t.close());

/** The newest code sent to a phone: from the outbox table in embedded mode, else from the sender. */
async function lastCode(phone: string): Promise<string> {
  let message: string | undefined;
  if (embedded) {
    [{ body: message }] = await t.app.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.recipient, phone)).orderBy(desc(outbox.createdAt)).limit(1);
  } else {
    message = sent.filter((m) => m.phone === phone).at(-1)?.message;
  }
  const code = message?.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

const requestCode = (phone: string) => post(t.app, '/api/auth/otp', { phone });
const ownerLogin = (phone: string, code: string) => post(t.app, '/api/auth/owner-login', { phone, code });
const wrongCodeFor = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
/** Forgets a phone's codes so a test starts under the hourly limit. */
const clearCodes = (phone: string) => t.app.db.delete(otpCodes).where(eq(otpCodes.phone, phone));

describe('owner login by phone and one-time code', () => {
  it('sends a code, logs the owner in, shows their units and audits the login in their community', async () => {
    const before = await auditCount(t.app.db, 'accounts.owner_login_succeeded', a.communityId);
    const res = await requestCode(a.ownerPhone);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true, expiresInSeconds: 300 });
    const code = await lastCode(a.ownerPhone);
    const [stored] = await t.app.db.select().from(otpCodes).where(eq(otpCodes.phone, a.ownerPhone));
    expect(stored.codeHash).not.toContain(code);

    const login = await ownerLogin(a.ownerPhone, code);
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookieOf(login);
    const me = await get(t.app, '/api/me', cookie);
    expect(me.json()).toMatchObject({ kind: 'owner', phoneMasked: '138****0001', unitCount: 1, abilities: { 'units.mine': true, 'users.manage': false } });
    expect(await auditCount(t.app.db, 'accounts.owner_login_succeeded', a.communityId)).toBe(before + 1);
    expect(await auditCount(t.app.db, 'accounts.owner_login_succeeded', b.communityId)).toBe(0);

    // a code works once
    expect((await ownerLogin(a.ownerPhone, code)).json().error).toMatchObject({ code: 'invalid_code', details: { reason: 'expired' } });
    // owners have no password to change
    expect((await post(t.app, '/api/auth/password', { currentPassword: 'x', newPassword: 'whatever-123' }, cookie)).statusCode).toBe(403);
  });

  it('lets a tenant who lives in a unit log in too', async () => {
    await requestCode(a.tenantPhone);
    const login = await ownerLogin(a.tenantPhone, await lastCode(a.tenantPhone));
    expect(login.statusCode).toBe(200);
    expect((await get(t.app, '/api/me', sessionCookieOf(login))).json()).toMatchObject({ kind: 'owner', unitCount: 1 });
  });

  it('answers an unregistered phone the same way, but sends nothing and lets no code in', async () => {
    const stranger = '13700000000';
    const sentBefore = sent.length;
    const res = await requestCode(stranger);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true, expiresInSeconds: 300 });
    expect(sent.length).toBe(sentBefore);
    const wrong = await ownerLogin(stranger, '123456');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'invalid_code', details: { reason: 'wrong', attemptsLeft: 4 } });
  });

  it('refuses a wrong code and says how many attempts are left', async () => {
    await clearCodes(b.ownerPhone);
    await requestCode(b.ownerPhone);
    const code = await lastCode(b.ownerPhone);
    const res = await ownerLogin(b.ownerPhone, wrongCodeFor(code));
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'invalid_code', details: { field: 'code', reason: 'wrong', attemptsLeft: 4 } });
    expect((await ownerLogin(b.ownerPhone, code)).statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    await clearCodes(b.ownerPhone);
    await requestCode(b.ownerPhone);
    const code = await lastCode(b.ownerPhone);
    await t.app.db.update(otpCodes).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(otpCodes.phone, b.ownerPhone));
    const res = await ownerLogin(b.ownerPhone, code);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'invalid_code', details: { reason: 'expired' } });
  });

  it('kills a code after five attempts, even the right one', async () => {
    await clearCodes(b.ownerPhone);
    await requestCode(b.ownerPhone);
    const code = await lastCode(b.ownerPhone);
    for (let left = 4; left >= 0; left--) {
      expect((await ownerLogin(b.ownerPhone, wrongCodeFor(code))).json().error.details.attemptsLeft).toBe(left);
    }
    const res = await ownerLogin(b.ownerPhone, code);
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toMatchObject({ code: 'too_many_attempts', details: { reason: 'exhausted' } });
    // a new code starts afresh
    await requestCode(b.ownerPhone);
    expect((await ownerLogin(b.ownerPhone, await lastCode(b.ownerPhone))).statusCode).toBe(200);
  });

  it('supersedes an earlier code with a newer one', async () => {
    await clearCodes(b.ownerPhone);
    await requestCode(b.ownerPhone);
    const first = await lastCode(b.ownerPhone);
    await requestCode(b.ownerPhone);
    const second = await lastCode(b.ownerPhone);
    if (first !== second) expect((await ownerLogin(b.ownerPhone, first)).statusCode).toBe(401);
    expect((await ownerLogin(b.ownerPhone, second)).statusCode).toBe(200);
  });

  it('sends at most five codes per phone per hour, registered or not', async () => {
    for (const phone of [b.tenantPhone, '13700000009']) {
      await clearCodes(phone);
      for (let i = 0; i < 5; i++) expect((await requestCode(phone)).statusCode).toBe(202);
      const res = await requestCode(phone);
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('too_many_attempts');
      expect(res.json().error.details.retryAfterSeconds).toBeGreaterThan(3500);
      expect(res.json().error.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
    }
    // once the oldest code is an hour old, one more may be sent
    await t.app.db.update(otpCodes).set({ createdAt: sql`now() - interval '61 minutes'` })
      .where(sql`${otpCodes.id} = (select id from otp_codes where phone = ${b.tenantPhone} order by created_at limit 1)`);
    expect((await requestCode(b.tenantPhone)).statusCode).toBe(202);
  });

  it('validates the phone and the code format', async () => {
    const res = await requestCode('12345');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('phone');
    expect((await ownerLogin(a.ownerPhone, '12ab56')).json().error.message).toContain('code');
  });
});

describe('dev mailbox', () => {
  it('keeps codes in the outbox only in embedded mode, and shows them to administrators only', async () => {
    await makeStaff(t.app.db, 'admin-a', 'district_admin', a.districtId);
    await makeStaff(t.app.db, 'clerk-a', 'community_staff', a.communityId);
    const admin = await loginStaff(t.app, 'admin-a', PASSWORD);
    const clerk = await loginStaff(t.app, 'clerk-a', PASSWORD);
    const [{ n }] = await t.app.db.select({ n: sql<number>`count(*)::int` }).from(outbox);

    const mailbox = await get(t.app, '/api/dev/mailbox', admin);
    expect((await get(t.app, '/api/dev/mailbox', clerk)).statusCode).toBe(404);
    expect((await get(t.app, '/api/dev/mailbox')).statusCode).toBe(401);
    expect((await get(t.app, '/api/me', admin)).json().abilities['mailbox.read']).toBe(embedded);
    if (embedded) {
      expect(n).toBe(sent.length);
      expect(mailbox.statusCode).toBe(200);
      expect(mailbox.json().items[0]).toMatchObject({ channel: 'sms', recipient: sent.at(-1)!.phone, body: sent.at(-1)!.message });
    } else {
      expect(n).toBe(0);
      expect(mailbox.statusCode).toBe(404);
    }
  });
});
