// The whole report as data (PRODUCT.md §11): headline figures in the workbook's default currency, 24-month trends,
// and the tables. Everything from integer cents and day numbers; layout.ts turns it into cells and charts.
import { addMonths, dayNumber, type IsoDay, isoFromDayNumber } from '../day';
import type { Cents } from '../money';
import {
  type Excluded,
  outstandingOn,
  type ReportLedger,
  type ReportSource,
  reportLedger,
  bucketIndex,
} from './ledger';
import { cei, dsoCountback, dsoSimple, overduePercent, type SalesPeriod, writeOffRate } from './metrics';
import {
  type AgingRow,
  agingBy,
  agingByCurrency,
  collectionsForecast,
  DIMENSIONS,
  type Dimension,
  type ForecastRow,
  gradeDistribution,
  type MonthSatisfaction,
  type OverdueCustomer,
  satisfactionByMonth,
  topOverdue,
} from './tables';

export const TREND_MONTHS = 24;
/** Window of the simple DSO and the CEI (a quarter), and of the write-off rate (a year), in days. */
export const DSO_WINDOW_DAYS = 90;
export const WRITE_OFF_WINDOW_DAYS = 365;

export interface Headline {
  currency: string;
  outstanding: Cents;
  overdue: Cents;
  overduePercent: number | null;
  dsoSimple: number | null;
  dsoCountback: number | null;
  cei: number | null;
  writeOffRate: number | null;
  expectedNext4Weeks: Cents;
}

export interface Trend {
  /** 'yyyy-MM', oldest first; the last is the as-of month (to the as-of day). */
  months: string[];
  invoiced: Cents[];
  collected: Cents[];
  /** Per month-end, receivables per bucket (current … 90+). */
  aging: Cents[][];
  dso: Array<number | null>;
  /** Days of each month counted (the as-of month: to the as-of day). */
  days: number[];
}

export interface ReportModel {
  asOf: IsoDay;
  headline: Headline;
  trend: Trend;
  agingByCurrency: AgingRow[];
  agingBy: Record<Dimension, AgingRow[]>;
  topOverdue: OverdueCustomer[];
  grades: number[];
  satisfaction: MonthSatisfaction[];
  forecast: ForecastRow[];
  excluded: Excluded;
}

function trendOf(l: ReportLedger, currency: string): Trend {
  const asOf = dayNumber(l.asOf);
  const first = addMonths(`${l.asOf.slice(0, 8)}01`, -(TREND_MONTHS - 1));
  const starts: number[] = [];
  for (let i = 0; i < TREND_MONTHS; i++) starts.push(dayNumber(addMonths(first, i)));
  const ends = starts.map((_s, i) => (i + 1 < starts.length ? starts[i + 1] - 1 : asOf));
  const monthOf = (day: number) => {
    for (let i = starts.length - 1; i >= 0; i--) if (day >= starts[i]) return day <= ends[i] ? i : -1;
    return -1;
  };
  const invoiced = starts.map(() => 0);
  const collected = starts.map(() => 0);
  const aging = starts.map(() => [0, 0, 0, 0, 0]);
  for (const r of l.invoices) {
    if (r.currency !== currency) continue;
    const m = monthOf(r.issue);
    if (m >= 0) invoiced[m] += r.inv.amount;
    for (const [d, amount] of r.paid) {
      const pm = monthOf(d);
      if (pm >= 0) collected[pm] += amount;
    }
    if (r.inv.status === 'written-off') continue;
    // One walk over the month-ends with a pointer into the (sorted) payments: once paid off, paid off for good.
    let pi = 0;
    let paid = 0;
    for (let i = 0; i < ends.length; i++) {
      if (ends[i] < r.issue) continue;
      while (pi < r.paid.length && r.paid[pi][0] <= ends[i]) paid += r.paid[pi++][1];
      const owed = r.inv.amount - paid;
      if (owed <= 0) break;
      aging[i][bucketIndex(ends[i] - r.due)] += owed;
    }
  }
  const dso = ends.map((end, i) => {
    const from = Math.max(0, i - 2);
    let sales = 0;
    for (let k = from; k <= i; k++) sales += invoiced[k];
    const ar = aging[i].reduce((a, b) => a + b, 0);
    return dsoSimple(ar, sales, end - starts[from] + 1);
  });
  const months = starts.map((s) => isoFromDayNumber(s).slice(0, 7));
  const days = starts.map((st, i) => ends[i] - st + 1);
  return { months, invoiced, collected, aging, dso, days };
}

function headlineOf(l: ReportLedger, currency: string, trend: Trend, forecast: readonly ForecastRow[]): Headline {
  const asOf = dayNumber(l.asOf);
  const quarterStart = asOf - DSO_WINDOW_DAYS;
  const yearStart = asOf - WRITE_OFF_WINDOW_DAYS;
  let outstanding = 0;
  let overdue = 0;
  let current = 0;
  let beginning = 0;
  let quarterSales = 0;
  let yearSales = 0;
  let writtenOff = 0;
  for (const r of l.invoices) {
    if (r.currency !== currency) continue;
    outstanding += r.outstanding;
    if (r.daysOverdue > 0) overdue += r.outstanding;
    else current += r.outstanding;
    if (r.issue <= quarterStart) beginning += outstandingOn(r, quarterStart);
    else quarterSales += r.inv.amount;
    if (r.issue > yearStart) {
      yearSales += r.inv.amount;
      if (r.inv.status === 'written-off')
        writtenOff += Math.max(0, r.inv.amount - r.paid.reduce((a, p) => a + p[1], 0));
    }
  }
  // Countback periods: the trend's calendar months, newest first (the as-of month counts its days so far).
  const periods: SalesPeriod[] = trend.months
    .map((_m, i) => ({ sales: trend.invoiced[i], days: trend.days[i] }))
    .reverse();
  const expectedNext4Weeks = forecast
    .filter((f) => f.currency === currency && f.week >= 1 && f.week <= 4)
    .reduce((a, f) => a + f.amount, 0);
  return {
    currency,
    outstanding,
    overdue,
    overduePercent: overduePercent(overdue, outstanding),
    dsoSimple: dsoSimple(outstanding, quarterSales, DSO_WINDOW_DAYS),
    dsoCountback: dsoCountback(outstanding, periods),
    cei: cei(beginning, quarterSales, outstanding, current),
    writeOffRate: writeOffRate(writtenOff, yearSales),
    expectedNext4Weeks,
  };
}

export function buildReport(src: ReportSource, asOf: IsoDay, defaultCurrency: string): ReportModel {
  const currency = (defaultCurrency || 'CNY').toUpperCase();
  const l = reportLedger(src, asOf, currency);
  const trend = trendOf(l, currency);
  const forecast = collectionsForecast(l);
  const by = {} as Record<Dimension, AgingRow[]>;
  for (const d of DIMENSIONS) by[d] = agingBy(l, d);
  return {
    asOf,
    headline: headlineOf(l, currency, trend, forecast),
    trend,
    agingByCurrency: agingByCurrency(l),
    agingBy: by,
    topOverdue: topOverdue(l),
    grades: gradeDistribution(l.customers),
    satisfaction: satisfactionByMonth(src.interactions, trend.months, asOf),
    forecast,
    excluded: l.excluded,
  };
}
