import type { Actor } from './actor.ts';
import { actorLabel, actorUserId } from './actor.ts';
import type { Db } from './db.ts';

/** What every command receives: the database, who acts, and the request to cite in the audit trail. */
export interface CommandContext {
  db: Db;
  actor: Actor;
  requestId?: string | null;
}

/** Runs fn in one transaction; the change and its audit row commit or roll back together. */
export function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}

/** The audit fields that identify the actor and request of a command. */
export function auditOrigin(ctx: CommandContext) {
  return { actor: { userId: actorUserId(ctx.actor), label: actorLabel(ctx.actor) }, requestId: ctx.requestId ?? null };
}
