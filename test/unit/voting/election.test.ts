import { describe, it, expect } from 'vitest';
import { countElection, election, malformed, soleOwners, subjectOf, unit } from './support.ts';

const candidates = ['k1', 'k2', 'k3', 'k4', 'k5'];
// Ten owners of 100.00 m², three marks each. Support: k1 8, k2 7, k3 6, k4 6, k5 3 heads.
const marksByVoter: Record<string, string[]> = {
  o1: ['k1', 'k2', 'k3'],
  o2: ['k1', 'k2', 'k3'],
  o3: ['k1', 'k2', 'k3'],
  o4: ['k1', 'k2', 'k4'],
  o5: ['k1', 'k2', 'k4'],
  o6: ['k1', 'k2', 'k4'],
  o7: ['k1', 'k2', 'k5'],
  o8: ['k1', 'k3', 'k4'],
  o9: ['k3', 'k4', 'k5'],
  o10: ['k3', 'k4', 'k5'],
};
const markedBallots = Object.entries(marksByVoter).map(([voter, marks]) => ({ voter, marks }));

describe('committee elections', () => {
  it('a full tie on the last seat blocks that seat for a re-vote', () => {
    const result = countElection(election(3, candidates, soleOwners(10, '100.00'), markedBallots));
    expect(result.participation.met).toBe(true);
    expect(result.candidates).toMatchObject([
      { id: 'k1', heads: 8, area: '800.00', passed: true },
      { id: 'k2', heads: 7, area: '700.00', passed: true },
      { id: 'k3', heads: 6, area: '600.00', passed: true },
      { id: 'k4', heads: 6, area: '600.00', passed: true },
      { id: 'k5', heads: 3, area: '300.00', passed: false },
    ]);
    expect(result).toMatchObject({
      elected: ['k1', 'k2'],
      tie: ['k3', 'k4'],
      tiedSeats: 1,
      alternates: [],
      unfilled: 0,
    });
  });

  it('area breaks a tie in heads; the candidate left over becomes an alternate', () => {
    // o3 marks k3 but not k4: 0.50 m² more for o3 puts k3 ahead of k4.
    const units = soleOwners(10, '100.00').map((u) => (u.id === 'U3' ? unit('U3', '100.50', 'o3') : u));
    const result = countElection(election(3, candidates, units, markedBallots));
    expect(result.candidates.map((c) => [c.id, c.area])).toEqual([
      ['k1', '800.50'],
      ['k2', '700.50'],
      ['k3', '600.50'],
      ['k4', '600.00'],
      ['k5', '300.00'],
    ]);
    expect(result).toMatchObject({ elected: ['k1', 'k2', 'k3'], alternates: ['k4'], tie: [], unfilled: 0 });
  });

  it('a seat nobody passes for stays unfilled for a by-election; exactly 1/2 is not enough', () => {
    // k1 8 heads, k2 6, k3 5 (exactly half of 10): two pass for three seats.
    const ballotsFor = (support: Record<string, number>) =>
      Array.from({ length: 10 }, (_, index) => ({
        voter: `o${index + 1}`,
        marks: Object.entries(support)
          .filter(([, count]) => index < count)
          .map(([id]) => id),
      }));
    const result = countElection(
      election(3, ['k1', 'k2', 'k3'], soleOwners(10, '100.00'), ballotsFor({ k1: 8, k2: 6, k3: 5 })),
    );
    expect(result.candidates.find((c) => c.id === 'k3')).toMatchObject({
      passed: false,
      approval: { heads: { value: 5, base: 10, met: false, threshold: 'more than 1/2' } },
    });
    expect(result).toMatchObject({ elected: ['k1', 'k2'], unfilled: 1, alternates: [], tie: [] });
  });

  it('a blank ballot takes part and supports nobody', () => {
    const ballots = [
      { voter: 'o1', marks: ['k1'] },
      { voter: 'o2', marks: ['k1'] },
      { voter: 'o3', marks: [] },
      { voter: 'o4', marks: [] },
    ];
    const result = countElection(election(1, ['k1'], soleOwners(4, '100.00'), ballots));
    expect(result.participation.heads).toMatchObject({ value: 4, total: 4 });
    expect(result.candidates[0]).toMatchObject({ heads: 2, passed: false });
    expect(subjectOf(result, 'o3')).toMatchObject({ marks: [], reason: 'sole-owner' });
    expect(result.unfilled).toBe(1);
  });

  it('without the quorum nobody is elected', () => {
    const result = countElection(
      election(2, ['k1', 'k2'], soleOwners(10, '100.00'), [{ voter: 'o1', marks: ['k1', 'k2'] }]),
    );
    expect(result.participation.met).toBe(false);
    expect(result).toMatchObject({ elected: [], unfilled: 2 });
    expect(result.candidates.every((c) => !c.passed)).toBe(true);
  });

  it('co-owners who mark differently count as a blank ballot under "abstain"', () => {
    const units = [unit('A', '100.00', ['p', 'q']), unit('B', '100.00', 'o1')];
    const result = countElection(
      election(1, ['k1', 'k2'], units, [
        { voter: 'p', marks: ['k1'] },
        { voter: 'q', marks: ['k2'] },
        { voter: 'o1', marks: ['k1'] },
      ]),
    );
    expect(subjectOf(result, 'p+q')).toMatchObject({ marks: [], reason: 'co-owner-conflict-abstain' });
    expect(result.candidates[0]).toMatchObject({ id: 'k1', heads: 1, passed: false });
  });

  it('rejects more marks than seats, unknown candidates and marking one twice', () => {
    const units = soleOwners(2, '100.00');
    expect(malformed(election(1, ['k1', 'k2'], units, [{ voter: 'o1', marks: ['k1', 'k2'] }]))).toEqual({
      path: 'ballots[0].marks',
      message: '2 marks, but a ballot may mark at most 1 (the number of seats)',
    });
    expect(malformed(election(2, ['k1'], units, [{ voter: 'o1', marks: ['k9'] }])).path).toBe('ballots[0].marks[0]');
    expect(malformed(election(2, ['k1', 'k2'], units, [{ voter: 'o1', marks: ['k1', 'k1'] }])).path).toBe(
      'ballots[0].marks[1]',
    );
    expect(malformed(election(2, ['k1'], units, [{ voter: 'o1', choice: 'for' }])).path).toBe('ballots[0].choice');
  });
});
