import { and, eq, isNotNull } from 'drizzle-orm';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { users } from '../accounts.tables.ts';
import { loadManagedUser, toUserView } from '../accounts.users.ts';

/** Enables a disabled staff account again, with a clean slate of failed logins. */
export async function enableUser(ctx: CommandContext, userId: string) {
  return transaction(ctx.db, async (tx) => {
    const user = await loadManagedUser(tx, ctx.actor, userId);
    const [row] = await tx
      .update(users)
      .set({ disabledAt: null, failedLogins: 0, lastFailedAt: null })
      .where(and(eq(users.id, user.row.id), isNotNull(users.disabledAt)))
      .returning();
    if (!row) throw new AppError('conflict', `User ${user.row.username} is not disabled`, { field: 'id' });
    await appendAudit(tx, {
      kind: 'accounts.user_enabled',
      communityId: null,
      ...auditOrigin(ctx),
      objectType: 'user',
      objectId: user.row.id,
      before: { username: user.row.username, disabled: true },
      after: { username: user.row.username, disabled: false },
    });
    return toUserView(ctx.actor, { ...user, row });
  });
}
