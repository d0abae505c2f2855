// Refresh ledger (menu *Refresh ledger*, PRODUCT.md §1): recomputes every derived invoice and customer column as of
// today in one read per sheet and one batched write per sheet, writing only rows whose values changed.
import type { IsoDay } from '../domain/day';
import {
  CUSTOMER_DERIVED_FIELDS,
  type CustomerDerived,
  deriveCustomers,
  deriveInvoices,
  INVOICE_DERIVED_FIELDS,
  type InvoiceDerived,
} from '../domain/derive';
import { fill, type Lang, perLang, t } from '../domain/i18n';
import type { Customer, Invoice, Payment } from '../domain/records';
import { sheetOf } from '../domain/schema';
import { REFRESH } from '../domain/workbook-i18n';
import type { DuplicateIds } from '../domain/reminders/plan';
import type { LedgerStore, Progress, RowIssue, Stored, Table } from './ports';
import { duplicateIds } from './reminder-ledger';
import { withFields } from './store-reads';

export interface RefreshResult {
  asOf: IsoDay;
  invoices: number;
  customers: number;
  invoicesChanged: number;
  customersChanged: number;
  /** Rows skipped because a typed cell is invalid (reported, never fatal). */
  issues: RowIssue[];
}

/** The ledger as the refresh left it: every readable customer and invoice row with its derived values as of `asOf`. */
export interface RefreshedRows {
  asOf: IsoDay;
  customers: Array<Stored<Customer>>;
  invoices: Array<Stored<Invoice>>;
  duplicates: DuplicateIds;
}

function changed<T extends object>(before: T, after: Partial<T>, fields: readonly (keyof T)[]): boolean {
  return fields.some((f) => before[f] !== after[f]);
}

export function refreshLedger(store: LedgerStore, asOf: IsoDay, progress: Progress, lang: Lang): RefreshResult {
  return refreshLedgerRows(store, asOf, progress, lang).result;
}

/**
 * The refresh, also handing back the rows it computed: what re-reading the two sheets it just wrote would give
 * (the written values read back unchanged), so a caller that goes on working (the reminder run) need not parse
 * them again.
 */
export function refreshLedgerRows(
  store: LedgerStore,
  asOf: IsoDay,
  progress: Progress,
  lang: Lang,
): { result: RefreshResult; rows: RefreshedRows } {
  progress.step(t(lang, REFRESH.started));
  const customers = store.read('customers');
  const invoices = store.read('invoices');
  const payments = store.read('payments');
  const terms = new Map(customers.rows.map((c) => [c.record.id, c.record.termsDays]));
  const invDerived = deriveInvoices(
    invoices.rows.map((r) => r.record),
    payments.rows.map((r) => r.record),
    asOf,
    (id) => terms.get(id) ?? null,
  );
  const invChanges: Array<{ row: number; record: InvoiceDerived }> = [];
  invoices.rows.forEach((r, i) => {
    if (changed<Invoice>(r.record, invDerived[i], INVOICE_DERIVED_FIELDS))
      invChanges.push({ row: r.row, record: invDerived[i] });
  });
  const merged = invoices.rows.map((r, i): Invoice => ({ ...r.record, ...invDerived[i] }));
  const custDerived = deriveCustomers(
    customers.rows.map((r) => r.record),
    merged,
    payments.rows.map((r) => r.record),
    asOf,
  );
  const custChanges: Array<{ row: number; record: CustomerDerived }> = [];
  customers.rows.forEach((r, i) => {
    if (changed<Customer>(r.record, custDerived[i], CUSTOMER_DERIVED_FIELDS))
      custChanges.push({ row: r.row, record: custDerived[i] });
  });
  progress.step(t(lang, REFRESH.writing, { invoices: invChanges.length, customers: custChanges.length }));
  if (invChanges.length) store.update('invoices', invChanges, [...INVOICE_DERIVED_FIELDS]);
  // Paid ⇄ open follows the payments (derive.ts settledStatus). The status column is typed by people too, so only
  // the rows whose status changes are written, and in most runs there are none (no call at all).
  const statusChanges = invoices.rows
    .map((r, i) => ({ row: r.row, record: { status: invDerived[i].status }, before: r.record.status }))
    .filter((c) => c.before !== c.record.status)
    .map(({ row, record }) => ({ row, record }));
  if (statusChanges.length) store.update('invoices', statusChanges, ['status']);
  if (custChanges.length) store.update('customers', custChanges, [...CUSTOMER_DERIVED_FIELDS]);
  const rows = {
    asOf,
    invoices: invoices.rows.map((r, i) => ({ row: r.row, record: merged[i] })),
    duplicates: duplicateIds(customers, invoices, payments),
  } as RefreshedRows;
  // The customers with their derived fields, built when first asked: the daily run rescores next and then plans with
  // the customers as rescored, so it never asks (copying 10,000 records is a noticeable share of its CPU).
  let refreshedCustomers: Array<Stored<Customer>> | undefined;
  Object.defineProperty(rows, 'customers', {
    enumerable: true,
    get: () => {
      refreshedCustomers ??= customers.rows.map((r, i) => ({
        row: r.row,
        record: withFields(r.record, custDerived[i]),
      }));
      return refreshedCustomers;
    },
  });
  const result: RefreshResult = {
    asOf,
    invoices: invoices.rows.length,
    customers: customers.rows.length,
    invoicesChanged: invChanges.length,
    customersChanged: custChanges.length,
    issues: [
      ...customers.issues,
      ...invoices.issues,
      ...payments.issues,
      ...danglingReferences(customers, invoices, payments.rows),
    ],
  };
  return { result, rows };
}

/**
 * Rows typed by hand that point at a customer or invoice that does not exist: still computed (their amounts are
 * real), but reported so the user can fix the id — they would otherwise only surface as skipped reminders.
 */
function danglingReferences(
  customers: Table<Customer>,
  invoices: Table<Invoice>,
  payments: ReadonlyArray<Stored<Payment>>,
): RowIssue[] {
  const customerIds = new Set(customers.rows.map((c) => c.record.id));
  const invoiceIds = new Set(invoices.rows.map((i) => i.record.id));
  // A reference to an id typed on two rows is not dangling: it waits until the duplicate is resolved.
  const dupCustomers = new Set((customers.duplicates ?? []).map((c) => c.record.id));
  const dupInvoices = new Set((invoices.duplicates ?? []).map((i) => i.record.id));
  const issues: RowIssue[] = [];
  const text = (key: keyof typeof REFRESH, id: string) => perLang((lang) => fill(REFRESH[key][lang], { id }));
  for (const { row, record } of invoices.rows) {
    if (!customerIds.has(record.customerId)) {
      const key = dupCustomers.has(record.customerId) ? 'duplicateCustomer' : 'unknownCustomer';
      issues.push({ role: 'invoices', row, field: 'customerId', message: text(key, record.customerId) });
    }
  }
  for (const { row, record } of payments) {
    if (!invoiceIds.has(record.invoiceId)) {
      const key = dupInvoices.has(record.invoiceId) ? 'duplicateInvoice' : 'unknownInvoice';
      issues.push({ role: 'payments', row, field: 'invoiceId', message: text(key, record.invoiceId) });
    }
  }
  return issues;
}

/** The localized end-of-run summary, listing up to five skipped rows so the user can fix them. */
export function refreshSummary(r: RefreshResult, lang: Lang): string {
  const head = t(lang, REFRESH.summary, {
    asOf: r.asOf,
    invoices: r.invoices,
    customers: r.customers,
    invoicesChanged: r.invoicesChanged,
    customersChanged: r.customersChanged,
  });
  if (!r.issues.length) return head;
  // Duplicate ids first: they change what is counted, a bad cell only drops its own row.
  const list = [...r.issues.filter((i) => i.duplicateId), ...r.issues.filter((i) => !i.duplicateId)]
    .slice(0, 5)
    .map(
      (i) =>
        `• ${t(lang, REFRESH.issueLine, { sheet: sheetOf(i.role).name[lang], row: i.row, message: i.message[lang] })}`,
    )
    .join('\n');
  return `${head}\n${t(lang, REFRESH.skipped, { count: r.issues.length })}\n${list}`;
}
