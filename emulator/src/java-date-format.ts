// Java SimpleDateFormat, as Utilities.formatDate/parseDate use it (gas-runtime-notes §10), in any IANA zone.
// The emulator runs on Node, so Intl supplies zone offsets here; the add-on itself must not use Intl.

const FMT_CACHE = new Map<string, Intl.DateTimeFormat>();
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface ZoneFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 = Monday … 7 = Sunday (ISO, as Apps Script's time-driven event object). */
  weekday: number;
  offsetMinutes: number;
}

function fixedOffset(tz: string): number | null {
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Z') return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatter(tz: string): Intl.DateTimeFormat | null {
  let f = FMT_CACHE.get(tz);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
  } catch {
    return null;
  }
  FMT_CACHE.set(tz, f);
  return f;
}

/** Whether Java (and so Apps Script) knows the zone id. */
export function isValidTimeZone(tz: string): boolean {
  return fixedOffset(tz) !== null || formatter(tz) !== null;
}

/** Wall-clock fields of `ms` in `tz`. Unknown zones fall back to GMT, as java.util.TimeZone does. */
export function zoneFields(ms: number, tz: string): ZoneFields {
  const fixed = fixedOffset(tz);
  const f = fixed === null ? formatter(tz) : null;
  if (!f) {
    const d = new Date(ms + (fixed ?? 0) * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: ((d.getUTCDay() + 6) % 7) + 1,
      offsetMinutes: fixed ?? 0,
    };
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday,
    offsetMinutes: Math.round((asUtc - ms) / 60000),
  };
}

/** The instant whose wall clock in `tz` reads the given fields (the earlier one in a DST overlap). */
export function wallToMs(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  msPart: number,
  tz: string,
): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s, msPart);
  let ms = guess - zoneFields(guess, tz).offsetMinutes * 60000;
  const second = guess - zoneFields(ms, tz).offsetMinutes * 60000;
  if (second !== ms) ms = Math.min(ms, second);
  return ms;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(min: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (min === 0 && style !== 'Z') return 'Z';
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  const hh = pad(Math.floor(a / 60), 2);
  const mm = pad(a % 60, 2);
  if (style === 'X') return sign + hh;
  return style === 'XXX' ? `${sign}${hh}:${mm}` : sign + hh + mm;
}

function zoneName(ms: number, tz: string, offsetMinutes: number, long: boolean): string {
  if (tz === 'Asia/Shanghai' || tz === 'Asia/Chongqing' || tz === 'PRC') return long ? 'China Standard Time' : 'CST';
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      timeZoneName: long ? 'long' : 'short',
    }).formatToParts(new Date(ms));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (!/^GMT[+-]/.test(name)) return name === 'UTC' ? 'UTC' : name;
  } catch {
    // unknown zone: Java prints the GMT offset
  }
  return `GMT${offsetText(offsetMinutes, 'XXX').replace('Z', '+00:00')}`;
}

interface Token {
  letter: string | null;
  count: number;
  text: string;
}

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out.push({ letter: null, count: 0, text: "'" });
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      const stop = end < 0 ? pattern.length : end;
      out.push({ letter: null, count: 0, text: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if (!'GyYMLwWDdFEuaHkKhmsSzZX'.includes(c)) throw new Error(`Illegal pattern character '${c}'`);
      out.push({ letter: c, count: j - i, text: '' });
      i = j;
    } else {
      out.push({ letter: null, count: 0, text: c });
      i++;
    }
  }
  return out;
}

function dayOfYear(f: ZoneFields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
}

/** Utilities.formatDate: `pattern` in Java SimpleDateFormat syntax, wall clock in `tz`. */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const f = zoneFields(ms, tz);
  return tokenize(pattern)
    .map((t) => {
      const n = t.count;
      switch (t.letter) {
        case null:
          return t.text;
        case 'G':
          return f.year > 0 ? 'AD' : 'BC';
        case 'y':
        case 'Y':
          return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
        case 'M':
        case 'L':
          if (n >= 4) return MONTHS[f.month - 1];
          if (n === 3) return MONTHS[f.month - 1].slice(0, 3);
          return pad(f.month, n);
        case 'd':
          return pad(f.day, n);
        case 'D':
          return pad(dayOfYear(f), n);
        case 'F':
          return pad(Math.ceil(f.day / 7), n);
        case 'E':
          return n >= 4 ? DAYS[f.weekday - 1] : DAYS[f.weekday - 1].slice(0, 3);
        case 'u':
          return pad(f.weekday, n);
        case 'a':
          return f.hour < 12 ? 'AM' : 'PM';
        case 'H':
          return pad(f.hour, n);
        case 'k':
          return pad(f.hour === 0 ? 24 : f.hour, n);
        case 'K':
          return pad(f.hour % 12, n);
        case 'h':
          return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
        case 'm':
          return pad(f.minute, n);
        case 's':
          return pad(f.second, n);
        case 'S':
          return pad(f.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        case 'z':
          return zoneName(ms, tz, f.offsetMinutes, n >= 4);
        case 'Z':
          return offsetText(f.offsetMinutes, 'Z');
        case 'X':
          return offsetText(f.offsetMinutes, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
        default:
          // w, W: week numbers are rarely used in this project; ISO weeks are close enough for an emulator
          return pad(isoWeek(f), n);
      }
    })
    .join('');
}

/** ISO-8601 week number (the time-driven event object's `week-of-year`). */
export function isoWeek(f: Pick<ZoneFields, 'year' | 'month' | 'day'>): number {
  const d = new Date(Date.UTC(f.year, f.month - 1, f.day));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3);
  const thursday = d.getTime();
  d.setUTCMonth(0, 1);
  if (d.getUTCDay() !== 4) d.setUTCMonth(0, 1 + ((4 - d.getUTCDay() + 7) % 7));
  return 1 + Math.ceil((thursday - d.getTime()) / 604800000);
}

/** Utilities.parseDate: parses `text` by `pattern` as wall time in `tz`; throws on mismatch. */
export function parseJavaDate(text: string, tz: string, pattern: string): number {
  const fail = (): never => {
    throw new Error(`Unparseable date: "${text}"`);
  };
  const v = { y: 1970, mo: 1, d: 1, h: 0, mi: 0, s: 0, ms: 0, pm: null as boolean | null, off: null as number | null };
  let i = 0;
  const tokens = tokenize(pattern);
  tokens.forEach((t, idx) => {
    if (t.letter === null) {
      if (text.slice(i, i + t.text.length) !== t.text) fail();
      i += t.text.length;
      return;
    }
    const nextIsNumber = tokens[idx + 1]?.letter && !'MEaz'.includes(tokens[idx + 1].letter ?? '');
    if ((t.letter === 'M' || t.letter === 'L') && t.count >= 3) {
      const rest = text.slice(i).toLowerCase();
      const k = MONTHS.findIndex(
        (m) => rest.startsWith(m.toLowerCase()) || rest.startsWith(m.slice(0, 3).toLowerCase()),
      );
      if (k < 0) fail();
      v.mo = k + 1;
      i += rest.startsWith(MONTHS[k].toLowerCase()) ? MONTHS[k].length : 3;
      return;
    }
    if (t.letter === 'E') {
      const rest = text.slice(i).toLowerCase();
      const k = DAYS.findIndex((m) => rest.startsWith(m.slice(0, 3).toLowerCase()));
      if (k < 0) fail();
      i += rest.startsWith(DAYS[k].toLowerCase()) ? DAYS[k].length : 3;
      return;
    }
    if (t.letter === 'a') {
      const ap = text.slice(i, i + 2).toUpperCase();
      if (ap !== 'AM' && ap !== 'PM') fail();
      v.pm = ap === 'PM';
      i += 2;
      return;
    }
    if (t.letter === 'Z' || t.letter === 'X') {
      const m = /^(Z|([+-])(\d{2}):?(\d{2})?)/.exec(text.slice(i));
      if (!m) fail();
      const mm = m as RegExpExecArray;
      v.off = mm[1] === 'Z' ? 0 : (mm[2] === '-' ? -1 : 1) * (Number(mm[3]) * 60 + Number(mm[4] ?? 0));
      i += mm[0].length;
      return;
    }
    const m = (nextIsNumber ? new RegExp(`^-?\\d{1,${Math.max(t.count, 1)}}`) : /^-?\d+/).exec(text.slice(i));
    if (!m) fail();
    const num = Number((m as RegExpExecArray)[0]);
    i += (m as RegExpExecArray)[0].length;
    const L = t.letter;
    if (L === 'y' || L === 'Y') v.y = t.count === 2 && num < 100 ? 2000 + num : num;
    else if (L === 'M' || L === 'L') v.mo = num;
    else if (L === 'd') v.d = num;
    else if (L === 'H' || L === 'k') v.h = L === 'k' && num === 24 ? 0 : num;
    else if (L === 'h' || L === 'K') v.h = num % 12;
    else if (L === 'm') v.mi = num;
    else if (L === 's') v.s = num;
    else if (L === 'S') v.ms = num;
  });
  if (v.pm) v.h += 12;
  if (v.off !== null) return Date.UTC(v.y, v.mo - 1, v.d, v.h, v.mi, v.s, v.ms) - v.off * 60000;
  return wallToMs(v.y, v.mo, v.d, v.h, v.mi, v.s, v.ms, tz);
}
