// The ledger as the report sees it on its as-of day: rows left out for bad data (counted for the footnote), the
// rest derived with the same code as the derived columns (derive.ts), so the report and the sheets agree.
import { deriveInvoice, effectiveDueDate } from '../derive';
import { dayNumber, type IsoDay } from '../day';
import type { Cents } from '../money';
import type { Customer, Interaction, Invoice, Payment } from '../records';

export interface ReportSource {
  customers: readonly Customer[];
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  interactions: readonly Interaction[];
  /** Rows the table reader could not read (text in an amount, a bad date…): already left out, only counted. */
  unreadable: number;
  /** Rows the reader left out because another row has the same id (both copies): only counted. */
  duplicates?: number;
}

export interface Excluded {
  unreadable: number;
  unknownCustomer: number;
  unknownInvoice: number;
  duplicateId: number;
}

/** An invoice as of the report day, with what the report needs beside the derived values. */
export interface ReportInvoice {
  inv: Invoice;
  customer: Customer;
  currency: string;
  issue: number;
  due: number;
  outstanding: Cents;
  daysOverdue: number;
  settled: number;
  /** Payments on or before the as-of day, ascending: [day number, cents]. */
  paid: Array<[number, Cents]>;
}

export interface ReportLedger {
  asOf: IsoDay;
  invoices: ReportInvoice[];
  payments: Payment[];
  customers: Customer[];
  excluded: Excluded;
}

/**
 * First row of each id wins; later rows with the same id are left out and counted (never both counted). The sheet
 * reader already leaves every copy of a duplicated id out (counted in `duplicates`); this guards sources that do not.
 */
function firstOfEachId<T extends { id: string }>(rows: readonly T[], onDuplicate: () => void): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) {
      onDuplicate();
      continue;
    }
    seen.add(r.id);
    out.push(r);
  }
  return out;
}

export function reportLedger(src: ReportSource, asOf: IsoDay, defaultCurrency: string): ReportLedger {
  const excluded: Excluded = {
    unreadable: src.unreadable,
    unknownCustomer: 0,
    unknownInvoice: 0,
    duplicateId: src.duplicates ?? 0,
  };
  const dup = () => {
    excluded.duplicateId++;
  };
  const customers = firstOfEachId(src.customers, dup);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const limit = dayNumber(asOf);
  // Every invoice id that exists (a payment on it is not "unknown"), and whether the report counts the invoice.
  const counted = new Map<string, boolean>();
  const invoices: Invoice[] = [];
  for (const inv of firstOfEachId(src.invoices, dup)) {
    const known = byId.has(inv.customerId);
    const inScope = known && dayNumber(inv.issueDate) <= limit;
    counted.set(inv.id, inScope);
    if (!known) excluded.unknownCustomer++;
    else if (inScope) invoices.push(inv);
  }
  for (const inv of src.invoices) if (!counted.has(inv.id)) counted.set(inv.id, false);
  const payments: Payment[] = [];
  const paidBy = new Map<string, Payment[]>();
  for (const p of firstOfEachId(src.payments, dup)) {
    const c = counted.get(p.invoiceId);
    if (c === undefined) excluded.unknownInvoice++;
    else if (c && dayNumber(p.date) <= limit) {
      payments.push(p);
      const list = paidBy.get(p.invoiceId);
      if (list) list.push(p);
      else paidBy.set(p.invoiceId, [p]);
    }
  }
  for (const list of paidBy.values()) if (list.length > 1) list.sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const none: Payment[] = [];
  const rows = invoices.map((inv): ReportInvoice => {
    const customer = byId.get(inv.customerId) as Customer;
    const paid = paidBy.get(inv.id) ?? none;
    // The derived ledger's own computation (derive.ts), on the payments up to the as-of day.
    const d = deriveInvoice(inv, paid, asOf, customer.termsDays);
    return {
      inv,
      customer,
      currency: inv.currency ? inv.currency.toUpperCase() : defaultCurrency,
      issue: dayNumber(inv.issueDate),
      due: dayNumber(effectiveDueDate(inv, customer.termsDays)),
      outstanding: d.outstanding,
      daysOverdue: d.daysOverdue,
      settled: d.settledDate ? dayNumber(d.settledDate) : Number.NaN,
      paid: paid.map((p): [number, Cents] => [dayNumber(p.date), p.amount]),
    };
  });
  return { asOf, invoices: rows, payments, customers, excluded };
}

/** Amount still owed on `day` (0 before issue, written-off invoices always 0: their status is as it stands now). */
export function outstandingOn(r: ReportInvoice, day: number): Cents {
  if (day < r.issue || r.inv.status === 'written-off') return 0;
  let paid = 0;
  for (const [d, amount] of r.paid) {
    if (d > day) break;
    paid += amount;
  }
  return Math.max(0, r.inv.amount - paid);
}

export const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Index into BUCKETS for a number of days past due (≤ 0 is current). */
export function bucketIndex(daysOverdue: number): number {
  if (daysOverdue <= 0) return 0;
  if (daysOverdue <= 30) return 1;
  if (daysOverdue <= 60) return 2;
  if (daysOverdue <= 90) return 3;
  return 4;
}
