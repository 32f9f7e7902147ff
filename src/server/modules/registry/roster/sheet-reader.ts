import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import './exceljs-utf8.ts';
import { repackXlsx } from './xlsx-repack.ts';
import { parse } from 'csv-parse';
import type { CellValue } from './domain/cells.ts';
import { looksLikeHeader } from './domain/columns.ts';

// Reads a roster file row by row: XLSX through exceljs's streaming reader (the first worksheet
// only; later sheets may hold instructions; see xlsx-repack.ts and exceljs-utf8.ts for the two
// exceljs bugs worked around), CSV through csv-parse. The format is told by the
// file's first bytes, not its name.

export interface SheetRow {
  /** the row number the spreadsheet shows: the first line of the file is row 1 */
  row: number;
  cells: CellValue[];
}

export interface OpenedSheet {
  format: 'xlsx' | 'csv';
  /** for CSV, the text encoding it was read in */
  encoding: string | null;
  /** a row count known before reading (CSV: its lines; XLSX: the sheet's dimension, which Excel writes), else 0 */
  estimatedRows: number;
  rows: AsyncIterable<SheetRow>;
}

/** A file that cannot be read as a roster at all; reported as a problem on row 0. */
export class SheetFileError extends Error {
  constructor(message: string, readonly row = 0) {
    super(message);
  }
}

export async function openSheet(file: string): Promise<OpenedSheet> {
  const head = Buffer.alloc(4);
  const fd = await fs.promises.open(file, 'r');
  const { bytesRead } = await fd.read(head, 0, 4, 0).finally(() => fd.close());
  if (bytesRead === 0) throw new SheetFileError('the file is empty');
  if (head.readUInt32BE(0) === 0x504b0304) return openXlsx(file);
  if (head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new SheetFileError('this is an old Excel 97–2003 workbook (.xls); save it as .xlsx (Excel Workbook) or as CSV UTF-8 and upload that');
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new SheetFileError('the file is UTF-16 text (Excel\'s "Unicode Text"); save it as CSV UTF-8 (逗号分隔) or as .xlsx');
  }
  return openCsv(await fs.promises.readFile(file));
}

/** UTF-8 (with or without BOM) first; text that is not valid UTF-8 is tried as GB18030, the superset of GBK that Chinese Excel writes. */
function openCsv(bytes: Buffer): OpenedSheet {
  let text: string;
  let encoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    encoding = 'gb18030';
    text = new TextDecoder('gb18030').decode(bytes);
    const firstLines = text.split(/\r\n|\n|\r/u, 10);
    if (!firstLines.some((line) => looksLikeHeader(line.split(/[,\t]/u).map((c) => c.replace(/^"|"$/gu, ''))))) {
      throw new SheetFileError('the file is not UTF-8 text, and read as GB18030/GBK it has no recognisable header either; save it from Excel as "CSV UTF-8" or as .xlsx');
    }
  }
  // Excel's "Text (Tab delimited)" is read too: whichever separator the first lines use more
  const start = text.slice(0, 4096);
  const delimiter = (start.match(/\t/gu)?.length ?? 0) > (start.match(/,/gu)?.length ?? 0) ? '\t' : ',';
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { format: 'csv', encoding, estimatedRows: lines, rows: csvRows(text, delimiter) };
}

async function* csvRows(text: string, delimiter: string): AsyncGenerator<SheetRow> {
  const chunks = function* () {
    for (let i = 0; i < text.length; i += 64 * 1024) yield text.slice(i, i + 64 * 1024);
  };
  const parser = Readable.from(chunks()).pipe(parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
  }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record };
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new SheetFileError(`the CSV cannot be read past this line: ${err.message}`, err.lines ?? row + 1);
  }
}

function openXlsx(file: string): OpenedSheet {
  try {
    const { stream, estimatedRows } = repackXlsx(file);
    return { format: 'xlsx', encoding: null, estimatedRows, rows: xlsxRows(stream) };
  } catch (e) {
    throw new SheetFileError(`the workbook cannot be read: ${(e as Error).message}`);
  }
}

async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        yield { row: row.number, cells };
      }
      // repackXlsx passes on only the first worksheet in tab order: the roster (the template's instructions sheet is not read)
      break;
    }
  } catch (e) {
    if (e instanceof SheetFileError) throw e;
    throw new SheetFileError(`the workbook cannot be read: ${(e as Error).message}`);
  }
}

/** A cell as text or number: rich text joined, formulas by their cached result, hyperlinks by their text. */
function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('formula' in o || 'sharedFormula' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}
