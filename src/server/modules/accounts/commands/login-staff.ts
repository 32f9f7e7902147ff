import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { users } from '../accounts.tables.ts';
import { hashPassword, verifyPassword } from '../accounts.passwords.ts';
import { createSession } from '../accounts.sessions.ts';
import { userByUsername, type UserRow } from '../accounts.repo.ts';

/** Failures allowed before each further attempt must wait; the wait doubles per failure, up to 15 min. */
const FREE_FAILURES = 3;
const MAX_DELAY_S = 15 * 60;

export function loginDelaySeconds(failedLogins: number): number {
  if (failedLogins < FREE_FAILURES) return 0;
  return Math.min(2 ** (failedLogins - FREE_FAILURES), MAX_DELAY_S);
}

/** Refuses an attempt while the delay earned by earlier failures runs (429, details.retryAfterSeconds). */
export function assertNoLoginDelay(user: Pick<UserRow, 'failedLogins' | 'lastFailedAt'>, now = Date.now()) {
  const wait = loginDelaySeconds(user.failedLogins);
  if (wait === 0 || !user.lastFailedAt) return;
  const remaining = Math.ceil((user.lastFailedAt.getTime() + wait * 1000 - now) / 1000);
  if (remaining > 0) {
    throw new AppError('too_many_attempts', `Too many failed attempts; try again in ${remaining} s`, { retryAfterSeconds: remaining });
  }
}

/** Counts a wrong password; the increment is done by the database so concurrent failures all count. */
export async function recordFailedLogin(db: Db, userId: string) {
  await db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1`, lastFailedAt: new Date() }).where(eq(users.id, userId));
}

/** An unknown username still costs one argon2 verification, so timing does not reveal which names exist. */
let dummyHash: Promise<string> | null = null;
const verifyAgainstDummy = (password: string) => {
  dummyHash ??= hashPassword('not-a-real-password');
  return dummyHash.then((h) => verifyPassword(h, password));
};

/** Checks a username and password; on success opens a session and records the login. */
export async function loginStaff(db: Db, input: { username: string; password: string }, requestId?: string) {
  const user = await userByUsername(db, input.username);
  const invalid = new AppError('invalid_credentials', 'Wrong username or password');
  if (!user) {
    await verifyAgainstDummy(input.password);
    throw invalid;
  }
  assertNoLoginDelay(user);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailedLogin(db, user.id);
    throw invalid;
  }
  // told only after the right password, so the answer reveals nothing to someone guessing
  if (user.disabledAt) throw new AppError('forbidden', 'This account is disabled');
  return transaction(db, async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lastFailedAt: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, { userId: user.id });
    await appendAudit(tx, {
      kind: 'accounts.login_succeeded',
      communityId: null,
      actor: { userId: user.id, label: `user:${user.username}` },
      requestId,
      objectType: 'user',
      objectId: user.id,
    });
    return session;
  });
}
