import { describe, it, expect } from 'vitest';
import { parseVoteRecord, parseVoteRecordText } from '../../../src/server/modules/voting/domain/index.ts';
import { ballot, decision, malformed, soleOwners, unit } from './support.ts';

const units = soleOwners(3, '100.00');
const valid = () => decision({ item: 4 }, units, [ballot('o1', 'for')]);

describe('malformed records name the offending field (owners-vote.md §7)', () => {
  it('more than two decimals', () => {
    const record = decision({ item: 4 }, [...units, unit('U4', '12.345', 'o4')], []);
    expect(malformed(record)).toEqual({
      path: 'units[3].area.registered',
      message: '"12.345" has more than two decimals',
    });
  });

  it('a second ballot from the same voter', () => {
    const record = decision({ item: 4 }, units, [ballot('o1', 'for'), ballot('o2', 'for'), ballot('o1', 'against')]);
    expect(malformed(record)).toEqual({
      path: 'ballots[2].voter',
      message: '"o1" already voted in ballots[0]; each voter has one ballot',
    });
  });

  it('a ballot from a voter who owns no counted unit, including an owner of a parking space only', () => {
    expect(malformed(decision({ item: 4 }, units, [ballot('o9', 'for')]))).toEqual({
      path: 'ballots[0].voter',
      message: '"o9" owns no counted unit',
    });
    const withParking = [...units, unit('P-1', '12.00', 'car', { parking: true })];
    expect(malformed(decision({ item: 4 }, withParking, [ballot('car', 'for')])).path).toBe('ballots[0].voter');
    // When the compound counts parking spaces, the same ballot is fine.
    expect(
      parseVoteRecord(
        decision({ item: 4, options: { parkingInVotingArea: true } }, withParking, [ballot('car', 'for')]),
      ).ok,
    ).toBe(true);
  });

  it('an unknown choice', () => {
    expect(malformed(decision({ item: 4 }, units, [ballot('o1', 'yes')]))).toEqual({
      path: 'ballots[0].choice',
      message: '"yes" is not one of "for", "against", "abstain"',
    });
  });

  it('an item outside 1–9', () => {
    expect(malformed(decision({ item: 10 }, units, []))).toEqual({
      path: 'rule.item',
      message: '10 is outside 1–9 (Civil Code Art. 278)',
    });
    expect(malformed(decision({ item: 0 }, units, [])).path).toBe('rule.item');
    expect(malformed(decision({ item: 2.5 }, units, [])).path).toBe('rule.item');
    expect(malformed(decision({}, units, []))).toMatchObject({ path: 'rule.item' });
  });

  it('an unknown preset or format', () => {
    expect(malformed(decision({ preset: 'cn-civil-code-2031', item: 4 }, units, []))).toMatchObject({
      path: 'rule.preset',
      message: expect.stringContaining('"cn-civil-code-2031" is not a known preset'),
    });
    expect(malformed({ ...valid(), format: 'siyi.vote-record/2' })).toEqual({
      path: 'format',
      message: '"siyi.vote-record/2" is not the known format "siyi.vote-record/1"',
    });
    const { format: _omitted, ...withoutFormat } = valid();
    expect(malformed(withoutFormat)).toMatchObject({ path: 'format', message: expect.stringContaining('is missing') });
  });

  it('a unit without any area', () => {
    const record = decision({ item: 4 }, [...units.slice(0, 2), { id: 'U3', area: {}, owners: ['o3'] }], []);
    expect(malformed(record)).toEqual({
      path: 'units[2].area',
      message: 'has no registered, surveyed or contract area',
    });
    const noAreaField = decision({ item: 4 }, [...units.slice(0, 2), { id: 'U3', owners: ['o3'] }], []);
    expect(malformed(noAreaField).path).toBe('units[2].area');
  });
});

describe('further checks: nothing is guessed', () => {
  it('refuses a numeric area, which JSON cannot carry exactly', () => {
    const record = decision({ item: 4 }, [{ id: 'U1', area: { registered: 88.5 }, owners: ['o1'] }], []);
    expect(malformed(record)).toEqual({
      path: 'units[0].area.registered',
      message: '88.5 must be a decimal string such as "88.50"',
    });
  });

  it('refuses a misspelt area source, unit field or option instead of ignoring it', () => {
    expect(
      malformed(decision({ item: 4 }, [{ id: 'U1', area: { regsitered: '1.00' }, owners: ['o1'] }], [])).path,
    ).toBe('units[0].area.regsitered');
    expect(
      malformed(
        decision({ item: 4 }, [{ id: 'U1', area: { registered: '1.00' }, owners: ['o1', 'o2'], votr: 'o1' }], []),
      ).path,
    ).toBe('units[0].votr');
    expect(malformed(decision({ item: 4, options: { silentVote: 'off' } }, units, [])).path).toBe(
      'rule.options.silentVote',
    );
    expect(malformed(decision({ item: 4, options: { coOwnerConflict: 'split' } }, units, []))).toMatchObject({
      path: 'rule.options.coOwnerConflict',
    });
  });

  it('refuses a named voter who is not an owner of the unit, and duplicate unit ids', () => {
    expect(malformed(decision({ item: 4 }, [unit('A', '1.00', ['p', 'q'], { voter: 'r' })], []))).toEqual({
      path: 'units[0].voter',
      message: '"r" is not one of the unit\'s owners',
    });
    expect(malformed(decision({ item: 4 }, [unit('A', '1.00', 'p'), unit('A', '2.00', 'q')], []))).toEqual({
      path: 'units[1].id',
      message: '"A" is already used by units[0]',
    });
  });

  it('refuses a zero area and a record where no unit counts', () => {
    expect(malformed(decision({ item: 4 }, [unit('A', '0.00', 'p')], [])).path).toBe('units[0].area.registered');
    expect(malformed(decision({ item: 4 }, [unit('P', '12.00', 'p', { parking: true })], []))).toEqual({
      path: 'units',
      message: 'no unit counts in the vote',
    });
  });

  it('refuses a class that contradicts the item', () => {
    expect(malformed(decision({ item: 7, class: 'ordinary' }, units, []))).toEqual({
      path: 'rule.class',
      message: '"ordinary" contradicts item 7, which is special under cn-civil-code-2021',
    });
    expect(parseVoteRecord(decision({ item: 7, class: 'special' }, units, [])).ok).toBe(true);
  });

  it('refuses abstentions outside the base under a Chinese preset', () => {
    expect(malformed(decision({ item: 4, options: { abstentionsInBase: false } }, units, []))).toMatchObject({
      path: 'rule.options.abstentionsInBase',
    });
  });

  it('reports text that is not JSON', () => {
    expect(parseVoteRecordText('{ "format": ')).toMatchObject({
      ok: false,
      error: { path: '', message: expect.stringContaining('not valid JSON') },
    });
  });

  it('defaults the preset to the Civil Code', () => {
    const record = { ...valid(), rule: { item: 4 } };
    const parsed = parseVoteRecord(record);
    expect(parsed.ok && parsed.value.rule.preset).toBe('cn-civil-code-2021');
  });
});
