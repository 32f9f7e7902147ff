import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  idCheckCharacter, parseArea, parseAreaSource, parseDeveloper, parseIdNumber, parsePhone, parseUse, splitList,
} from '../../../src/server/modules/registry/roster/domain/cells.ts';
import { formatCenti } from '../../../src/server/modules/registry/domain/areas.ts';

describe('parseArea', () => {
  it('reads positive decimals with at most two decimals as 0.01 m²', () => {
    expect(parseArea('88.5')).toEqual({ ok: true, value: 8850 });
    expect(parseArea('88.50')).toEqual({ ok: true, value: 8850 });
    expect(parseArea('120')).toEqual({ ok: true, value: 12000 });
    expect(parseArea(88.35)).toEqual({ ok: true, value: 8835 });
    expect(parseArea(' 75.5 ㎡')).toEqual({ ok: true, value: 7550 });
    expect(parseArea('９０．１２')).toEqual({ ok: true, value: 9012 });
  });

  it('names what is wrong, quoting the cell', () => {
    expect(parseArea('12.345')).toEqual({ ok: false, message: '"12.345" has more than two decimals' });
    expect(parseArea('abc')).toEqual({ ok: false, message: '"abc" is not a number' });
    expect(parseArea('-3')).toEqual({ ok: false, message: '"-3" must be a positive number' });
    expect(parseArea('0.00')).toEqual({ ok: false, message: '"0.00" must be greater than zero' });
    expect(parseArea('1,200')).toEqual({ ok: false, message: '"1,200" is not a number' });
    expect(parseArea('100000.01')).toEqual({ ok: false, message: '"100000.01" is larger than 100000 m²' });
  });

  it('reads back every area the export writes (a number of 0.01 m² divided by 100)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000_00 }), (centi) => {
      expect(parseArea(centi / 100)).toEqual({ ok: true, value: centi });
      expect(parseArea(formatCenti(centi))).toEqual({ ok: true, value: centi });
    }));
  });
});

describe('phones', () => {
  it('accepts mobiles (with +86) and landlines, and names anything else', () => {
    expect(parsePhone('138 0000 0001')).toEqual({ ok: true, value: '13800000001' });
    expect(parsePhone('+8613800000001')).toEqual({ ok: true, value: '13800000001' });
    expect(parsePhone('010-12345678')).toEqual({ ok: true, value: '01012345678' });
    expect(parsePhone('12345')).toMatchObject({ ok: false, message: expect.stringContaining('"12345" is not a phone number') });
  });
});

describe('ID numbers', () => {
  it('checks the check character of an 18-character number', () => {
    expect(parseIdNumber('110105199001011232')).toEqual({ ok: true, value: { full: '110105199001011232', last4: '1232' } });
    expect(parseIdNumber('44030419780707789x')).toEqual({ ok: true, value: { full: '44030419780707789X', last4: '789X' } });
    expect(parseIdNumber('110105199001011233')).toEqual({ ok: false, message: '"110***********1233" has a wrong check digit' });
  });

  it('turns an old 15-digit number into its 18-character form, so both hash alike', () => {
    const first17 = '11010519900101123';
    const r = parseIdNumber('110105900101123');
    expect(r).toEqual({ ok: true, value: { full: first17 + idCheckCharacter(first17), last4: '1232' } });
  });

  it('accepts the last four to six characters alone, without a hash', () => {
    expect(parseIdNumber('4568')).toEqual({ ok: true, value: { full: null, last4: '4568' } });
    expect(parseIdNumber('01123X')).toEqual({ ok: true, value: { full: null, last4: '123X' } });
  });

  it('recognises a number Excel rounded, and never repeats a full number in a message', () => {
    const r = parseIdNumber(110105199001011230);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('format the column as text');
    const bad = parseIdNumber('11010519900101');
    expect(!bad.ok && bad.message).toBe('"110*******0101" is not an ID number: give all 18 characters or the last 4');
  });
});

describe('lists and choices', () => {
  it('splits co-owners on 、 ; , (and full-width forms), keeping empty slots', () => {
    expect(splitList('张三、李四；王五,赵六，钱七;孙八')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八']);
    expect(splitList('、13900000000')).toEqual(['', '13900000000']);
    expect(splitList('')).toEqual([]);
  });

  it('reads use, area source and developer status in Chinese or English', () => {
    expect(parseUse('')).toEqual({ ok: true, value: 'residential' });
    expect(parseUse('车位')).toEqual({ ok: true, value: 'parking' });
    expect(parseUse('Commercial')).toEqual({ ok: true, value: 'commercial' });
    expect(parseUse('办公')).toEqual({ ok: false, message: '"办公" is not a known use; use 住宅, 商业 or 车位' });
    expect(parseAreaSource('不动产登记')).toEqual({ ok: true, value: 'registered' });
    expect(parseAreaSource('surveyed')).toEqual({ ok: true, value: 'surveyed' });
    expect(parseAreaSource('预测')).toMatchObject({ ok: false });
    expect(parseDeveloper('')).toEqual({ ok: true, value: 'owned' });
    expect(parseDeveloper('已售未交付')).toEqual({ ok: true, value: 'sold_not_delivered' });
    expect(parseDeveloper('developer_unsold')).toEqual({ ok: true, value: 'developer_unsold' });
  });
});
