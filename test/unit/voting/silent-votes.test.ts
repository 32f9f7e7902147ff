import { describe, it, expect } from 'vitest';
import { ballot, ballots, countDecision, decision, malformed, soleOwners, subjectOf } from './support.ts';

const clause = 'Rules of procedure, Art. 12(2)';
const tenOwners = soleOwners(10, '100.00');
const withSilent = (silentVotes: string) => ({ item: 4, options: { silentVotes, silentVotesClause: clause } });

describe('silent votes (沉默票)', () => {
  // 4 of 10 return a ballot: 3 for, 1 against. The Civil Code quorum fails on the returned ballots.
  const fourReturned = [...ballots(['o1', 'o2', 'o3'], 'for'), ballot('o4', 'against')];

  it('are off by default: the six silent owners do not take part', () => {
    const result = countDecision(decision({ item: 4 }, tenOwners, fourReturned));
    expect(result.participation.heads).toMatchObject({ value: 4, total: 10, met: false });
    expect(result.passed).toBe(false);
    expect(result.raw).toBeUndefined();
    expect(subjectOf(result, 'o9')).toMatchObject({ choice: null, reason: 'no-ballot' });
  });

  it('follow-majority: the silent side with the majority, and the raw result is shown beside', () => {
    const result = countDecision(decision(withSilent('follow-majority'), tenOwners, fourReturned));
    expect(result.silentVotes).toMatchObject({
      option: 'follow-majority',
      clause,
      majority: 'for',
      returned: { for: { area: '300.00', heads: 3 }, against: { area: '100.00', heads: 1 } },
      applied: true,
      deemed: 6,
    });
    expect(result.participation.heads).toMatchObject({ value: 10, total: 10, met: true });
    expect(result.approval.heads).toMatchObject({ value: 9, base: 10, met: true });
    expect(result.passed).toBe(true);
    expect(result.raw).toMatchObject({ passed: false, participation: { met: false } });
    const silent = subjectOf(result, 'o9');
    expect(silent).toMatchObject({ choice: 'for', reason: 'silent-deemed' });
    expect(silent.explanation).toContain(clause);
  });

  it('the majority must lead on both heads and area, or no one is deemed', () => {
    // for: 3 heads of 100.00; against: 1 head of 400.00. Heads lead one way, area the other.
    const units = [...soleOwners(9, '100.00'), { id: 'BIG', area: { registered: '400.00' }, owners: ['big'] }];
    const result = countDecision(
      decision(withSilent('follow-majority'), units, [...ballots(['o1', 'o2', 'o3'], 'for'), ballot('big', 'against')]),
    );
    expect(result.silentVotes).toMatchObject({ majority: null, applied: false, deemed: 0 });
    expect(result.participation.heads.value).toBe(4);
    expect(result.passed).toBe(false);
  });

  it('follow-majority-zj2009: no deeming when the majority side holds 1/2 or less of the total', () => {
    const result = countDecision(decision(withSilent('follow-majority-zj2009'), tenOwners, fourReturned));
    expect(result.silentVotes).toMatchObject({
      majority: 'for',
      applied: false,
      guard: {
        met: false,
        area: { value: '300.00', total: '1000.00', met: false },
        heads: { value: 3, total: 10, met: false },
      },
    });
    expect(result.passed).toBe(false);
    expect(result.raw?.passed).toBe(false);
  });

  it('follow-majority-zj2009: deeming applies when the majority side exceeds 1/2 of area and heads', () => {
    // 6 for, 4 silent: the quorum fails on returned ballots (6/10 < 2/3), the guard holds (6/10 > 1/2).
    const result = countDecision(
      decision(withSilent('follow-majority-zj2009'), tenOwners, ballots(['o1', 'o2', 'o3', 'o4', 'o5', 'o6'], 'for')),
    );
    expect(result.silentVotes).toMatchObject({ majority: 'for', applied: true, deemed: 4, guard: { met: true } });
    expect(result.raw?.passed).toBe(false);
    expect(result.passed).toBe(true);
  });

  it('exactly 1/2 does not satisfy the zj2009 guard', () => {
    const result = countDecision(
      decision(withSilent('follow-majority-zj2009'), tenOwners, ballots(['o1', 'o2', 'o3', 'o4', 'o5'], 'for')),
    );
    expect(result.silentVotes).toMatchObject({ applied: false, guard: { met: false, heads: { value: 5, total: 10 } } });
  });

  it('an against majority deems the silent against', () => {
    const result = countDecision(
      decision(withSilent('follow-majority'), tenOwners, [ballot('o1', 'for'), ...ballots(['o2', 'o3'], 'against')]),
    );
    expect(result.silentVotes?.majority).toBe('against');
    expect(result.approval.heads).toMatchObject({ value: 1, base: 10 });
    expect(result.passed).toBe(false);
  });

  it('require the rules-of-procedure clause', () => {
    expect(malformed(decision({ item: 4, options: { silentVotes: 'follow-majority' } }, tenOwners, []))).toEqual({
      path: 'rule.options.silentVotesClause',
      message: 'silent votes need the rules-of-procedure clause that allows them',
    });
  });

  it('are not offered under foreign presets', () => {
    const error = malformed(
      decision(
        {
          preset: 'us-ucioa',
          class: 'ordinary',
          options: { silentVotes: 'follow-majority', silentVotesClause: clause },
        },
        tenOwners,
        [],
      ),
    );
    expect(error.path).toBe('rule.options.silentVotes');
  });
});
