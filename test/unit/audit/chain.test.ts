import { describe, expect, it } from 'vitest';
import { canonicalJson, findChainBreak, GENESIS_HASH, hashEvent, type ChainedEvent } from '../../../src/server/modules/audit/domain/chain.ts';

function chain(n: number) {
  const events: (ChainedEvent & { hash: string })[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body: ChainedEvent = {
      communityId: 'c', seq, id: `e${seq}`, kind: 'registry.unit_updated', actorUserId: null, actorLabel: 'cli',
      objectType: 'unit', objectId: `u${seq}`, requestId: null, at: `2026-01-0${seq}T00:00:00.000Z`, before: { a: seq }, after: { b: [1, { z: 1, y: 2 }] }, prevHash,
    };
    const hash = hashEvent(body);
    events.push({ ...body, hash });
    prevHash = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 2, y: 1 }] }, b: 1 }));
  });

  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5))).toBeNull();
  });

  it('names the altered event', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { b: 'changed' } };
    expect(findChainBreak(events)).toEqual({ seq: 3, id: 'e3', reason: 'hash_mismatch' });
  });

  it('names the event after a removed one', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(events)).toEqual({ seq: 3, id: 'e3', reason: 'seq_gap' });
  });

  it('detects an event re-hashed after alteration by its successor link', () => {
    const events = chain(4);
    const forged = { ...events[1], after: { b: 'forged' } };
    const { hash: _old, ...body } = forged;
    events[1] = { ...forged, hash: hashEvent(body) };
    expect(findChainBreak(events)).toEqual({ seq: 3, id: 'e3', reason: 'prev_hash_mismatch' });
  });
});
