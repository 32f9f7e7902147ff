import type { RosterProblem } from '../../../../../contracts/roster.ts';

// Pure: the roster's columns, the headers each accepts (Chinese first, English second), and how a
// header row is recognised. docs/rules/roster.md lists the same table for people.

export const rosterFields = [
  'building', 'number', 'use',
  'area', 'areaSource', 'areaRegistered', 'areaSurveyed', 'areaContract',
  'owners', 'voter', 'phones', 'idNumbers', 'developer',
] as const;
export type RosterField = (typeof rosterFields)[number];

/** The header an export writes for each field; the first alias of each list below. */
export const exportHeaders: Record<Exclude<RosterField, 'area' | 'areaSource'>, string> = {
  building: '楼栋',
  number: '房号',
  use: '用途',
  areaRegistered: '登记面积',
  areaSurveyed: '实测面积',
  areaContract: '合同面积',
  owners: '业主',
  voter: '表决人',
  phones: '电话',
  idNumbers: '身份证',
  developer: '开发商',
};

/** The column order of an export and of the template. */
export const exportFields = Object.keys(exportHeaders) as (keyof typeof exportHeaders)[];

const aliases: Record<RosterField, string[]> = {
  building: ['楼栋', '楼号', '楼栋号', '栋', '幢', 'building', 'bldg'],
  number: ['房号', '房间号', '户号', '室号', '门牌号', 'unitnumber', 'unitno', 'unit', 'number', 'room'],
  use: ['用途', '房屋用途', 'use', 'usage'],
  area: ['面积', '专有面积', '专有部分面积', '建筑面积', 'area'],
  areaSource: ['面积来源', '来源', 'areasource', 'source'],
  areaRegistered: ['登记面积', '不动产登记面积', '产权面积', 'registeredarea'],
  areaSurveyed: ['实测面积', 'surveyedarea'],
  areaContract: ['合同面积', 'contractarea'],
  owners: ['业主', '业主姓名', '产权人', '姓名', 'owner', 'owners', 'ownername', 'ownernames'],
  voter: ['表决人', '投票人', 'voter'],
  phones: ['电话', '联系电话', '手机', '手机号', 'phone', 'phones', 'mobile'],
  idNumbers: ['身份证', '身份证号', '身份证号码', '证件号码', 'id', 'idnumber', 'idnumbers', 'idno'],
  developer: ['开发商', '开发商房源', 'developer', 'developerstatus'],
};

/** Headers compared without case, width, spaces, underscores or a unit in brackets: "面积（㎡）" = "面积". */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]\s*$/u, '')
    .replace(/[\s_\-.:：]/gu, '');
}

const byAlias = new Map<string, RosterField>();
for (const field of rosterFields) for (const a of aliases[field]) byAlias.set(normaliseHeader(a), field);

export const fieldOfHeader = (text: string): RosterField | undefined => byAlias.get(normaliseHeader(text));

export interface HeaderMap {
  /** the header row's spreadsheet row number */
  row: number;
  /** cell index of each recognised field */
  index: Partial<Record<RosterField, number>>;
  /** the header as written, for naming columns in problems */
  label: Partial<Record<RosterField, string>>;
  /** headers the roster does not use; they are ignored */
  ignored: string[];
}

/** True when a row looks like the header: it names the building and the unit number. */
export function looksLikeHeader(cells: string[]): boolean {
  const fields = new Set(cells.map(fieldOfHeader));
  return fields.has('building') && fields.has('number');
}

/** Maps a header row to fields and reports duplicate and missing columns. */
export function resolveHeader(row: number, cells: string[]): { header: HeaderMap; problems: RosterProblem[] } {
  const header: HeaderMap = { row, index: {}, label: {}, ignored: [] };
  const problems: RosterProblem[] = [];
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const field = fieldOfHeader(text);
    if (!field) {
      header.ignored.push(text);
      return;
    }
    if (header.index[field] !== undefined) {
      problems.push({ row, column: text, message: `the same column as "${header.label[field]}"; keep one of them` });
      return;
    }
    header.index[field] = i;
    header.label[field] = text;
  });
  const has = (f: RosterField) => header.index[f] !== undefined;
  const missing = (column: string, message: string) => problems.push({ row, column, message });
  if (!has('owners')) missing('业主', 'required column is missing (业主 / owner)');
  const separateAreas = has('areaRegistered') || has('areaSurveyed') || has('areaContract');
  if (!has('area') && !separateAreas) {
    missing('面积', 'required column is missing: give 面积 with 面积来源, or 登记面积 / 实测面积 / 合同面积');
  }
  if (has('area') && !has('areaSource')) {
    missing('面积来源', `required column is missing: "${header.label.area}" needs 面积来源 (不动产登记, 实测 or 合同)`);
  }
  return { header, problems };
}
