import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, loginStaff, sessionCookieOf, type TestApp } from '../../support/app.ts';
import { users } from '../../../src/server/modules/accounts/accounts.tables.ts';
import { PASSWORD, auditCount, buildDistrict, get, makeStaff, post, type DistrictFixture } from './fixtures.ts';

let t: TestApp;
let a: DistrictFixture;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildDistrict(t.app.db, 1);
});
afterAll(() => t.close());

const login = (username: string, password: string) => post(t.app, '/api/auth/login', { username, password });
/** Moves the last failure into the past, as if the delay had run out; no sleeping. */
const letDelayPass = (username: string) =>
  t.app.db.update(users).set({ lastFailedAt: sql`${users.lastFailedAt} - interval '1 hour'` }).where(eq(users.username, username));

describe('staff login', () => {
  it('logs in with an httpOnly SameSite=Lax cookie and records one login event', async () => {
    await makeStaff(t.app.db, 'clerk', 'community_staff', a.communityId);
    const before = await auditCount(t.app.db, 'accounts.login_succeeded');
    const res = await login('Clerk', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'siyi_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await get(t.app, '/api/me', sessionCookieOf(res));
    expect(me.json()).toMatchObject({ kind: 'staff', username: 'clerk', grants: [{ role: 'community_staff', scopeId: a.communityId, scopeName: 'Community 1' }] });
    expect(await auditCount(t.app.db, 'accounts.login_succeeded')).toBe(before + 1);
  });

  it('answers a wrong password and an unknown username alike', async () => {
    const wrong = await login('clerk', 'not-the-password');
    const unknown = await login('nobody', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('makes repeated failures wait longer each time, and a success resets the count', async () => {
    await makeStaff(t.app.db, 'guessed', 'community_staff', a.communityId);
    for (let i = 0; i < 3; i++) expect((await login('guessed', `wrong-${i}`)).statusCode).toBe(401);
    // the third failure earned a 1 s wait: even the right password is refused meanwhile
    const first = await login('guessed', PASSWORD);
    expect(first.statusCode).toBe(429);
    expect(first.json().error).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSeconds: 1 } });
    await letDelayPass('guessed');
    expect((await login('guessed', 'wrong-3')).statusCode).toBe(401);
    const second = await login('guessed', PASSWORD);
    expect(second.json().error.details.retryAfterSeconds).toBe(2);

    await letDelayPass('guessed');
    expect((await login('guessed', PASSWORD)).statusCode).toBe(200);
    const [row] = await t.app.db.select().from(users).where(eq(users.username, 'guessed'));
    expect(row).toMatchObject({ failedLogins: 0, lastFailedAt: null });
    // after the reset, three failures are free again
    for (let i = 0; i < 3; i++) expect((await login('guessed', `wrong-${i}`)).statusCode).toBe(401);
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await makeStaff(t.app.db, 'gone', 'community_staff', a.communityId);
    await t.app.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await login('gone', 'wrong-password')).statusCode).toBe(401);
    const res = await login('gone', PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const cookie = await loginStaff(t.app, 'clerk', PASSWORD);
    const res = await post(t.app, '/api/auth/logout', undefined, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'siyi_session')?.value).toBe('');
    expect((await get(t.app, '/api/me', cookie)).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('checks the current password, re-hashes with argon2id and ends the other sessions only', async () => {
    await makeStaff(t.app.db, 'mover', 'grid_worker', a.gridId);
    const phone = await loginStaff(t.app, 'mover', PASSWORD);
    const laptop = await loginStaff(t.app, 'mover', PASSWORD);
    const before = await auditCount(t.app.db, 'accounts.password_changed');

    const res = await post(t.app, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a-new-secret-2' }, laptop);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, revokedSessions: 1 });
    expect((await get(t.app, '/api/me', laptop)).statusCode).toBe(200);
    expect((await get(t.app, '/api/me', phone)).statusCode).toBe(401);

    const [row] = await t.app.db.select().from(users).where(eq(users.username, 'mover'));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await login('mover', PASSWORD)).statusCode).toBe(401);
    expect((await login('mover', 'a-new-secret-2')).statusCode).toBe(200);
    expect(await auditCount(t.app.db, 'accounts.password_changed')).toBe(before + 1);
  });

  it('names the field at fault and counts a wrong current password as a failed login', async () => {
    await makeStaff(t.app.db, 'careful', 'grid_worker', a.gridId);
    const cookie = await loginStaff(t.app, 'careful', PASSWORD);
    const before = await auditCount(t.app.db, 'accounts.password_changed');

    const wrong = await post(t.app, '/api/auth/password', { currentPassword: 'nope', newPassword: 'whatever-123' }, cookie);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'currentPassword' }] } });
    const [row] = await t.app.db.select().from(users).where(eq(users.username, 'careful'));
    expect(row.failedLogins).toBe(1);

    const same = await post(t.app, '/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD }, cookie);
    expect(same.json().error.details.issues[0].path).toBe('newPassword');
    const short = await post(t.app, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }, cookie);
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('newPassword');
    expect(await auditCount(t.app.db, 'accounts.password_changed')).toBe(before);
  });

  it('needs a session', async () => {
    const res = await post(t.app, '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'whatever-123' });
    expect(res.statusCode).toBe(401);
  });
});
