// Date serials (days since 1899-12-30, wall-clock in the SPREADSHEET's time zone) ↔ instants. The emulator runs on
// Node, so Intl is fine here (only the add-on bundle must avoid it). gas-runtime-notes §1: "Date objects are stored
// as date serials … in the spreadsheet's time zone"; gas-fakes ignores the zone — we deliberately do not.

export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True when Node knows the IANA zone name. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Offset (wall clock − UTC) in ms at an instant; cached per hour (zone changes happen on hour boundaries). */
export function zoneOffsetMs(tz: string, ms: number): number {
  let cache = offsetCache.get(tz);
  if (!cache) {
    cache = new Map();
    offsetCache.set(tz, cache);
  }
  const bucket = Math.floor(ms / HOUR_MS);
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const at = bucket * HOUR_MS;
  const p: Record<string, string> = {};
  for (const part of formatter(tz).formatToParts(new Date(at))) p[part.type] = part.value;
  let year = +p.year;
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const wall = Date.UTC(year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const off = wall - at;
  cache.set(bucket, off);
  return off;
}

export function msToSerial(ms: number, tz: string): number {
  return (ms + zoneOffsetMs(tz, ms) - SERIAL_EPOCH_MS) / DAY_MS;
}

/**
 * The instant whose wall clock in `tz` is the serial. A wall time that occurs twice (autumn) maps to the earlier
 * instant; one skipped by DST (spring) maps forward, as java.time (and so Apps Script) resolves them.
 */
export function serialToMs(serial: number, tz: string): number {
  // getValues turns every date cell of a sheet into a Date: ledgers repeat the same days, so the answer (a pure
  // function of serial and zone) is memoized per zone, bounded so stamps that never repeat cannot grow it forever.
  let memo = serialMemo.get(tz);
  if (!memo) {
    memo = new Map();
    serialMemo.set(tz, memo);
  }
  let ms = memo.get(serial);
  if (ms === undefined) {
    if (memo.size >= SERIAL_MEMO_MAX) memo.clear();
    ms = serialToMsExact(serial, tz);
    memo.set(serial, ms);
  }
  return ms;
}

const SERIAL_MEMO_MAX = 200_000;
const serialMemo = new Map<string, Map<number, number>>();

function serialToMsExact(serial: number, tz: string): number {
  const wall = Math.round(serial * DAY_MS + SERIAL_EPOCH_MS);
  const before = zoneOffsetMs(tz, wall - DAY_MS);
  const after = zoneOffsetMs(tz, wall + DAY_MS);
  if (before === after) {
    const t = wall - before;
    if (t + zoneOffsetMs(tz, t) === wall) return t;
    return wall - zoneOffsetMs(tz, t); // a zone change more than a day away from the guess
  }
  const tBefore = wall - before;
  const tAfter = wall - after;
  const okBefore = tBefore + zoneOffsetMs(tz, tBefore) === wall;
  const okAfter = tAfter + zoneOffsetMs(tz, tAfter) === wall;
  if (okBefore && okAfter) return Math.min(tBefore, tAfter);
  if (okBefore) return tBefore;
  if (okAfter) return tAfter;
  return wall - Math.min(before, after);
}

export interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  weekday: number; // 0 = Sunday
}

/** Wall-clock fields of a serial (no zone involved: the serial already is wall time). */
export function serialParts(serial: number): WallClock {
  const ms = Math.round(serial * DAY_MS) + SERIAL_EPOCH_MS;
  const dt = new Date(Math.round(ms / 1000) * 1000);
  return {
    y: dt.getUTCFullYear(),
    mo: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    h: dt.getUTCHours(),
    mi: dt.getUTCMinutes(),
    s: dt.getUTCSeconds(),
    weekday: dt.getUTCDay(),
  };
}

/** Serial of a wall-clock date/time, or null when the fields are not a real calendar date. */
export function wallToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return (ms - SERIAL_EPOCH_MS) / DAY_MS;
}
