// Sheet rows ↔ records, by header (PRODUCT.md §1, §9). Columns are found by header text in either language, so users
// may reorder columns and add their own; a row with a bad typed cell becomes a RowIssue and is skipped by
// calculations instead of crashing them. Pure: the adapter passes a callback that turns a sheet Date into a day or a
// stamp in the spreadsheet's time zone, so no Date or time zone logic lives here.
import type { RecordOf, Role, RowIssue, Stored } from '../app/ports';
import type { Lang, Text } from './i18n';
import { LIST_SEPARATOR, perLang, t } from './i18n';
import { centsFromNumber, numberFromCents } from './money';
import { type Column, columnOf, columnsOf, enumLabel, enumValue, findColumn, sheetOf } from './schema';
import { guardText } from './text-safety';
import { checkDecimal, checkRange, emptyValue, type FieldValue, fieldText, parseField } from './validate-field';
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
  /** A map of some columns only (a narrow read): records carry just those fields, the others are absent. */
  readonly only?: boolean;
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

/**
 * The error for a missing column: names it (in both languages) and tells the user to run Set up / repair.
 * `sheetName`: the tab as the workbook names it (a renamed tab is still found by id), else the role's default names.
 */
export function missingColumnError(role: Role, column: Column, sheetName?: string): LedgerError {
  const sheet = sheetOf(role).name;
  return new LedgerError(
    perLang((lang) => t(lang, TABLE.missingColumn, { sheet: sheetName ?? sheet[lang], column: column.header[lang] })),
  );
}

export function missingSheetError(role: Role): LedgerError {
  const sheet = sheetOf(role).name;
  return new LedgerError(perLang((lang) => t(lang, TABLE.missingSheet, { sheet: sheet[lang] })));
}

/**
 * Throws for the first of `keys` (default: the role's required columns) that the header lacks. `sheetName` is
 * asked only then (it may cost a service call), so the message names the tab the user actually sees.
 */
export function requireColumns(map: HeaderMap, keys?: readonly string[], sheetName?: () => string): void {
  const wanted = keys ? (k: string) => keys.includes(k) : (k: string) => isRequired(map.role, k);
  const miss = map.missing.find((c) => wanted(c.key));
  if (miss) throw missingColumnError(map.role, miss, sheetName?.());
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
    return bad(
      col.type === 'money' ? 'money' : col.type === 'integer' ? 'integer' : col.type === 'decimal' ? 'decimal' : 'date',
    );
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
    if (col.type === 'decimal') {
      const r = checkDecimal(col, cell);
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
  if (
    col.type === 'money' ||
    col.type === 'integer' ||
    col.type === 'decimal' ||
    col.type === 'date' ||
    col.type === 'checkbox'
  ) {
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

/** How a slot reads a non-empty string without readCell (the answer readCell would give, without allocating). */
const Str = {
  /** Kept as typed: text, longtext, email, phone, taxId. */
  Keep: 0,
  /** Trimmed: id, currency. */
  Trim: 1,
  /** A label looked up in the column's options (memoized per raw text). */
  Enum: 2,
  /** Anything else goes through readCell. */
  Parse: 3,
} as const;
type Str = (typeof Str)[keyof typeof Str];

/** One schema column of a header map, with everything readRow decides per column worked out once. */
interface Slot {
  readonly col: Column;
  readonly key: string;
  /** Sheet column index, or -1 when the header lacks it. */
  readonly i: number;
  readonly empty: FieldValue;
  readonly required: boolean;
  readonly str: Str;
  /** Date cells: 'date' for date columns, 'datetime' for datetime and text columns, null where a Date is an error. */
  readonly date: 'date' | 'datetime' | null;
  /** Derived money (any amount) or derived integer: a number cell is taken as is (after cents for money). */
  readonly money: boolean;
  readonly derivedInt: boolean;
}

interface Plan {
  readonly slots: readonly Slot[];
  /** Indexes of the mapped columns, for the blank-row test. */
  readonly mapped: readonly number[];
}

const STR_OF: Partial<Record<Column['type'], Str>> = {
  text: Str.Keep,
  longtext: Str.Keep,
  email: Str.Keep,
  phone: Str.Keep,
  taxId: Str.Keep,
  id: Str.Trim,
  currency: Str.Trim,
  enum: Str.Enum,
};

/** Per header map (one per sheet read): the read plan, built on its first row. */
const plans = new WeakMap<HeaderMap, Plan>();

/** The last map asked for: a sheet is read row after row with one map, so most rows skip the WeakMap lookup. */
let lastPlan: { map: HeaderMap; plan: Plan } | null = null;

function planOf(map: HeaderMap): Plan {
  if (lastPlan?.map === map) return lastPlan.plan;
  let plan = plans.get(map);
  if (!plan) {
    const slots = columnsOf(map.role).map((c): Slot => {
      const i = map.index[c.key];
      const textLike = c.type === 'text' || c.type === 'longtext';
      return {
        col: c,
        key: c.key,
        i: i === undefined ? -1 : i,
        empty: emptyValue(c),
        required: c.required,
        str: STR_OF[c.type] ?? Str.Parse,
        date: c.type === 'date' ? 'date' : c.type === 'datetime' || textLike ? 'datetime' : null,
        money: c.type === 'money',
        derivedInt: c.type === 'integer' && c.derived,
      };
    });
    const used = map.only ? slots.filter((s) => s.i >= 0) : slots;
    plan = { slots: used, mapped: slots.filter((s) => s.i >= 0).map((s) => s.i) };
    plans.set(map, plan);
  }
  lastPlan = { map, plan };
  return plan;
}

/** Per enum column: raw cell text → value, for texts enumValue already resolved (cells repeat the same labels). */
const enumRaw = new WeakMap<Column, Map<string, string>>();

function enumOf(col: Column, text: string): string | undefined {
  let m = enumRaw.get(col);
  if (!m) {
    m = new Map();
    enumRaw.set(col, m);
  }
  let v = m.get(text);
  if (v === undefined) {
    v = enumValue(col, text);
    if (v !== undefined) m.set(text, v);
  }
  return v;
}

/**
 * One data row → a record. Blank rows (every schema cell empty) are `blank`; a bad cell in a column users type is
 * an issue (the row is skipped); a bad cell in a derived column reads as empty (the next refresh rewrites it).
 * Every cell reads exactly as readCell reads it alone; the common cells (empty, text, ids, enum labels, dates,
 * numbers) take allocation-free paths decided once per header map, since a refresh reads every cell of the ledger.
 */
export function readRow<K extends Role>(
  map: HeaderMap<K>,
  cells: readonly unknown[],
  row: number,
  dateText: DateText,
  lazyDates?: ReadonlySet<string>,
): RowRead<RecordOf[K]> {
  const { slots, mapped } = planOf(map);
  let blank = true;
  for (let k = 0; k < mapped.length; k++) {
    const v = cells[mapped[k]];
    if (v !== '' && v !== null && v !== undefined) {
      blank = false;
      break;
    }
  }
  if (blank) return { kind: 'blank' };
  const rec: Record<string, FieldValue> = {};
  for (let k = 0; k < slots.length; k++) {
    const s = slots[k];
    if (s.i < 0) {
      rec[s.key] = s.empty;
      continue;
    }
    const v = cells[s.i];
    if (v === '' || v === null || v === undefined) {
      if (!s.required) {
        rec[s.key] = s.empty;
        continue;
      }
    } else if (typeof v === 'string') {
      if (s.str === Str.Keep) {
        rec[s.key] = v;
        continue;
      }
      if (s.str === Str.Trim) {
        rec[s.key] = v.trim();
        continue;
      }
      if (s.str === Str.Enum) {
        const e = enumOf(s.col, v);
        if (e !== undefined) {
          rec[s.key] = e;
          continue;
        }
      }
    } else if (typeof v === 'number') {
      if (s.money) {
        const c = centsFromNumber(v);
        if (s.col.derived || (c >= 0 && !(s.col.positive && c <= 0))) {
          rec[s.key] = c;
          continue;
        }
      } else if (s.derivedInt && Number.isInteger(v)) {
        rec[s.key] = v;
        continue;
      }
    } else if (s.date !== null && typeof v === 'object' && isDateValue(v)) {
      if (lazyDates?.has(s.key)) {
        lazyText(rec, s.key, v, s.date, dateText);
        continue;
      }
      rec[s.key] = dateText(v, s.date);
      continue;
    }
    const r = readCell(s.col, v, dateText);
    if (r.ok) rec[s.key] = r.value;
    else if (s.col.derived) rec[s.key] = s.empty;
    else return { kind: 'issue', issue: { role: map.role, row, field: s.key, message: r.message } };
  }
  // Rules across cells (PRODUCT.md §9): a due date typed before the issue date is a bad row like any other.
  if (map.role === 'invoices') {
    const due = rec.dueDate;
    if (typeof due === 'string' && due !== '' && typeof rec.issueDate === 'string' && due < rec.issueDate) {
      const col = columnOf('invoices', 'dueDate') as Column;
      return {
        kind: 'issue',
        issue: { role: map.role, row, field: 'dueDate', message: fieldText(col, 'dueBeforeIssue') },
      };
    }
  }
  return { kind: 'record', record: rec as unknown as RecordOf[K] };
}

/** Roles whose rows carry a typed id that other rows refer to (PRODUCT.md §9: never both counted). */
const KEYED_ROLES: ReadonlySet<Role> = new Set<Role>(['customers', 'invoices', 'payments', 'interactions']);

/**
 * Splits rows sharing an id out of a keyed sheet's rows: none of them is counted (a payment on a duplicated
 * invoice id goes to neither) until the user leaves one; each is reported as an issue naming the other rows.
 * Rows without an id are left alone (they are reported by the features that need an id).
 */
export function splitDuplicates<R>(
  role: Role,
  rows: ReadonlyArray<Stored<R>>,
): { rows: Array<Stored<R>>; duplicates: Array<Stored<R>>; issues: RowIssue[] } {
  if (!KEYED_ROLES.has(role)) return { rows: rows as Array<Stored<R>>, duplicates: [], issues: [] };
  // First pass: is any id repeated? One Set insertion per row (a save checks 50,000 ids on every call).
  const ids = new Set<string>();
  let dup = false;
  for (let i = 0; i < rows.length; i++) {
    const id = (rows[i].record as { id?: unknown }).id;
    if (typeof id !== 'string' || id === '') continue;
    const size = ids.size;
    ids.add(id);
    if (ids.size === size) {
      dup = true;
      break;
    }
  }
  if (!dup) return { rows: rows as Array<Stored<R>>, duplicates: [], issues: [] };
  const seen = new Map<string, number>();
  for (const s of rows) {
    const id = (s.record as { id?: unknown }).id;
    if (typeof id !== 'string' || id === '') continue;
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const kept: Array<Stored<R>> = [];
  const duplicates: Array<Stored<R>> = [];
  const rowsOf = new Map<string, number[]>();
  for (const s of rows) {
    const id = (s.record as { id?: unknown }).id as string;
    if ((seen.get(id) ?? 0) > 1) {
      duplicates.push(s);
      const list = rowsOf.get(id);
      if (list) list.push(s.row);
      else rowsOf.set(id, [s.row]);
    } else kept.push(s);
  }
  const col = columnOf(role, 'id') as Column;
  const issues = duplicates.map((s): RowIssue => {
    const id = (s.record as { id: string }).id;
    const others = (rowsOf.get(id) ?? []).filter((r) => r !== s.row);
    const params = (lang: Lang) => ({ field: col.header[lang], id, rows: others.join(t(lang, LIST_SEPARATOR)) });
    return {
      role,
      row: s.row,
      field: 'id',
      message: perLang((lang) => t(lang, TABLE.duplicateId, params(lang))),
      duplicateId: id,
    };
  });
  return { rows: kept, duplicates, issues };
}

/**
 * A Date cell whose text is computed on first access (an enumerable getter, memoized): for date columns few readers
 * use, whose conversion would otherwise cost service calls for every row of a whole-sheet read (sheet-store.ts).
 */
function lazyText(
  rec: Record<string, FieldValue>,
  key: string,
  v: object,
  kind: 'date' | 'datetime',
  dateText: DateText,
): void {
  let text: string | undefined;
  Object.defineProperty(rec, key, {
    enumerable: true,
    get: () => {
      if (text === undefined) text = dateText(v, kind);
      return text;
    },
  });
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
    case 'decimal':
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
