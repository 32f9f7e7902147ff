import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areasView, formatCenti, km2, votingArea } from '../../../src/server/modules/registry/domain/areas.ts';
import { checkOwnershipChange, voterFlags } from '../../../src/server/modules/registry/domain/ownership-change.ts';
import { todayInChina } from '../../../src/server/modules/registry/domain/today.ts';

describe('areas', () => {
  it.each([
    [8850, '88.50'],
    [5, '0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [12345678, '123456.78'],
    [null, null],
  ])('formats %s as %s', (centi, text) => {
    expect(formatCenti(centi)).toBe(text);
  });

  it('formats every non-negative integer back to the same number of hundredths', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (centi) => {
      const text = formatCenti(centi)!;
      expect(text).toMatch(/^\d+\.\d{2}$/);
      expect(Number(text.replace('.', ''))).toBe(centi);
    }));
  });

  it('prefers registered, then surveyed, then contract area', () => {
    expect(votingArea({ registered: 1, surveyed: 2, contract: 3 })).toEqual({ centi: 1, source: 'registered' });
    expect(votingArea({ registered: null, surveyed: 2, contract: 3 })).toEqual({ centi: 2, source: 'surveyed' });
    expect(votingArea({ registered: null, surveyed: null, contract: 3 })).toEqual({ centi: 3, source: 'contract' });
    expect(votingArea({ registered: null, surveyed: null, contract: null })).toBeNull();
    // a registered area of zero is still the registered area
    expect(votingArea({ registered: 0, surveyed: 2, contract: null })).toEqual({ centi: 0, source: 'registered' });
  });

  it('builds the areas block of a unit view', () => {
    expect(areasView({ registered: null, surveyed: 9000, contract: 9100 })).toEqual({
      areas: { registered: null, surveyed: '90.00', contract: '91.00' },
      votingArea: '90.00',
      votingAreaSource: 'surveyed',
    });
  });

  it('shows m² as km² with three decimals', () => {
    expect(km2(1_850_000)).toBe(1.85);
    expect(km2(1_234_567)).toBe(1.235);
    expect(km2(null)).toBeNull();
  });
});

describe('checkOwnershipChange', () => {
  const current = [{ personId: 'a', since: '2020-01-01' }, { personId: 'b', since: '2021-06-01' }];

  it('accepts a change on or after the latest since, with one voter among several', () => {
    expect(checkOwnershipChange(current, { date: '2021-06-01', owners: [{ name: 'X', isVoter: true }, { personId: 'a' }] })).toEqual([]);
    expect(checkOwnershipChange([], { date: '1999-01-01', owners: [{ name: 'X' }] })).toEqual([]);
  });

  it('refuses a date before the latest current since, naming it', () => {
    expect(checkOwnershipChange(current, { date: '2021-05-31', owners: [{ name: 'X' }] })).toEqual([
      { path: 'date', message: '2021-05-31 is before the current ownership began (2021-06-01)' },
    ]);
  });

  it('needs at least one owner and exactly one voter among several', () => {
    expect(checkOwnershipChange([], { date: '2024-01-01', owners: [] })).toEqual([{ path: 'owners', message: 'name at least one owner' }]);
    expect(checkOwnershipChange([], { date: '2024-01-01', owners: [{ name: 'X' }, { name: 'Y' }] })[0].message).toContain('0 given');
    expect(checkOwnershipChange([], { date: '2024-01-01', owners: [{ name: 'X', isVoter: true }, { name: 'Y', isVoter: true }] })[0].message).toContain('2 given');
  });

  it('names a person listed twice', () => {
    expect(checkOwnershipChange([], { date: '2024-01-01', owners: [{ personId: 'p', isVoter: true }, { name: 'Y' }, { personId: 'p' }] })).toEqual([
      { path: 'owners.2.personId', message: 'the same person as owners.0' },
    ]);
  });

  it('makes a single owner the voter', () => {
    expect(voterFlags([{ name: 'X' }])).toEqual([true]);
    expect(voterFlags([{ name: 'X' }, { name: 'Y', isVoter: true }])).toEqual([false, true]);
  });
});

describe('todayInChina', () => {
  it('is the calendar day at UTC+8', () => {
    expect(todayInChina(new Date('2024-03-01T15:59:59Z'))).toBe('2024-03-01');
    expect(todayInChina(new Date('2024-03-01T16:00:00Z'))).toBe('2024-03-02');
  });
});
