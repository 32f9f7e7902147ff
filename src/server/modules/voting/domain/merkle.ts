/**
 * Receipts and the Merkle tree over them.
 *
 * A receipt code is a random, unguessable text handed to whoever cast the ballot. Its leaf is
 * sha256(code) as lower-case hex: the leaf says nothing about the choice, and the code cannot be
 * recovered from the leaf, so publishing every leaf and the root tells nobody how anyone voted.
 *
 * The tree, so that anyone can check a proof by hand:
 *   - the leaves are sorted (plain code-unit order) and duplicates dropped, so the tree shows
 *     nothing about the order in which ballots arrived;
 *   - a parent is sha256(0x01 ‖ left ‖ right) over the 32-byte values; the 0x01 prefix keeps a
 *     parent from being passed off as a leaf;
 *   - on a level with an odd number of nodes the last one moves up unchanged;
 *   - the root of one leaf is the leaf; a tree without leaves has no root.
 * A proof lists, from the leaf upwards, each sibling and whether it sits left or right.
 */
import { createHash, hash } from 'node:crypto';

export interface ProofStep {
  side: 'left' | 'right';
  hash: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

export function receiptLeaf(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

export function parentHash(left: string, right: string): string {
  return createHash('sha256')
    .update(Buffer.from([0x01]))
    .update(Buffer.from(left, 'hex'))
    .update(Buffer.from(right, 'hex'))
    .digest('hex');
}

function sortedLeaves(leaves: string[]): string[] {
  for (const leaf of leaves) if (!HEX64.test(leaf)) throw new Error(`not a sha256 hex leaf: ${leaf}`);
  return [...new Set(leaves)].sort();
}

// The levels are built over raw 32-byte buffers, not hex text: a street-wide vote seals a million
// receipts, and converting each node to and from hex would cost more than hashing it.
const PARENT = Buffer.from([0x01]);

function nextLevel(level: Buffer[]): Buffer[] {
  const up: Buffer[] = [];
  // one reused 0x01 ‖ left ‖ right buffer and the one-shot hash: no hash object per node
  const pair = Buffer.alloc(65);
  PARENT.copy(pair, 0);
  for (let i = 0; i < level.length; i += 2) {
    if (i + 1 < level.length) {
      level[i].copy(pair, 1);
      level[i + 1].copy(pair, 33);
      up.push(hash('sha256', pair, 'buffer'));
    } else up.push(level[i]);
  }
  return up;
}

const bytesOf = (leaves: string[]) => sortedLeaves(leaves).map((leaf) => Buffer.from(leaf, 'hex'));

export function merkleRoot(leaves: string[]): string | null {
  const levels = merkleLevels(leaves);
  return levels.length ? levels[levels.length - 1].toString('hex') : null;
}

/**
 * Every level of the tree, leaves first, each as one buffer of 32-byte nodes side by side: what
 * publication stores, so that a receipt's proof is a few 32-byte reads rather than a rebuild of a
 * million-leaf tree for each owner who checks. The last level holds the root alone.
 */
export function merkleLevels(leaves: string[]): Buffer[] {
  let level: Buffer[] = bytesOf(leaves);
  if (level.length === 0) return [];
  const levels = [Buffer.concat(level)];
  while (level.length > 1) {
    level = nextLevel(level);
    levels.push(Buffer.concat(level));
  }
  return levels;
}

/** Where a proof's siblings sit: per level (from the leaves up) the sibling's index, if it has one. */
export function proofPositions(index: number, levelSizes: number[]): { level: number; index: number; side: ProofStep['side'] }[] {
  const positions: { level: number; index: number; side: ProofStep['side'] }[] = [];
  for (let level = 0; level < levelSizes.length - 1; level++) {
    const sibling = index % 2 === 0 ? index + 1 : index - 1;
    if (sibling < levelSizes[level]) positions.push({ level, index: sibling, side: index % 2 === 0 ? 'right' : 'left' });
    index = Math.floor(index / 2);
  }
  return positions;
}

/** The path from a leaf to the root, or null when the leaf is not in the tree. */
export function merkleProof(leaves: string[], leaf: string): ProofStep[] | null {
  const sorted = sortedLeaves(leaves);
  const index = sorted.indexOf(leaf);
  if (index < 0) return null;
  const levels = merkleLevels(sorted);
  return proofPositions(index, levels.map((l) => l.length / 32)).map((p) => ({
    side: p.side,
    hash: levels[p.level].subarray(p.index * 32, p.index * 32 + 32).toString('hex'),
  }));
}

export function verifyProof(leaf: string, proof: ProofStep[], root: string): boolean {
  let hash = leaf;
  for (const step of proof) hash = step.side === 'left' ? parentHash(step.hash, hash) : parentHash(hash, step.hash);
  return hash === root;
}
