import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import type { Actor } from '../../platform/actor.ts';
import { roleGrants, sessions, users } from './accounts.tables.ts';
import { resolveOwnerScope, resolveStaffScope } from './accounts.scope.ts';

export const SESSION_COOKIE = 'siyi_session';
const STAFF_TTL_MS = 12 * 3600_000;
const OWNER_TTL_MS = 7 * 24 * 3600_000;
/** A resolved actor is reused briefly so that a page's burst of requests costs one scope look-up. */
const CACHE_TTL_MS = 10_000;
/**
 * A session in use is looked up again in the background before its entry expires, at a moment
 * drawn between these shares of the TTL. Sessions that started together (a crowd of owners
 * logging in for a vote) then do not all expire in one instant and send every request of that
 * instant to the database at once; an entry is still never older than the TTL.
 */
const REFRESH_FROM = 0.5;
const REFRESH_TO = 0.8;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, who: { userId: string } | { ownerPhone: string }) {
  const token = randomBytes(32).toString('base64url');
  const ttl = 'userId' in who ? STAFF_TTL_MS : OWNER_TTL_MS;
  const expiresAt = new Date(Date.now() + ttl);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: 'userId' in who ? who.userId : null,
    ownerPhone: 'ownerPhone' in who ? who.ownerPhone : null,
    expiresAt,
  });
  return { token, expiresAt };
}

interface Cached {
  actor: Actor;
  until: number;
  refreshAt: number;
  refreshing: boolean;
}
const cache = new Map<string, Cached>();
/** Moves whenever cached sessions are dropped: a look-up that began before must not put one back. */
let epoch = 0;

export function forgetCachedSessions(predicate: (actor: Actor) => boolean = () => true) {
  epoch++;
  for (const [key, entry] of cache) if (predicate(entry.actor)) cache.delete(key);
}

export async function revokeSession(db: Db, token: string) {
  const tokenHash = hashToken(token);
  epoch++;
  cache.delete(tokenHash);
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * Revokes every open session of a staff user, except the one whose token hash is kept (the
 * session that changed the password). Call forgetCachedSessions after the transaction commits.
 */
export async function revokeSessionsOfUser(db: Db, userId: string, keepTokenHash?: string): Promise<number> {
  const open = and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined);
  const revoked = await db.update(sessions).set({ revokedAt: new Date() }).where(open).returning({ id: sessions.id });
  return revoked.length;
}

/** The actor behind a session token, or null if the session is unknown, expired, revoked or disabled. */
export async function actorForToken(db: Db, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const hit = cache.get(tokenHash);
  const now = Date.now();
  if (hit && hit.until > now) {
    if (hit.refreshAt <= now && !hit.refreshing) {
      hit.refreshing = true;
      // a failed refresh leaves the entry to expire; the next request after that looks it up itself
      void lookUp(db, tokenHash).catch(() => undefined);
    }
    return hit.actor;
  }
  return lookUp(db, tokenHash);
}

/** Reads the session and its scope, and caches the actor unless sessions were dropped meanwhile. */
async function lookUp(db: Db, tokenHash: string): Promise<Actor | null> {
  const began = epoch;
  const actor = await readActor(db, tokenHash);
  if (epoch !== began) return actor;
  if (!actor) {
    cache.delete(tokenHash);
    return null;
  }
  const now = Date.now();
  const refreshAfter = CACHE_TTL_MS * (REFRESH_FROM + Math.random() * (REFRESH_TO - REFRESH_FROM));
  cache.set(tokenHash, { actor, until: now + CACHE_TTL_MS, refreshAt: now + refreshAfter, refreshing: false });
  return actor;
}

async function readActor(db: Db, tokenHash: string): Promise<Actor | null> {
  const [row] = await db
    .select({ userId: sessions.userId, ownerPhone: sessions.ownerPhone })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  let actor: Actor | null = null;
  if (row.userId) {
    const [user] = await db.select().from(users).where(and(eq(users.id, row.userId), isNull(users.disabledAt)));
    if (!user) return null;
    const grants = await db.select({ role: roleGrants.role, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, user.id));
    actor = { kind: 'staff', userId: user.id, username: user.username, displayName: user.displayName, grants, scope: await resolveStaffScope(db, grants) };
  } else if (row.ownerPhone) {
    const { scope, personIds } = await resolveOwnerScope(db, row.ownerPhone);
    actor = { kind: 'owner', phone: row.ownerPhone, personIds, scope };
  }
  return actor;
}
