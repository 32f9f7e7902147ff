import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../platform/db.ts';
import { merkleLevels, merkleProof, proofPositions, type ProofStep } from '../domain/merkle.ts';
import { voteMerkleLevels } from '../voting.tables.ts';
import { currentLeaves } from './ballots.ts';

// The stored tree of a published vote's receipts (voting.tables.ts voteMerkleLevels). A proof is
// found by a binary search over the stored leaves (about twenty 32-byte reads for a million) and
// one read of the siblings, so checking a receipt costs the same for a street as for a compound.

type Key = { id: string; communityId: string };

/** Seals the current ballots' receipts: stores every level and returns the root and the number of leaves. */
export async function sealReceipts(tx: Db, vote: Key): Promise<{ root: string | null; leaves: number }> {
  const levels = merkleLevels(await currentLeaves(tx, vote));
  for (const [level, nodes] of levels.entries()) {
    await tx.insert(voteMerkleLevels).values({ communityId: vote.communityId, voteId: vote.id, level, nodes });
  }
  const root = levels.length ? levels[levels.length - 1].toString('hex') : null;
  return { root, leaves: levels.length ? levels[0].length / 32 : 0 };
}

/** The inclusion proof of a leaf in the sealed tree; null when the leaf is not in it. */
export async function sealedProof(db: Db, vote: Key, leaf: string): Promise<ProofStep[] | null> {
  const sizes = rowsOf<{ level: number; n: number }>(await db.execute(sql`
    select level, (octet_length(nodes) / 32)::int as n from vote_merkle_levels
    where community_id = ${vote.communityId} and vote_id = ${vote.id} order by level`));
  // sealed before the tree was stored: rebuild it (small votes only ever took this path)
  if (!sizes.length) return merkleProof(await currentLeaves(db, vote), leaf);
  const nodeAt = async (level: number, index: number) => {
    const [row] = rowsOf<{ node: string }>(await db.execute(sql`
      select encode(substring(nodes from ${index * 32 + 1} for 32), 'hex') as node from vote_merkle_levels
      where community_id = ${vote.communityId} and vote_id = ${vote.id} and level = ${level}`));
    return row.node;
  };
  // the leaves are sorted: binary search over them
  let low = 0;
  let high = sizes[0].n - 1;
  let index = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const node = await nodeAt(0, middle);
    if (node === leaf) {
      index = middle;
      break;
    }
    if (node < leaf) low = middle + 1;
    else high = middle - 1;
  }
  if (index < 0) return null;
  const proof: ProofStep[] = [];
  for (const position of proofPositions(index, sizes.map((s) => s.n))) proof.push({ side: position.side, hash: await nodeAt(position.level, position.index) });
  return proof;
}

/** The stored levels, for tests and audits that rebuild the tree. */
export async function storedLevels(db: Db, vote: Key): Promise<Buffer[]> {
  const rows = await db.select({ nodes: voteMerkleLevels.nodes }).from(voteMerkleLevels)
    .where(and(eq(voteMerkleLevels.communityId, vote.communityId), eq(voteMerkleLevels.voteId, vote.id)))
    .orderBy(asc(voteMerkleLevels.level));
  return rows.map((r) => r.nodes);
}
