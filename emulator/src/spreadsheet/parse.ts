// USER_ENTERED parsing: a string written by a script (setValue/setValues/appendRow) or typed by a user is converted
// as Sheets converts typed text (gas-runtime-notes §1 "setValues / setValue"): numbers, percents, currency, dates,
// date-times, booleans, '=' formulas. A leading apostrophe keeps text; a '@' (plain text) cell keeps text.
// Parsing follows the en_US conventions whatever the spreadsheet locale ([?] "Locale affects parsing").

import { wallToSerial } from './dates';
import { DATE_FORMAT, DATETIME_FORMAT, isDateFormat, isTextFormat } from './number-format';

/** A stored formula; its text includes the leading '='. */
export interface Formula {
  f: string;
}

/** What one cell stores. `undefined` (never stored) is an empty cell. */
export type Cell = number | string | boolean | Formula;

export function isFormula(c: unknown): c is Formula {
  return typeof c === 'object' && c !== null && typeof (c as Formula).f === 'string';
}

export interface Parsed {
  value: Cell | undefined;
  /** Number format Sheets applies when it recognises the kind (date, percent, currency); undefined = keep. */
  format?: string;
}

const NUMBER = /^([+-])?([$¥￥€£])?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(?:[eE]([+-]?\d+))?(%)?$/;
const ISO_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** '-12.5'-style text, scanned by hand: the common case of a 50,000-row write must not pay for a regex. */
export function isSimpleNumber(t: string): boolean {
  let i = t.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let dot = -1;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && dot < 0) dot = i;
    else return false;
  }
  return digits > 0 && dot !== t.length - 1 && dot !== (t.charCodeAt(0) === 45 ? 1 : 0);
}

/** True when Sheets would keep this text exactly as written (so the writer can skip parsing). */
export function isInertText(text: string): boolean {
  if (text === '') return false;
  const first = text.charCodeAt(0);
  return first !== 39 && first !== 61 && !mayConvert(first);
}
const CURRENCY = new Set([36, 163, 165, 8364, 65509]);

/** Whether a character can start something Sheets converts (digit, sign, dot, currency, space, t/f). */
function mayConvert(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 32 ||
    c === 9 ||
    c === 84 ||
    c === 116 ||
    c === 70 ||
    c === 102 ||
    CURRENCY.has(c)
  );
}

/** Converts typed text; `existingFormat` is the cell's current number format. */
export function parseUserEntered(text: string, existingFormat: string | undefined): Parsed {
  if (text === '') return { value: undefined };
  const first = text.charCodeAt(0);
  if (first === 39 /* ' */) return { value: text.length === 1 ? undefined : text.slice(1) };
  if (existingFormat !== undefined && isTextFormat(existingFormat)) return { value: text };
  if (first === 61 /* = */ && text.length > 1) return { value: { f: text } };
  if (!mayConvert(first)) return { value: text };
  if (isSimpleNumber(text)) return { value: Number(text) };
  const t = text.trim();
  if (t.length === 4 || t.length === 5) {
    const upper = t.toUpperCase();
    if (upper === 'TRUE') return { value: true };
    if (upper === 'FALSE') return { value: false };
  }
  const c = t.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || CURRENCY.has(c))) return { value: text };
  const n = NUMBER.exec(t);
  if (n && (n[3] !== '' || n[4] !== undefined)) {
    let v = Number((n[3] || '0').replace(/,/g, '') + (n[4] ?? '') + (n[5] !== undefined ? `e${n[5]}` : ''));
    if (n[1] === '-') v = -v;
    if (n[6]) {
      v = v / 100;
      return { value: v, format: n[4] ? '0.00%' : '0%' };
    }
    if (n[2]) return { value: v, format: `"${n[2]}"#,##0.00` };
    return { value: v };
  }
  const d = ISO_DATE.exec(t);
  if (d) {
    const hasTime = d[5] !== undefined;
    const serial = wallToSerial(+d[1], +d[3], +d[4], +(d[5] ?? 0), +(d[6] ?? 0), +(d[7] ?? 0));
    if (serial !== null) {
      const keep = isDateFormat(existingFormat);
      return { value: serial, format: keep ? undefined : hasTime ? DATETIME_FORMAT : DATE_FORMAT };
    }
  }
  const tm = TIME.exec(t);
  if (tm && +tm[1] < 24 && +tm[2] < 60 && +(tm[3] ?? 0) < 60) {
    const serial = (+tm[1] * 3600 + +tm[2] * 60 + +(tm[3] ?? 0)) / 86400;
    return { value: serial, format: isDateFormat(existingFormat) ? undefined : 'hh:mm:ss' };
  }
  return { value: text };
}
