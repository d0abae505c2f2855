// The scorecard's factors for one customer AS OF a day: only invoices issued, payments dated and complaints logged
// on or before that day count, so a score computed for a past day never sees what happened later (backtests depend
// on this). Written-off invoices count as never paid: a loss is the worst payment outcome, and treating it as
// settled would let a write-off improve the score.
import { addMonths, dayNumber, type IsoDay, isoFromDayNumber, monthsBetween } from '../day';
import type { Cents } from '../money';
import { type CustomerHistory, paymentStateAsOf } from './history';

export const FACTOR_KEYS = [
  'onTimeShare',
  'avgDaysLate',
  'maxDaysLate',
  'overdueRatio',
  'oldestOverdueDays',
  'utilization',
  'tenureMonths',
  'disputes12m',
] as const;
export type FactorKey = (typeof FACTOR_KEYS)[number];

/** Factor values; null = not applicable (no settled invoice in the window, no credit limit). */
export interface Factors {
  /** Share of settled amount (last 24 months) paid by due date + grace days, 0–1. */
  onTimeShare: number | null;
  /** Amount-weighted average days past due of invoices settled in the last 24 months. */
  avgDaysLate: number;
  /** Largest days past due among invoices settled in the last 24 months. */
  maxDaysLate: number;
  /** Past-due part of the outstanding balance, 0–1 (0 when nothing is outstanding). */
  overdueRatio: number;
  /** Days past due of the oldest unpaid invoice (0 when none is past due). */
  oldestOverdueDays: number;
  /** Outstanding ÷ credit limit; null when the customer has no limit. */
  utilization: number | null;
  /** Whole months since the first invoice. */
  tenureMonths: number;
  /** Invoices disputed plus complaints, issued/logged in the last 12 months. */
  disputes12m: number;
}

/** Facts around the factors that segments, NR and messages need. */
export interface FactorContext {
  /** Invoices settled in the 24-month window (the NR rule counts these). */
  settledCount: number;
  outstanding: Cents;
  overdue: Cents;
  /** Amount invoiced in the last 12 months (segment rule). */
  invoiced12m: Cents;
  firstIssue: IsoDay;
}

export interface FactorOptions {
  /** Days after the due date that still count as on time. */
  graceDays: number;
  /** Credit limit in cents; null or 0 = no limit (an empty sheet cell and 0 both mean "not set"). */
  creditLimit: Cents | null;
}

export function computeFactors(
  h: CustomerHistory,
  asOf: IsoDay,
  opts: FactorOptions,
): { factors: Factors; context: FactorContext } {
  const d = dayNumber(asOf);
  const since24 = dayNumber(addMonths(asOf, -24));
  const since12 = dayNumber(addMonths(asOf, -12));
  let settledCount = 0;
  let settledAmount = 0;
  let onTimeAmount = 0;
  let weightedLate = 0;
  let maxLate = 0;
  let outstanding = 0;
  let overdue = 0;
  let oldest = 0;
  let disputes = 0;
  let invoiced12m = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const inv of h.invoices) {
    if (inv.issue > d) continue;
    if (inv.issue < first) first = inv.issue;
    if (inv.issue > since12) {
      invoiced12m += inv.amount;
      if (inv.status === 'disputed') disputes++;
    }
    const { paid, settledDay } = paymentStateAsOf(inv, d);
    if (!Number.isNaN(settledDay)) {
      if (settledDay > since24) {
        const late = settledDay > inv.due ? settledDay - inv.due : 0;
        settledCount++;
        settledAmount += inv.amount;
        if (settledDay <= inv.due + opts.graceDays) onTimeAmount += inv.amount;
        weightedLate += inv.amount * late;
        if (late > maxLate) maxLate = late;
      }
      continue;
    }
    const open = inv.amount - paid;
    outstanding += open;
    if (inv.due < d) {
      overdue += open;
      if (d - inv.due > oldest) oldest = d - inv.due;
    }
  }
  for (const c of h.complaints) if (c > since12 && c <= d) disputes++;
  const limit = opts.creditLimit && opts.creditLimit > 0 ? opts.creditLimit : null;
  const firstIssue = Number.isFinite(first) ? isoFromDayNumber(first) : '';
  return {
    factors: {
      onTimeShare: settledAmount > 0 ? onTimeAmount / settledAmount : null,
      avgDaysLate: settledAmount > 0 ? weightedLate / settledAmount : 0,
      maxDaysLate: maxLate,
      overdueRatio: outstanding > 0 ? overdue / outstanding : 0,
      oldestOverdueDays: oldest,
      utilization: limit === null ? null : outstanding / limit,
      tenureMonths: firstIssue ? Math.max(0, monthsBetween(firstIssue, asOf)) : 0,
      disputes12m: disputes,
    },
    context: { settledCount, outstanding, overdue, invoiced12m, firstIssue },
  };
}
