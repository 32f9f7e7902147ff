import { describe, it, expect } from 'vitest';
import { ballot, ballots, countDecision, decision, subjectOf, unit } from './support.ts';

describe('co-owners of one unit count as one owner', () => {
  // o1, o2 for; o3 against; P-1 co-owned by p and q, who name no voter and disagree.
  const units = [
    unit('A', '100.00', 'o1'),
    unit('B', '100.00', 'o2'),
    unit('C', '100.00', 'o3'),
    unit('P-1', '100.00', ['p', 'q']),
  ];
  const conflicting = [
    ...ballots(['o1', 'o2'], 'for'),
    ballot('o3', 'against'),
    ballot('p', 'for'),
    ballot('q', 'against'),
  ];

  it('conflict under "abstain" (default): the unit takes part without consent, so 2/4 fails', () => {
    const result = countDecision(decision({ item: 4 }, units, conflicting));
    const subject = subjectOf(result, 'p+q');
    expect(subject).toMatchObject({ choice: 'abstain', reason: 'co-owner-conflict-abstain', voters: ['p', 'q'] });
    expect(subject.ballots.map((b) => [b.voter, b.counted, b.reason])).toEqual([
      ['p', false, 'co-owner-conflict'],
      ['q', false, 'co-owner-conflict'],
    ]);
    expect(result.participation.heads).toMatchObject({ value: 4, total: 4 });
    expect(result.approval.heads).toMatchObject({ value: 2, base: 4, met: false });
    expect(result.passed).toBe(false);
  });

  it('conflict under "void": the unit does not take part, so 2/3 of the rest passes', () => {
    const result = countDecision(decision({ item: 4, options: { coOwnerConflict: 'void' } }, units, conflicting));
    expect(subjectOf(result, 'p+q')).toMatchObject({ choice: null, reason: 'co-owner-conflict-void' });
    expect(result.participation.heads).toMatchObject({ value: 3, total: 4, met: true });
    expect(result.approval.heads).toMatchObject({ value: 2, base: 3, met: true });
    expect(result.passed).toBe(true);
  });

  it('agreeing co-owners count once, as their choice', () => {
    const result = countDecision(decision({ item: 4 }, units, [...ballots(['o1', 'p', 'q'], 'for')]));
    expect(subjectOf(result, 'p+q')).toMatchObject({ choice: 'for', reason: 'co-owners-agree', area: '100.00' });
    expect(result.approval.heads).toMatchObject({ value: 2, base: 2 });
  });

  it('one co-owner returning a ballot is enough when no voter is named', () => {
    const result = countDecision(decision({ item: 4 }, units, [ballot('q', 'against')]));
    expect(subjectOf(result, 'p+q')).toMatchObject({ choice: 'against', reason: 'co-owners-agree' });
  });

  it('with a named voter only that ballot counts; the other co-owner\u2019s is recorded as not counted', () => {
    const named = [unit('A', '100.00', 'o1'), unit('P-1', '100.00', ['p', 'q'], { voter: 'p' })];
    const result = countDecision(
      decision({ item: 4 }, named, [ballot('o1', 'for'), ballot('p', 'against'), ballot('q', 'for')]),
    );
    const subject = subjectOf(result, 'p');
    expect(subject).toMatchObject({ choice: 'against', reason: 'named-voter', voters: ['p'] });
    expect(subject.ballots).toMatchObject([
      { voter: 'p', choice: 'against', counted: true, reason: 'counted' },
      { voter: 'q', choice: 'for', counted: false, reason: 'co-owner-not-named-voter' },
    ]);
    expect(subject.ballots[1].explanation).toContain('not its named voter');
    expect(result.approval.heads).toMatchObject({ value: 1, base: 2, met: false });
  });

  it('the named voter\u2019s silence is not replaced by another co-owner\u2019s ballot', () => {
    const named = [unit('A', '100.00', 'o1'), unit('P-1', '100.00', ['p', 'q'], { voter: 'p' })];
    const result = countDecision(decision({ item: 4 }, named, [ballot('q', 'for')]));
    expect(subjectOf(result, 'p')).toMatchObject({ choice: null, reason: 'no-ballot' });
    expect(result.participation.heads.value).toBe(0);
  });
});

describe('one person or organisation counts once', () => {
  it('one owner with three units is one head with the areas summed', () => {
    const units = [
      unit('A', '50.00', 'o1'),
      unit('B', '60.25', 'o1'),
      unit('C', '70.00', 'o1'),
      unit('D', '100.00', 'o2'),
      unit('E', '100.00', 'o3'),
    ];
    const result = countDecision(decision({ item: 4 }, units, [ballot('o1', 'for'), ballot('o2', 'against')]));
    expect(subjectOf(result, 'o1')).toMatchObject({ units: ['A', 'B', 'C'], area: '180.25', choice: 'for' });
    // Participation 280.25 / 380.25 and 2 / 3 heads: met. Approval: the area is there, the heads are not.
    expect(result.participation).toMatchObject({ met: true, heads: { value: 2, total: 3 }, area: { total: '380.25' } });
    expect(result.approval.area).toMatchObject({ value: '180.25', base: '280.25', met: true });
    expect(result.approval.heads).toMatchObject({ value: 1, base: 2, met: false });
    expect(result.passed).toBe(false);
  });

  it('all of the developer\u2019s units count as one owner, even under different owner ids', () => {
    const units = [
      unit('D-1', '100.00', 'dev', { developer: true }),
      unit('D-2', '100.00', 'dev', { developer: true }),
      unit('D-3', { contract: '100.00' }, 'dev-sales', { developer: true }),
      unit('A', '100.00', 'o1'),
      unit('B', '100.00', 'o2'),
    ];
    const result = countDecision(
      decision({ item: 4 }, units, [ballot('dev', 'for'), ballot('o1', 'against'), ballot('o2', 'against')]),
    );
    const developer = subjectOf(result, 'dev+dev-sales');
    expect(developer).toMatchObject({ developer: true, units: ['D-1', 'D-2', 'D-3'], area: '300.00', choice: 'for' });
    expect(developer.explanation).toContain("developer's units count together as one owner");
    expect(result.participation.heads).toMatchObject({ value: 3, total: 3 });
    // The developer holds 3/5 of the area but is one head of three: the decision fails.
    expect(result.approval.area.met).toBe(true);
    expect(result.approval.heads).toMatchObject({ value: 1, base: 3, met: false });
    expect(result.passed).toBe(false);
  });

  it('a person who co-owns one unit (no named voter) and solely owns another joins the co-owners\u2019 subject', () => {
    const units = [unit('A', '100.00', ['p', 'q']), unit('B', '80.00', 'q'), unit('C', '100.00', 'o1')];
    const result = countDecision(decision({ item: 4 }, units, [ballot('q', 'for'), ballot('o1', 'against')]));
    expect(subjectOf(result, 'p+q')).toMatchObject({ units: ['A', 'B'], area: '180.00', choice: 'for' });
    expect(result.participation.heads.total).toBe(2);
  });

  it('naming a voter for the co-owned unit keeps the two apart', () => {
    const units = [unit('A', '100.00', ['p', 'q'], { voter: 'p' }), unit('B', '80.00', 'q'), unit('C', '100.00', 'o1')];
    const result = countDecision(decision({ item: 4 }, units, [ballot('q', 'for'), ballot('p', 'against')]));
    expect(result.participation.heads.total).toBe(3);
    expect(subjectOf(result, 'q')).toMatchObject({ units: ['B'], choice: 'for', reason: 'sole-owner' });
    const pSubject = subjectOf(result, 'p');
    expect(pSubject).toMatchObject({ units: ['A'], choice: 'against', reason: 'named-voter' });
    // q's ballot counts for B, and A's explanation says it does not count for A.
    expect(pSubject.ballots.find((b) => b.voter === 'q')).toMatchObject({
      counted: false,
      reason: 'co-owner-not-named-voter',
    });
  });
});

describe('parking spaces', () => {
  const units = [
    unit('A', '100.00', 'o1'),
    unit('B', '100.00', 'o2'),
    unit('P-1', '12.00', 'o1', { parking: true }),
    unit('P-2', '12.00', 'o3', { parking: true }),
  ];
  const votes = [ballot('o1', 'for'), ballot('o2', 'against')];

  it('are left out by default and listed as excluded', () => {
    const result = countDecision(decision({ item: 4 }, units, votes));
    expect(result.participation.area.total).toBe('200.00');
    expect(result.participation.heads.total).toBe(2);
    expect(result.excludedUnits).toMatchObject([{ unit: 'P-1', reason: 'parking-excluded' }, { unit: 'P-2' }]);
  });

  it('count in area and heads when the compound includes them', () => {
    const result = countDecision(decision({ item: 4, options: { parkingInVotingArea: true } }, units, votes));
    expect(result.participation.area.total).toBe('224.00');
    expect(result.participation.heads.total).toBe(3);
    expect(subjectOf(result, 'o1')).toMatchObject({ units: ['A', 'P-1'], area: '112.00' });
    expect(result.excludedUnits).toEqual([]);
  });
});
