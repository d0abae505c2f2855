// Date → text in the spreadsheet's time zone without one Utilities.formatDate per cell (a service call in a loop
// over rows). The zone's UTC offset is asked once per UTC-day boundary ('Z' pattern) and memoized; when the offsets
// at the start of a UTC day and of the next one agree, every instant of that day is the same offset away from UTC
// and its wall time is plain arithmetic. A day's first value is formatted exactly (one call, cheaper than two
// boundary calls for days holding a single value, such as birth dates). Days whose two offsets differ (a DST change), instants before 1970 (zones
// then had second-level offsets) and anything unparsable fall back to the exact per-value call, memoized.

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
const DAY_PATTERN = 'yyyy-MM-dd';
const STAMP_PATTERN = 'yyyy-MM-dd HH:mm:ss';
const OFFSET = /^([+-])(\d{2})(\d{2})$/;
const SEEN = 'seen';

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

/**
 * A formatter for one execution. `timeZone` is called at most once; `format` defaults to Utilities.formatDate and
 * is injectable so tests can count calls and compare against the exact per-value result.
 */
export function zoneFormat(timeZone: () => string, format?: Formatter): ZoneFormat {
  const fmt: Formatter = format ?? ((d, z, p) => Utilities.formatDate(d, z, p));
  let tz: string | undefined;
  const zone = (): string => {
    if (tz === undefined) tz = timeZone();
    return tz;
  };
  /** Offset in minutes at a UTC-day boundary, or null when the service's answer cannot be read. */
  const offsets = new Map<number, number | null>();
  const exact = new Map<string, string>();

  const offsetAt = (boundary: number): number | null => {
    let off = offsets.get(boundary);
    if (off === undefined) {
      const m = OFFSET.exec(fmt(new Date(boundary), zone(), 'Z'));
      off = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
      offsets.set(boundary, off);
    }
    return off;
  };

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
  /** Per UTC day: its uniform offset, null (not uniform), or SEEN (one value so far, formatted exactly). */
  const dayOff = new Map<number, number | null | typeof SEEN>();
  // The last UTC day used and its offset: consecutive cells often share a day.
  let lastStart = Number.NaN;
  let lastOff: number | null = null;
  const text = (date: Date, withTime: boolean): string => {
    const ms = date.getTime();
    if (!Number.isFinite(ms) || ms < 0) return exactText(date, withTime);
    const start = Math.floor(ms / DAY_MS) * DAY_MS;
    if (start !== lastStart) {
      let off = dayOff.get(start);
      // A day's first value costs one exact call; its two boundary offsets (two calls) only pay off from the second.
      if (off === undefined) {
        dayOff.set(start, SEEN);
        return exactText(date, withTime);
      }
      if (off === SEEN) {
        const known = exact.get(`${withTime ? STAMP_PATTERN : DAY_PATTERN}:${ms}`);
        if (known !== undefined) return known;
        const a = offsetAt(start);
        off = a !== null && a === offsetAt(start + DAY_MS) ? a : null;
        dayOff.set(start, off);
      }
      lastStart = start;
      lastOff = off;
    }
    return lastOff !== null ? wall(ms + lastOff * 60000, withTime) : exactText(date, withTime);
  };

  return {
    day: (d) => text(d, false),
    stamp: (d) => text(d, true),
    get timeZone() {
      return zone();
    },
  };
}
