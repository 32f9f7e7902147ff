/** The example records in test/fixtures/vote-records count as their comments say. */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  recountText,
  formatFieldError,
  type DecisionResult,
  type ElectionResult,
} from '../../../src/server/modules/voting/domain/index.ts';

const read = (name: string) => readFileSync(new URL(`../../fixtures/vote-records/${name}`, import.meta.url), 'utf8');
const count = (name: string) => {
  const result = recountText(read(name));
  if (!result.ok) throw new Error(formatFieldError(result.error));
  return result.value;
};

describe('example vote records', () => {
  it('co-owners-and-developer.json: one head per owner, the developer once, parking included', () => {
    const result = count('co-owners-and-developer.json') as DecisionResult;
    expect(result.subjects.map((s) => [s.voter, s.units.join(','), s.area, s.choice, s.reason])).toEqual([
      ['dev', '2-101,2-102', '220.60', 'against', 'sole-owner'],
      ['o1', '1-101,1-102', '178.40', 'for', 'sole-owner'],
      ['o2+o3', '1-201', '120.75', 'abstain', 'co-owner-conflict-abstain'],
      ['o4', '1-202', '120.75', 'for', 'named-voter'],
      ['o6', '1-301,P-01', '108.00', 'for', 'sole-owner'],
      ['o7', '1-302', '95.50', null, 'no-ballot'],
    ]);
    // for: 178.40 + 120.75 + 108.00 = 407.15 of 748.50 participating; 3 of 5 heads.
    expect(result.approval.area).toMatchObject({ value: '407.15', base: '748.50', met: true });
    expect(result.passed).toBe(true);
  });

  it('election-tie.json: k3 and k4 tie for the last of three seats', () => {
    const result = count('election-tie.json') as ElectionResult;
    expect(result).toMatchObject({
      elected: ['k1', 'k2'],
      tie: ['k3', 'k4'],
      tiedSeats: 1,
      unfilled: 0,
      alternates: [],
    });
  });

  it('silent-votes-zj2009-guard.json: a for side of exactly 1/2 does not satisfy the guard', () => {
    const result = count('silent-votes-zj2009-guard.json') as DecisionResult;
    expect(result.silentVotes).toMatchObject({ majority: 'for', applied: false, guard: { met: false } });
    expect(result.passed).toBe(false);
  });

  it('malformed-decimals.json is rejected, naming the field', () => {
    const result = recountText(read('malformed-decimals.json'));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(formatFieldError(result.error)).toBe('units[3].area.registered: "12.345" has more than two decimals');
  });
});
