/**
 * Live participation for the convener: how many owners (heads) and how much area have returned
 * a ballot, against the preset's participation quorum, and what is still missing, in numbers and
 * in words. Participation only: nothing here knows a choice. Exact arithmetic, as in the tally.
 */
import { formatCenti } from './area.ts';
import type { Tests } from './presets.ts';
import { describeThreshold, meets, type Threshold } from './rational.ts';

export interface Figures {
  area: bigint;
  heads: bigint;
}

export interface MeasureProgress {
  value: bigint;
  total: bigint;
  /** what must still be added to meet the threshold: heads, or area in 0.01 m²; 0 when met */
  needed: bigint;
  met: boolean;
  threshold: string;
}

export interface QuorumProgress {
  met: boolean;
  area: MeasureProgress;
  heads: MeasureProgress;
  words: { zh: string; en: string };
}

/**
 * The least x with (value + x)/total meeting the threshold. "At least p/q": (v+x)·q ≥ p·T.
 * "More than p/q": (v+x)·q > p·T. Never negative.
 */
export function stillNeeded(threshold: Threshold | undefined, value: bigint, total: bigint): bigint {
  if (!threshold) return 0n;
  const p = BigInt(threshold.p);
  const q = BigInt(threshold.q);
  const shortfall = p * total - value * q;
  if (threshold.compare === 'atLeast') return shortfall <= 0n ? 0n : (shortfall + q - 1n) / q;
  return shortfall < 0n ? 0n : shortfall / q + 1n;
}

function measure(tests: Tests, key: 'area' | 'heads', participating: Figures, total: Figures): MeasureProgress {
  const threshold = tests[key];
  const value = participating[key];
  const whole = total[key];
  return {
    value,
    total: whole,
    needed: stillNeeded(threshold, value, whole),
    met: threshold === undefined || meets(threshold, value, whole),
    threshold: describeThreshold(threshold),
  };
}

export function quorumProgress(tests: Tests, participating: Figures, total: Figures): QuorumProgress {
  const area = measure(tests, 'area', participating, total);
  const heads = measure(tests, 'heads', participating, total);
  const met = area.met && heads.met;
  const hasQuorum = tests.area !== undefined || tests.heads !== undefined;
  return { met, area, heads, words: gapWords(hasQuorum, heads.needed, area.needed) };
}

/** "还差 37 户 / 1,240.50 m²" and "37 owners / 1,240.50 m² still needed". */
export function gapWords(hasQuorum: boolean, heads: bigint, areaCenti: bigint): { zh: string; en: string } {
  if (!hasQuorum) return { zh: '本规则不设参与表决比例', en: 'this rule sets no participation quorum' };
  if (heads === 0n && areaCenti === 0n) return { zh: '已达到参与表决比例', en: 'participation quorum reached' };
  const zhParts: string[] = [];
  const enParts: string[] = [];
  if (heads > 0n) {
    zhParts.push(`${groupThousands(heads.toString())} 户`);
    enParts.push(`${groupThousands(heads.toString())} ${heads === 1n ? 'owner' : 'owners'}`);
  }
  if (areaCenti > 0n) {
    zhParts.push(`${formatArea(areaCenti)} m²`);
    enParts.push(`${formatArea(areaCenti)} m²`);
  }
  return { zh: `还差 ${zhParts.join(' / ')}`, en: `${enParts.join(' / ')} still needed` };
}

/** 124050n → "1,240.50": for words only; figures cross the API as plain "1240.50". */
export function formatArea(centi: bigint): string {
  const [whole, fraction] = formatCenti(centi).split('.');
  return `${groupThousands(whole)}.${fraction}`;
}

function groupThousands(digits: string): string {
  const negative = digits.startsWith('-');
  const body = negative ? digits.slice(1) : digits;
  return (negative ? '-' : '') + body.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
