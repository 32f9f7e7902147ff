import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { looksLikeHeader, normaliseHeader, resolveHeader } from '../../../src/server/modules/registry/roster/domain/columns.ts';
import type { CellValue } from '../../../src/server/modules/registry/roster/domain/cells.ts';
import { RosterValidator } from '../../../src/server/modules/registry/roster/domain/rows.ts';

const hashId = (full: string) => createHash('sha256').update(`salt:${full}`).digest('hex');

/** Validates rows given as arrays; the first array is spreadsheet row 1. */
function validate(rows: CellValue[][], options: { buildings?: string[]; createBuildings?: boolean } = {}) {
  const v = new RosterValidator({ knownBuildings: new Set(options.buildings ?? ['1栋', '2栋']), createBuildings: options.createBuildings ?? false, hashId });
  rows.forEach((cells, i) => v.push(i + 1, cells));
  return v.finish();
}

const CN = ['楼栋', '房号', '用途', '面积', '面积来源', '业主', '表决人', '电话', '身份证', '开发商'];

describe('header', () => {
  it('accepts Chinese and English headers, with units in brackets and any case', () => {
    expect(normaliseHeader('面积（㎡）')).toBe(normaliseHeader('面积'));
    expect(looksLikeHeader(['Building', 'Unit Number'])).toBe(true);
    const { header, problems } = resolveHeader(1, ['Building', 'unit_number', 'Registered area', 'Owners', 'Remarks']);
    expect(problems).toEqual([]);
    expect(header.label).toMatchObject({ building: 'Building', number: 'unit_number', areaRegistered: 'Registered area', owners: 'Owners' });
    expect(header.ignored).toEqual(['Remarks']);
  });

  it('names duplicate and missing columns on the header row', () => {
    expect(resolveHeader(1, ['楼栋', '房号', '楼号', '面积']).problems).toEqual([
      { row: 1, column: '楼号', message: 'the same column as "楼栋"; keep one of them' },
      { row: 1, column: '业主', message: 'required column is missing (业主 / owner)' },
      { row: 1, column: '面积来源', message: 'required column is missing: "面积" needs 面积来源 (不动产登记, 实测 or 合同)' },
    ]);
  });

  it('finds the header below a title block and keeps the spreadsheet row numbers', () => {
    const sheet = validate([['XX小区业主名册'], [], CN, ['1栋', '101', '', '88.5', '登记', '张三', '', '', '', ''], ['1栋', '102', '', '1.234', '登记', '李四']]);
    expect(sheet.header?.row).toBe(3);
    expect(sheet.problems).toEqual([{ row: 5, column: '面积', message: '"1.234" has more than two decimals' }]);
  });

  it('reports a file without a header or without rows', () => {
    expect(validate([]).problems).toEqual([{ row: 0, column: '', message: 'the file has no rows' }]);
    expect(validate([['a', 'b'], ['c', 'd']]).problems[0]).toMatchObject({ row: 1, message: expect.stringContaining('no header row found') });
  });
});

describe('rows', () => {
  it('reads a clean row into a unit with owners, phones, hashed IDs and the voter', () => {
    const sheet = validate([CN, ['1栋', '101', '住宅', '88.50', '不动产登记', '张三、李四', '李四', '13800000001、13800000002', '110105199001011232、4568', '']]);
    expect(sheet.problems).toEqual([]);
    expect(sheet.units).toEqual([{
      row: 2, building: '1栋', number: '101', use: 'residential', holderStatus: 'owned',
      areas: { registered: 8850, surveyed: null, contract: null },
      owners: [
        { name: '张三', phone: '13800000001', idHash: hashId('110105199001011232'), idLast4: '1232' },
        { name: '李四', phone: '13800000002', idHash: null, idLast4: '4568' },
      ],
      voter: 1,
    }]);
  });

  it('names every problem by row and by the column header as written', () => {
    const sheet = validate([
      ['Building', 'Unit', 'Use', 'Area', 'Area source', 'Owner', 'Voter', 'Phone', 'ID', 'Developer'],
      ['1栋', '101', '', '12.345', 'registered', '张三', '', '13800000001', '', ''],
      ['1栋', '102', '', '88.5', 'registered', '王五', '', '13800000001', '', ''],
      ['1栋', '101', '', '88.50', 'registered', '李四', '', '', '', ''],
      ['9栋', '901', '', '70', 'registered', '钱八', '', '', '', ''],
      ['1栋', '103', 'office', '70', 'guessed', '孙七、周九', '吴十', '', '', ''],
      ['', '104', '', '', 'registered', '', '', '', '', ''],
      ['1栋', '105', '', '80', 'registered', '冯二、陈三', '', '13800000007', '', 'maybe'],
    ]);
    expect(sheet.problems).toEqual([
      { row: 2, column: 'Area', message: '"12.345" has more than two decimals' },
      { row: 3, column: 'Phone', message: '13800000001 is also given for 张三 on row 2' },
      { row: 4, column: 'Unit', message: 'unit 1栋 101 is already on row 2' },
      { row: 4, column: 'Owner', message: 'differs from row 2 for the same unit (张三 there, 李四 here)' },
      { row: 5, column: 'Building', message: '"9栋" is not a building of this compound; add it first, or import with createBuildings (--create-buildings)' },
      { row: 6, column: 'Use', message: '"office" is not a known use; use 住宅, 商业 or 车位' },
      { row: 6, column: 'Area source', message: '"guessed" is not a known area source; use 不动产登记, 实测 or 合同' },
      { row: 6, column: 'Voter', message: '"吴十" is not one of the unit\'s owners (孙七、周九)' },
      { row: 7, column: 'Building', message: 'is required' },
      { row: 7, column: 'Area', message: 'is required: every unit needs an area (登记面积, 实测面积 or 合同面积, or 面积 with 面积来源)' },
      { row: 7, column: 'Owner', message: "is required (for a developer's unsold or undelivered unit, fill 开发商 instead)" },
      { row: 8, column: 'Developer', message: '"maybe" is not a known developer status; use 未售 or 已售未交付 (or leave empty)' },
      { row: 8, column: 'Phone', message: expect.stringContaining('has 1 phone number for 2 owners (冯二、陈三)') },
    ]);
    expect(sheet.units).toEqual([]);
  });

  it('flags the same full ID number under two names, and never echoes it in full', () => {
    const sheet = validate([CN,
      ['1栋', '101', '', '80', '登记', '张三', '', '', '110105199001011232', ''],
      ['1栋', '102', '', '80', '登记', '张叁', '', '', '110105199001011232', '']]);
    expect(sheet.problems).toEqual([{ row: 3, column: '身份证', message: '110***********1232 is also given for 张三 on row 2' }]);
  });

  it('collects unknown buildings for creation when createBuildings is set', () => {
    const sheet = validate([CN, ['３栋', '301', '', '80', '登记', '张三', '', '', '', '']], { createBuildings: true });
    expect(sheet.problems).toEqual([]);
    expect(sheet.newBuildings).toEqual(['3栋']);
  });

  it('lets a developer unit go without owners, and reads separate area columns', () => {
    const sheet = validate([
      ['楼栋', '房号', '登记面积', '实测面积', '合同面积', '业主', '开发商'],
      ['2栋', '201', '', '75.5', '76', '', '未售'],
    ]);
    expect(sheet.problems).toEqual([]);
    expect(sheet.units[0]).toMatchObject({ holderStatus: 'developer_unsold', owners: [], areas: { registered: null, surveyed: 7550, contract: 7600 }, use: null, voter: 'keep' });
  });

  it('refuses a 面积 that contradicts the separate column of the same source', () => {
    const sheet = validate([['楼栋', '房号', '面积', '面积来源', '登记面积', '业主'], ['1栋', '101', '88.5', '登记', '88.6', '张三']]);
    expect(sheet.problems).toEqual([{ row: 2, column: '登记面积', message: '"88.6" differs from 面积 for the same source' }]);
  });
});
