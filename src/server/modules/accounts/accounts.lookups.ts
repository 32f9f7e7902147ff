import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../../contracts/accounts.ts';
import type { Db } from '../../platform/db.ts';
import { roleGrants, users } from './accounts.tables.ts';

// Read-only look-ups that modules above accounts need about staff users. They never return the
// password hash or login counters. No policy here: the caller has applied its own.

export interface StaffUserRef {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
}

/** A staff account by id, enabled or not; null when there is none. */
export async function staffUserById(db: Db, userId: string): Promise<StaffUserRef | null> {
  const [row] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { id: row.id, username: row.username, displayName: row.displayName, disabled: row.disabledAt !== null } : null;
}

/** Whether an enabled staff account with this phone holds the role (over any scope). */
export async function phoneHoldsRole(db: Db, phone: string, role: Role): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(users.phone, phone), isNull(users.disabledAt), eq(roleGrants.role, role)))
    .limit(1);
  return !!row;
}
