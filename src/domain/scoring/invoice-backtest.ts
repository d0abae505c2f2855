// Invoice-level backtest with a time split (PRODUCT §4, §14). Every customer is rated as of the cut-off from what
// was known then (rateCustomer sees only records dated on or before it). The outcomes are the invoices issued in
// (cut-off, cut-off + horizon] whose due date + grace days has passed by the observation day: such an invoice is
// LATE when it was not settled by due + grace — paid later, or still open (an open invoice past due + grace can no
// longer be paid on time, so it is late whatever happens next; written-off invoices are open). Invoices whose
// due + grace has not passed yet are undecided and left out whether paid or not: keeping the early payers and
// dropping the still-open ones would flatter the on-time rate.
// The naive baseline is the rule a credit controller uses without a model: the customer's share of invoices settled
// on or before the cut-off that were settled after due + grace. Both rankings are measured on the same invoices
// (those of rated customers; a rated customer always has settled invoices, so the baseline is defined for them).
import { dayNumber, type IsoDay } from '../day';
import type { Customer, Grade } from '../records';
import { GRADE_ORDER } from './grades';
import { type CustomerHistory, type Histories, historyOf, paymentStateAsOf } from './history';
import { type InvoiceGradeLine, MONOTONE_ALPHA, monotoneBreaks, type Sums, withSe } from './grade-order';
import { auc, ks, type Observation } from './metrics';
import { rateCustomer } from './rate';
import type { ScoringParams } from './scorecard';

export interface InvoiceBacktestReport {
  cutoff: IsoDay;
  horizonDays: number;
  observedOn: IsoDay;
  /** Outcome invoices of rated customers (the AUC/KS population). */
  invoices: number;
  late: number;
  lateRate: number | null;
  auc: number | null;
  ks: number | null;
  /** AUC of the naive rule (share of earlier invoices paid late) on the same invoices. */
  naiveAuc: number | null;
  naiveKs: number | null;
  /** Outcome invoices of not-rated customers, and how many of them were late. */
  nrInvoices: number;
  nrLate: number;
  /** Invoices issued in the window whose due + grace has not passed yet (left out). */
  undecided: number;
  byGrade: InvoiceGradeLine[];
  /** Adjacent pairs (better grade, worse grade) whose observed late rates run the wrong way; empty = monotone. */
  notMonotone: Array<{ better: Grade; worse: Grade }>;
  /** The subset of notMonotone whose gap exceeds MONOTONE_Z standard errors: empty = monotone within noise. */
  breaks: Array<{ better: Grade; worse: Grade }>;
}

/** The naive rule's input: late share of the invoices settled on or before `asOf`; null when none was settled. */
export function naiveLateShare(h: CustomerHistory, asOf: number, graceDays: number): number | null {
  let settled = 0;
  let late = 0;
  for (const inv of h.invoices) {
    if (inv.issue > asOf) continue;
    const { settledDay } = paymentStateAsOf(inv, asOf);
    if (Number.isNaN(settledDay)) continue;
    settled++;
    if (settledDay > inv.due + graceDays) late++;
  }
  return settled > 0 ? late / settled : null;
}

/** Outcome of one invoice as seen on `seen`: true = late, false = on time, null = undecided. */
export function invoiceLate(inv: CustomerHistory['invoices'][number], seen: number, graceDays: number): boolean | null {
  const deadline = inv.due + graceDays;
  if (deadline >= seen) return null;
  const { settledDay } = paymentStateAsOf(inv, deadline);
  return Number.isNaN(settledDay);
}

export function invoiceBacktest(
  customers: ReadonlyArray<Pick<Customer, 'id' | 'creditLimit' | 'segmentOverride' | 'debtRatio' | 'currentRatio'>>,
  histories: Histories,
  cutoff: IsoDay,
  observedOn: IsoDay,
  params: ScoringParams,
  horizonDays = params.backtestHorizonDays,
): InvoiceBacktestReport {
  const from = dayNumber(cutoff);
  const to = from + horizonDays;
  const seen = dayNumber(observedOn);
  const obs: Observation[] = [];
  const naive: Observation[] = [];
  const lines = new Map<Grade, InvoiceGradeLine>();
  const sums = new Map<Grade, Sums>();
  let nrInvoices = 0;
  let nrLate = 0;
  let undecided = 0;
  for (const c of customers) {
    const h = historyOf(histories, c.id);
    const outcomes: boolean[] = [];
    for (const inv of h.invoices) {
      if (inv.issue <= from || inv.issue > to) continue;
      const late = invoiceLate(inv, seen, params.graceDays);
      if (late === null) undecided++;
      else outcomes.push(late);
    }
    if (outcomes.length === 0) continue;
    const r = rateCustomer(c, h, cutoff, params);
    let line = lines.get(r.grade);
    if (!line) {
      line = { grade: r.grade, invoices: 0, late: 0, lateRate: null, customers: 0 };
      lines.set(r.grade, line);
    }
    const k = outcomes.filter(Boolean).length;
    const sum = sums.get(r.grade) ?? { ll: 0, ln: 0, nn: 0 };
    sums.set(r.grade, { ll: sum.ll + k * k, ln: sum.ln + k * outcomes.length, nn: sum.nn + outcomes.length ** 2 });
    line.customers = (line.customers ?? 0) + 1;
    const share = naiveLateShare(h, from, params.graceDays);
    for (const bad of outcomes) {
      line.invoices++;
      if (bad) line.late++;
      if (r.score === null) {
        nrInvoices++;
        if (bad) nrLate++;
        continue;
      }
      obs.push({ score: r.score, bad });
      // Rated customers always have settled invoices; the guard only keeps the type honest.
      naive.push({ score: share === null ? 0 : -share, bad });
    }
  }
  const late = obs.filter((o) => o.bad).length;
  const byGrade = [...GRADE_ORDER, 'NR' as const].flatMap((g) => {
    const l = lines.get(g);
    return l ? [withSe(l, sums.get(g) as Sums)] : [];
  });
  return {
    cutoff,
    horizonDays,
    observedOn,
    invoices: obs.length,
    late,
    lateRate: obs.length ? late / obs.length : null,
    auc: auc(obs),
    ks: ks(obs),
    naiveAuc: auc(naive),
    naiveKs: ks(naive),
    nrInvoices,
    nrLate,
    undecided,
    byGrade,
    notMonotone: monotoneBreaks(byGrade),
    breaks: monotoneBreaks(byGrade, MONOTONE_ALPHA),
  };
}

// The report's grade-order test lives in grade-order.ts; re-exported for the report's readers.
export {
  type InvoiceGradeLine,
  MONOTONE_ALPHA,
  MONOTONE_MIN_INVOICES,
  monotoneBreaks,
  upperQuantile,
} from './grade-order';
