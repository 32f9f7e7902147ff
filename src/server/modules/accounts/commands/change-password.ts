import { eq } from 'drizzle-orm';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { users } from '../accounts.tables.ts';
import { hashPassword, verifyPassword } from '../accounts.passwords.ts';
import { canChangeOwnPassword } from '../accounts.policy.ts';
import { userById } from '../accounts.repo.ts';
import { forgetCachedSessions, hashToken, revokeSessionsOfUser } from '../accounts.sessions.ts';
import { assertNoLoginDelay, recordFailedLogin } from './login-staff.ts';

const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { issues: [{ path: field, message }] });

/**
 * A staff member changes their own password. A wrong current password counts as a failed login
 * (same counter, same growing delay), since a stolen session must not become a free guessing
 * oracle. Every other session of the user ends; the one that made the change stays open.
 */
export async function changePassword(ctx: CommandContext, input: { currentPassword: string; newPassword: string }, currentSessionToken?: string) {
  const actor = ctx.actor;
  if (!canChangeOwnPassword(actor)) throw new AppError('forbidden', 'Only staff accounts have a password');
  const user = await userById(ctx.db, actor.userId);
  if (!user || user.disabledAt) throw new AppError('unauthenticated', 'Log in first');
  assertNoLoginDelay(user);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailedLogin(ctx.db, user.id);
    throw fieldError('currentPassword', 'does not match your current password');
  }
  if (input.newPassword === input.currentPassword) throw fieldError('newPassword', 'must differ from the current password');

  const passwordHash = await hashPassword(input.newPassword);
  const revokedSessions = await transaction(ctx.db, async (tx) => {
    await tx.update(users).set({ passwordHash, failedLogins: 0, lastFailedAt: null }).where(eq(users.id, user.id));
    const revoked = await revokeSessionsOfUser(tx, user.id, currentSessionToken ? hashToken(currentSessionToken) : undefined);
    await appendAudit(tx, {
      kind: 'accounts.password_changed',
      communityId: null,
      ...auditOrigin(ctx),
      objectType: 'user',
      objectId: user.id,
      after: { revokedSessions: revoked },
    });
    return revoked;
  });
  forgetCachedSessions((a) => a.kind === 'staff' && a.userId === user.id);
  return { revokedSessions };
}
