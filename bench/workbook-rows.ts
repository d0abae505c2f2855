// Turns the generated demo workbook (domain records) into the cell values a sheet holds, in the column order the
// sheet's header row has, so the benchmark can load a large workbook with ONE setValues per sheet instead of
// thousands of sidebar saves. Values are written the way a user's typed data reads back: money as numbers in
// currency units, days as Dates at midnight in the spreadsheet's zone, enums as their localized labels.
import { dayNumber } from '../src/domain/day';
import type { Lang } from '../src/domain/records';
import { type Column, columnsOf, enumLabel, findColumn } from '../src/domain/schema';
import type { Role } from '../src/app/ports';
import type { DemoWorkbook } from '../emulator/playground/demo-data';
import { zoneOffsetMs } from '../emulator/src/spreadsheet/dates';

export type Row = unknown[];
type AnyRecord = Record<string, unknown>;

/** The roles the benchmark fills; the logs and settings start as setup leaves them. */
export const DATA_ROLES = ['customers', 'invoices', 'payments', 'interactions'] as const;
export type DataRole = (typeof DATA_ROLES)[number];

const DAY_MS = 86_400_000;

/** Midnight of an ISO day in `timeZone`, as the Date a date cell reads back as. */
export function dateAt(iso: string, timeZone: string): Date {
  const utcMidnight = dayNumber(iso) * DAY_MS;
  return new Date(utcMidnight - zoneOffsetMs(timeZone, utcMidnight));
}

function cellValue(column: Column, value: unknown, lang: Lang, timeZone: string): unknown {
  if (value === undefined || value === null || value === '') return '';
  switch (column.type) {
    case 'money':
      return (value as number) / 100;
    case 'date':
      return dateAt(String(value), timeZone);
    case 'enum':
      return enumLabel(column, String(value), lang);
    default:
      return value;
  }
}

/**
 * Invoices' `paid` and `outstanding` as the add-on's refresh would derive them from the payments: the naive
 * baseline reads them, as a tutorial sheet would read its "Paid"/"Outstanding" columns.
 */
export function withPaidColumns(wb: DemoWorkbook): AnyRecord[] {
  const paid = new Map<string, number>();
  for (const p of wb.payments) paid.set(p.invoiceId, (paid.get(p.invoiceId) ?? 0) + p.amount);
  return wb.invoices.map((inv) => {
    const p = paid.get(inv.id) ?? 0;
    const outstanding = inv.status === 'written-off' ? 0 : Math.max(0, inv.amount - p);
    return { ...inv, paid: p, outstanding };
  });
}

/** The records of one role in `wb`, optionally with the invoices' paid/outstanding filled in. */
export function recordsOf(wb: DemoWorkbook, role: DataRole, withDerived: boolean): AnyRecord[] {
  if (role === 'invoices') return withDerived ? withPaidColumns(wb) : (wb.invoices as unknown as AnyRecord[]);
  return wb[role] as unknown as AnyRecord[];
}

/**
 * Rows for a sheet whose header row is `headers` (any language, any order, user columns allowed): each record's
 * field lands under the header naming it; unknown headers get ''.
 */
export function rowsFor(
  role: Role,
  headers: readonly unknown[],
  records: readonly AnyRecord[],
  lang: Lang,
  tz: string,
): Row[] {
  const columns = headers.map((h) => findColumn(role, h));
  return records.map((rec) => columns.map((col) => (col ? cellValue(col, rec[col.key], lang, tz) : '')));
}

/** The header row setup would write for `role` in `lang`, for environments that never ran the add-on's setup. */
export function headersOf(role: Role, lang: Lang): string[] {
  return columnsOf(role).map((c) => c.header[lang]);
}
