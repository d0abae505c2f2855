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
  const ids: string[] = [];
  let series: IdSeries | null = null;
  for (const raw of existing) {
    const id = String(raw).trim();
    if (!id) continue;
    ids.push(id);
    series = seriesOf(id) ?? series;
  }
  const { prefix, width } = series ?? { prefix: `${defaultPrefix}-`, width: 6 };
  const taken = new Set(ids);
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  let n = max + 1;
  let next = `${prefix}${String(n).padStart(width, '0')}`;
  while (taken.has(next)) next = `${prefix}${String(++n).padStart(width, '0')}`;
  return next;
}
