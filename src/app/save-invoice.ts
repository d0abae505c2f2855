// Saving a new invoice from the sidebar: the customer must exist, the due date defaults to issue date + the
// customer's terms, a typed invoice id must be unique (else one is generated under the lock), and going over the
// credit limit is a warning, not a refusal; an invoice for a high-risk or over-limit customer is held as pending
// approval (no reminders) until an admin approves it (approve-invoice.ts). The customer's balance columns are refreshed in the same save.
import { t, msg } from '../domain/i18n';
import { formatMoney } from '../domain/money';
import type { Customer, Invoice } from '../domain/records';
import { validateInput } from '../domain/validate';
import { bucketOf, daysOverdueOf, isOpenInvoice } from './customer-360';
import type { LedgerStore, Stored } from './ports';
import { createdRecord, writeAudit } from './save-audit';
import { failure, formOf, idsOf, indexRow, nextId, saveLang, underLock } from './save-common';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import { defaultCurrency } from './sidebar-start';
import type { RecordSave, SaveResult } from './sidebar-types';
import { findRow, keyRows, keyTable, rowsAt } from './store-reads';

const ID_TAKEN = msg('app/save-invoice.ID_TAKEN');

export const INVOICE_ID_PREFIX = 'INV';

/** A customer's balance columns from its invoices (stored outstanding, days overdue as of today). */
export function customerBalances(invoices: readonly Invoice[], today: string) {
  let outstanding = 0;
  let overdue = 0;
  let oldestOverdueDays = 0;
  for (const i of invoices) {
    if (!isOpenInvoice(i)) continue;
    outstanding += i.outstanding;
    const days = daysOverdueOf(i, today);
    if (days > 0) overdue += i.outstanding;
    oldestOverdueDays = Math.max(oldestOverdueDays, days);
  }
  return { outstanding, overdue, oldestOverdueDays };
}

/** Writes the customer's balance columns and returns the customer as now stored. */
export function refreshCustomerBalances(
  store: LedgerStore,
  customer: { row: number; record: Customer },
  invoices: readonly Invoice[],
  today: string,
  extra: Partial<Customer> = {},
): Customer {
  const balances = { ...customerBalances(invoices, today), ...extra };
  const fields = Object.keys(balances) as Array<keyof Customer & string>;
  const before = customer.record as unknown as Record<string, unknown>;
  if (fields.some((f) => before[f] !== (balances as Record<string, unknown>)[f])) {
    store.update('customers', [{ row: customer.row, record: balances }], fields);
  }
  return { ...customer.record, ...balances };
}

/** A customer's invoices, whole: the rows its id marks in the customer column, then those rows only. */
export function customerInvoices(store: LedgerStore, customerId: string): ReadonlyArray<Stored<Invoice>> {
  const rows = keyRows(store, 'invoices', ['id', 'customerId'])
    .filter((s) => s.record.customerId === customerId)
    .map((s) => s.row);
  return rowsAt(store, 'invoices', rows).filter((s) => s.record.customerId === customerId);
}

export function saveInvoice(services: SidebarServices, save: RecordSave): SaveResult {
  const { store, clock, identity } = services;
  const lang = saveLang(services, save);
  const today = clock.today();
  const raw = formOf(save);
  const pre = validateInput('invoice', raw, lang, { today });
  if (!pre.ok) return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: pre.errors.length }), pre.errors);

  return underLock(services, lang, () => {
    const customer = findRow(store, 'customers', 'id', pre.value.customerId);
    if (!customer) {
      const message = t(lang, SIDEBAR_TEXT.notFoundCustomer, { id: pre.value.customerId });
      return failure('not-found', message, [{ field: 'customerId', message }]);
    }
    const ctx = { today, termsDays: customer.record.termsDays, defaultCurrency: defaultCurrency(store.settings()) };
    const v = validateInput('invoice', raw, lang, ctx);
    if (!v.ok) return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: v.errors.length }), v.errors);
    // The id and customer columns: the id check, the next id, and which rows are this customer's invoices.
    const invoiceTable = keyTable(store, 'invoices', ['id', 'customerId']);
    const typedId = v.value.id.trim();
    const ids = idsOf(invoiceTable);
    if (typedId && ids.includes(typedId)) {
      const message = t(lang, ID_TAKEN, { id: typedId });
      return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: 1 }), [{ field: 'id', message }]);
    }
    const id = typedId || nextId(INVOICE_ID_PREFIX, ids);
    const days = daysOverdueOf(
      { dueDate: v.value.dueDate, outstanding: v.value.amount, status: v.value.status },
      today,
    );
    const record: Invoice = {
      ...v.value,
      id,
      status: v.value.status || 'open',
      paid: 0,
      outstanding: v.value.status === 'written-off' ? 0 : v.value.amount,
      settledDate: '',
      daysOverdue: days,
      agingBucket: bucketOf(days),
      lastReminderStage: '',
      lastReminderAt: '',
    };
    const mine = customerInvoices(store, customer.record.id).map((s) => s.record);
    const before = customerBalances(mine, today).outstanding;
    const warnings: string[] = [];
    const limit = customer.record.creditLimit;
    const overLimit = limit !== null && limit !== undefined && before + record.amount > limit;
    // PRODUCT §14: a new invoice for a high-risk or over-limit customer waits for an admin's approval, unreminded.
    const highRisk = (customer.record.segmentOverride || customer.record.segment) === 'high-risk';
    const held = (highRisk || overLimit) && record.status === 'open';
    if (held) record.status = 'pending-approval';
    if (overLimit) {
      const cur = record.currency;
      warnings.push(
        t(lang, SIDEBAR_TEXT.creditWarning, {
          outstanding: formatMoney(before, cur),
          amount: formatMoney(record.amount, cur),
          limit: formatMoney(limit, cur),
        }),
      );
    }
    if (held) warnings.push(t(lang, highRisk ? SIDEBAR_TEXT.heldHighRisk : SIDEBAR_TEXT.heldOverLimit, { id }));
    store.append('invoices', [record]);
    const updated = refreshCustomerBalances(store, customer, [...mine, record], today);
    writeAudit(store, clock, identity, [createdRecord('invoices', id, { ...v.value, id, status: record.status })]);
    return {
      ok: true,
      id,
      message: t(lang, SIDEBAR_TEXT.savedInvoice, { id }),
      warnings,
      customer: indexRow(updated),
    };
  });
}
