import { asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Role } from '../../../contracts/accounts.ts';
import type { Db } from '../../platform/db.ts';
import { roleGrants, users } from './accounts.tables.ts';

// Queries of the accounts module; they return plain rows.

export type UserRow = typeof users.$inferSelect;
export type Grant = { role: Role; scopeId: string };

export async function userById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function userByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return row;
}

/** Users whose username or display name contains q (case-insensitive), by username. */
export async function searchUsers(db: Db, q?: string): Promise<UserRow[]> {
  const like = q ? `%${q.replace(/[\\%_]/g, '\\$&')}%` : null;
  return db
    .select()
    .from(users)
    .where(like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined)
    .orderBy(asc(users.username));
}

/** Each user's grants, in a stable order. */
export async function grantsOf(db: Db, userIds: string[]): Promise<Map<string, Grant[]>> {
  const byUser = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return byUser;
  const rows = await db
    .select({ userId: roleGrants.userId, role: roleGrants.role, scopeId: roleGrants.scopeId })
    .from(roleGrants)
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(roleGrants.createdAt), asc(roleGrants.role), asc(roleGrants.scopeId));
  for (const r of rows) byUser.get(r.userId)?.push({ role: r.role, scopeId: r.scopeId });
  return byUser;
}
