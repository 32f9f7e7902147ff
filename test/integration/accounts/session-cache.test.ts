import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { sessions } from '../../../src/server/modules/accounts/accounts.tables.ts';
import { actorForToken, createSession, hashToken, revokeSession } from '../../../src/server/modules/accounts/accounts.sessions.ts';

// The short cache of resolved sessions: an entry is never older than its 10 s, a session in use is
// looked up again in the background from 5 s on (each at its own moment, so sessions that began
// together do not all go to the database in one instant), and a session revoked while a look-up
// is under way is never put back.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

let phones = 0;
async function ownerSession() {
  const phone = `1390000${String(++phones).padStart(4, '0')}`;
  const { token } = await createSession(t.app.db, { ownerPhone: phone });
  return { token, phone };
}
/** A revocation made elsewhere (another server process): this process's cache does not hear of it. */
const revokeInDatabase = (token: string) => t.app.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.tokenHash, hashToken(token)));
/** Lets a background look-up finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('session cache', () => {
  it('serves a cached owner until the refresh window, then looks the session up again in the background', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T08:00:00Z') });
    const { token, phone } = await ownerSession();
    expect(await actorForToken(t.app.db, token)).toMatchObject({ kind: 'owner', phone });
    await revokeInDatabase(token);

    vi.setSystemTime(new Date('2026-11-29T08:00:04.900Z'));
    expect(await actorForToken(t.app.db, token)).toMatchObject({ phone }); // before 5 s: no look-up
    await settle();
    expect(await actorForToken(t.app.db, token)).toMatchObject({ phone });

    vi.setSystemTime(new Date('2026-11-29T08:00:08.100Z'));
    // past the window: this request is still answered from the cache, and starts the look-up
    expect(await actorForToken(t.app.db, token)).toMatchObject({ phone });
    await settle();
    expect(await actorForToken(t.app.db, token)).toBeNull();
  });

  it('never keeps an entry past 10 s, even when nothing refreshed it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T09:00:00Z') });
    const { token } = await ownerSession();
    expect(await actorForToken(t.app.db, token)).not.toBeNull();
    await revokeInDatabase(token);
    vi.setSystemTime(new Date('2026-11-29T09:00:10.001Z'));
    expect(await actorForToken(t.app.db, token)).toBeNull();
  });

  it('does not put back a session revoked while its background look-up was under way', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T10:00:00Z') });
    const { token, phone } = await ownerSession();
    expect(await actorForToken(t.app.db, token)).toMatchObject({ phone });
    vi.setSystemTime(new Date('2026-11-29T10:00:08.100Z'));
    // the look-up starts (and reads the session while it is still valid), then the owner logs out
    expect(await actorForToken(t.app.db, token)).toMatchObject({ phone });
    await revokeSession(t.app.db, token);
    await settle();
    expect(await actorForToken(t.app.db, token)).toBeNull();
  });

  it('keeps valid sessions served through their refreshes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-29T11:00:00Z') });
    const crowd = await Promise.all(Array.from({ length: 20 }, () => ownerSession()));
    for (const s of crowd) expect(await actorForToken(t.app.db, s.token)).toMatchObject({ phone: s.phone });
    // every 3 s for half a minute, each owner makes a request: each is answered as the owner
    for (let second = 3; second <= 30; second += 3) {
      vi.setSystemTime(new Date(Date.parse('2026-11-29T11:00:00Z') + second * 1000));
      for (const s of crowd) expect(await actorForToken(t.app.db, s.token)).toMatchObject({ phone: s.phone });
      await settle();
    }
  });
});
