import type { areaSources, holderStatuses, unitUses } from '../../../../../contracts/registry.ts';

// Pure: reading one cell of the roster. Each parser returns a value or a message that quotes what
// was written, so a problem reads `row 7, 面积: "12.345" has more than two decimals`.

export type CellValue = string | number | null;
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export type UnitUse = (typeof unitUses)[number];
export type HolderStatus = (typeof holderStatuses)[number];
export type AreaSource = (typeof areaSources)[number];

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A cell as trimmed text; numbers as JavaScript prints them (88.5, 101). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

/** Building names and unit numbers: full-width digits and letters folded, spaces collapsed. */
export function normaliseName(value: CellValue): string {
  return cellText(value).normalize('NFKC').replace(/\s+/gu, ' ');
}

/** The separators between co-owners, and between their phones and ID numbers. */
const SEPARATORS = /[、;,；，]/u;

/** Splits a list cell, keeping empty slots ("、139…" leaves the first owner without a phone). */
export function splitList(value: CellValue): string[] {
  const text = cellText(value);
  return text ? text.split(SEPARATORS).map((s) => s.trim()) : [];
}

const MAX_AREA_CENTI = 100_000_00;

/** "88.5" → 8850: a positive decimal in m² with at most two decimals, kept as an integer of 0.01 m². */
export function parseArea(value: CellValue): Parsed<number> {
  const written = cellText(value);
  const text = written.normalize('NFKC').replace(/\s*(㎡|m²|m2|平方米|平米)$/iu, '');
  if (/^-\d/.test(text)) return fail(`"${written}" must be a positive number`);
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return fail(`"${written}" is not a number`);
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return fail(`"${written}" has more than two decimals`);
  const centi = Number(m[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (centi === 0) return fail(`"${written}" must be greater than zero`);
  if (centi > MAX_AREA_CENTI) return fail(`"${written}" is larger than 100000 m²`);
  return ok(centi);
}

function lookup<T>(table: Record<string, T>, choices: string) {
  return (value: CellValue, what: string): Parsed<T> => {
    const written = cellText(value);
    const hit = table[written.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')];
    return hit === undefined ? fail(`"${written}" is not a known ${what}; use ${choices}`) : ok(hit);
  };
}

const useTable: Record<string, UnitUse> = {
  住宅: 'residential', 居住: 'residential', residential: 'residential',
  商业: 'commercial', 商铺: 'commercial', 商用: 'commercial', commercial: 'commercial',
  车位: 'parking', 车库: 'parking', 停车位: 'parking', parking: 'parking',
};
/** Empty means residential. */
export function parseUse(value: CellValue): Parsed<UnitUse> {
  return cellText(value) ? lookup(useTable, '住宅, 商业 or 车位')(value, 'use') : ok('residential');
}

const sourceTable: Record<string, AreaSource> = {
  不动产登记: 'registered', 登记: 'registered', 产权登记: 'registered', registered: 'registered',
  实测: 'surveyed', surveyed: 'surveyed',
  合同: 'contract', 购房合同: 'contract', contract: 'contract',
};
export const parseAreaSource = (value: CellValue) => lookup(sourceTable, '不动产登记, 实测 or 合同')(value, 'area source');

const developerTable: Record<string, HolderStatus> = {
  否: 'owned', no: 'owned',
  未售: 'developer_unsold', 开发商未售: 'developer_unsold', unsold: 'developer_unsold', developer_unsold: 'developer_unsold',
  已售未交付: 'sold_not_delivered', 未交付: 'sold_not_delivered', sold_not_delivered: 'sold_not_delivered',
};
/** Empty means the unit is owned by the people in 业主. */
export function parseDeveloper(value: CellValue): Parsed<HolderStatus> {
  return cellText(value) ? lookup(developerTable, '未售 or 已售未交付 (or leave empty)')(value, 'developer status') : ok('owned');
}

/** A mainland mobile number (11 digits, +86 allowed) or a landline with its area code. */
export function parsePhone(text: string): Parsed<string> {
  const compact = text.normalize('NFKC').replace(/[\s\-()]/gu, '');
  const mobile = /^(?:\+?86)?(1\d{10})$/.exec(compact);
  if (mobile) return ok(mobile[1]);
  if (/^0\d{9,11}$/.test(compact)) return ok(compact);
  return fail(`"${text}" is not a phone number (an 11-digit mobile, or a landline with its area code)`);
}

/** Shows an ID number without its middle, so problems never repeat a full number. */
export function maskIdNumber(text: string): string {
  return text.length > 8 ? `${text.slice(0, 3)}${'*'.repeat(text.length - 7)}${text.slice(-4)}` : text;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of an 18-character resident ID (GB 11643, ISO 7064 MOD 11-2). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export interface IdNumber {
  /** the full number in its 18-character form, to be hashed; null when only the last digits were given */
  full: string | null;
  last4: string;
}

/**
 * A full resident ID (18 characters, or the old 15 digits, which are converted so both forms of one
 * person's number hash alike) or only its last 4–6 characters.
 */
export function parseIdNumber(value: string | number): Parsed<IdNumber> {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    return fail(`"${maskIdNumber(String(value))}" lost its last digits: Excel stored the ID number as a number; format the column as text and enter it again`);
  }
  const text = String(value).normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(text)) {
    if (idCheckCharacter(text) !== text[17]) return fail(`"${maskIdNumber(text)}" has a wrong check digit`);
    return ok({ full: text, last4: text.slice(-4) });
  }
  if (/^\d{15}$/.test(text)) {
    const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
    const full = first17 + idCheckCharacter(first17);
    return ok({ full, last4: full.slice(-4) });
  }
  if (/^\d{3,5}[\dX]$/.test(text)) return ok({ full: null, last4: text.slice(-4) });
  return fail(`"${maskIdNumber(text)}" is not an ID number: give all 18 characters or the last 4`);
}
