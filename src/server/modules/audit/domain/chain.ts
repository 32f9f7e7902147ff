import { createHash } from 'node:crypto';

export { GLOBAL_CHAIN } from '../../../../contracts/audit.ts';
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  communityId: string;
  seq: number;
  id: string;
  kind: string;
  actorUserId: string | null;
  actorLabel: string;
  objectType: string;
  objectId: string;
  requestId: string | null;
  at: string;
  before: unknown;
  after: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEvent(event: ChainedEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

export type ChainBreak = { seq: number; id: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' };

/** Walks one community's events in seq order; returns the first broken link, or null. */
export function findChainBreak(events: Iterable<ChainedEvent & { hash: string }>, start = { seq: 0, hash: GENESIS_HASH }): ChainBreak | null {
  let prev = start;
  for (const e of events) {
    if (e.seq !== prev.seq + 1) return { seq: e.seq, id: e.id, reason: 'seq_gap' };
    if (e.prevHash !== prev.hash) return { seq: e.seq, id: e.id, reason: 'prev_hash_mismatch' };
    const { hash, ...body } = e;
    if (hashEvent(body) !== hash) return { seq: e.seq, id: e.id, reason: 'hash_mismatch' };
    prev = { seq: e.seq, hash };
  }
  return null;
}
