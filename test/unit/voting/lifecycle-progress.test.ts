import { describe, expect, it } from 'vitest';
import { atLeastFraction, moreThanFraction } from '../../../src/server/modules/voting/domain/rational.ts';
import { formatArea, gapWords, quorumProgress, stillNeeded } from '../../../src/server/modules/voting/domain/progress.ts';
import { buildElectorate, type RegistryUnit } from '../../../src/server/modules/voting/domain/electorate.ts';

describe('participation progress', () => {
  it('computes the least that is still needed, exactly, at the boundaries', () => {
    const twoThirds = atLeastFraction(2, 3);
    expect(stillNeeded(twoThirds, 0n, 9n)).toBe(6n);
    expect(stillNeeded(twoThirds, 6n, 9n)).toBe(0n);
    expect(stillNeeded(twoThirds, 5n, 10n)).toBe(2n); // 7/10 ≥ 2/3, 6/10 is not
    const half = moreThanFraction(1, 2);
    expect(stillNeeded(half, 5n, 10n)).toBe(1n); // exactly one half fails
    expect(stillNeeded(half, 6n, 10n)).toBe(0n);
    expect(stillNeeded(undefined, 0n, 10n)).toBe(0n);
  });

  it('says the gap in both languages, with grouped areas', () => {
    const progress = quorumProgress({ area: atLeastFraction(2, 3), heads: atLeastFraction(2, 3) }, { area: 0n, heads: 0n }, { area: 186075n, heads: 55n });
    expect(progress.heads.needed).toBe(37n);
    expect(progress.area.needed).toBe(124050n);
    expect(progress.words).toEqual({ zh: '还差 37 户 / 1,240.50 m²', en: '37 owners / 1,240.50 m² still needed' });
    expect(gapWords(true, 1n, 0n)).toEqual({ zh: '还差 1 户', en: '1 owner still needed' });
    expect(gapWords(true, 0n, 0n).en).toBe('participation quorum reached');
    expect(gapWords(false, 0n, 0n).en).toBe('this rule sets no participation quorum');
    expect(formatArea(123456789n)).toBe('1,234,567.89');
  });
});

describe('the electorate from the registry', () => {
  const unit = (id: string, owners: RegistryUnit['owners'], over: Partial<RegistryUnit> = {}): RegistryUnit => ({
    unitId: id, buildingId: 'b', buildingName: 'B', number: id, use: 'residential', holderStatus: 'owned',
    areas: { registered: 8850, surveyed: null, contract: null }, owners, ...over,
  });
  const o = (personId: string, isVoter = false, isDeveloper = false) => ({ personId, isVoter, isDeveloper });

  it('builds the tally core\'s subjects with stable keys: one multi-unit owner, co-owners once, the developer once', () => {
    const e = buildElectorate([
      unit('u1', [o('p1')]),
      unit('u2', [o('p1')]),
      unit('u3', [o('p2', true), o('p3')]),
      unit('u4', [o('p4'), o('p5')]),
      unit('u5', [o('dev', false, true)]),
      unit('u6', [o('buyer')], { holderStatus: 'sold_not_delivered' }),
      unit('u7', [o('p1')], { use: 'parking' }),
    ], false);
    expect(e.problems).toEqual([]);
    expect(e.subjects.map((s) => [s.key, s.unitIds, s.areaCenti])).toEqual([
      ['buyer+dev', ['u5', 'u6'], 17700n],
      ['p1', ['u1', 'u2'], 17700n],
      ['p2', ['u3'], 8850n],
      ['p4+p5', ['u4'], 8850n],
    ]);
    expect(e.units.find((u) => u.unitId === 'u7')?.subjectKey).toBeNull();
    expect(e.units.find((u) => u.unitId === 'u3')?.voterId).toBe('p2');
  });

  it('names the units that would make the record malformed', () => {
    const e = buildElectorate([
      unit('u1', []),
      unit('u2', [o('a')], { areas: { registered: null, surveyed: null, contract: null } }),
      unit('u3', [o('b', true), o('c', true)]),
    ], false);
    expect(e.problems.map((p) => [p.unitId, p.message])).toEqual([
      ['u1', 'has no current owner'],
      ['u2', 'has no registered, surveyed or contract area'],
      ['u3', '2 co-owners are marked as the named voter; name one'],
    ]);
    expect(e.subjects).toEqual([]);
  });
});
