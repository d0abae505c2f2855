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
import { auc, ks, type Observation } from './metrics';
import { rateCustomer } from './rate';
import type { ScoringParams } from './scorecard';

/** Grades with fewer outcome invoices than this are listed but not used for the monotonicity check (noise). */
export const MONOTONE_MIN_INVOICES = 20;

/**
 * A better grade late more often than the next worse one is called a break only when a one-sided z-test rejects
 * "the better grade is late no more often" at this level for the report as a whole: Bonferroni over the m adjacent
 * pairs compared (each at MONOTONE_ALPHA / m; m ≤ 8, z ≤ 2.50), so a report of a well-ordered model raises a false
 * alarm at most 5 % of the time. With a few dozen invoices per grade the late rate's standard error is 5–10 points,
 * so raw order alone mostly reports sampling noise; the report lists both (notMonotone: every inversion; breaks:
 * those beyond noise). docs/scoring-model.md, Backtest.
 */
export const MONOTONE_ALPHA = 0.05;

export interface InvoiceGradeLine {
  grade: Grade;
  invoices: number;
  late: number;
  lateRate: number | null;
  /** Customers behind the invoices (a customer's invoices move together: the standard error counts customers). */
  customers?: number;
  /** Cluster-robust standard error of lateRate (customers as clusters); null with fewer than two customers. */
  se?: number | null;
}

/** Per-grade sums for the cluster-robust standard error: Σ late², Σ late·n, Σ n² over the grade's customers. */
interface Sums {
  ll: number;
  ln: number;
  nn: number;
}

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

/**
 * Late rate and its cluster-robust standard error: Var = G/(G−1) · Σ_c (late_c − rate·n_c)² / N², customers c as
 * clusters (G of them, N invoices). Resampling invoices as if independent would understate the noise of a grade
 * that holds a few customers with many invoices each.
 */
function withSe(l: InvoiceGradeLine, s: Sums): InvoiceGradeLine {
  const rate = l.late / l.invoices;
  const g = l.customers ?? 0;
  const ss = Math.max(0, s.ll - 2 * rate * s.ln + rate * rate * s.nn);
  return { ...l, lateRate: rate, se: g > 1 ? Math.sqrt((g / (g - 1)) * ss) / l.invoices : null };
}

/** Standard normal upper quantile: the z with P(Z > z) = p, by bisection on an erf approximation (|error| < 1e-6). */
export function upperQuantile(p: number): number {
  // Abramowitz & Stegun 7.1.26 for erf; P(Z > z) = (1 − erf(z/√2)) / 2.
  const tail = (z: number) => {
    const x = z / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * x);
    const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return (poly * Math.exp(-x * x)) / 2;
  };
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Rated grades with enough invoices, best first: each must be late no more often than the next worse one. alpha 0:
 * every inversion counts (raw order). alpha > 0: a pair counts only when the better grade's late rate exceeds the
 * worse one's by more than z standard errors of the difference, z = upperQuantile(alpha / m) for the m pairs
 * compared (one-sided, Bonferroni: `alpha` is the false-alarm risk of the whole report; `perPair`: of each pair,
 * a looser reading the benchmark prints beside it). A line without a standard error is compared on its rate alone.
 */
export function monotoneBreaks(
  lines: readonly InvoiceGradeLine[],
  alpha = 0,
  perPair = false,
): Array<{ better: Grade; worse: Grade }> {
  const used = lines.filter((l) => l.grade !== 'NR' && l.invoices >= MONOTONE_MIN_INVOICES);
  const m = perPair ? 1 : Math.max(1, used.length - 1);
  const z = alpha > 0 ? upperQuantile(alpha / m) : 0;
  const out: Array<{ better: Grade; worse: Grade }> = [];
  for (let i = 1; i < used.length; i++) {
    const a = used[i - 1];
    const b = used[i];
    const gap = (a.lateRate ?? 0) - (b.lateRate ?? 0);
    const se = Math.sqrt((a.se ?? 0) ** 2 + (b.se ?? 0) ** 2);
    if (gap > 0 && gap > z * se) out.push({ better: a.grade, worse: b.grade });
  }
  return out;
}
