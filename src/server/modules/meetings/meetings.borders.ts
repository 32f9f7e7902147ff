import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
// Border crossing, kept to this one file (as voting.borders.ts does): neither the registry's nor
// the accounts module's index.ts offers a look-up of one person of a community by id, of whether
// a person currently owns a unit there, or of a user by id. They belong behind those indexes
// (asked of their owners); when they land, this file shrinks to calls of them and the imports
// below go. Everything here only reads.
import { ownerships, people } from '../registry/registry.tables.ts';
import { users } from '../accounts/accounts.tables.ts';

/** A person of the community's registry, or null (a person of another community is null too). */
export async function personOfCommunity(db: Db, communityId: string, personId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.communityId, communityId), eq(people.id, personId)));
  return row ?? null;
}

/** Whether the person currently owns a unit in the community. */
export async function ownsInCommunity(db: Db, communityId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ownerships.id })
    .from(ownerships)
    .where(and(eq(ownerships.communityId, communityId), eq(ownerships.personId, personId), isNull(ownerships.until)))
    .limit(1);
  return !!row;
}

/** A staff account, enabled or not. */
export async function staffUser(db: Db, userId: string): Promise<{ id: string; username: string; disabled: boolean } | null> {
  const [row] = await db.select({ id: users.id, username: users.username, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
  return row ? { id: row.id, username: row.username, disabled: row.disabledAt !== null } : null;
}
