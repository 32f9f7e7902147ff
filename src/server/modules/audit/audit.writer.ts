import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db.ts';
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
  const [appended] = await appendAuditEvents(tx, [input]);
  return appended;
}

/**
 * Appends events in the order given, all in one transaction, taking each chain's head lock once
 * per call rather than once per event: a writer of many events at once (a batch of ballots) holds
 * the head for one round of statements, not one per event. Returns each event's place, in order.
 */
export async function appendAuditEvents(tx: Db, inputs: AuditInput[]): Promise<{ seq: number; hash: string }[]> {
  const placed: { seq: number; hash: string }[] = new Array(inputs.length);
  const chains = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    const chain = input.communityId ?? GLOBAL_CHAIN;
    chains.set(chain, [...(chains.get(chain) ?? []), i]);
  });
  // chains in a fixed order, so two writers of the same chains never wait on each other in a cycle
  for (const communityId of [...chains.keys()].sort()) {
    // one statement creates the head if missing and locks it (an upsert takes the row lock)
    const head = await tx.execute(sql`insert into audit_heads (community_id, seq, hash) values (${communityId}, 0, ${GENESIS_HASH})
      on conflict (community_id) do update set seq = audit_heads.seq returning seq, hash`);
    const [{ seq: headSeq, hash: headHash }] = rowsOf<{ seq: number | string; hash: string }>(head);
    let seq = Number(headSeq);
    let prevHash = headHash;
    const rows = chains.get(communityId)!.map((i) => {
      const input = inputs[i];
      const event: ChainedEvent = {
        communityId,
        seq: ++seq,
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
      prevHash = hashEvent(event);
      placed[i] = { seq, hash: prevHash };
      return { ...event, hash: prevHash };
    });
    // one JSON document for all the rows: a batch of a hundred ballots' events is one short
    // statement, and the head moves in the same round trip, while this transaction holds it
    await tx.execute(sql`with appended as (
        insert into audit_events (community_id, seq, id, kind, actor_user_id, actor_label, object_type, object_id, request_id, at, before, after, prev_hash, hash)
        select "communityId", seq, id, kind, "actorUserId", "actorLabel", "objectType", "objectId", "requestId", at, before, after, "prevHash", hash
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("communityId" uuid, seq bigint, id uuid, kind text, "actorUserId" uuid, "actorLabel" text,
          "objectType" text, "objectId" text, "requestId" text, at text, before jsonb, after jsonb, "prevHash" text, hash text)
        returning 1)
      update audit_heads set seq = ${seq}, hash = ${prevHash} where community_id = ${communityId}`);
  }
  return placed;
}
