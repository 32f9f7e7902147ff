import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { transaction } from '../../../platform/command.ts';
import { appendAudit } from '../../audit/index.ts';
import { users } from '../accounts.tables.ts';
import { verifyPassword } from '../accounts.passwords.ts';
import { createSession } from '../accounts.sessions.ts';

/** Failures allowed before each further attempt must wait; the wait doubles per failure, up to 15 min. */
const FREE_FAILURES = 3;
const MAX_DELAY_S = 15 * 60;

export function loginDelaySeconds(failedLogins: number): number {
  if (failedLogins < FREE_FAILURES) return 0;
  return Math.min(2 ** (failedLogins - FREE_FAILURES), MAX_DELAY_S);
}

/** Checks a username and password; on success opens a session and records the login. */
export async function loginStaff(db: Db, input: { username: string; password: string }, requestId?: string) {
  const [user] = await db.select().from(users).where(eq(users.username, input.username.trim().toLowerCase()));
  const invalid = new AppError('invalid_credentials', 'Wrong username or password');
  if (!user) throw invalid;
  const wait = loginDelaySeconds(user.failedLogins);
  if (wait > 0 && user.lastFailedAt) {
    const remaining = Math.ceil((user.lastFailedAt.getTime() + wait * 1000 - Date.now()) / 1000);
    if (remaining > 0) {
      throw new AppError('too_many_attempts', `Too many failed logins; try again in ${remaining} s`, { retryAfterSeconds: remaining });
    }
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await db.update(users).set({ failedLogins: user.failedLogins + 1, lastFailedAt: new Date() }).where(eq(users.id, user.id));
    throw invalid;
  }
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
