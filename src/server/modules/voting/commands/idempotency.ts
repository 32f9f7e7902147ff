import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { voteIdempotency } from '../voting.tables.ts';
import { conflict } from './support.ts';

/**
 * Idempotency-Key for ballot submissions. The key is claimed by inserting a row in the
 * submission's own transaction, before anything else happens: a retry that arrives while the
 * first is still running waits on that row (PostgreSQL holds the conflicting insert until the
 * first commits or rolls back) and then replays the saved response. A first attempt that fails
 * rolls its claim back, so the retry runs afresh. Keys are per actor and per vote.
 */
export interface IdempotencyClaim {
  vote: { id: string; communityId: string };
  actorKey: string;
  key: string;
  requestHash: string;
}

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(`${route}\n${JSON.stringify(body)}`).digest('hex');
}

/** null when the key is new (the caller goes on and saves its response); the first response when it is a retry. */
export async function claimKey(tx: Db, claim: IdempotencyClaim): Promise<{ statusCode: number; response: unknown } | null> {
  const { vote, actorKey, key } = claim;
  const inserted = await tx
    .insert(voteIdempotency)
    .values({ communityId: vote.communityId, voteId: vote.id, actorKey, key, requestHash: claim.requestHash })
    .onConflictDoNothing()
    .returning({ key: voteIdempotency.key });
  if (inserted.length) return null;
  const [first] = await tx
    .select()
    .from(voteIdempotency)
    .where(and(eq(voteIdempotency.communityId, vote.communityId), eq(voteIdempotency.voteId, vote.id), eq(voteIdempotency.actorKey, actorKey), eq(voteIdempotency.key, key)));
  if (first.requestHash !== claim.requestHash) {
    throw conflict('idempotency_key_reused', 'Idempotency-Key: this key was used for a different submission; use a new key for a new ballot', { field: 'Idempotency-Key' });
  }
  return { statusCode: first.statusCode ?? 201, response: first.response };
}

export async function saveResponse(tx: Db, claim: IdempotencyClaim, statusCode: number, response: unknown): Promise<void> {
  const { vote, actorKey, key } = claim;
  await tx
    .update(voteIdempotency)
    .set({ statusCode, response })
    .where(and(eq(voteIdempotency.communityId, vote.communityId), eq(voteIdempotency.voteId, vote.id), eq(voteIdempotency.actorKey, actorKey), eq(voteIdempotency.key, key)));
}
