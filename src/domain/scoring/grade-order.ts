// Is the grade scale in order of observed late rate? Raw order alone mostly reports sampling noise (a top grade
// holds a few dozen invoices from a handful of customers), so each grade's late rate carries a cluster-robust
// standard error and an inversion counts as a break only beyond it: a one-sided z-test at 5 % for the whole report
// (Bonferroni over the adjacent pairs compared). docs/scoring-model.md, Backtest, says why.
import type { Grade } from '../records';

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
export interface Sums {
  ll: number;
  ln: number;
  nn: number;
}

/**
 * Late rate and its cluster-robust standard error: Var = G/(G−1) · Σ_c (late_c − rate·n_c)² / N², customers c as
 * clusters (G of them, N invoices). Resampling invoices as if independent would understate the noise of a grade
 * that holds a few customers with many invoices each.
 */
export function withSe(l: InvoiceGradeLine, s: Sums): InvoiceGradeLine {
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
