// The simple onEdit trigger (LIMITED mode, 30 s, user usually hidden): stamps updatedAt/updatedBy on edited customer
// rows, appends an audit row, and flags invalid typed values with a note. It reads only the header, the edited range
// and the audit tail — never a whole sheet — and never throws: a failing trigger would show the user an error bar.
import { cellText, editAuditEntry, noteFor, rangeCells, stampsRole } from '../app/edit-audit';
import { runs } from '../app/setup-plan';
import type { Role } from '../app/ports';
import { isLang, type Lang, langFromLocale } from '../domain/i18n';
import { columnsOf, findColumn, roleOfSheetName } from '../domain/schema';
import { type DateText, mapHeader, writeCell } from '../domain/table';
import { appendAuditTail } from './audit-tail';
import { readWorkbookProps, writeWorkbookProps } from './workbook-props';

/** "B2" / "B2:D5" → 1-based row, column and size. */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.replace(/^.*!/, ''));
  if (!m) return null;
  const colOf = (s: string) =>
    s
      .toUpperCase()
      .split('')
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = colOf(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colOf(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    onEditUnsafe(e);
  } catch (err) {
    console.error(`onEdit: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function onEditUnsafe(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const ss = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  // One document store for the workbook props and the audit chain's anchor (audit-anchor.ts).
  let docProps: GoogleAppsScript.Properties.Properties | null = null;
  try {
    docProps = PropertiesService.getDocumentProperties();
  } catch (_e) {
    docProps = null; // unavailable (AuthMode.NONE): props read as empty, as readWorkbookProps does
  }
  const props = readWorkbookProps(docProps);
  const sheetId = sheet.getSheetId();
  const role: Role | undefined =
    (Object.keys(props.sheets) as Role[]).find((r) => props.sheets[r] === sheetId) ?? roleOfSheetName(sheet.getName());
  // Edits of the audit log itself are caught by the hash chain, not logged again; the saved tail (last row, hash,
  // header) may no longer describe the log, so the next writer reads it once.
  if (role === 'audit' && props.auditTail) {
    delete props.auditTail;
    writeWorkbookProps(props, docProps);
  }
  if (!role || role === 'audit') return;
  // The language mirrored from Settings (sheet-store.ts) may no longer be true: the next reader re-reads Settings.
  if (role === 'settings' && props.language !== undefined) {
    delete props.language;
    writeWorkbookProps(props, docProps);
  }
  const a1 = range.getA1Notation();
  const box = parseA1(a1);
  if (!box) return;
  const lang: Lang = isLang(props.lang) ? props.lang : langFromLocale(Session.getActiveUserLocale());
  const tz = ss.getSpreadsheetTimeZone();
  const memo = new Map<string, string>();
  const dateText: DateText = (d, kind) => {
    const key = `${kind}${(d as Date).getTime()}`;
    if (!memo.has(key))
      memo.set(key, Utilities.formatDate(d as Date, tz, kind === 'date' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss'));
    return memo.get(key)!;
  };
  const at = Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd HH:mm:ss');
  const user = editorEmail(e);
  const lastCol = Math.max(sheet.getLastColumn(), box.col + box.cols - 1);
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const map = mapHeader(role, header);
  const single = box.rows === 1 && box.cols === 1;
  const values = single ? [[range.getValue()]] : (range.getValues() as unknown[][]);
  const firstData = Math.max(box.row, 2);
  const lastData = box.row + box.rows - 1;

  // Invalid typed values get a note; our earlier notes are cleared once the value is fixed.
  if (box.row >= 2 || box.rows > 1) {
    const notes = single ? [[range.getNote()]] : (range.getNotes() as string[][]);
    let dirty = false;
    const next = notes.map((line, i) =>
      line.map((old, j) => {
        if (box.row + i < 2) return old;
        const col = findColumn(role, header[box.col - 1 + j]);
        const n = noteFor(col, values[i][j], String(old ?? ''), dateText, lang);
        if (n === null || n === old) return old;
        dirty = true;
        return n;
      }),
    );
    if (dirty) {
      if (single) range.setNote(next[0][0] || null);
      else range.setNotes(next);
    }
  }

  const idKey = role === 'settings' ? 'key' : 'id';
  const idIdx = map.index[idKey];
  let ids: string[] = [];
  if (idIdx !== undefined && lastData >= firstData) {
    const inside = idIdx + 1 >= box.col && idIdx + 1 < box.col + box.cols;
    ids = inside
      ? values.slice(firstData - box.row).map((r) => cellText(r[idIdx + 1 - box.col], dateText))
      : sheet
          .getRange(firstData, idIdx + 1, lastData - firstData + 1, 1)
          .getValues()
          .map((r) => cellText(r[0], dateText));
  }

  if (stampsRole(role) && lastData >= firstData) {
    const stamp = columnsOf(role).filter((c) => c.key === 'updatedAt' || c.key === 'updatedBy');
    const present = stamp.filter((c) => map.index[c.key] !== undefined);
    for (const run of runs(present.map((c) => map.index[c.key]))) {
      const line: unknown[] = [];
      for (let k = run.from; k < run.from + run.count; k++) {
        const col = present.find((c) => map.index[c.key] === k)!;
        line.push(writeCell(col, col.key === 'updatedAt' ? at : user, lang));
      }
      const grid = Array.from({ length: lastData - firstData + 1 }, () => line);
      sheet.getRange(firstData, run.from + 1, grid.length, run.count).setValues(grid);
    }
  }

  const col = single ? findColumn(role, header[box.col - 1]) : undefined;
  const entry = editAuditEntry(
    {
      role,
      a1,
      at,
      user,
      ids,
      rows: box.rows,
      cols: box.cols,
      field: col?.key,
      oldValue: e.oldValue === undefined ? '' : String(e.oldValue),
      newValue: e.value !== undefined ? String(e.value) : cellText(values[0][0], dateText),
      // The values read once above for the notes: no further read for the audit.
      cells: single ? undefined : rangeCells(values, box.row, box.col, dateText, lang),
    },
    lang,
  );
  appendAuditTail(ss, props, [entry], lang, docProps ?? undefined);
}

/**
 * The best identity available to a simple trigger (LIMITED: usually hidden, gas-runtime-notes §10 "Identity"): the
 * event's user, else the active user, else ''. Each step may throw or be blank on its own; none may fail the edit.
 * The effective user is not asked: for an installable trigger it is the trigger's owner, not the editor.
 */
export function editorEmail(e: { user?: unknown }): string {
  try {
    const u = e.user as { getEmail?: () => unknown } | string | undefined;
    const email = typeof u === 'string' ? u : u?.getEmail?.();
    if (typeof email === 'string' && email) return email;
  } catch (_e) {
    // fall through to the session
  }
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch (_e) {
    return '';
  }
}
