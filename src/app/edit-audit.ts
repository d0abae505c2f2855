// What a user edit seen by onEdit means for the ledger (PRODUCT.md §7, issue #3): the audit entry (old → new for one
// cell, a range summary for pastes), whether a typed value is invalid (flagged with a note), and which rows get
// updatedAt/updatedBy stamps. Pure, so the cheap trigger code only moves values in and out.
import type { AuditDraftEntry } from '../domain/audit-chain';
import type { Lang } from '../domain/i18n';
import { t } from '../domain/i18n';
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
    newValue: single ? (f.newValue ?? '') : t(lang, EDIT.rangeSummary, { rows: f.rows, cols: f.cols, a1: f.a1 }),
    source: 'edit',
  };
}
