// Sheet rows ↔ records, by header (PRODUCT.md §1, §9). Columns are found by header text in either language, so users
// may reorder columns and add their own; a row with a bad typed cell becomes a RowIssue and is skipped by
// calculations instead of crashing them. Pure: the adapter passes a callback that turns a sheet Date into a day or a
// stamp in the spreadsheet's time zone, so no Date or time zone logic lives here.
import type { RecordOf, Role, RowIssue } from '../app/ports';
import type { Lang, Text } from './i18n';
import { t } from './i18n';
import { centsFromNumber, numberFromCents } from './money';
import { type Column, columnsOf, enumLabel, enumValue, findColumn, sheetOf } from './schema';
import { guardText } from './text-safety';
import { checkRange, emptyValue, type FieldValue, fieldText, parseField } from './validate-field';
import { TABLE } from './workbook-i18n';

/**
 * An error the user can act on, with its message in both languages. Menu handlers show `text` in the UI language
 * (any error carrying a `text: Text` is shown that way, never as a stack trace).
 */
export class LedgerError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'LedgerError';
  }
}

export interface HeaderMap<K extends Role = Role> {
  readonly role: K;
  /** 0-based column index of every schema column found in the header row, by key. */
  readonly index: Readonly<Record<string, number>>;
  /** Schema columns with no header. */
  readonly missing: readonly Column[];
  /** Number of cells in the header row (user columns included). */
  readonly width: number;
}

/** Maps a header row to schema columns; the first matching header wins, unknown headers are user columns. */
export function mapHeader<K extends Role>(role: K, header: readonly unknown[]): HeaderMap<K> {
  const index: Record<string, number> = {};
  header.forEach((h, i) => {
    const col = findColumn(role, h);
    if (col && !(col.key in index)) index[col.key] = i;
  });
  const missing = columnsOf(role).filter((c) => !(c.key in index));
  return { role, index, missing, width: header.length };
}

/** The error for a missing column: names it (in both languages) and tells the user to run Set up / repair. */
export function missingColumnError(role: Role, column: Column): LedgerError {
  const sheet = sheetOf(role).name;
  return new LedgerError({
    'zh-CN': t('zh-CN', TABLE.missingColumn, { sheet: sheet['zh-CN'], column: column.header['zh-CN'] }),
    en: t('en', TABLE.missingColumn, { sheet: sheet.en, column: column.header.en }),
  });
}

export function missingSheetError(role: Role): LedgerError {
  const sheet = sheetOf(role).name;
  return new LedgerError({
    'zh-CN': t('zh-CN', TABLE.missingSheet, { sheet: sheet['zh-CN'] }),
    en: t('en', TABLE.missingSheet, { sheet: sheet.en }),
  });
}

/** Throws for the first of `keys` (default: the role's required columns) that the header lacks. */
export function requireColumns(map: HeaderMap, keys?: readonly string[]): void {
  const wanted = keys ? (k: string) => keys.includes(k) : (k: string) => isRequired(map.role, k);
  const miss = map.missing.find((c) => wanted(c.key));
  if (miss) throw missingColumnError(map.role, miss);
}

function isRequired(role: Role, key: string): boolean {
  return columnsOf(role).some((c) => c.key === key && c.required);
}

/** Turns a sheet Date (from any realm) into 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm:ss' in the spreadsheet's zone. */
export type DateText = (date: object, kind: 'date' | 'datetime') => string;

export function isDateValue(v: unknown): v is object {
  return Object.prototype.toString.call(v) === '[object Date]';
}

type CellResult = { ok: true; value: FieldValue } | { ok: false; message: Text };

function badCell(
  col: Column,
  rule: Parameters<typeof fieldText>[1],
  params?: Record<string, string | number>,
): CellResult {
  return { ok: false, message: fieldText(col, rule, params) };
}

/** One sheet cell → the column's typed value (date rules relative to today are for forms, not stored rows). */
export function readCell(col: Column, cell: unknown, dateText: DateText): CellResult {
  const bad = (rule: Parameters<typeof fieldText>[1], params?: Record<string, string | number>): CellResult =>
    badCell(col, rule, params);
  if (cell === '' || cell === null || cell === undefined) {
    return col.required ? bad('required') : { ok: true, value: emptyValue(col) };
  }
  // Only objects can be Dates: the (slow, realm-safe) tag check is skipped for the text and numbers most cells hold.
  if (typeof cell === 'object' && isDateValue(cell)) {
    if (col.type === 'date') return { ok: true, value: dateText(cell, 'date') };
    if (col.type === 'datetime' || col.type === 'text' || col.type === 'longtext')
      return { ok: true, value: dateText(cell, 'datetime') };
    return bad(col.type === 'money' ? 'money' : col.type === 'integer' ? 'integer' : 'date');
  }
  // The common case first: text in a text column needs no conversion at all.
  if (typeof cell === 'string' && (col.type === 'text' || col.type === 'longtext')) return { ok: true, value: cell };
  if (typeof cell === 'number') {
    if (col.type === 'money') {
      const c = centsFromNumber(cell);
      if (!col.derived && col.positive && c <= 0) return bad('moneyPositive');
      if (!col.derived && c < 0) return bad('moneyNonNegative');
      return { ok: true, value: c };
    }
    if (col.type === 'integer') {
      if (!Number.isInteger(cell)) return bad('integer');
      const r = col.derived ? { ok: true as const, value: cell } : checkRange(col, cell);
      return r.ok ? r : bad(r.rule, r.params);
    }
    if (col.type === 'date') return bad('date');
    if (col.type === 'checkbox') return { ok: true, value: cell !== 0 };
    // Text-like columns: a number typed into an id or phone column is kept as its digits.
    return { ok: true, value: String(cell) };
  }
  if (typeof cell === 'boolean') {
    if (col.type === 'checkbox') return { ok: true, value: cell };
    return { ok: true, value: cell ? 'TRUE' : 'FALSE' };
  }
  const text = String(cell);
  // Text columns are read as written; only structured types are parsed (bad e-mails etc. are reported by the
  // feature that needs them, e.g. reminders skip an invalid address, rather than dropping the whole row).
  if (col.type === 'money' || col.type === 'integer' || col.type === 'date' || col.type === 'checkbox') {
    const r = parseField(col, text);
    return r.ok ? r : bad(r.rule, r.params);
  }
  if (col.type === 'enum') {
    const v = enumValue(col, text);
    return v !== undefined ? { ok: true, value: v } : bad('enum');
  }
  return { ok: true, value: col.type === 'id' || col.type === 'currency' ? text.trim() : text };
}

export type RowRead<R> = { kind: 'record'; record: R } | { kind: 'issue'; issue: RowIssue } | { kind: 'blank' };

/**
 * One data row → a record. Blank rows (every schema cell empty) are `blank`; a bad cell in a column users type is
 * an issue (the row is skipped); a bad cell in a derived column reads as empty (the next refresh rewrites it).
 */
export function readRow<K extends Role>(
  map: HeaderMap<K>,
  cells: readonly unknown[],
  row: number,
  dateText: DateText,
): RowRead<RecordOf[K]> {
  const cols = columnsOf(map.role);
  let blank = true;
  for (const c of cols) {
    const i = map.index[c.key];
    if (i !== undefined && cells[i] !== '' && cells[i] !== null && cells[i] !== undefined) {
      blank = false;
      break;
    }
  }
  if (blank) return { kind: 'blank' };
  const rec: Record<string, FieldValue> = {};
  for (const c of cols) {
    const i = map.index[c.key];
    if (i === undefined) {
      rec[c.key] = emptyValue(c);
      continue;
    }
    const v = cells[i];
    // Allocation-free fast paths for the two commonest cells (an empty optional cell, text in a text column);
    // readCell gives the same answers for them.
    if ((v === '' || v === null || v === undefined) && !c.required) {
      rec[c.key] = emptyValue(c);
      continue;
    }
    if (typeof v === 'string' && v !== '' && (c.type === 'text' || c.type === 'longtext')) {
      rec[c.key] = v;
      continue;
    }
    const r = readCell(c, v, dateText);
    if (r.ok) rec[c.key] = r.value;
    else if (c.derived) rec[c.key] = emptyValue(c);
    else return { kind: 'issue', issue: { role: map.role, row, field: c.key, message: r.message } };
  }
  return { kind: 'record', record: rec as unknown as RecordOf[K] };
}

/**
 * A record field → the value to write. Money as a number, days as 'yyyy-MM-dd' text (Sheets parses it as a date),
 * enums as labels in the workbook language, checkboxes as booleans, every other text guarded against
 * reinterpretation (leading apostrophe, see text-safety.ts) so ids keep leading zeros and formulas stay text.
 */
export function writeCell(col: Column, value: unknown, lang: Lang, guard = true): unknown {
  const text = (s: string) => (guard ? guardText(s) : s);
  if (value === null || value === undefined || value === '') return col.type === 'checkbox' ? false : '';
  switch (col.type) {
    case 'money':
      return typeof value === 'number' ? numberFromCents(value) : '';
    case 'integer':
      return typeof value === 'number' ? value : '';
    case 'checkbox':
      return value === true;
    case 'date':
    case 'datetime':
      return String(value);
    case 'enum':
      return text(enumLabel(col, String(value), lang));
    default:
      return text(String(value));
  }
}

/** A full row for `record` laid out by `map`, keeping `base` cells (user columns, unknown fields) as they are. */
export function writeRow<K extends Role>(
  map: HeaderMap<K>,
  record: Partial<RecordOf[K]>,
  lang: Lang,
  base?: readonly unknown[],
  guard = true,
): unknown[] {
  const out: unknown[] = base ? [...base] : new Array(map.width).fill('');
  while (out.length < map.width) out.push('');
  const rec = record as Record<string, unknown>;
  for (const c of columnsOf(map.role)) {
    const i = map.index[c.key];
    if (i !== undefined && c.key in rec) out[i] = writeCell(c, rec[c.key], lang, guard);
  }
  return out;
}
