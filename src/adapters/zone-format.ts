// Date → text in the spreadsheet's time zone without a Utilities.formatDate per value (a service call in a loop over
// rows, gas-runtime-notes §12). A zone's UTC offset is piecewise constant: it changes only at transitions (DST,
// law changes). Time is cut into fixed windows of WINDOW_MS; a window whose two ends have the same offset ('Z'
// pattern, one call per end, shared with the neighbouring window) is uniform, and its wall times are arithmetic. A
// window whose ends differ holds a transition: it is found by bisection to the minute (≈ 14 calls), and the minute
// around it is formatted exactly, value by value. The first value of a window none of whose ends is known yet is
// formatted exactly (one call, cheaper than two ends for a lone date such as a birth date), until that proves
// wasteful (the dates are dense).
//
// The one assumption: a change of offset that is undone (an excursion: X → Y → X) inside one window, touching
// neither of its ends, would be invisible. Windows are 12 days long and aligned on the epoch; in the IANA tz
// database (Node's copy, the data Java's comes from) every excursion shorter than that — Brazil's one- and two-week
// DST of October 2000, Tucumán 2004, Tunis and Tirana 1943, Vienna 1945 — contains a window boundary, so is seen
// (scanned 1900–2040 at 6-hour steps; test/adapters/zone-format.test.ts formats each of them against the exact
// per-value formatter). Inside a window there is then no excursion, so its offsets never repeat, which is what the
// bisection relies on. Before 1972 some zones had offsets with seconds, which 'Z' cannot show: there each uniform
// stretch is checked once against an exact 'yyyy-MM-dd HH:mm:ss' call, and formatted value by value when they
// disagree. Instants before 1900 (local mean times, Julian dates) are formatted value by value.

export type Formatter = (date: Date, timeZone: string, pattern: string) => string;

export interface ZoneFormat {
  /** 'yyyy-MM-dd' in the zone. */
  day(date: Date): string;
  /** 'yyyy-MM-dd HH:mm:ss' in the zone. */
  stamp(date: Date): string;
  /** The zone's name (fetched once, lazily). */
  readonly timeZone: string;
}

const DAY_MS = 86400000;
const MINUTE_MS = 60000;
/** Window length, with boundaries at multiples of it from the epoch (see the assumption above). */
export const WINDOW_MS = 12 * DAY_MS;
/** Earlier instants are formatted value by value. */
const ARITHMETIC_FROM = Date.UTC(1900, 0, 1);
/** Before this instant (1972-06-01) an offset may carry seconds: uniform windows are checked with one exact call. */
const WHOLE_MINUTES_FROM = Date.UTC(1972, 5, 1);
const DAY_PATTERN = 'yyyy-MM-dd';
const STAMP_PATTERN = 'yyyy-MM-dd HH:mm:ss';
const OFFSET = /^([+-])(\d{2})(\d{2})$/;

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'yyyy-MM-dd' of a day number (days since 1970-01-01), memoized: ledgers repeat the same days. */
const dayTexts = new Map<number, string>();
function dayText(dayNo: number): string {
  let s = dayTexts.get(dayNo);
  if (s === undefined) {
    const d = new Date(dayNo * DAY_MS);
    s = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    dayTexts.set(dayNo, s);
  }
  return s;
}

/** The wall-clock text of `localMs` (already shifted by the offset); seconds truncated as SimpleDateFormat does. */
function wall(localMs: number, withTime: boolean): string {
  const dayNo = Math.floor(localMs / DAY_MS);
  const day = dayText(dayNo);
  if (!withTime) return day;
  const sec = Math.floor((localMs - dayNo * DAY_MS) / 1000);
  return `${day} ${pad(Math.floor(sec / 3600))}:${pad(Math.floor(sec / 60) % 60)}:${pad(sec % 60)}`;
}

/** A stretch [from, to) of one window: its offset in minutes, or null (each value formatted exactly). */
interface Segment {
  readonly from: number;
  readonly to: number;
  readonly off: number | null;
}

const SEEN = 'seen';

/**
 * A formatter for one execution. `timeZone` is called at most once; `format` defaults to Utilities.formatDate and
 * is injectable so tests can count calls and compare against the exact per-value result.
 */
export function zoneFormat(timeZone: () => string, format?: Formatter, windowMs = WINDOW_MS): ZoneFormat {
  const fmt: Formatter = format ?? ((d, z, p) => Utilities.formatDate(d, z, p));
  let tz: string | undefined;
  const zone = (): string => {
    if (tz === undefined) tz = timeZone();
    return tz;
  };
  /** Offset in minutes at an instant, or null when the service's answer cannot be read. */
  const offsets = new Map<number, number | null>();
  const offsetAt = (ms: number): number | null => {
    let off = offsets.get(ms);
    if (off === undefined) {
      const m = OFFSET.exec(fmt(new Date(ms), zone(), 'Z'));
      off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
      offsets.set(ms, off);
    }
    return off;
  };

  const exact = new Map<string, string>();
  const exactText = (date: Date, withTime: boolean): string => {
    const pattern = withTime ? STAMP_PATTERN : DAY_PATTERN;
    const key = `${pattern}:${date.getTime()}`;
    let s = exact.get(key);
    if (s === undefined) {
      s = fmt(date, zone(), pattern);
      exact.set(key, s);
    }
    return s;
  };

  /** Segments of [lo, hi) given the offsets at both ends (`b` is the offset at hi, the next window's start). */
  const split = (lo: number, a: number | null, hi: number, b: number | null, out: Segment[]): void => {
    if (a === null) {
      out.push({ from: lo, to: hi, off: null });
      return;
    }
    if (a === b) {
      out.push({ from: lo, to: hi, off: a });
      return;
    }
    // Bisection on whole minutes for the first instant whose offset is not `a`: off(l) = a, off(h) ≠ a.
    let l = lo;
    let h = hi;
    while (h - l > MINUTE_MS) {
      let mid = Math.floor((l + h) / 2 / MINUTE_MS) * MINUTE_MS;
      if (mid <= l) mid = l + MINUTE_MS;
      if (mid >= h) break;
      if (offsetAt(mid) === a) l = mid;
      else h = mid;
    }
    out.push({ from: lo, to: l + 1, off: a });
    if (h > l + 1) out.push({ from: l + 1, to: h, off: null });
    if (h < hi) split(h, offsetAt(h), hi, b, out);
  };

  /** Checks a uniform segment of the seconds era once against the exact formatter (see the header). */
  const verified = (s: Segment): Segment => {
    if (s.off === null || s.from >= WHOLE_MINUTES_FROM) return s;
    const probe = new Date(s.from);
    return exactText(probe, true) === wall(s.from + s.off * MINUTE_MS, true) ? s : { ...s, off: null };
  };

  /** Per window: its segments, or SEEN (one value so far, formatted exactly). */
  const windows = new Map<number, Segment[] | typeof SEEN>();
  const segmentsOf = (k: number): Segment[] => {
    const lo = k * windowMs;
    const hi = lo + windowMs;
    const out: Segment[] = [];
    split(lo, offsetAt(lo), hi, offsetAt(hi), out);
    const segs = out.map(verified);
    windows.set(k, segs);
    return segs;
  };

  // The last segment used: consecutive cells often fall in the same one.
  let last: Segment | null = null;
  /** Windows whose first value was formatted exactly, and how many of them needed their ends after all. */
  let seen = 0;
  let wasted = 0;
  const text = (date: Date, withTime: boolean): string => {
    const ms = date.getTime();
    if (!Number.isFinite(ms) || ms < ARITHMETIC_FROM) return exactText(date, withTime);
    let seg = last !== null && ms >= last.from && ms < last.to ? last : null;
    if (!seg) {
      const k = Math.floor(ms / windowMs);
      let w = windows.get(k);
      if (w === undefined) {
        // A lone value costs one exact call, where its window's two end offsets would cost two; but when a
        // neighbour already asked one of them (dates are dense in a ledger), the window costs at most one more.
        // Lone values pay only while they stay lone: once half the windows treated so got a second value anyway
        // (the dates are dense), windows are resolved at once.
        const lone = seen < 2 || wasted * 2 < seen;
        if (lone && !offsets.has(k * windowMs) && !offsets.has((k + 1) * windowMs)) {
          windows.set(k, SEEN);
          seen++;
          return exactText(date, withTime);
        }
        w = segmentsOf(k);
      }
      if (w === SEEN) {
        const known = exact.get(`${withTime ? STAMP_PATTERN : DAY_PATTERN}:${ms}`);
        if (known !== undefined) return known;
        wasted++;
        w = segmentsOf(k);
      }
      seg = w.find((s) => ms >= s.from && ms < s.to) ?? null;
      if (!seg) return exactText(date, withTime);
      last = seg;
    }
    return seg.off !== null ? wall(ms + seg.off * MINUTE_MS, withTime) : exactText(date, withTime);
  };

  return {
    day: (d) => text(d, false),
    stamp: (d) => text(d, true),
    get timeZone() {
      return zone();
    },
  };
}
