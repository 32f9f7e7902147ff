import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { executePrepared, rowsOf, type Db } from '../../platform/db.ts';
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

/** The heads a writer has locked already, by chain (community id or GLOBAL_CHAIN). */
export type LockedHeads = Map<string, { seq: number; hash: string }>;

/**
 * A statement part that creates the chain heads of the communities `communityIds` selects, if
 * missing, and locks them (an upsert takes the row lock), returning (community_id, seq, hash).
 * A batch writer puts it in the statement that writes its rows, after them, so its heads are
 * locked in that round trip and in the order every other writer takes them; it then passes what
 * came back to appendAuditEvents as `locked`.
 */
export function lockAuditHeads(communityIds: SQL): SQL {
  return sql`insert into audit_heads (community_id, seq, hash)
    select c, 0, ${GENESIS_HASH} from (${communityIds}) as chains(c) order by c
    on conflict (community_id) do update set seq = audit_heads.seq
    returning community_id::text as chain, seq, hash`;
}

/** What lockAuditHeads returned, as appendAuditEvents takes it. */
export function lockedHeads(rows: { chain: string; seq: number | string; hash: string }[]): LockedHeads {
  return new Map(rows.map((r) => [r.chain, { seq: Number(r.seq), hash: r.hash }]));
}

/**
 * Appends events in the order given, all in one transaction, taking each chain's head lock once
 * per call rather than once per event: a writer of many events at once (a batch of ballots) holds
 * the head for one round of statements, not one per event. Heads in `locked` were locked by the
 * caller in this transaction. Returns each event's place, in order.
 */
export async function appendAuditEvents(tx: Db, inputs: AuditInput[], locked: LockedHeads = new Map()): Promise<{ seq: number; hash: string }[]> {
  const placed: { seq: number; hash: string }[] = new Array(inputs.length);
  const chains = new Map<string, number[]>();
  inputs.forEach((input, i) => {
    const chain = input.communityId ?? GLOBAL_CHAIN;
    chains.set(chain, [...(chains.get(chain) ?? []), i]);
  });
  // chains in a fixed order, so two writers of the same chains never wait on each other in a cycle
  const order = [...chains.keys()].sort();
  const heads = new Map(locked);
  const missing = order.filter((chain) => !heads.has(chain));
  if (missing.length) {
    const rows = rowsOf<{ chain: string; seq: number | string; hash: string }>(await executePrepared(tx, 'audit_lock_heads', lockAuditHeads(sql`select unnest(${`{${missing.join(',')}}`}::uuid[])`)));
    for (const [chain, head] of lockedHeads(rows)) heads.set(chain, head);
  }
  const rows: (ChainedEvent & { hash: string })[] = [];
  const moved: { communityId: string; seq: number; hash: string }[] = [];
  for (const communityId of order) {
    const head = heads.get(communityId);
    if (!head) throw new Error(`audit: the head of chain ${communityId} is not locked`);
    let { seq, hash: prevHash } = head;
    for (const i of chains.get(communityId)!) {
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
      rows.push({ ...event, hash: prevHash });
    }
    moved.push({ communityId, seq, hash: prevHash });
  }
  // one JSON document for all the rows: a batch of a hundred ballots' events is one short
  // statement, and the heads move in the same round trip, while this transaction holds them
  await executePrepared(tx, 'audit_append', sql`with appended as (
      insert into audit_events (community_id, seq, id, kind, actor_user_id, actor_label, object_type, object_id, request_id, at, before, after, prev_hash, hash)
      select "communityId", seq, id, kind, "actorUserId", "actorLabel", "objectType", "objectId", "requestId", at, before, after, "prevHash", hash
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("communityId" uuid, seq bigint, id uuid, kind text, "actorUserId" uuid, "actorLabel" text,
        "objectType" text, "objectId" text, "requestId" text, at text, before jsonb, after jsonb, "prevHash" text, hash text)
      returning 1)
    update audit_heads h set seq = m.seq, hash = m.hash
    from jsonb_to_recordset(${JSON.stringify(moved)}::jsonb) as m("communityId" uuid, seq bigint, hash text)
    where h.community_id = m."communityId"`);
  return placed;
}
