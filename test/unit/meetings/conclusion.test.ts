import { describe, expect, it } from 'vitest';
import type { Position } from '../../../src/contracts/meetings.ts';
import { concludeItem } from '../../../src/server/modules/meetings/domain/conclusion.ts';

const FOUR = ['party_org', 'residents_committee', 'owners_committee', 'property_company'];
const cast = (...ps: (Position | null)[]) =>
  ps.flatMap((position, i) => (position ? [{ voter: FOUR[i], position, reason: `r${i}` }] : []));

describe('concludeItem', () => {
  it.each([
    { name: 'all four support', ps: cast('support', 'support', 'support', 'support'), result: 'consensus', direction: 'support' },
    { name: 'all four object', ps: cast('object', 'object', 'object', 'object'), result: 'consensus', direction: 'object' },
    { name: '3 support, 1 object', ps: cast('support', 'support', 'support', 'object'), result: 'majority', direction: 'support' },
    { name: '3 support, 1 abstains', ps: cast('support', 'abstain', 'support', 'support'), result: 'majority', direction: 'support' },
    { name: '3 support, 1 absent', ps: cast('support', 'support', null, 'support'), result: 'majority', direction: 'support' },
    { name: '3 object, 1 support', ps: cast('object', 'support', 'object', 'object'), result: 'majority', direction: 'object' },
    { name: '2 support, 2 object', ps: cast('support', 'object', 'support', 'object'), result: 'no_consensus', direction: null },
    { name: '2 support, 2 absent (half is not more than half)', ps: cast('support', 'support', null, null), result: 'no_consensus', direction: null },
    { name: 'all abstain', ps: cast('abstain', 'abstain', 'abstain', 'abstain'), result: 'no_consensus', direction: null },
    { name: 'nobody spoke', ps: cast(null, null, null, null), result: 'no_consensus', direction: null },
  ])('$name → $result', ({ ps, result, direction }) => {
    const c = concludeItem(FOUR, ps);
    expect(c.conclusion).toBe(result);
    expect(c.direction).toBe(direction);
    expect(c.escalate).toBe(result === 'no_consensus');
  });

  it('records the dissent: every voter not on the carrying side, absent ones included', () => {
    const c = concludeItem(FOUR, cast('support', 'object', 'support', null));
    expect(c).toMatchObject({ conclusion: 'no_consensus', tally: { support: 2, object: 1, abstain: 0, absent: 1, voters: 4 } });
    const d = concludeItem(FOUR, cast('support', 'object', 'support', null).concat([{ voter: 'property_company', position: 'support', reason: 'r3' }]));
    expect(d).toMatchObject({ conclusion: 'majority', direction: 'support', tally: { support: 3, object: 1, absent: 0 } });
    expect(d.dissent).toEqual([{ voter: 'residents_committee', position: 'object', reason: 'r1' }]);
    const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
    const e = concludeItem(members, [
      { voter: 'm1', position: 'support', reason: '' }, { voter: 'm2', position: 'support', reason: '' },
      { voter: 'm3', position: 'abstain', reason: 'conflict of interest' }, { voter: 'm5', position: 'support', reason: '' },
    ]);
    expect(e).toMatchObject({ conclusion: 'majority', direction: 'support' });
    expect(e.dissent).toEqual([
      { voter: 'm3', position: 'abstain', reason: 'conflict of interest' },
      { voter: 'm4', position: 'absent', reason: null },
    ]);
  });

  it('counts an owners\u2019 committee decision against ALL members: 2 of 4 is no decision, 3 of 4 is', () => {
    const members = ['m1', 'm2', 'm3', 'm4'];
    const two = concludeItem(members, [{ voter: 'm1', position: 'support', reason: '' }, { voter: 'm2', position: 'support', reason: '' }]);
    expect(two.conclusion).toBe('no_consensus');
    const three = concludeItem(members, ['m1', 'm2', 'm3'].map((voter) => ({ voter, position: 'support' as Position, reason: '' })));
    expect(three).toMatchObject({ conclusion: 'majority', tally: { support: 3, absent: 1 } });
  });

  it('ignores positions of anyone who is not a voter', () => {
    const c = concludeItem(['a', 'b'], [{ voter: 'a', position: 'support', reason: '' }, { voter: 'stranger', position: 'support', reason: '' }]);
    expect(c).toMatchObject({ conclusion: 'no_consensus', tally: { support: 1, absent: 1, voters: 2 } });
  });
});
