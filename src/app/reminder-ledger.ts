// The ledger as the reminder planner needs it: one read of customers, invoices, payments and the reminder log,
// with each invoice's paid / outstanding recomputed in memory from the payments as of today. Reminders must never
// go out for an invoice paid yesterday just because the derived columns were not refreshed yet.
import type { IsoDay } from '../domain/day';
import { deriveInvoices } from '../domain/derive';
import type { Customer, Invoice, Payment, ReminderLogEntry } from '../domain/records';
import type { DuplicateIds } from '../domain/reminders/plan';
import { columnsOf } from '../domain/schema';
import type { LedgerStore, RecordOf, Stored, Table } from './ports';
import type { RefreshedRows } from './refresh-ledger';
import { keyTable } from './store-reads';

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

type PlannedRole = 'customers' | 'invoices' | 'payments';

/** What planReminders and deriveInvoices read of each record (the planned messages' names and addresses included). */
const PLANNER_FIELDS: { [K in PlannedRole]: ReadonlyArray<keyof RecordOf[K] & string> } = {
  customers: [
    'id',
    'name',
    'contact',
    'email',
    'manager',
    'language',
    'termsDays',
    'status',
    'remindersPaused',
    'segment',
    'segmentOverride',
    'creditGrade',
  ],
  invoices: [
    'id',
    'customerId',
    'contractNo',
    'project',
    'issueDate',
    'dueDate',
    'amount',
    'currency',
    'status',
    'promiseDate',
    'lastReminderStage',
    'lastReminderAt',
  ],
  payments: ['id', 'invoiceId', 'date', 'amount'],
};

/**
 * Column types whose cells always read (table.ts readCell): free text takes anything, a Date included. Every other
 * type can refuse a cell — even an id, phone or e-mail column refuses a Date (a pasted day Sheets turned into one).
 */
const FREE_TYPES: ReadonlySet<string> = new Set(['text', 'longtext', 'datetime']);

/**
 * The columns a plan needs to come out exactly as from whole sheets: the fields it reads, plus every column whose
 * cell can make a row unreadable (required, or parsed; derived columns never reject a row). A whole-sheet read
 * leaves such a row out, and so must this one, so both give the plan the same rows and the same duplicate ids.
 */
export function plannerFields<K extends PlannedRole>(role: K): Array<keyof RecordOf[K] & string> {
  const rejecting = columnsOf(role)
    .filter((c) => !c.derived && (c.required || !FREE_TYPES.has(c.type)))
    .map((c) => c.key as keyof RecordOf[K] & string);
  return [...new Set([...PLANNER_FIELDS[role], ...rejecting])];
}

/**
 * readReminderLedger from the columns the plan needs (plannerFields), not whole sheets: the sidebar's reminder
 * status counts today's messages this way (at 50,000 invoices about a third fewer cells to move and parse). Records
 * carry only those fields, so this ledger is for planning, not for rendering or writing.
 */
export function readPlannerLedger(store: LedgerStore, today: IsoDay): ReminderLedger {
  const customerTable = keyTable(store, 'customers', plannerFields('customers'));
  const invoiceTable = keyTable(store, 'invoices', plannerFields('invoices'));
  const paymentTable = keyTable(store, 'payments', plannerFields('payments'));
  const customers = customerTable.rows.map((s) => s.record);
  const rows = invoiceTable.rows;
  const log = store.read('reminders').rows.map((s) => s.record);
  const terms = new Map(customers.map((c) => [c.id, c.termsDays]));
  const derived = deriveInvoices(
    rows.map((s) => s.record),
    paymentTable.rows.map((s) => s.record),
    today,
    (id) => terms.get(id) ?? null,
  );
  const invoiceRows = rows.map((s, i) => ({ row: s.row, record: { ...s.record, ...derived[i] } }));
  const duplicates = duplicateIds(customerTable, invoiceTable, paymentTable);
  return { customers, invoiceRows, invoices: invoiceRows.map((s) => s.record), log, duplicates };
}
