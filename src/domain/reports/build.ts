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

function monthStart(day: number): number {
  const iso = isoFromDayNumber(day);
  return dayNumber(`${iso.slice(0, 8)}01`);
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
    for (let i = 0; i < ends.length; i++) {
      if (ends[i] < r.issue) continue;
      const owed = outstandingOn(r, ends[i]);
      if (owed > 0) aging[i][bucketIndex(ends[i] - r.due)] += owed;
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
  return { months, invoiced, collected, aging, dso };
}

function headlineOf(l: ReportLedger, currency: string, forecast: readonly ForecastRow[]): Headline {
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
  const thisMonth = monthStart(asOf);
  const periods: SalesPeriod[] = [];
  let start = thisMonth;
  let end = asOf;
  for (let i = 0; i < TREND_MONTHS; i++) {
    periods.push({ sales: 0, days: end - start + 1 });
    end = start - 1;
    start = monthStart(end);
  }
  for (const r of l.invoices) {
    if (r.currency !== currency) continue;
    outstanding += r.outstanding;
    if (r.daysOverdue > 0) overdue += r.outstanding;
    else current += r.outstanding;
    beginning += outstandingOn(r, quarterStart);
    if (r.issue > quarterStart) quarterSales += r.inv.amount;
    if (r.issue > yearStart) {
      yearSales += r.inv.amount;
      if (r.inv.status === 'written-off')
        writtenOff += Math.max(0, r.inv.amount - r.paid.reduce((a, p) => a + p[1], 0));
    }
    const back = monthsBack(thisMonth, r.issue);
    if (back >= 0 && back < periods.length) periods[back].sales += r.inv.amount;
  }
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

/** Whole calendar months from the month of `day` forward to the month starting at `monthStartDay` (0 = same). */
function monthsBack(monthStartDay: number, day: number): number {
  const a = isoFromDayNumber(monthStartDay);
  const b = isoFromDayNumber(day);
  return (+a.slice(0, 4) - +b.slice(0, 4)) * 12 + (+a.slice(5, 7) - +b.slice(5, 7));
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
    headline: headlineOf(l, currency, forecast),
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
