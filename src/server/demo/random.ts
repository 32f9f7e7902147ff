import { createHash } from 'node:crypto';

// Everything in the demo derives from one integer seed: the same seed gives the same rows,
// ids included, on any machine and database. No Math.random, no randomUUID, no clock.

/** 32-bit FNV-1a of a string: turns a seed and a path into the seed of one PRNG stream. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for plausible fake data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG with the helpers the generators need. */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** a stream of its own for one named part, so parts do not shift each other */
  static for(seed: number, path: string): Rng {
    return new Rng(hash32(`${seed}/${path}`));
  }
  float(): number {
    return this.next();
  }
  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** picks by weight; weights need not sum to 1 */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** k distinct items (fewer if the list is shorter) */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle([...items]).slice(0, k);
  }
}

/**
 * A UUID derived from the seed and a path such as "c12/unit/345": v4-shaped (version and
 * variant bits set) so every validator accepts it, but reproducible.
 */
export function demoUuid(seed: number, path: string): string {
  const b = createHash('md5').update(`siyi-demo/${seed}/${path}`).digest();
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Splits total into n integers that differ by at most one, the larger ones placed at random. */
export function spread(total: number, n: number, rng: Rng): number[] {
  const base = Math.floor(total / n);
  const out = new Array<number>(n).fill(base);
  for (const i of rng.sample([...out.keys()], total - base * n)) out[i]++;
  return out;
}

/** A date string (YYYY-MM-DD) a number of days after another. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of a term of `years` years that starts on isoDate. */
export function termEnd(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return addDays(new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10), -1);
}

/** A random date in [from, to] (inclusive, YYYY-MM-DD). */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}
