import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { recountText } from '../../../src/server/modules/voting/domain/index.ts';
import { ballot, ballots, countDecision, decision, soleOwners, subjectOf, unit } from './support.ts';

describe('participation quorum (Civil Code: at least 2/3 of area and of heads)', () => {
  it('exactly 2/3 of area and heads meets the quorum', () => {
    // 6 owners × 100.00 m²; 4 take part: 400.00 / 600.00 and 4 / 6, both exactly 2/3.
    const result = countDecision(
      decision({ item: 4 }, soleOwners(6, '100.00'), ballots(['o1', 'o2', 'o3', 'o4'], 'for')),
    );
    expect(result.participation).toEqual({
      met: true,
      area: { value: '400.00', total: '600.00', met: true, threshold: 'at least 2/3' },
      heads: { value: 4, total: 6, met: true, threshold: 'at least 2/3' },
    });
    expect(result.passed).toBe(true);
  });

  it('0.01 m² short of 2/3 fails the quorum, and then the decision, whatever the approval', () => {
    // 199.99 / 299.99: 199.99·3 = 599.97 < 2·299.99 = 599.98.
    const units = [unit('A', '100.00', 'o1'), unit('B', '99.99', 'o2'), unit('C', '100.00', 'o3')];
    const result = countDecision(decision({ item: 4 }, units, ballots(['o1', 'o2'], 'for')));
    expect(result.participation.area).toMatchObject({ value: '199.99', total: '299.99', met: false });
    expect(result.participation.heads).toMatchObject({ value: 2, total: 3, met: true });
    expect(result.approval.met).toBe(true);
    expect(result.passed).toBe(false);
  });

  it('needs the heads too: a large owner alone does not make a quorum', () => {
    const units = [unit('A', '1000.00', 'o1'), unit('B', '1.00', 'o2'), unit('C', '1.00', 'o3')];
    const result = countDecision(decision({ item: 4 }, units, [ballot('o1', 'for')]));
    expect(result.participation.area.met).toBe(true);
    expect(result.participation.heads).toMatchObject({ value: 1, total: 3, met: false });
    expect(result.passed).toBe(false);
  });
});

describe('approval', () => {
  it('exactly 3/4 passes a special matter (item 7)', () => {
    const record = decision({ item: 7 }, soleOwners(4, '100.00'), [
      ...ballots(['o1', 'o2', 'o3'], 'for'),
      ballot('o4', 'against'),
    ]);
    const result = countDecision(record);
    expect(result.class).toBe('special');
    expect(result.approval).toEqual({
      met: true,
      basis: 'participating',
      area: { value: '300.00', base: '400.00', met: true, threshold: 'at least 3/4' },
      heads: { value: 3, base: 4, met: true, threshold: 'at least 3/4' },
    });
    expect(result.passed).toBe(true);
  });

  it('0.01 m² short of 3/4 fails a special matter', () => {
    // for 100.00 + 100.00 + 99.99 = 299.99 of 400.00: 299.99·4 = 1199.96 < 3·400.00.
    const units = [
      unit('A', '100.00', 'o1'),
      unit('B', '100.00', 'o2'),
      unit('C', '99.99', 'o3'),
      unit('D', '100.01', 'o4'),
    ];
    const result = countDecision(
      decision({ item: 6 }, units, [...ballots(['o1', 'o2', 'o3'], 'for'), ballot('o4', 'against')]),
    );
    expect(result.approval.area).toMatchObject({ value: '299.99', base: '400.00', met: false });
    expect(result.approval.heads.met).toBe(true);
    expect(result.passed).toBe(false);
  });

  it('exactly 1/2 fails an ordinary matter (过半数 means more than half)', () => {
    const result = countDecision(
      decision({ item: 4 }, soleOwners(4, '100.00'), [
        ...ballots(['o1', 'o2'], 'for'),
        ...ballots(['o3', 'o4'], 'against'),
      ]),
    );
    expect(result.approval.area).toMatchObject({
      value: '200.00',
      base: '400.00',
      met: false,
      threshold: 'more than 1/2',
    });
    expect(result.approval.heads).toMatchObject({ value: 2, base: 4, met: false });
    expect(result.passed).toBe(false);
  });

  it('needs both area and heads: more heads but exactly half the area fails', () => {
    const units = [
      unit('A', '50.00', 'o1'),
      unit('B', '50.00', 'o2'),
      unit('C', '100.00', 'o3'),
      unit('D', '200.00', 'o4'),
    ];
    const result = countDecision(
      decision({ item: 1 }, units, [...ballots(['o1', 'o2', 'o3'], 'for'), ballot('o4', 'against')]),
    );
    expect(result.approval.heads.met).toBe(true);
    expect(result.approval.area).toMatchObject({ value: '200.00', base: '400.00', met: false });
    expect(result.passed).toBe(false);
  });

  it('counts abstentions in the base: they take part but do not consent', () => {
    // 2 for, 1 against, 1 abstain: 2/4 is not more than half (2/3 of for+against would pass).
    const record = decision({ item: 4 }, soleOwners(4, '100.00'), [
      ...ballots(['o1', 'o2'], 'for'),
      ballot('o3', 'against'),
      ballot('o4', 'abstain'),
    ]);
    const result = countDecision(record);
    expect(result.participation.heads.value).toBe(4);
    expect(result.approval.heads).toMatchObject({ value: 2, base: 4, met: false });
    expect(result.passed).toBe(false);
  });

  it('accepts a class instead of an item', () => {
    const result = countDecision(
      decision({ class: 'special' }, soleOwners(4, '100.00'), ballots(['o1', 'o2', 'o3'], 'for')),
    );
    expect(result.class).toBe('special');
    expect(result.approval.area.threshold).toBe('at least 3/4');
  });
});

describe('the area source decides the result', () => {
  // A (for): registered 100.00, surveyed 130.00. C (for): 5.00. B (against): surveyed 110.00.
  const units = (aArea: Record<string, string>) => [
    unit('A', aArea, 'o1'),
    unit('B', { surveyed: '110.00', contract: '90.00' }, 'o2'),
    unit('C', '5.00', 'o3'),
  ];
  const votes = [ballot('o1', 'for'), ballot('o2', 'against'), ballot('o3', 'for')];

  it('uses the registered area when there is one: 105.00 of 215.00 fails', () => {
    const result = countDecision(decision({ item: 4 }, units({ registered: '100.00', surveyed: '130.00' }), votes));
    expect(subjectOf(result, 'o1').unitAreas).toEqual([{ unit: 'A', area: '100.00', source: 'registered' }]);
    expect(subjectOf(result, 'o2').unitAreas).toEqual([{ unit: 'B', area: '110.00', source: 'surveyed' }]);
    expect(result.approval.area).toMatchObject({ value: '105.00', base: '215.00', met: false });
    expect(result.passed).toBe(false);
  });

  it('falls back to the surveyed area: 135.00 of 245.00 passes', () => {
    const result = countDecision(decision({ item: 4 }, units({ surveyed: '130.00', contract: '99.00' }), votes));
    expect(subjectOf(result, 'o1').unitAreas).toEqual([{ unit: 'A', area: '130.00', source: 'surveyed' }]);
    expect(result.approval.area).toMatchObject({ value: '135.00', base: '245.00', met: true });
    expect(result.passed).toBe(true);
  });
});

describe('the same ballots under the Property Law 2007 and the Civil Code', () => {
  // 10 owners × 100.00 m²; 7 take part: 5 for, 2 against.
  const votes = [...ballots(['o1', 'o2', 'o3', 'o4', 'o5'], 'for'), ...ballots(['o6', 'o7'], 'against')];

  it('Civil Code: approval against the 7 participants passes (5/7)', () => {
    const result = countDecision(decision({ preset: 'cn-civil-code-2021', item: 4 }, soleOwners(10, '100.00'), votes));
    expect(result.approval).toMatchObject({ basis: 'participating', heads: { value: 5, base: 7, met: true } });
    expect(result.passed).toBe(true);
  });

  it('Property Law: approval against all 10 owners fails (5/10 is not more than half)', () => {
    const result = countDecision(
      decision({ preset: 'cn-property-law-2007', item: 4 }, soleOwners(10, '100.00'), votes),
    );
    expect(result.participation.area).toMatchObject({
      value: '700.00',
      total: '1000.00',
      met: true,
      threshold: 'more than 1/2',
    });
    expect(result.approval).toMatchObject({
      basis: 'total',
      area: { value: '500.00', base: '1000.00', met: false },
      heads: { value: 5, base: 10, met: false },
    });
    expect(result.passed).toBe(false);
  });

  it('6 for and 4 silent: the Civil Code quorum fails, the Property Law passes', () => {
    const six = ballots(['o1', 'o2', 'o3', 'o4', 'o5', 'o6'], 'for');
    expect(
      countDecision(decision({ preset: 'cn-civil-code-2021', item: 4 }, soleOwners(10, '100.00'), six)).passed,
    ).toBe(false);
    expect(
      countDecision(decision({ preset: 'cn-property-law-2007', item: 4 }, soleOwners(10, '100.00'), six)).passed,
    ).toBe(true);
  });

  it('classes differ: item 5 is special and item 8 ordinary under the Property Law', () => {
    const classOf = (preset: string, item: number) =>
      countDecision(decision({ preset, item }, soleOwners(3, '100.00'), [])).class;
    expect([classOf('cn-civil-code-2021', 5), classOf('cn-property-law-2007', 5)]).toEqual(['ordinary', 'special']);
    expect([classOf('cn-civil-code-2021', 8), classOf('cn-property-law-2007', 8)]).toEqual(['special', 'ordinary']);
    // Property Law special items need at least 2/3 of ALL owners and the total area.
    const seven = ballots(['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'], 'for');
    const result = countDecision(
      decision({ preset: 'cn-property-law-2007', item: 6 }, soleOwners(10, '100.00'), seven),
    );
    expect(result.approval.heads).toMatchObject({ value: 7, base: 10, met: true, threshold: 'at least 2/3' });
  });
});

describe('the example record of owners-vote.md §7', () => {
  const text = readFileSync(new URL('../../fixtures/vote-records/spec-example.json', import.meta.url), 'utf8');

  it('counts the three subjects, leaves out the parking space and fails the ordinary matter', () => {
    const result = recountText(text);
    if (!result.ok || result.value.kind !== 'decision') throw new Error('expected a decision result');
    const value = result.value;
    expect(value.passed).toBe(false);
    expect(value.class).toBe('ordinary');
    // 88.50 + 120.75 (surveyed) + 110.30 = 319.55; everyone took part.
    expect(value.participation.area).toMatchObject({ value: '319.55', total: '319.55', met: true });
    expect(value.approval.area).toMatchObject({ value: '88.50', base: '319.55', met: false });
    expect(value.approval.heads).toMatchObject({ value: 1, base: 3, met: false });
    expect(value.excludedUnits.map((excluded) => excluded.unit)).toEqual(['P-01']);
    expect(subjectOf(value, 'o1')).toMatchObject({
      units: ['A-101'],
      area: '88.50',
      choice: 'for',
      reason: 'sole-owner',
    });
    expect(subjectOf(value, 'o3')).toMatchObject({
      units: ['A-103'],
      area: '120.75',
      choice: 'against',
      reason: 'named-voter',
    });
    expect(subjectOf(value, 'dev')).toMatchObject({ developer: true, choice: 'abstain' });
  });

  it('keeps the published key order of §7', () => {
    const result = recountText(text);
    if (!result.ok) throw new Error('expected a result');
    const keys = Object.keys(result.value).filter((key) =>
      ['passed', 'class', 'participation', 'approval', 'subjects'].includes(key),
    );
    expect(keys).toEqual(['passed', 'class', 'participation', 'approval', 'subjects']);
    expect(Object.keys(result.value.subjects[0]).slice(0, 4)).toEqual(['voter', 'units', 'area', 'choice']);
  });
});
