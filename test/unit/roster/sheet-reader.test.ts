import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openSheet, SheetFileError, type SheetRow } from '../../../src/server/modules/registry/roster/sheet-reader.ts';
import { rosterRows, writeRosterFile } from '../../fixtures/rosters/generate.ts';
import { tempDir } from '../../support/temp.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/rosters');
const dir = tempDir('siyi-sheet-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string) {
  const sheet = await openSheet(file);
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return { ...sheet, rows };
}

describe('CSV', () => {
  it('reads UTF-8 with a BOM, row numbers as the spreadsheet shows them', async () => {
    const { format, encoding, rows } = await readAll(path.join(fixtures, 'good.csv'));
    expect([format, encoding]).toEqual(['csv', 'utf-8']);
    expect(rows[0]).toEqual({ row: 1, cells: ['楼栋', '房号', '用途', '面积', '面积来源', '业主', '表决人', '电话', '身份证', '开发商', '备注'] });
    expect(rows[1].cells.slice(0, 6)).toEqual(['1栋', '101', '住宅', '88.50', '不动产登记', '张三、李四']);
  });

  it('reads GB18030 (GBK) text that is not valid UTF-8', async () => {
    const { encoding, rows } = await readAll(path.join(fixtures, 'good-gb18030.csv'));
    expect(encoding).toBe('gb18030');
    expect(rows[1].cells[5]).toBe('张三、李四');
  });

  it('names the encoding when the text is neither UTF-8 nor a GB18030 roster', async () => {
    const file = path.join(dir, 'latin1.csv');
    fs.writeFileSync(file, Buffer.from('Geb\xe4ude,Nummer\n1,2\n', 'latin1'));
    await expect(openSheet(file)).rejects.toThrow(/not UTF-8 text.*GB18030\/GBK.*CSV UTF-8/);
  });

  it('reads tab-separated text and keeps empty lines as rows', async () => {
    const file = path.join(dir, 'tabs.txt');
    fs.writeFileSync(file, '楼栋\t房号\n\n1栋\t"1,01"\n');
    const { rows } = await readAll(file);
    expect(rows.map((r) => [r.row, r.cells])).toEqual([[1, ['楼栋', '房号']], [2, ['']], [3, ['1栋', '1,01']]]);
  });

  it('turns away .xls, UTF-16 text and empty files with what to do instead', async () => {
    const write = (name: string, bytes: number[]) => {
      fs.writeFileSync(path.join(dir, name), Buffer.from(bytes));
      return path.join(dir, name);
    };
    await expect(openSheet(write('old.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).rejects.toThrow(/\.xls.*save it as \.xlsx/);
    await expect(openSheet(write('u16.txt', [0xff, 0xfe, 0x3c, 0x6a]))).rejects.toThrow(/UTF-16/);
    await expect(openSheet(write('empty.csv', []))).rejects.toBeInstanceOf(SheetFileError);
  });
});

describe('XLSX', () => {
  it('reads 100,000 rows from a streamed workbook without losing a character or hanging', async () => {
    // This workbook, written by exceljs's streaming writer, triggers two exceljs 4.4 reader bugs
    // that sheet-reader works around: a Chinese character split between two decompressed chunks
    // came out as "���", and the compressed sheet contains the bytes of a zip data-descriptor
    // signature, on which the forward-only unzipper stopped forever.
    const file = path.join(dir, 'large.xlsx');
    await writeRosterFile(file, 100_000, 'xlsx');
    const bytes = fs.readFileSync(file);
    const count = (sig: number[]) => {
      let k = 0;
      for (let i = bytes.indexOf(Buffer.from(sig)); i >= 0; i = bytes.indexOf(Buffer.from(sig), i + 1)) k++;
      return k;
    };
    expect(count([0x50, 0x4b, 0x07, 0x08]), 'a data-descriptor signature inside compressed data').toBeGreaterThan(count([0x50, 0x4b, 0x01, 0x02]));

    const { format, rows } = await readAll(file);
    expect(format).toBe('xlsx');
    expect(rows).toHaveLength(100_001);
    expect(rows.filter((r) => r.cells.some((c) => typeof c === 'string' && c.includes('\ufffd')))).toEqual([]);
    const expected = [...rosterRows(3)];
    expect(rows.slice(1, 4).map((r) => r.cells[5])).toEqual(expected.map((r) => r[5]));
  }, 60_000);

  it('knows the row count of a workbook that states its dimension (as Excel does) before reading it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['楼栋', '房号']);
    for (let i = 1; i <= 2000; i++) sheet.addRow(['1栋', String(i)]);
    workbook.addWorksheet('说明').addRow(['not the roster']);
    const file = path.join(dir, 'dimension.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const { estimatedRows, rows } = await readAll(file);
    expect(estimatedRows).toBe(2001);
    expect(rows).toHaveLength(2001);
    expect(rows.at(-1)).toEqual({ row: 2001, cells: ['1栋', '2000'] });
  });

  it('names a damaged workbook', async () => {
    const file = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(file, fs.readFileSync(path.join(dir, 'large.xlsx')).subarray(0, 5000));
    await expect(openSheet(file)).rejects.toThrow(/the workbook cannot be read: it is not a complete XLSX/);
  });
});
