import fs from 'node:fs';
import { Readable } from 'node:stream';
import { constants as zlibConstants, crc32, inflateRawSync } from 'node:zlib';

// exceljs's streaming reader unzips with unzipper's forward-only parser. Workbooks written by a
// streaming writer (exceljs's own, so our exports too) leave entry sizes out of the local headers
// and put them in a trailing data descriptor; the parser then scans the compressed bytes for the
// descriptor's signature, and when those four bytes occur inside the data by chance (about one
// in 250 workbooks of a few MB) it cuts the entry short and hangs for good. So the reader is fed a
// re-packed stream instead: the entries it needs, taken from the central directory at the end of
// the file, each with its sizes in its local header, in the order that lets exceljs parse the
// sheet as it streams (relationships, workbook, shared strings, then the one sheet).

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

interface Entry {
  name: string;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

function centralDirectory(fd: number, fileSize: number): Entry[] {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = readAt(fd, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === SIG_EOCD) { at = i; break; }
  if (at < 0) throw new Error('it is not a complete XLSX (zip) file: its table of contents is missing');
  const count = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (offset === 0xffffffff || count === 0xffff) throw new Error('workbooks over 4 GB (ZIP64) are not supported');
  const dir = readAt(fd, offset, size);
  const entries: Entry[] = [];
  for (let p = 0; p < dir.length && dir.readUInt32LE(p) === SIG_CENTRAL;) {
    const nameLength = dir.readUInt16LE(p + 28);
    entries.push({
      flags: dir.readUInt16LE(p + 8), method: dir.readUInt16LE(p + 10), time: dir.readUInt16LE(p + 12), date: dir.readUInt16LE(p + 14),
      crc: dir.readUInt32LE(p + 16), compressedSize: dir.readUInt32LE(p + 20), size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42), name: dir.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra lengths may differ from the directory's. */
function dataStart(fd: number, e: Entry): number {
  const header = readAt(fd, e.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== SIG_LOCAL) throw new Error(`the entry ${e.name} is damaged`);
  return e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

function inflate(fd: number, e: Entry): string {
  const raw = readAt(fd, dataStart(fd, e), e.compressedSize);
  return (e.method === 0 ? raw : inflateRawSync(raw)).toString('utf8');
}

/** The path of the workbook's first sheet in tab order, from workbook.xml and its relationships. */
function firstSheetPath(fd: number, byName: Map<string, Entry>): string | null {
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return null;
  const sheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(inflate(fd, workbook))?.[0];
  const rid = sheetTag && /\br:id="([^"]+)"/.exec(sheetTag)?.[1];
  if (!rid) return null;
  for (const rel of inflate(fd, rels).match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    if (new RegExp(`\\bId="${rid}"`).test(rel)) {
      const target = /\bTarget="([^"]+)"/.exec(rel)?.[1] ?? '';
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return null;
}

/**
 * The last row the sheet's <dimension ref="A1:K1234"/> names, which Excel writes at the start of
 * the sheet: a row count for the progress bar before reading. 0 when absent (streaming writers).
 */
function dimensionRows(fd: number, e: Entry): number {
  if (e.method !== 8) return 0;
  const head = readAt(fd, dataStart(fd, e), Math.min(e.compressedSize, 16 * 1024));
  let xml: string;
  try {
    xml = inflateRawSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8', 0, 4096);
  } catch {
    return 0;
  }
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml);
  return ref ? Number(ref[1]) : 0;
}

function localHeader(e: Entry, name: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(SIG_LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(e.flags & ~0x08, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(e.time, 10);
  h.writeUInt16LE(e.date, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(nameBytes.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, nameBytes]);
}

const EMPTY_SST = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

/** A stored (uncompressed) xl/sharedStrings.xml with no strings, carried in its header. */
function emptySharedStrings() {
  const e: Entry = { name: 'xl/sharedStrings.xml', flags: 0, method: 0, time: 0, date: 0x21, crc: crc32(EMPTY_SST), compressedSize: EMPTY_SST.length, size: EMPTY_SST.length, localOffset: 0 };
  return { header: Buffer.concat([localHeader(e, e.name), EMPTY_SST]), start: 0, end: 0 };
}

/**
 * A zip stream holding only what the streaming reader needs of the workbook, sizes up front. The
 * first sheet in tab order is passed on as xl/worksheets/sheet1.xml, the name exceljs looks for.
 */
export function repackXlsx(file: string): { stream: Readable; estimatedRows: number } {
  const fd = fs.openSync(file, 'r');
  let parts: { header: Buffer; start: number; end: number }[];
  let estimatedRows: number;
  try {
    const entries = centralDirectory(fd, fs.fstatSync(fd).size);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const sheet = firstSheetPath(fd, byName) ?? 'xl/worksheets/sheet1.xml';
    if (!byName.has(sheet)) throw new Error('it holds no worksheet');
    estimatedRows = dimensionRows(fd, byName.get(sheet)!);
    const wanted: [string, string][] = [
      ['xl/_rels/workbook.xml.rels', 'xl/_rels/workbook.xml.rels'],
      ['xl/workbook.xml', 'xl/workbook.xml'],
      ['xl/sharedStrings.xml', 'xl/sharedStrings.xml'],
      [sheet, 'xl/worksheets/sheet1.xml'],
    ];
    parts = wanted.filter(([from]) => byName.has(from)).map(([from, as]) => {
      const e = byName.get(from)!;
      const start = dataStart(fd, e);
      return { header: localHeader(e, as), start, end: start + e.compressedSize };
    });
    // without shared strings (inline-string workbooks such as our own exports) exceljs would
    // spool the sheet to a temporary file first, and that path fails: hand it an empty table
    if (!byName.has('xl/sharedStrings.xml')) parts.splice(2, 0, emptySharedStrings());
  } finally {
    fs.closeSync(fd);
  }
  const stream = Readable.from((async function* () {
    for (const part of parts) {
      yield part.header;
      if (part.end > part.start) yield* fs.createReadStream(file, { start: part.start, end: part.end - 1 });
    }
  })());
  return { stream, estimatedRows };
}
