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
  'debtRatio',
  'currentRatio',
] as const;
export type FactorKey = (typeof FACTOR_KEYS)[number];

/** Factor values; null = not applicable (no settled invoice in the window, no credit limit). */
export interface Factors {
  /**
   * Share of invoices fallen due (due + grace passed) in the last 24 months that were paid by due + grace, 0–1;
   * recency-weighted (half-life `halfLifeDays`). Open invoices past due + grace count as late.
   */
  onTimeShare: number | null;
  /** Average days past due of the same invoices, same weights (open ones: days past due so far). */
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
  /** 资产负债率 in percent, from the customer's statements; null when not filled in (then worth 0 points). */
  debtRatio: number | null;
  /** 流动比率 (current assets ÷ current liabilities); null when not filled in. */
  currentRatio: number | null;
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
  /** The customer's own on-time share before shrinkage, and how many invoices fell due (reasons show these). */
  onTimeRaw: number | null;
  dueCount: number;
}

export interface FactorOptions {
  /** Days after the due date that still count as on time. */
  graceDays: number;
  /** Credit limit in cents; null or 0 = no limit (an empty sheet cell and 0 both mean "not set"). */
  creditLimit: Cents | null;
  /** Recency half-life in days for punctuality (an invoice due this long ago counts half); 0/absent = no decay. */
  halfLifeDays?: number;
  /**
   * Shrinkage of the on-time share: the customer's n invoices are pooled with `priorWeight` pseudo-invoices at the
   * on-time share `priorShare` — (n × share + w × prior) ÷ (n + w). With few invoices the raw share is noise (three
   * on time reads 100 %); pooling keeps such customers off the extreme bins until their record speaks for itself.
   */
  priorShare?: number;
  priorWeight?: number;
  /** The optional financial ratios typed into the customer row (null/absent = not filled in). */
  debtRatio?: number | null;
  currentRatio?: number | null;
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
  let maxLate = 0;
  let outstanding = 0;
  let overdue = 0;
  let oldest = 0;
  let disputes = 0;
  let invoiced12m = 0;
  let first = Number.POSITIVE_INFINITY;
  // Punctuality looks at every invoice whose due date + grace has passed in the window, paid or not: an invoice
  // still open past that point is late already, and leaving it out would let the worst payers look punctual.
  // Each counts with weight ½^(age / half-life), age = days since its due date, so recent behaviour weighs more.
  const halfLife = opts.halfLifeDays && opts.halfLifeDays > 0 ? opts.halfLifeDays : Number.POSITIVE_INFINITY;
  let dueWeight = 0;
  let dueCount = 0;
  let onTimeWeight = 0;
  let lateDaysWeighted = 0;
  const priorWeight = opts.priorWeight && opts.priorWeight > 0 ? opts.priorWeight : 0;
  const prior = opts.priorShare ?? 0;
  for (const inv of h.invoices) {
    if (inv.issue > d) continue;
    if (inv.issue < first) first = inv.issue;
    if (inv.issue > since12) {
      invoiced12m += inv.amount;
      if (inv.status === 'disputed') disputes++;
    }
    const { paid, settledDay } = paymentStateAsOf(inv, d);
    const deadline = inv.due + opts.graceDays;
    if (deadline < d && inv.due > since24) {
      const w = 0.5 ** ((d - inv.due) / halfLife);
      const settled = !Number.isNaN(settledDay);
      dueWeight += w;
      dueCount++;
      if (settled && settledDay <= deadline) onTimeWeight += w;
      lateDaysWeighted += w * Math.max(0, (settled ? settledDay : d) - inv.due);
    }
    if (!Number.isNaN(settledDay)) {
      if (settledDay > since24) {
        const late = settledDay > inv.due ? settledDay - inv.due : 0;
        settledCount++;
        if (late > maxLate) maxLate = late;
      }
      continue;
    }
    const open = inv.amount - paid;
    outstanding += open;
    if (inv.due < d) {
      overdue += open;
      // Written-off invoices owe nothing any more: the one oldest-overdue rule (domain/overdue.ts) skips them.
      if (inv.status !== 'written-off' && d - inv.due > oldest) oldest = d - inv.due;
    }
  }
  for (const c of h.complaints) if (c > since12 && c <= d) disputes++;
  const limit = opts.creditLimit && opts.creditLimit > 0 ? opts.creditLimit : null;
  const firstIssue = Number.isFinite(first) ? isoFromDayNumber(first) : '';
  return {
    factors: {
      // Shrinkage counts invoices, not recency weights: decay says which invoices matter, not how much evidence.
      onTimeShare:
        dueWeight > 0 ? (dueCount * (onTimeWeight / dueWeight) + prior * priorWeight) / (dueCount + priorWeight) : null,
      avgDaysLate: dueWeight > 0 ? lateDaysWeighted / dueWeight : 0,
      maxDaysLate: maxLate,
      overdueRatio: outstanding > 0 ? overdue / outstanding : 0,
      oldestOverdueDays: oldest,
      utilization: limit === null ? null : outstanding / limit,
      tenureMonths: firstIssue ? Math.max(0, monthsBetween(firstIssue, asOf)) : 0,
      disputes12m: disputes,
      debtRatio: typeof opts.debtRatio === 'number' ? opts.debtRatio : null,
      currentRatio: typeof opts.currentRatio === 'number' ? opts.currentRatio : null,
    },
    context: {
      settledCount,
      outstanding,
      overdue,
      invoiced12m,
      firstIssue,
      onTimeRaw: dueWeight > 0 ? onTimeWeight / dueWeight : null,
      dueCount,
    },
  };
}
