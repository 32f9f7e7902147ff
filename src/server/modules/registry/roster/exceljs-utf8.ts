import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

// exceljs 4.4's streaming reader decodes each decompressed chunk of XML on its own, so a Chinese
// character (3 bytes in UTF-8) that straddles two chunks turns into "���" — about one cell in a
// few thousand of a real roster (exceljs/exceljs#2063, #2084, still open). This wraps the two
// places where the reader feeds XML to its parser so that chunks are decoded as one stream.
// The round-trip test of a large roster in test/integration/roster catches a regression.

type Chunks = AsyncIterable<Buffer | string>;

async function* decodeUtf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: string): unknown;
  _parseSharedStrings(entry: { setEncoding(encoding: string): void }): unknown;
  __siyiUtf8?: true;
}

const proto = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: ReaderInternals }).prototype;
if (!proto.__siyiUtf8 && typeof proto._parseWorksheet === 'function' && typeof proto._parseSharedStrings === 'function') {
  const parseWorksheet = proto._parseWorksheet;
  const parseSharedStrings = proto._parseSharedStrings;
  proto._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  };
  proto._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  proto.__siyiUtf8 = true;
}
