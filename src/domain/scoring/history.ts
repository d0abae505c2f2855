// Customer histories for scoring, built once from the ledger's tables: invoices grouped by customer, each with its
// payments sorted by day, and complaint days per customer. Grouping once makes every later as-of computation
// O(records of that customer), so a whole ledger scores in linear time. Rows that cannot be trusted (bad days,
// non-positive amounts, unknown invoice or customer) are left out and reported, never guessed at.
import { dayNumber as parseDay } from '../day';
import { effectiveDueDate } from '../derive';
import type { Cents } from '../money';
import type { Interaction, Invoice, InvoiceStatus, Payment } from '../records';

export interface PaymentEvent {
  readonly day: number;
  readonly cents: Cents;
}

export interface InvoiceHistory {
  readonly id: string;
  readonly issue: number;
  readonly due: number;
  readonly amount: Cents;
  readonly status: InvoiceStatus | '';
  /** Sorted by day ascending. */
  readonly payments: PaymentEvent[];
}

export interface CustomerHistory {
  readonly invoices: InvoiceHistory[];
  /** Days of complaint interactions, unsorted. */
  readonly complaints: number[];
}

/** A record left out of scoring, with the reason code (catalogued in scoring-text.ts). */
export interface SkippedRecord {
  readonly role: 'invoices' | 'payments' | 'interactions';
  readonly id: string;
  readonly reason: 'bad-date' | 'bad-amount' | 'unknown-customer' | 'unknown-invoice';
}

export interface Histories {
  readonly byCustomer: ReadonlyMap<string, CustomerHistory>;
  readonly skipped: readonly SkippedRecord[];
}

const EMPTY: CustomerHistory = { invoices: [], complaints: [] };

export function historyOf(h: Histories, customerId: string): CustomerHistory {
  return h.byCustomer.get(customerId) ?? EMPTY;
}

/**
 * Groups the tables by customer. `knownCustomers`, when given, drops invoices of customers that do not exist
 * (reported as unknown-customer).
 */
export function buildHistories(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  interactions: readonly Interaction[],
  knownCustomers?: ReadonlySet<string>,
  /**
   * The customer's payment terms: when given, an invoice typed without a due date is due issue date + terms, as the
   * ledger's derived columns and the 360 have it (one oldest-overdue figure, issue #16); without it, it is skipped.
   */
  termsOf?: (customerId: string) => number | null,
): Histories {
  const byCustomer = new Map<string, { invoices: InvoiceHistory[]; complaints: number[] }>();
  const byInvoice = new Map<string, InvoiceHistory>();
  const skipped: SkippedRecord[] = [];
  // A ledger has few distinct days and many rows: parse each day once.
  const days = new Map<string, number>();
  const dayNumber = (iso: string) => {
    let n = days.get(iso);
    if (n === undefined) {
      n = parseDay(iso);
      days.set(iso, n);
    }
    return n;
  };
  const entry = (id: string) => {
    let e = byCustomer.get(id);
    if (!e) {
      e = { invoices: [], complaints: [] };
      byCustomer.set(id, e);
    }
    return e;
  };
  for (const inv of invoices) {
    const issue = dayNumber(inv.issueDate);
    const due = dayNumber(termsOf ? effectiveDueDate(inv, termsOf(inv.customerId)) : inv.dueDate);
    if (Number.isNaN(issue) || Number.isNaN(due)) {
      skipped.push({ role: 'invoices', id: inv.id, reason: 'bad-date' });
      continue;
    }
    if (!Number.isSafeInteger(inv.amount) || inv.amount <= 0) {
      skipped.push({ role: 'invoices', id: inv.id, reason: 'bad-amount' });
      continue;
    }
    if (!inv.customerId || (knownCustomers && !knownCustomers.has(inv.customerId))) {
      skipped.push({ role: 'invoices', id: inv.id, reason: 'unknown-customer' });
      continue;
    }
    const h: InvoiceHistory = { id: inv.id, issue, due, amount: inv.amount, status: inv.status, payments: [] };
    byInvoice.set(inv.id, h);
    entry(inv.customerId).invoices.push(h);
  }
  for (const p of payments) {
    const inv = byInvoice.get(p.invoiceId);
    if (!inv) {
      skipped.push({ role: 'payments', id: p.id, reason: 'unknown-invoice' });
      continue;
    }
    const day = dayNumber(p.date);
    if (Number.isNaN(day)) {
      skipped.push({ role: 'payments', id: p.id, reason: 'bad-date' });
      continue;
    }
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0) {
      skipped.push({ role: 'payments', id: p.id, reason: 'bad-amount' });
      continue;
    }
    inv.payments.push({ day, cents: p.amount });
  }
  for (const inv of byInvoice.values()) if (inv.payments.length > 1) inv.payments.sort((a, b) => a.day - b.day);
  for (const it of interactions) {
    if (it.type !== 'complaint') continue;
    const day = dayNumber(it.date);
    if (Number.isNaN(day) || !it.customerId) {
      skipped.push({ role: 'interactions', id: it.id, reason: Number.isNaN(day) ? 'bad-date' : 'unknown-customer' });
      continue;
    }
    entry(it.customerId).complaints.push(day);
  }
  return { byCustomer, skipped };
}

/** Paid amount as of a day and the day the invoice became fully paid (NaN when not settled by then). */
export function paymentStateAsOf(inv: InvoiceHistory, asOf: number): { paid: Cents; settledDay: number } {
  let paid = 0;
  for (const p of inv.payments) {
    if (p.day > asOf) break;
    paid += p.cents;
    if (paid >= inv.amount) return { paid, settledDay: p.day };
  }
  return { paid, settledDay: Number.NaN };
}
