import { describe, it, expect } from 'vitest';
import { ballot, ballots, countDecision, decision, malformed, unit } from './support.ts';

/** Ten owners of 100.00 m², each with `weight` shares or allocated votes. */
const weighted = (field: 'shares' | 'votes', weight = '10') =>
  Array.from({ length: 10 }, (_, index) => unit(`U${index + 1}`, '100.00', `o${index + 1}`, { [field]: weight }));

describe('hk-bmo (Hong Kong Cap. 344)', () => {
  const rule = { preset: 'hk-bmo', class: 'ordinary' };

  it('meets the quorum with 10% of owners and passes by shares of the votes cast', () => {
    const result = countDecision(decision(rule, weighted('shares'), [ballot('o1', 'for')]));
    expect(result.participation).toMatchObject({
      met: true,
      heads: { value: 1, total: 10, met: true, threshold: 'at least 1/10' },
      shares: { value: '10.00', total: '100.00', threshold: 'none' },
    });
    expect(result.approval).toMatchObject({
      basis: 'cast',
      shares: { value: '10.00', base: '10.00', met: true },
      heads: { threshold: 'none' },
    });
    expect(result.passed).toBe(true);
  });

  it('leaves abstentions out: 20 of 40 cast shares is no majority', () => {
    const votes = [
      ...ballots(['o1', 'o2'], 'for'),
      ...ballots(['o3', 'o4'], 'against'),
      ...ballots(['o5', 'o6', 'o7'], 'abstain'),
    ];
    const result = countDecision(decision(rule, weighted('shares'), votes));
    expect(result.approval.shares).toMatchObject({
      value: '20.00',
      base: '40.00',
      met: false,
      threshold: 'more than 1/2',
    });
    expect(result.passed).toBe(false);
  });

  it('needs shares on every counted unit, and has no special class', () => {
    const units = [unit('A', '100.00', 'o1')];
    expect(malformed(decision(rule, units, []))).toEqual({
      path: 'units[0].shares',
      message: 'is missing: hk-bmo weighs every unit by shares',
    });
    expect(malformed(decision({ preset: 'hk-bmo', class: 'special' }, weighted('shares'), [])).path).toBe('rule.class');
    expect(malformed(decision({ ...rule, options: { abstentionsInBase: true } }, weighted('shares'), [])).path).toBe(
      'rule.options.abstentionsInBase',
    );
  });
});

describe('de-weg-2020 (Germany)', () => {
  it('has no quorum: one owner voting decides, and participation reports met with its total', () => {
    const result = countDecision(
      decision({ preset: 'de-weg-2020', item: 4 }, weighted('shares'), [ballot('o1', 'for')]),
    );
    expect(result.participation).toMatchObject({
      met: true,
      area: { value: '100.00', total: '1000.00', met: true, threshold: 'none' },
      heads: { value: 1, total: 10, met: true, threshold: 'none' },
    });
    expect(result.passed).toBe(true);
  });

  it('a tie of for and against fails; abstentions do not count', () => {
    const votes = [...ballots(['o1', 'o2'], 'for'), ...ballots(['o3', 'o4'], 'against'), ballot('o5', 'abstain')];
    const result = countDecision(decision({ preset: 'de-weg-2020', item: 4 }, weighted('shares'), votes));
    expect(result.approval.heads).toMatchObject({ value: 2, base: 4, met: false });
    expect(result.passed).toBe(false);
  });

  it('can weigh by shares instead of heads', () => {
    const units = [
      unit('A', '100.00', 'o1', { shares: '60' }),
      unit('B', '50.00', 'o2', { shares: '20' }),
      unit('C', '50.00', 'o3', { shares: '20' }),
    ];
    const votes = [ballot('o1', 'for'), ...ballots(['o2', 'o3'], 'against')];
    const byHeads = countDecision(decision({ preset: 'de-weg-2020', item: 4 }, units, votes));
    const byShares = countDecision(
      decision({ preset: 'de-weg-2020', item: 4, options: { weighting: 'shares' } }, units, votes),
    );
    expect(byHeads.passed).toBe(false);
    expect(byShares.approval.shares).toMatchObject({ value: '60.00', base: '100.00', met: true });
    expect(byShares.passed).toBe(true);
  });
});

describe('us-ucioa (US model act)', () => {
  const rule = { preset: 'us-ucioa', item: 4 };

  it('needs 20% of the allocated votes present', () => {
    const result = countDecision(decision(rule, weighted('votes'), [ballot('o1', 'for')]));
    expect(result.participation.votes).toMatchObject({
      value: '10.00',
      total: '100.00',
      met: false,
      threshold: 'at least 1/5',
    });
    expect(result.passed).toBe(false);
  });

  it('counts abstentions in the base by default, and not when the option says so', () => {
    const votes = [...ballots(['o1', 'o2'], 'for'), ballot('o3', 'against'), ballot('o4', 'abstain')];
    const included = countDecision(decision(rule, weighted('votes'), votes));
    expect(included.approval).toMatchObject({
      basis: 'participating',
      votes: { value: '20.00', base: '40.00', met: false },
    });
    const excluded = countDecision(
      decision({ ...rule, options: { abstentionsInBase: false } }, weighted('votes'), votes),
    );
    expect(excluded.approval).toMatchObject({ basis: 'cast', votes: { value: '20.00', base: '30.00', met: true } });
    expect(excluded.passed).toBe(true);
  });
});

describe('elections are defined for the Chinese presets only', () => {
  it('refuses an election under a foreign preset', () => {
    const record = {
      format: 'siyi.vote-record/1',
      kind: 'election',
      rule: { preset: 'us-ucioa' },
      seats: 1,
      candidates: ['k1'],
      units: weighted('votes'),
      ballots: [],
    };
    expect(malformed(record).path).toBe('kind');
  });
});
