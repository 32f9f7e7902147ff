import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { exportFields, exportHeaders } from './domain/columns.ts';
import type { ExportRow } from './domain/export-rows.ts';

// Writes the roster workbook with exceljs's streaming writer: sheet 1 "名册" holds the roster in
// the import's own columns (so an export re-imports unchanged, and an empty one is the template);
// sheet 2 "填写说明" explains each column. The importer reads only the first sheet.

const widths: Record<(typeof exportFields)[number], number> = {
  building: 10, number: 10, use: 8, areaRegistered: 12, areaSurveyed: 12, areaContract: 12,
  owners: 24, voter: 10, phones: 28, idNumbers: 16, developer: 12,
};
/** Columns kept as text, so Excel does not turn "0101" into 101 or an ID number into 1.1E+17. */
const textColumns = new Set(['building', 'number', 'owners', 'voter', 'phones', 'idNumbers']);

const instructions: [string, string, string][] = [
  ['楼栋 (building)', '必填', '与系统中的楼栋名称一致，如 "3栋"；导入时勾选"自动创建楼栋"可新建'],
  ['房号 (unit number)', '必填', '同一楼栋内不得重复，如 "1-101"'],
  ['用途 (use)', '选填', '住宅 / 商业 / 车位；留空为住宅'],
  ['登记面积 / 实测面积 / 合同面积', '至少一项', '平方米，正数，最多两位小数；也可用一列"面积"加一列"面积来源"（不动产登记 / 实测 / 合同）'],
  ['业主 (owners)', '必填（开发商房源除外）', '共有人用 、 或 ; 或 , 分隔'],
  ['表决人 (voter)', '选填', '共有人中行使表决权的一人，须是业主之一'],
  ['电话 (phone)', '选填', '每位业主一个，顺序与业主相同，用同样的分隔符；可留空位，如 "、13900000000"'],
  ['身份证 (ID)', '选填', '完整号码或末四位；系统只保存加盐摘要和末四位，不保存号码'],
  ['开发商 (developer)', '选填', '未售 / 已售未交付；留空表示已交付业主'],
];

export async function writeRosterWorkbook(out: Writable, rows: Iterable<ExportRow>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = exportFields.map((f) => ({
    header: exportHeaders[f],
    key: f,
    width: widths[f],
    style: textColumns.has(f) ? { numFmt: '@' } : f.startsWith('area') ? { numFmt: '0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  for (const row of rows) {
    sheet.addRow(exportFields.map((f) => row[f])).commit();
    n++;
  }
  sheet.commit();
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ header: '列 (column)', width: 30 }, { header: '是否必填', width: 20 }, { header: '说明', width: 80 }];
  for (const line of instructions) help.addRow(line).commit();
  help.commit();
  await workbook.commit();
  return n;
}
