import { describe, it, expect } from 'vitest';
import {
  atLeast,
  moreThan,
  parseCenti,
  formatCenti,
  chooseArea,
  describeThreshold,
} from '../../../src/server/modules/voting/domain/index.ts';

describe('exact thresholds by cross-multiplication', () => {
  it('"at least" includes the boundary (以上, Civil Code Art. 1259)', () => {
    expect(atLeast(2, 3, 2, 3)).toBe(true);
    expect(atLeast(66_666n, 100_000n, 2, 3)).toBe(false); // 0.66666 < 2/3
    expect(atLeast(66_667n, 100_000n, 2, 3)).toBe(true);
  });

  it('"more than" excludes the boundary (过半数): exactly one half fails', () => {
    expect(moreThan(1, 2, 1, 2)).toBe(false);
    expect(moreThan(50_001n, 100_000n, 1, 2)).toBe(true);
  });

  it('stays exact where floating point would not', () => {
    // 0.1 + 0.2 > 0.3 in floating point; in centi-units 10 + 20 is exactly 30.
    expect(atLeast(10n + 20n, 30n, 1, 1)).toBe(true);
    expect(moreThan(10n + 20n, 30n, 1, 1)).toBe(false);
    // Beyond 2^53 the comparison is still exact.
    const huge = 2n ** 80n;
    expect(atLeast(huge * 2n, huge * 3n, 2, 3)).toBe(true);
    expect(atLeast(huge * 2n - 1n, huge * 3n, 2, 3)).toBe(false);
  });

  it('describes thresholds for the published result', () => {
    expect(describeThreshold({ compare: 'atLeast', p: 3, q: 4 })).toBe('at least 3/4');
    expect(describeThreshold(undefined)).toBe('none');
  });
});

describe('areas in 0.01 m²', () => {
  it('parses decimals with up to two places', () => {
    expect(parseCenti('88.50', 'x')).toEqual({ ok: true, value: 8850n });
    expect(parseCenti('88.5', 'x')).toEqual({ ok: true, value: 8850n });
    expect(parseCenti('120', 'x')).toEqual({ ok: true, value: 12000n });
    expect(parseCenti('0.01', 'x')).toEqual({ ok: true, value: 1n });
  });

  it('names the field when the text is not a plain decimal', () => {
    expect(parseCenti('12.345', 'units[3].area.registered')).toEqual({
      ok: false,
      error: { path: 'units[3].area.registered', message: '"12.345" has more than two decimals' },
    });
    for (const bad of ['-1.00', '1e3', ' 12', '12.', '1,000.00', '']) {
      const result = parseCenti(bad, 'p');
      expect(result.ok, bad).toBe(false);
    }
    expect(parseCenti(88.5, 'p')).toEqual({
      ok: false,
      error: { path: 'p', message: '88.5 must be a decimal string such as "88.50"' },
    });
  });

  it('formats with exactly two decimals', () => {
    expect(formatCenti(104200n)).toBe('1042.00');
    expect(formatCenti(49810n)).toBe('498.10');
    expect(formatCenti(5n)).toBe('0.05');
    expect(formatCenti(0n)).toBe('0.00');
  });

  it('prefers registered over surveyed over contract, and says which it used', () => {
    expect(chooseArea({ registered: 1n, surveyed: 2n, contract: 3n })).toEqual({ centi: 1n, source: 'registered' });
    expect(chooseArea({ surveyed: 2n, contract: 3n })).toEqual({ centi: 2n, source: 'surveyed' });
    expect(chooseArea({ contract: 3n })).toEqual({ centi: 3n, source: 'contract' });
    expect(chooseArea({})).toBeUndefined();
  });
});
