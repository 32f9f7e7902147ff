import { eq } from 'drizzle-orm';
import type { Role } from '../../../../contracts/accounts.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { roleGrants, users } from '../accounts.tables.ts';
import { hashPassword } from '../accounts.passwords.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  grants: { role: Role; scopeId: string }[];
}

/** Creates a staff account with its roles. The caller has checked that it may grant them. */
export async function createUser(ctx: CommandContext, input: CreateUserInput) {
  const passwordHash = await hashPassword(input.password);
  return transaction(ctx.db, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (existing) throw new AppError('duplicate', `username: "${input.username}" is taken`, { field: 'username' });
    const [user] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, passwordHash, phone: input.phone ?? null })
      .returning({ id: users.id, username: users.username, createdAt: users.createdAt });
    if (input.grants.length) await tx.insert(roleGrants).values(input.grants.map((g) => ({ userId: user.id, ...g })));
    await appendAudit(tx, {
      kind: 'accounts.user_created',
      communityId: null,
      ...auditOrigin(ctx),
      objectType: 'user',
      objectId: user.id,
      after: { username: input.username, displayName: input.displayName, grants: input.grants },
    });
    return user;
  });
}
