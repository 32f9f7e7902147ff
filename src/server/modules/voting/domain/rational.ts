/**
 * Exact threshold tests. A threshold p/q is never turned into a float: `value / base ≥ p / q`
 * is tested as `value·q ≥ p·base` on bigints, so no rounding can move a vote across a boundary
 * (owners-vote.md §3.5).
 */

export type Comparison = 'atLeast' | 'moreThan';

/** A legal threshold such as "at least 2/3" (以上, includes the boundary) or "more than 1/2" (过半数). */
export interface Threshold {
  compare: Comparison;
  p: number;
  q: number;
}

type Whole = bigint | number;

function whole(n: Whole): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a safe integer`);
  return BigInt(n);
}

/** value / base ≥ p / q, i.e. value·q ≥ p·base. The boundary passes. */
export function atLeast(value: Whole, base: Whole, p: number, q: number): boolean {
  return whole(value) * whole(q) >= whole(p) * whole(base);
}

/** value / base > p / q, i.e. value·q > p·base. The boundary fails. */
export function moreThan(value: Whole, base: Whole, p: number, q: number): boolean {
  return whole(value) * whole(q) > whole(p) * whole(base);
}

export function meets(threshold: Threshold, value: Whole, base: Whole): boolean {
  const test = threshold.compare === 'atLeast' ? atLeast : moreThan;
  return test(value, base, threshold.p, threshold.q);
}

export const atLeastFraction = (p: number, q: number): Threshold => ({ compare: 'atLeast', p, q });
export const moreThanFraction = (p: number, q: number): Threshold => ({ compare: 'moreThan', p, q });

/** "at least 2/3", "more than 1/2", or "none" when the preset sets no such test. */
export function describeThreshold(threshold: Threshold | undefined): string {
  if (!threshold) return 'none';
  const word = threshold.compare === 'atLeast' ? 'at least' : 'more than';
  return `${word} ${threshold.p}/${threshold.q}`;
}
