// Reading a ledger sheet for export: the store's one whole-sheet read, with Dates turned into text in the
// spreadsheet's zone (google.script.run cannot carry a Date: it arrives as null) — days for date columns, stamps
// otherwise — and empty trailing rows dropped.
import type { ExportReader } from '../app/export-data';
import { findColumn } from '../domain/schema';
import { isDateValue } from '../domain/table';
import type { SheetLedgerStore } from './sheet-store';

export function sheetExportReader(store: SheetLedgerStore): ExportReader {
  return (role) => {
    if (!store.findSheet(role)) return null;
    const snap = store.snapshot(role);
    const header = (snap.values[0] ?? []).map((h) => String(h ?? ''));
    const kinds = header.map((h) => findColumn(role, h)?.type);
    const rows = snap.values.slice(1).map((r) =>
      header.map((_, i) => {
        const v = r[i];
        if (typeof v === 'object' && v !== null && isDateValue(v)) {
          return kinds[i] === 'date' ? store.zone.day(v as Date) : store.zone.stamp(v as Date);
        }
        return typeof v === 'number' || typeof v === 'boolean' ? v : String(v ?? '');
      }),
    );
    while (rows.length && rows[rows.length - 1].every((c) => c === '')) rows.pop();
    return { role, name: snap.sheet.getName(), header, rows };
  };
}
