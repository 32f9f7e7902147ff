import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db.ts';
import { auditEvents } from './audit.tables.ts';
import { GENESIS_HASH, GLOBAL_CHAIN, hashEvent, type ChainedEvent } from './domain/chain.ts';
import type { AuditKind } from '../../../contracts/audit.ts';

export interface AuditActor {
  userId: string | null;
  /** e.g. "user:admin", "owner:138****0001", "cli" */
  label: string;
}

export interface AuditInput {
  kind: AuditKind;
  communityId: string | null;
  actor: AuditActor;
  objectType: string;
  objectId: string;
  requestId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Drops undefined and turns Dates into strings, so what is hashed is exactly what jsonb keeps. */
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one event to its community's chain. Call it inside the transaction of the change it
 * records: the head row lock serialises writers of one chain, and a rollback drops both.
 */
export async function appendAudit(tx: Db, input: AuditInput): Promise<{ seq: number; hash: string }> {
  const communityId = input.communityId ?? GLOBAL_CHAIN;
  await tx.execute(sql`insert into audit_heads (community_id, seq, hash) values (${communityId}, 0, ${GENESIS_HASH}) on conflict do nothing`);
  const head = await tx.execute(sql`select seq, hash from audit_heads where community_id = ${communityId} for update`);
  const [{ seq: prevSeq, hash: prevHash }] = rowsOf<{ seq: number | string; hash: string }>(head);
  const event: ChainedEvent = {
    communityId,
    seq: Number(prevSeq) + 1,
    id: randomUUID(),
    kind: input.kind,
    actorUserId: input.actor.userId,
    actorLabel: input.actor.label,
    objectType: input.objectType,
    objectId: input.objectId,
    requestId: input.requestId ?? null,
    at: new Date().toISOString(),
    before: plain(input.before),
    after: plain(input.after),
    prevHash,
  };
  const hash = hashEvent(event);
  await tx.insert(auditEvents).values({ ...event, hash });
  await tx.execute(sql`update audit_heads set seq = ${event.seq}, hash = ${hash} where community_id = ${communityId}`);
  return { seq: event.seq, hash };
}
