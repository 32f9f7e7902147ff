import { and, eq, isNull } from 'drizzle-orm';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { users } from '../accounts.tables.ts';
import { forgetCachedSessions, revokeSessionsOfUser } from '../accounts.sessions.ts';
import { loadManagedUser, toUserView } from '../accounts.users.ts';

/**
 * Disables a staff account: it can no longer log in, and every open session ends at once (the
 * session cache of this process is cleared; another process's cache holds for at most 10 s).
 */
export async function disableUser(ctx: CommandContext, userId: string) {
  const view = await transaction(ctx.db, async (tx) => {
    const user = await loadManagedUser(tx, ctx.actor, userId);
    if (ctx.actor.kind === 'staff' && ctx.actor.userId === user.row.id) {
      throw new AppError('conflict', 'You cannot disable your own account', { field: 'id' });
    }
    // conditional update: of two admins disabling at once, one wins and one hears "already"
    const [row] = await tx.update(users).set({ disabledAt: new Date() }).where(and(eq(users.id, user.row.id), isNull(users.disabledAt))).returning();
    if (!row) throw new AppError('conflict', `User ${user.row.username} is already disabled`, { field: 'id' });
    const revokedSessions = await revokeSessionsOfUser(tx, user.row.id);
    await appendAudit(tx, {
      kind: 'accounts.user_disabled',
      communityId: null,
      ...auditOrigin(ctx),
      objectType: 'user',
      objectId: user.row.id,
      before: { username: user.row.username, disabled: false },
      after: { username: user.row.username, disabled: true, revokedSessions },
    });
    return toUserView(ctx.actor, { ...user, row });
  });
  forgetCachedSessions((a) => a.kind === 'staff' && a.userId === userId);
  return view;
}
