import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merkleProof, merkleRoot, parentHash, receiptLeaf, verifyProof } from '../../../src/server/modules/voting/domain/merkle.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('receipts and the Merkle tree', () => {
  it('a leaf is sha256 of the receipt code, never of a choice', () => {
    expect(receiptLeaf('ABCD-EFGH')).toBe(sha('ABCD-EFGH'));
  });

  it('builds the documented tree: sorted leaves, 0x01-prefixed parents, an odd node moves up', () => {
    const [a, b, c] = ['x', 'y', 'z'].map(sha).sort();
    expect(merkleRoot([])).toBeNull();
    expect(merkleRoot([a])).toBe(a);
    expect(merkleRoot([c, a, b])).toBe(parentHash(parentHash(a, b), c));
    expect(merkleRoot([b, a])).toBe(merkleRoot([a, b]));
    expect(parentHash(a, b)).toBe(createHash('sha256').update(Buffer.concat([Buffer.from([1]), Buffer.from(a, 'hex'), Buffer.from(b, 'hex')])).digest('hex'));
  });

  it('proves every leaf against the root, and no absent leaf', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 40 }), fc.nat(), (codes, pick) => {
      const leaves = codes.map(receiptLeaf);
      const root = merkleRoot(leaves)!;
      const leaf = leaves[pick % leaves.length];
      const proof = merkleProof(leaves, leaf)!;
      expect(verifyProof(leaf, proof, root)).toBe(true);
      expect(merkleProof(leaves, receiptLeaf(`${codes.join('')}!absent`))).toBeNull();
      // a proof does not verify a different leaf
      if (leaves.length > 1) expect(verifyProof(receiptLeaf('other'), proof, root)).toBe(false);
    }));
  });
});
