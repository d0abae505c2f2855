// Derived ledger columns (PRODUCT.md §1), computed in pure code and written as values so Sheets and the emulator
// agree: per invoice paid / outstanding / settled date / days overdue / aging bucket, per customer outstanding /
// overdue / oldest overdue days / last payment date. Money in cents; "as of" is a calendar day in the spreadsheet's
// zone, passed in, so the same data gives the same result anywhere. Payments after the as-of day do not count yet.
import { addDays, dayNumber, type IsoDay } from './day';
import type { Cents } from './money';
import { daysOverdueOn } from './overdue';
import type { AgingBucket, Customer, Invoice, Payment } from './records';

export type InvoiceDerived = Pick<Invoice, 'paid' | 'outstanding' | 'settledDate' | 'daysOverdue' | 'agingBucket'>;
export type CustomerDerived = Pick<Customer, 'outstanding' | 'overdue' | 'oldestOverdueDays' | 'lastPaymentDate'>;

export const INVOICE_DERIVED_FIELDS = ['paid', 'outstanding', 'settledDate', 'daysOverdue', 'agingBucket'] as const;
export const CUSTOMER_DERIVED_FIELDS = ['outstanding', 'overdue', 'oldestOverdueDays', 'lastPaymentDate'] as const;

/** Terms used when a customer has none (PRODUCT.md §1: default 30 days). */
export const DEFAULT_TERMS_DAYS = 30;

export function agingBucket(daysOverdue: number, outstanding: Cents): AgingBucket | '' {
  if (outstanding <= 0) return '';
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

/** The due day: as typed, else issue date + the customer's terms. '' when neither is known. */
export function effectiveDueDate(inv: Pick<Invoice, 'dueDate' | 'issueDate'>, termsDays: number | null): IsoDay {
  if (inv.dueDate) return inv.dueDate;
  if (!inv.issueDate) return '';
  return addDays(inv.issueDate, termsDays ?? DEFAULT_TERMS_DAYS);
}

/** Payments per invoice id, counting only those dated on or before `asOf`, sorted by date. */
export function paymentsByInvoice(payments: readonly Payment[], asOf: IsoDay): Map<string, Payment[]> {
  const limit = dayNumber(asOf);
  const by = new Map<string, Payment[]>();
  for (const p of payments) {
    if (!p.invoiceId || !(dayNumber(p.date) <= limit)) continue;
    const list = by.get(p.invoiceId);
    if (list) list.push(p);
    else by.set(p.invoiceId, [p]);
  }
  for (const list of by.values()) list.sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  return by;
}

export function deriveInvoice(
  inv: Invoice,
  paid: readonly Payment[],
  asOf: IsoDay,
  termsDays: number | null = null,
): InvoiceDerived {
  let total = 0;
  let settledDate = '';
  for (const p of paid) {
    total += p.amount;
    if (!settledDate && total >= inv.amount) settledDate = p.date;
  }
  const writtenOff = inv.status === 'written-off';
  const outstanding = writtenOff ? 0 : Math.max(0, inv.amount - total);
  if (outstanding > 0) settledDate = '';
  const daysOverdue = daysOverdueOn(effectiveDueDate(inv, termsDays), outstanding, inv.status, asOf);
  return { paid: total, outstanding, settledDate, daysOverdue, agingBucket: agingBucket(daysOverdue, outstanding) };
}

/** Derived values for every invoice, in input order. */
export function deriveInvoices(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  asOf: IsoDay,
  termsOf: (customerId: string) => number | null = () => null,
): InvoiceDerived[] {
  const by = paymentsByInvoice(payments, asOf);
  return invoices.map((inv) => deriveInvoice(inv, by.get(inv.id) ?? [], asOf, termsOf(inv.customerId)));
}

/**
 * Derived values for every customer, in input order, from invoices already carrying their derived values.
 * A payment's customer is its own customerId, else its invoice's.
 */
export function deriveCustomers(
  customers: readonly Customer[],
  invoices: ReadonlyArray<Pick<Invoice, 'id' | 'customerId' | 'outstanding' | 'daysOverdue'>>,
  payments: readonly Payment[],
  asOf: IsoDay,
): CustomerDerived[] {
  const acc = new Map<string, CustomerDerived>();
  const get = (id: string) => {
    let a = acc.get(id);
    if (!a) {
      a = { outstanding: 0, overdue: 0, oldestOverdueDays: 0, lastPaymentDate: '' };
      acc.set(id, a);
    }
    return a;
  };
  const customerOfInvoice = new Map<string, string>();
  for (const inv of invoices) {
    customerOfInvoice.set(inv.id, inv.customerId);
    const a = get(inv.customerId);
    a.outstanding += inv.outstanding;
    if (inv.outstanding > 0 && inv.daysOverdue > 0) {
      a.overdue += inv.outstanding;
      a.oldestOverdueDays = Math.max(a.oldestOverdueDays, inv.daysOverdue);
    }
  }
  const limit = dayNumber(asOf);
  for (const p of payments) {
    const cid = p.customerId || customerOfInvoice.get(p.invoiceId) || '';
    if (!cid || !(dayNumber(p.date) <= limit)) continue;
    const a = get(cid);
    if (!a.lastPaymentDate || dayNumber(p.date) > dayNumber(a.lastPaymentDate)) a.lastPaymentDate = p.date;
  }
  return customers.map((c) => ({ ...(acc.get(c.id) ?? get(c.id)) }));
}
