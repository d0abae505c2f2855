// What a user edit seen by onEdit means for the ledger (PRODUCT.md §7, issue #3): the audit entry (old → new for one
// cell; for pastes a range summary carrying the first new values, bounded so a 10,000-cell paste stays one short
// audit cell — Apps Script gives no old values for multi-cell edits), whether a typed value is invalid (flagged with a note), and which rows get
// updatedAt/updatedBy stamps. Pure, so the cheap trigger code only moves values in and out.
import type { AuditDraftEntry } from '../domain/audit-chain';
import type { Catalog, Lang } from '../domain/i18n';
import { t, msg } from '../domain/i18n';
import type { Column } from '../domain/schema';
import { type DateText, readCell } from '../domain/table';
import { EDIT } from '../domain/workbook-i18n';
import type { Role } from './ports';

/** Notes the add-on writes start with this, so it can clear its own notes and never a user's. */
export const NOTE_MARK = '⚠ ';

/** Roles whose rows carry updatedAt / updatedBy. */
export function stampsRole(role: Role): boolean {
  return role === 'customers';
}

/** The note for an edited cell: text when invalid, '' to clear an earlier note of ours, null to leave it alone. */
export function noteFor(col: Column | undefined, value: unknown, previousNote: string, dateText: DateText, lang: Lang) {
  const ours = previousNote.startsWith(NOTE_MARK);
  if (!col || col.derived) return ours ? '' : null;
  const r = readCell({ ...col, required: false }, value, dateText);
  if (r.ok) return ours ? '' : null;
  return `${NOTE_MARK}${t(lang, EDIT.note, { message: r.message[lang] })}`;
}

/** Display text of a cell value for the audit log (Dates as days/stamps in the spreadsheet zone). */
export function cellText(value: unknown, dateText: DateText): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return dateText(value as object, 'datetime');
  return String(value);
}

export interface EditFacts {
  role: Role;
  a1: string;
  at: string;
  user: string;
  /** Record ids of the edited rows (first five). */
  ids: string[];
  rows: number;
  cols: number;
  /** Single-cell edits only. */
  field?: string;
  oldValue?: string;
  newValue?: string;
  /** Multi-cell edits: the new values as `rangeCells` lists them ('' or absent = summary only). */
  cells?: string;
}

const RANGE = {
  colon: msg('app/edit-audit.RANGE.colon'),
  sep: msg('app/edit-audit.RANGE.sep'),
  more: msg('app/edit-audit.RANGE.more'),
} satisfies Catalog;

/** At most this many cells, this many characters in all, this many per value: one audit cell stays readable. */
export const RANGE_CELLS = 20;
export const RANGE_CHARS = 400;
const CELL_CHARS = 60;

function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * The new values of a multi-cell edit whose top-left cell is (row, col), row by row: "C2=企业；D2=张三…（另 2 格）" /
 * "C2=Co; D2=Ann… (+2 more)". Line breaks become spaces and long values are cut, so the list stays one line.
 */
export function rangeCells(
  values: ReadonlyArray<ReadonlyArray<unknown>>,
  row: number,
  col: number,
  dateText: DateText,
  lang: Lang,
): string {
  const sep = RANGE.sep[lang];
  const total = values.reduce((n, r) => n + r.length, 0);
  let out = '';
  let listed = 0;
  outer: for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[i].length; j++) {
      let v = cellText(values[i][j], dateText).replace(/[\r\n]+/g, ' ');
      if (v.length > CELL_CHARS) v = `${v.slice(0, CELL_CHARS - 1)}…`;
      const part = `${listed ? sep : ''}${columnLetters(col + j)}${row + i}=${v}`;
      if (listed >= RANGE_CELLS || out.length + part.length > RANGE_CHARS) break outer;
      out += part;
      listed++;
    }
  }
  return listed < total ? out + t(lang, RANGE.more, { count: total - listed }) : out;
}

export function editAuditEntry(f: EditFacts, lang: Lang): AuditDraftEntry {
  const single = f.rows === 1 && f.cols === 1;
  return {
    at: f.at,
    user: f.user,
    action: single ? 'edit' : 'edit-range',
    sheet: f.role,
    recordId: f.ids.filter(Boolean).slice(0, 5).join(', '),
    field: single ? (f.field ?? f.a1) : f.a1,
    oldValue: single ? (f.oldValue ?? '') : '',
    newValue: single ? (f.newValue ?? '') : rangeText(f, lang),
    source: 'edit',
  };
}

function rangeText(f: EditFacts, lang: Lang): string {
  const summary = t(lang, EDIT.rangeSummary, { rows: f.rows, cols: f.cols, a1: f.a1 });
  return f.cells ? summary + RANGE.colon[lang] + f.cells : summary;
}
