import type { Role } from '../../../../contracts/accounts.ts';
import { roleScopeKind } from '../../../../contracts/accounts.ts';
import type { FieldIssue } from '../../../../contracts/errors.ts';
import { auditOrigin, transaction, type CommandContext } from '../../../platform/command.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendAudit } from '../../audit/index.ts';
import { roleGrants, users } from '../accounts.tables.ts';
import { hashPassword } from '../accounts.passwords.ts';
import { placesByIds } from '../../registry/index.ts';
import { canGrantOver, canManageUsers } from '../accounts.policy.ts';
import { userByUsername } from '../accounts.repo.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  grants: { role: Role; scopeId: string }[];
}

const article = (kind: string) => (/^[aeiou]/.test(kind) ? 'an' : 'a');

/**
 * Creates a staff account with its roles. Each role's scope id must name a place of the kind the
 * role needs (a district for district_admin, a street for street_admin, …) that the actor may
 * grant over; an unknown place and one outside the actor's districts get the same message, so
 * the answer does not reveal places elsewhere. The input shape is checked by the contract schema.
 */
export async function createUser(ctx: CommandContext, input: CreateUserInput) {
  if (!canManageUsers(ctx.actor)) throw new AppError('forbidden', 'Only district administrators manage staff accounts');
  const username = input.username.trim().toLowerCase();
  const places = await placesByIds(ctx.db, input.grants.map((g) => g.scopeId));
  const issues: FieldIssue[] = [];
  input.grants.forEach((g, i) => {
    const place = places.get(g.scopeId);
    const kind = roleScopeKind[g.role];
    if (!place || place.kind !== kind || !canGrantOver(ctx.actor, place)) {
      const where = ctx.actor.scope.all ? '' : ' inside your district';
      issues.push({ path: `grants[${i}].scopeId`, message: `${g.role} needs ${article(kind)} ${kind}; there is no ${kind} with id ${g.scopeId}${where}` });
    }
  });
  if (issues.length) throw new AppError('validation_failed', `${issues[0].path}: ${issues[0].message}`, { issues });
  if (await userByUsername(ctx.db, username)) throw taken(username);

  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(ctx.db, async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ username, displayName: input.displayName, passwordHash, phone: input.phone ?? null })
        .returning({ id: users.id, username: users.username, createdAt: users.createdAt });
      if (input.grants.length) await tx.insert(roleGrants).values(input.grants.map((g) => ({ userId: user.id, role: g.role, scopeId: g.scopeId })));
      await appendAudit(tx, {
        kind: 'accounts.user_created',
        communityId: null,
        ...auditOrigin(ctx),
        objectType: 'user',
        objectId: user.id,
        after: { username, displayName: input.displayName, grants: input.grants },
      });
      return user;
    });
  } catch (e) {
    // two admins creating the same username at once: the unique index decides
    if (isUniqueViolation(e)) throw taken(username);
    throw e;
  }
}

/** PostgreSQL's unique_violation, whether the driver error arrives bare or wrapped by drizzle. */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

function taken(username: string) {
  return new AppError('duplicate', `username: "${username}" is taken`, { field: 'username', issues: [{ path: 'username', message: 'is taken' }] });
}
