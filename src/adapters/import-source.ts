// An import source tab on SpreadsheetApp: its size from getLastRow/getLastColumn, its header in one read, data rows
// in one getValues per slice (never a call per row). Date cells become ISO days in the spreadsheet's zone, so the
// domain never sees a Date. The ledger's own sheets and the Import report cannot be a source.
import { ImportSourceError, type ImportSourcePort } from '../app/import-ports';
import { IMPORT_TEXT } from '../app/import-i18n';
import type { Role } from '../app/ports';
import { everyLang, fill, perLang } from '../domain/i18n';
import { IMPORT_LIMITS } from '../domain/import-types';
import type { SourceCell } from '../domain/import-values';
import { roleOfSheetName } from '../domain/schema';
import { isDateValue } from '../domain/table';
import type { SheetLedgerStore } from './sheet-store';

function refusal(key: 'sourceMissing' | 'sourceIsLedger', name: string): ImportSourceError {
  const text = IMPORT_TEXT[key];
  return new ImportSourceError(perLang((lang) => fill(text[lang], { name })));
}

const ROLES: readonly Role[] = ['customers', 'invoices', 'payments', 'interactions', 'reminders', 'audit', 'settings'];

export function openSheetSource(store: SheetLedgerStore, name: string): ImportSourcePort {
  const wanted = String(name ?? '').trim();
  const report = everyLang(IMPORT_TEXT.reportSheet);
  if (!wanted) throw refusal('sourceMissing', wanted);
  if (roleOfSheetName(wanted) || report.includes(wanted)) throw refusal('sourceIsLedger', wanted);
  const sheet = store.ss.getSheetByName(wanted);
  if (!sheet) throw refusal('sourceMissing', wanted);
  const id = sheet.getSheetId();
  if (ROLES.some((r) => store.props.sheets[r] === id)) throw refusal('sourceIsLedger', wanted);
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  // Past the limits nothing is read: the size alone refuses it (the request check names the limit).
  const width = Math.min(lastCol, IMPORT_LIMITS.maxColumns + 1);
  const total = Math.max(0, lastRow - 1);
  let header: string[] | undefined;
  const cell = (v: unknown): SourceCell => {
    if (typeof v === 'object' && v !== null && isDateValue(v)) return store.zone.day(v as Date);
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
    return v === null || v === undefined ? '' : String(v);
  };
  return {
    name: wanted,
    key: `sheet:${wanted}`,
    first: 0,
    header: () => {
      if (!header) {
        const row = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
        header = row.map((v) => String(cell(v) ?? '').trim());
        if (lastCol > width) header.length = lastCol;
      }
      return header;
    },
    total: () => total,
    rows: (from, count) => {
      const n = Math.min(count, total - from);
      if (n <= 0 || width <= 0 || total > IMPORT_LIMITS.maxRows) return [];
      return sheet
        .getRange(from + 2, 1, n, width)
        .getValues()
        .map((r) => r.map(cell));
    },
  };
}
