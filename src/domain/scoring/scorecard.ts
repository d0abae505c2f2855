// The points scorecard: base points plus, for every factor, the points of the bin its value falls in; clamped to
// 300–850. Deterministic and monotonic by construction: bins are monotone (the settings parser refuses anything
// else) and the sum of non-increasing functions is non-increasing. Reason codes are the factors that cost the most
// points against their best bin, so they always explain the gap to a perfect score.
import { type Bins, bestPoints, binPoints, type Direction } from './bins';
import { FACTOR_KEYS, type FactorKey, type Factors } from './factors';
import { DEFAULT_CUTOFFS, type GradeCutoffs, gradeFor, type RatedGrade } from './grades';
import { DEFAULT_SEGMENT_RULES, type SegmentRules } from './segment';

export const SCORE_MIN = 300;
export const SCORE_MAX = 850;
export const MAX_REASONS = 4;

export const FACTOR_DIRECTION: Readonly<Record<FactorKey, Direction>> = {
  onTimeShare: 'higher-is-better',
  avgDaysLate: 'lower-is-better',
  maxDaysLate: 'lower-is-better',
  overdueRatio: 'lower-is-better',
  oldestOverdueDays: 'lower-is-better',
  utilization: 'lower-is-better',
  tenureMonths: 'higher-is-better',
  disputes12m: 'lower-is-better',
  debtRatio: 'lower-is-better',
  currentRatio: 'higher-is-better',
};

export interface ScoringParams {
  basePoints: number;
  bins: Readonly<Record<FactorKey, Bins>>;
  /** Points for a customer without a credit limit (utilization not applicable). */
  noLimitPoints: number;
  /** Points when no invoice was settled in the window (only reachable when minSettled is 0). */
  noHistoryPoints: number;
  /** Fewer settled invoices in the 24-month window than this → NR. */
  minSettled: number;
  cutoffs: GradeCutoffs;
  segment: SegmentRules;
  /** Days after the due date that still count as on time. */
  graceDays: number;
  /** Grade changes of at least this many steps are recorded as anomalies. */
  gradeChangeSteps: number;
  /** Backtest horizon after the cut-off day. */
  backtestHorizonDays: number;
  /** Punctuality weighs an invoice due this many days ago half as much as one due today (0 = no decay). */
  halfLifeDays: number;
  /** On-time share the shrinkage pulls toward, and its weight in invoices (0 = no shrinkage); factors.ts. */
  priorOnTimeShare: number;
  priorWeight: number;
}

const b = (edges: number[], points: number[]): Bins => ({ edges, points });

/** The default model; docs/scoring-model.md explains every number. */
export const DEFAULT_PARAMS: ScoringParams = {
  basePoints: 590,
  bins: {
    // 5-point steps of on-time share: in receivables most customers are late on some invoices, so the table must
    // tell 40% from 60% on time, not only "good" from "bad" (docs/scoring-model.md, backtest).
    onTimeShare: b(
      [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
      [-180, -162, -144, -126, -108, -90, -72, -54, -36, -18, 0, 18, 36, 54, 72, 90, 108, 126, 144, 162],
    ),
    avgDaysLate: b([0, 2, 4, 7, 10, 15, 20, 30, 45, 60], [20, 18, 15, 10, 5, 0, -3, -8, -14, -18, -22]),
    maxDaysLate: b([0, 7, 15, 30, 60, 90], [30, 27, 21, 12, 0, -15, -30]),
    // Today's state weighs little: one invoice a day overdue must not outweigh two years of history.
    overdueRatio: b([0, 0.5], [5, 0, -5]),
    oldestOverdueDays: b([0, 30, 60, 90], [10, 10, 5, -5, -20]),
    utilization: b([0.8, 1, 1.2], [5, 0, -5, -10]),
    tenureMonths: b([3, 6, 12, 24, 60], [-4, 0, 3, 6, 8, 8]),
    // Disputes mostly repeat lateness (they come with late invoices), so they swing the score little.
    disputes12m: b([0, 1, 2, 4], [10, 6, 2, -4, -10]),
    // Financial ratios, when filled in: the usual credit-analysis thresholds (debt ratio above 70 % is highly
    // leveraged, a current ratio below 1 cannot cover short-term debts, 2 is the textbook comfortable level). The
    // ledger has no outcomes to calibrate them on, so they stay small next to behaviour (docs/scoring-model.md).
    debtRatio: b([40, 60, 70, 85, 100], [10, 5, 0, -10, -20, -30]),
    currentRatio: b([0.8, 1, 1.5, 2], [-20, -10, 0, 5, 10]),
  },
  noLimitPoints: 0,
  noHistoryPoints: 0,
  minSettled: 3,
  cutoffs: DEFAULT_CUTOFFS,
  segment: DEFAULT_SEGMENT_RULES,
  graceDays: 0,
  gradeChangeSteps: 2,
  backtestHorizonDays: 90,
  halfLifeDays: 270,
  // One pseudo-invoice at 50 % on time: a record of three invoices cannot earn the top bins; 24 can (docs).
  priorOnTimeShare: 0.5,
  priorWeight: 1,
};

/** A factor that cost points, with the customer's value (for the localized reason text). */
export interface Reason {
  factor: FactorKey;
  value: number;
  /** Points below the factor's best bin. */
  cost: number;
  /** On-time share only: the customer's own share (before shrinkage) is `value`, over this many invoices. */
  invoices?: number;
}

export interface Scorecard {
  score: number;
  grade: RatedGrade;
  points: Record<FactorKey, number>;
  reasons: Reason[];
}

function factorPoints(key: FactorKey, v: number | null, p: ScoringParams): number {
  if (v === null || Number.isNaN(v)) {
    if (key === 'utilization') return p.noLimitPoints;
    // A ratio nobody filled in says nothing about the customer: no points either way.
    return key === 'debtRatio' || key === 'currentRatio' ? 0 : p.noHistoryPoints;
  }
  return binPoints(p.bins[key], v);
}

export function clampScore(raw: number): number {
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(raw)));
}

/** Score, grade, points per factor and up to four reasons. The NR rule is applied by the caller (it needs counts). */
export function scoreFactors(f: Factors, p: ScoringParams = DEFAULT_PARAMS): Scorecard {
  let total = p.basePoints;
  const points = {} as Record<FactorKey, number>;
  const reasons: Reason[] = [];
  for (const key of FACTOR_KEYS) {
    const v = f[key];
    const pts = factorPoints(key, v, p);
    points[key] = pts;
    total += pts;
    const cost = bestPoints(p.bins[key]) - pts;
    if (cost > 0 && v !== null) reasons.push({ factor: key, value: v, cost });
  }
  // Stable sort: equal costs keep the factor order, so reasons are deterministic.
  reasons.sort((x, y) => y.cost - x.cost);
  const score = clampScore(total);
  return { score, grade: gradeFor(score, p.cutoffs), points, reasons: reasons.slice(0, MAX_REASONS) };
}
