// Building blocks of the demo workbook: a seeded PRNG and generators of realistic Chinese identifiers (unified
// social credit codes with both check characters, CN mobile and landline numbers). Pure: the same seed always gives
// the same values, so demo workbooks and benchmarks are reproducible.
import { dayNumber, type IsoDay } from '../../src/domain/day';

/** mulberry32: tiny, fast and good enough for sample data; never use it for anything secret. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

/** Stable in-place sort by an ISO day, comparing precomputed day numbers (string compares dominate otherwise). */
export function sortByDay<T>(items: T[], day: (item: T) => IsoDay): void {
  const keyed = items.map((item, i) => ({ item, k: dayNumber(day(item)) * 1e7 + i }));
  keyed.sort((a, b) => a.k - b.k);
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i].item;
}

// GB 32100-2015: 18 characters from this 31-character alphabet (no I, O, S, V, Z).
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714: the embedded 9-character organization code has its own mod-11 check character.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a unified social credit code for its first 17. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

function orgCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += USCC_CHARS.indexOf(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A valid code for an enterprise ("91") registered in `division` (6-digit administrative code). */
export function makeUscc(rng: Rng, division: string): string {
  const org8 = rng.digits(8);
  const first17 = `91${division}${org8}${orgCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

const MOBILE_PREFIXES = ['135', '136', '138', '139', '150', '152', '158', '177', '186', '188', '189', '199'];

export function makeMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

export function makeLandline(rng: Rng, areaCode: string): string {
  return `${areaCode}-${String(rng.int(2, 8))}${rng.digits(7)}`;
}

export function makeInternational(rng: Rng): string {
  return rng.pick(['+852', '+65', '+44', '+1']) + rng.digits(rng.int(8, 10));
}
