/**
 * Areas (and share or vote weights) are integers of hundredths: 88.50 m² is 8850 centi-m².
 * They enter as decimal strings with at most two decimals and leave formatted the same way, so a
 * recount reproduces the published figures character for character.
 */
import { fail, ok, type Result } from './result.ts';

/** The sources of a unit's area, in the order the court's interpretation prefers them. */
export const AREA_SOURCES = ['registered', 'surveyed', 'contract'] as const;
export type AreaSource = (typeof AREA_SOURCES)[number];

/** The area sources that exist for one unit, each in centi-m². */
export type AreaSources = Partial<Record<AreaSource, bigint>>;

export interface ChosenArea {
  centi: bigint;
  source: AreaSource;
}

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;
const TOO_PRECISE = /^\d+\.\d{3,}$/;

/**
 * "88.5" → 8850n. Only plain non-negative decimals: no sign, exponent, spaces or grouping,
 * because any of those would mean guessing what the exporter meant. `path` names the field in
 * the error message.
 */
export function parseCenti(text: unknown, path: string): Result<bigint> {
  if (typeof text !== 'string') {
    return fail(path, `${describe(text)} must be a decimal string such as "88.50"`);
  }
  if (TOO_PRECISE.test(text)) return fail(path, `"${text}" has more than two decimals`);
  const match = DECIMAL.exec(text);
  if (!match) return fail(path, `"${text}" is not a decimal number such as "88.50"`);
  const [, units, fraction = ''] = match;
  return ok(BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0')));
}

/** 104200n → "1042.00": always exactly two decimals. */
export function formatCenti(centi: bigint): string {
  const sign = centi < 0n ? '-' : '';
  const magnitude = centi < 0n ? -centi : centi;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${sign}${magnitude / 100n}.${fraction}`;
}

/**
 * The area that counts for a unit: registered, else surveyed, else contract (法释〔2009〕7号
 * Art. 8). Returns the source so that the explanation can show it; undefined when none exists.
 */
export function chooseArea(sources: AreaSources): ChosenArea | undefined {
  for (const source of AREA_SOURCES) {
    const centi = sources[source];
    if (centi !== undefined) return { centi, source };
  }
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return typeof value;
}
