// Backtest: rate every customer as of a past cut-off day (data up to that day only), then look at what happened
// next. A customer's outcome is "late" when an invoice falling due within the horizon after the cut-off was paid
// after its due date + grace days, or is still unpaid past that point on the observation day. Invoices whose grace
// period has not ended yet and that are still open are undecided and ignored, so a recent cut-off does not count
// "not yet late" as "on time". Only rated customers enter AUC and KS; NR customers are reported on their own line.
import { addDays, dayNumber, type IsoDay } from '../day';
import type { Customer, Grade } from '../records';
import { GRADE_ORDER } from './grades';
import { type CustomerHistory, type Histories, historyOf, paymentStateAsOf } from './history';
import { auc, ks, type Observation } from './metrics';
import { rateCustomer } from './rate';
import type { ScoringParams } from './scorecard';

export type Outcome = 'late' | 'on-time' | 'none';

/** What happened to invoices due in (cutoff, cutoff + horizon], as seen on `observedOn`. */
export function outcomeAfter(
  h: CustomerHistory,
  cutoff: IsoDay,
  horizonDays: number,
  observedOn: IsoDay,
  graceDays: number,
): Outcome {
  const from = dayNumber(cutoff);
  const to = from + horizonDays;
  const seen = dayNumber(observedOn);
  let decided = false;
  for (const inv of h.invoices) {
    if (inv.due <= from || inv.due > to) continue;
    const deadline = inv.due + graceDays;
    const { settledDay } = paymentStateAsOf(inv, seen);
    if (!Number.isNaN(settledDay)) {
      if (settledDay > deadline) return 'late';
      decided = true;
    } else if (seen > deadline) {
      return 'late';
    }
  }
  return decided ? 'on-time' : 'none';
}

export interface GradeLine {
  grade: Grade;
  customers: number;
  late: number;
  /** late ÷ customers; null when the grade has no customer with an outcome. */
  lateRate: number | null;
}

export interface BacktestReport {
  cutoff: IsoDay;
  horizonDays: number;
  observedOn: IsoDay;
  /** Rated customers with an outcome (the AUC/KS population). */
  customers: number;
  late: number;
  lateRate: number | null;
  notRated: number;
  noOutcome: number;
  auc: number | null;
  ks: number | null;
  /** AAA … C, then NR; only grades that occur. */
  byGrade: GradeLine[];
}

export function backtest(
  customers: ReadonlyArray<Pick<Customer, 'id' | 'creditLimit' | 'segmentOverride' | 'debtRatio' | 'currentRatio'>>,
  histories: Histories,
  cutoff: IsoDay,
  observedOn: IsoDay,
  params: ScoringParams,
  horizonDays = params.backtestHorizonDays,
): BacktestReport {
  const obs: Observation[] = [];
  const lines = new Map<Grade, GradeLine>();
  let notRated = 0;
  let noOutcome = 0;
  for (const c of customers) {
    const h = historyOf(histories, c.id);
    const outcome = outcomeAfter(h, cutoff, horizonDays, observedOn, params.graceDays);
    if (outcome === 'none') {
      noOutcome++;
      continue;
    }
    const r = rateCustomer(c, h, cutoff, params);
    const bad = outcome === 'late';
    let line = lines.get(r.grade);
    if (!line) {
      line = { grade: r.grade, customers: 0, late: 0, lateRate: null };
      lines.set(r.grade, line);
    }
    line.customers++;
    if (bad) line.late++;
    if (r.score === null) notRated++;
    else obs.push({ score: r.score, bad });
  }
  const late = obs.filter((o) => o.bad).length;
  const order: Grade[] = [...GRADE_ORDER, 'NR'];
  const byGrade = order.flatMap((g) => {
    const l = lines.get(g);
    return l ? [{ ...l, lateRate: l.customers ? l.late / l.customers : null }] : [];
  });
  return {
    cutoff,
    horizonDays,
    observedOn,
    customers: obs.length,
    late,
    lateRate: obs.length ? late / obs.length : null,
    notRated,
    noOutcome,
    auc: auc(obs),
    ks: ks(obs),
    byGrade,
  };
}

/** Default cut-off: far enough back that the whole horizon (plus grace) has been observed. */
export function defaultCutoff(today: IsoDay, horizonDays: number, graceDays: number): IsoDay {
  return addDays(today, -(horizonDays + graceDays + 1));
}
