// One customer's full rating as of a day: factors → score → grade (or NR) → segment → reasons. Rescore and the
// backtest both go through here, so the backtest measures exactly the model that writes the sheet.
import type { IsoDay } from '../day';
import type { Customer, Grade, Segment } from '../records';
import { computeFactors, type FactorContext, type Factors } from './factors';
import type { CustomerHistory } from './history';
import { type Reason, type ScoringParams, scoreFactors } from './scorecard';
import { type SegmentRule, segmentFor } from './segment';

export interface Rating {
  customerId: string;
  /** null when not rated. */
  score: number | null;
  grade: Grade;
  segment: Segment;
  /** The segment rule that fired (policy.ts turns it into words). */
  segmentRule: SegmentRule;
  factors: Factors;
  context: FactorContext;
  /** Empty when not rated (the NR reason is written instead). */
  reasons: Reason[];
  /** The score the scorecard gives even when NR (backtests may want it); equal to score when rated. */
  rawScore: number;
}

export function rateCustomer(
  customer: Pick<Customer, 'id' | 'creditLimit' | 'segmentOverride' | 'debtRatio' | 'currentRatio'>,
  history: CustomerHistory,
  asOf: IsoDay,
  params: ScoringParams,
): Rating {
  const { factors, context } = computeFactors(history, asOf, {
    graceDays: params.graceDays,
    halfLifeDays: params.halfLifeDays,
    priorShare: params.priorOnTimeShare,
    priorWeight: params.priorWeight,
    debtRatio: customer.debtRatio,
    currentRatio: customer.currentRatio,
    creditLimit: customer.creditLimit,
  });
  const card = scoreFactors(factors, params);
  const rated = context.settledCount >= params.minSettled;
  const grade: Grade = rated ? card.grade : 'NR';
  const { segment, rule: segmentRule } = segmentFor(
    {
      grade,
      invoiced12m: context.invoiced12m,
      oldestOverdueDays: factors.oldestOverdueDays,
      outstanding: context.outstanding,
      creditLimit: customer.creditLimit,
      override: customer.segmentOverride,
    },
    params.segment,
  );
  return {
    customerId: customer.id,
    score: rated ? card.score : null,
    grade,
    segment,
    segmentRule,
    factors,
    context,
    reasons: rated ? card.reasons.map((x) => ownShare(x, context)) : [],
    rawScore: card.score,
  };
}

/**
 * The on-time reason shows the customer's own share and how many invoices it rests on, not the shrunk value the
 * points use: "100% of 3 invoices" explains a thin record; "88%" would misstate what the customer did.
 */
function ownShare(r: Reason, c: FactorContext): Reason {
  if (r.factor !== 'onTimeShare' || c.onTimeRaw === null) return r;
  return { ...r, value: c.onTimeRaw, invoices: c.dueCount };
}
