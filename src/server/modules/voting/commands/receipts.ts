import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { receiptLeaf } from '../domain/merkle.ts';
import { voteReceipts } from '../voting.tables.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 160 random bits as 32 base-32 characters in groups of four: "K7QH-2M9D-…". Unguessable, easy to read out. */
export function newReceiptCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The code as issued, from what a person typed: case, spaces and dashes do not matter. Null if it cannot be a code. */
export function normaliseReceiptCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[^A-Z2-7]/g, '');
  return plain.length === 32 ? plain.match(/.{4}/g)!.join('-') : null;
}

/** A receipt for a ballot: the code goes to the voter, only its leaf is ever stored. */
export function newReceipt(): { code: string; leaf: string } {
  const code = newReceiptCode();
  return { code, leaf: receiptLeaf(code) };
}

/** Stores the leaf of a receipt once its ballot is written. */
export async function recordReceipt(tx: Db, vote: { id: string; communityId: string }, questionId: string, leaf: string, now: Date) {
  await tx.insert(voteReceipts).values({ communityId: vote.communityId, voteId: vote.id, leaf, questionId, issuedAt: now });
}

/** A replaced ballot's receipt stays checkable, as superseded. */
export async function supersedeReceipt(tx: Db, vote: { id: string; communityId: string }, leaf: string, now: Date) {
  await tx
    .update(voteReceipts)
    .set({ supersededAt: now })
    .where(and(eq(voteReceipts.communityId, vote.communityId), eq(voteReceipts.voteId, vote.id), eq(voteReceipts.leaf, leaf)));
}
