// The ONE "days overdue" and "oldest overdue" rule (issue #16: the trial saw 621, 208 and 342 days for the same
// customer on one screen, because the 360, the digest, the scorecard and the derived columns each had their own).
// An invoice is overdue when it still owes money, is not written off and its due day (as typed, else issue date +
// the customer's terms) is before the as-of day; the customer's oldest overdue is the largest of those day counts.
import { dayNumber, type IsoDay } from './day';
import type { Invoice } from './records';

export type OverdueFacts = Pick<Invoice, 'dueDate' | 'outstanding' | 'status'>;

/** Calendar days past `due` as of `asOf`, 0 when not past due, settled, written off or the due day is unknown. */
export function daysOverdueOn(due: IsoDay, outstanding: number, status: string, asOf: IsoDay): number {
  if (status === 'written-off' || !(outstanding > 0)) return 0;
  const late = dayNumber(asOf) - dayNumber(due);
  return Number.isFinite(late) && late > 0 ? late : 0;
}

/** Days overdue of one invoice whose due day is known (see derive.ts effectiveDueDate for the default). */
export function invoiceDaysOverdue(inv: OverdueFacts, asOf: IsoDay): number {
  return daysOverdueOn(inv.dueDate, inv.outstanding, inv.status, asOf);
}

/** The customer's oldest overdue figure: the most days any of its invoices is past due (0 when none is). */
export function oldestOverdueDays(invoices: Iterable<OverdueFacts>, asOf: IsoDay): number {
  let oldest = 0;
  for (const inv of invoices) oldest = Math.max(oldest, invoiceDaysOverdue(inv, asOf));
  return oldest;
}
