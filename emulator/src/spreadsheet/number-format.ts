// Sheets number-format patterns, the subset the add-on uses: general, '0', '0.00', '#,##0.00', '0%', '@', currency
// literals ('"¥"#,##0.00', '[$$]#,##0.00'), date/time patterns ('yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss', 'm/d/yyyy').
// getDisplayValues renders through this; getValues uses `isDateFormat` to decide Date vs Number (notes §1).

import { serialParts } from './dates';

/** What an unformatted cell reports from getNumberFormat (gas-runtime-notes §1 "Formats"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Removes quoted literals, bracketed currency/colour tags and escapes, leaving the pattern's codes. */
function codesOnly(pattern: string): string {
  return pattern
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
}

const dateKinds = new Map<string, boolean>();

export function isDateFormat(pattern: string | undefined): boolean {
  if (!pattern) return false;
  let k = dateKinds.get(pattern);
  if (k === undefined) {
    const codes = codesOnly(pattern).toLowerCase();
    k = codes !== 'general' && /[dyhs]|m/.test(codes) && !/^[0#?,.%e+\-\s]*$/.test(codes);
    dateKinds.set(pattern, k);
  }
  return k;
}

export function isTextFormat(pattern: string | undefined): boolean {
  return pattern === TEXT_FORMAT;
}

/** Sheets' "general" rendering: up to 10 significant digits, no grouping. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = Number(n.toPrecision(10)).toString();
  return s;
}

interface Token {
  lit?: string;
  code?: string;
}

function tokenize(section: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ lit: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      out.push({ lit: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      const m = /^\$([^-]*)/.exec(tag);
      if (m) out.push({ lit: m[1] });
      i = end < 0 ? section.length : end + 1;
    } else {
      out.push({ code: ch });
      i++;
    }
  }
  return out;
}

function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of pattern) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function formatNumberPattern(n: number, pattern: string): string {
  const sections = splitSections(pattern);
  const negSection = n < 0 && sections.length > 1;
  const tokens = tokenize(negSection ? sections[1] : sections[0]);
  const isNum = (t: Token) => t.code !== undefined && /[0#?.,%]/.test(t.code);
  const first = tokens.findIndex(isNum);
  if (first < 0) return tokens.map((t) => t.lit ?? t.code).join('');
  let last = tokens.length - 1;
  while (!isNum(tokens[last])) last--;
  const prefix = tokens
    .slice(0, first)
    .map((t) => t.lit ?? t.code)
    .join('');
  const suffix = tokens
    .slice(last + 1)
    .map((t) => t.lit ?? t.code)
    .join('');
  const core = tokens
    .slice(first, last + 1)
    .map((t) => t.code ?? '')
    .join('');
  const percent = core.includes('%') || suffix.includes('%');
  const [intPart, fracPart = ''] = core.replace(/%/g, '').split('.');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = (fracPart.match(/[0#?]/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const group = intPart.includes(',');
  let v = Math.abs(n) * (percent ? 100 : 1);
  v = Number(v.toFixed(maxFrac));
  let [ip, fp = ''] = v.toFixed(maxFrac).split('.');
  while (fp.length > minFrac && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (group) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const pct = core.includes('%') ? '%' : '';
  const body = ip + (fp ? `.${fp}` : maxFrac > 0 && minFrac > 0 ? '.' : '') + pct;
  const sign = n < 0 && !negSection && v !== 0 ? '-' : '';
  return `${sign}${prefix}${body}${suffix}`;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');

function formatDatePattern(serial: number, pattern: string): string {
  const p = serialParts(serial);
  const tokens = tokenize(splitSections(pattern)[0]);
  const ampm = tokens.some((t, i) => t.code && /a/i.test(t.code) && tokens[i + 1]?.code?.toLowerCase() === 'm');
  let out = '';
  let i = 0;
  let lastWasHour = false;
  const runOf = (ch: string) => {
    let j = i;
    while (j < tokens.length && tokens[j].code?.toLowerCase() === ch) j++;
    return j - i;
  };
  const nextCodeIsSecond = (from: number) => {
    for (let j = from; j < tokens.length; j++) {
      const c = tokens[j].code?.toLowerCase();
      if (c === undefined || /[^a-z]/.test(c)) continue;
      return c === 's';
    }
    return false;
  };
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.lit !== undefined) {
      out += t.lit;
      i++;
      continue;
    }
    const c = (t.code ?? '').toLowerCase();
    const n = /[ymdhs]/.test(c) ? runOf(c) : 1;
    const two = (v: number) => String(v).padStart(2, '0');
    if (c === 'y') out += n <= 2 ? two(p.y % 100) : String(p.y);
    else if (c === 'm' && (lastWasHour || nextCodeIsSecond(i + n))) out += n >= 2 ? two(p.mi) : String(p.mi);
    else if (c === 'm')
      out += n >= 4 ? MONTHS[p.mo - 1] : n === 3 ? MONTHS[p.mo - 1].slice(0, 3) : n === 2 ? two(p.mo) : String(p.mo);
    else if (c === 'd')
      out += n >= 4 ? DAYS[p.weekday] : n === 3 ? DAYS[p.weekday].slice(0, 3) : n === 2 ? two(p.d) : String(p.d);
    else if (c === 'h') {
      const h = ampm ? ((p.h + 11) % 12) + 1 : p.h;
      out += n >= 2 ? two(h) : String(h);
    } else if (c === 's') out += n >= 2 ? two(p.s) : String(p.s);
    else if (c === 'a' && tokens[i + 1]?.code?.toLowerCase() === 'm') {
      out += p.h < 12 ? 'AM' : 'PM';
      i += 2;
      continue;
    } else out += t.code;
    if (/[ymdhs]/.test(c)) lastWasHour = c === 'h';
    i += n;
  }
  return out;
}

/** Renders a stored cell value the way getDisplayValues shows it. */
export function formatDisplay(v: number | string | boolean, pattern: string | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (!pattern || pattern === 'general' || pattern === DEFAULT_NUMBER_FORMAT || pattern === TEXT_FORMAT) {
    return formatGeneral(v);
  }
  return isDateFormat(pattern) ? formatDatePattern(v, pattern) : formatNumberPattern(v, pattern);
}
