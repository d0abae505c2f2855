// The next id of a sheet's series (PRODUCT.md §1, §13). A team that imported its ERP's ids (INV-2026-02034,
// KH0815, 0000611365) expects the next invoice it enters to continue that series, not to start a parallel
// `INV-000001`. The series is the one the sheet's latest id belongs to: its text up to the trailing digits, with the
// digit count as the minimum width. Pure: the caller passes the ids in sheet order.

export interface IdSeries {
  /** Everything before the trailing digits, e.g. `INV-2026-`. */
  readonly prefix: string;
  /** Zero-padded width of the number, e.g. 5 for `02034`. */
  readonly width: number;
}

const TRAILING_DIGITS = /^(.*?)(\d+)$/;

/** The series of one id, or null when the id does not end in digits (such ids start no series). */
export function seriesOf(id: string): IdSeries | null {
  const m = TRAILING_DIGITS.exec(id.trim());
  return m ? { prefix: m[1], width: m[2].length } : null;
}

/**
 * One above the highest number of the series of the last id in `existing` that ends in digits; the default series
 * `{defaultPrefix}-000001` when there is none. Never returns an id that is already taken (whatever its padding).
 */
export function nextIdInSeries(defaultPrefix: string, existing: Iterable<string>): string {
  // Indexed loops, not for…of: this code runs cold in every execution and an iterator step per id is slow there.
  const list = Array.isArray(existing) ? (existing as readonly string[]) : [...existing];
  const ids: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const id = String(list[i]).trim();
    if (id) ids.push(id);
  }
  // The series of the last id ending in digits: found from the end (a save passes every id of a 50,000-row sheet).
  let series: IdSeries | null = null;
  for (let i = ids.length - 1; i >= 0 && !series; i--) series = seriesOf(ids[i]);
  const { prefix, width } = series ?? { prefix: `${defaultPrefix}-`, width: 6 };
  let max = 0;
  const p = prefix.length;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id.length > p && id.startsWith(prefix)) {
      const v = digitsValue(id, p);
      if (v > max) max = v;
    }
  }
  let n = max + 1;
  let next = `${prefix}${String(n).padStart(width, '0')}`;
  // Above the series' highest number nothing can be taken; the scan guards numbers too long to compare exactly.
  while (ids.includes(next)) next = `${prefix}${String(++n).padStart(width, '0')}`;
  return next;
}

/** The number `id` spells from `from` on when that rest is all ASCII digits (as Number() reads it), else 0. */
function digitsValue(id: string, from: number): number {
  let n = 0;
  for (let k = from; k < id.length; k++) {
    const d = id.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  // Up to 15 digits the sum is exact; longer numbers are rounded as Number() rounds them.
  return id.length - from > 15 ? Number(id.slice(from)) : n;
}
