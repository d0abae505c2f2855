// The ledger as the reminder planner needs it: one read of customers, invoices, payments and the reminder log,
// with each invoice's paid / outstanding recomputed in memory from the payments as of today. Reminders must never
// go out for an invoice paid yesterday just because the derived columns were not refreshed yet.
import type { IsoDay } from '../domain/day';
import { deriveInvoices } from '../domain/derive';
import type { Customer, Invoice, Payment, ReminderLogEntry } from '../domain/records';
import type { DuplicateIds } from '../domain/reminders/plan';
import type { LedgerStore, Stored, Table } from './ports';
import type { RefreshedRows } from './refresh-ledger';

export interface ReminderLedger {
  customers: Customer[];
  /** Sheet rows with derived money fields recomputed as of today. */
  invoiceRows: Array<Stored<Invoice>>;
  invoices: Invoice[];
  log: ReminderLogEntry[];
  /** Rows sharing an id (never counted): what the plan skips as `duplicate-id`. */
  duplicates: DuplicateIds;
}

/** The ids typed on two rows of customers, invoices or payments, as the planner needs them. */
export function duplicateIds(
  customers: Pick<Table<Customer>, 'duplicates'>,
  invoices: Pick<Table<Invoice>, 'duplicates'>,
  payments: Pick<Table<Payment>, 'duplicates'>,
): DuplicateIds {
  return {
    invoices: (invoices.duplicates ?? []).map((s) => s.record),
    customerIds: new Set((customers.duplicates ?? []).map((s) => s.record.id)),
    paidInvoiceIds: new Set((payments.duplicates ?? []).map((s) => s.record.invoiceId)),
  };
}

/**
 * `refreshed`: the rows a refresh as of today just computed (and wrote); used instead of parsing the two sheets
 * again, their derived values being exactly what this function would recompute.
 */
export function readReminderLedger(store: LedgerStore, today: IsoDay, refreshed?: RefreshedRows): ReminderLedger {
  if (refreshed && refreshed.asOf === today) {
    const log = store.read('reminders').rows.map((s) => s.record);
    return {
      customers: refreshed.customers.map((s) => s.record),
      invoiceRows: refreshed.invoices,
      invoices: refreshed.invoices.map((s) => s.record),
      log,
      duplicates: refreshed.duplicates,
    };
  }
  const customerTable = store.read('customers');
  const invoiceTable = store.read('invoices');
  const paymentTable = store.read('payments');
  const customers = customerTable.rows.map((s) => s.record);
  const rows = invoiceTable.rows;
  const payments = paymentTable.rows.map((s) => s.record);
  const log = store.read('reminders').rows.map((s) => s.record);
  const terms = new Map(customers.map((c) => [c.id, c.termsDays]));
  const derived = deriveInvoices(
    rows.map((s) => s.record),
    payments,
    today,
    (id) => terms.get(id) ?? null,
  );
  const invoiceRows = rows.map((s, i) => ({ row: s.row, record: { ...s.record, ...derived[i] } }));
  const duplicates = duplicateIds(customerTable, invoiceTable, paymentTable);
  return { customers, invoiceRows, invoices: invoiceRows.map((s) => s.record), log, duplicates };
}
