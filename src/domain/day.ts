// Calendar days as ISO strings ('yyyy-MM-dd') and as day numbers (days since 1970-01-01).
// The domain never sees a Date or a time zone: adapters turn sheet Dates into days in the *spreadsheet's* zone,
// so this arithmetic is identical in Apps Script, Node and the browser.

export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parsed days: a ledger compares the same few thousand days over and over (bounded: cleared when it grows large). */
const parsed = new Map<string, number>();

/** Day number of an ISO day, or NaN when the text is not a real calendar day. */
export function dayNumber(iso: IsoDay): number {
  let n = parsed.get(iso);
  if (n === undefined) {
    if (parsed.size > 50000) parsed.clear();
    n = parseDay(iso);
    parsed.set(iso, n);
  }
  return n;
}

function parseDay(iso: IsoDay): number {
  const m = ISO_DAY.exec(iso);
  if (!m) return Number.NaN;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  return daysFromCivil(y, mo, d);
}

export function isIsoDay(text: string): boolean {
  return !Number.isNaN(dayNumber(text));
}

export function isoFromDayNumber(n: number): IsoDay {
  const { y, m, d } = civilFromDays(n);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: IsoDay, days: number): IsoDay {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** b − a in whole days. */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return dayNumber(b) - dayNumber(a);
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: IsoDay, months: number): IsoDay {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const total = +m[1] * 12 + (+m[2] - 1) + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  const d = Math.min(+m[3], daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}`;
}

/** Whole months from a to b (floor), e.g. tenure. */
export function monthsBetween(a: IsoDay, b: IsoDay): number {
  const ma = ISO_DAY.exec(a);
  const mb = ISO_DAY.exec(b);
  if (!ma || !mb) return Number.NaN;
  let months = (+mb[1] - +ma[1]) * 12 + (+mb[2] - +ma[2]);
  if (+mb[3] < +ma[3]) months -= 1;
  return months;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Howard Hinnant's civil-date algorithms: exact for the proleptic Gregorian calendar, no Date involved.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}
