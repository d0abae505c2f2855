// The vocabulary of an import shared by the domain, the use cases and the sidebar (PRODUCT.md §12).

/** The sheets an import can fill. */
export type ImportTarget = 'customers' | 'invoices' | 'payments' | 'interactions';
export const IMPORT_TARGETS: readonly ImportTarget[] = ['customers', 'invoices', 'payments', 'interactions'];

export function isImportTarget(v: unknown): v is ImportTarget {
  return typeof v === 'string' && (IMPORT_TARGETS as readonly string[]).includes(v);
}

/** What to do with a source row that matches an existing record (or an earlier row of the same source). */
export type DedupeAction = 'skip' | 'update' | 'create';

/**
 * Limits of one import. Rows: the 50,000-invoice workload of PRODUCT.md §10 fits, a 60,000-row file is refused
 * before anything is written. Columns: every ERP layout we know has well under 100; more means a sheet that is not
 * a table (a report, a pivot). Bytes: what the sidebar reads from a chosen file.
 */
export const IMPORT_LIMITS = {
  maxRows: 50000,
  maxColumns: 100,
  maxFileBytes: 20 * 1024 * 1024,
} as const;
