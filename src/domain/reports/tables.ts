// The report's tables (PRODUCT.md §11): aging per currency and per account manager / segment / industry / region
// (a currency column everywhere: CNY and USD are never added together), top overdue customers, grades,
// satisfaction per month and the collections forecast. Pure, from the report ledger.
import { addDays, dayNumber, isoFromDayNumber, type IsoDay } from '../day';
import type { Cents } from '../money';
import type { Customer, Interaction } from '../records';
import { bucketIndex, type ReportInvoice, type ReportLedger } from './ledger';

export interface AgingRow {
  key: string;
  currency: string;
  /** current, 1–30, 31–60, 61–90, 90+ in cents. */
  buckets: Cents[];
  total: Cents;
  overdue: Cents;
}

export type Dimension = 'manager' | 'segment' | 'industry' | 'region';
export const DIMENSIONS: readonly Dimension[] = ['manager', 'segment', 'industry', 'region'];
/** Rows per dimension table before the rest is summed into one "other" row (the sheet stays a bounded size). */
export const DIMENSION_ROWS = 30;
export const OTHER_KEY = '\u0000other';

function dimensionOf(c: Customer, d: Dimension): string {
  if (d === 'segment') return c.segmentOverride || c.segment || '';
  return String(c[d] ?? '').trim();
}

function addTo(map: Map<string, AgingRow>, key: string, currency: string, r: ReportInvoice): void {
  const k = `${currency}\u0001${key}`;
  let row = map.get(k);
  if (!row) {
    row = { key, currency, buckets: [0, 0, 0, 0, 0], total: 0, overdue: 0 };
    map.set(k, row);
  }
  row.buckets[bucketIndex(r.daysOverdue)] += r.outstanding;
  row.total += r.outstanding;
  if (r.daysOverdue > 0) row.overdue += r.outstanding;
}

const byCurrencyThenTotal = (a: AgingRow, b: AgingRow) =>
  a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : b.total - a.total || (a.key < b.key ? -1 : 1);

export function agingByCurrency(l: ReportLedger): AgingRow[] {
  const map = new Map<string, AgingRow>();
  for (const r of l.invoices) if (r.outstanding > 0) addTo(map, r.currency, r.currency, r);
  return [...map.values()].sort(byCurrencyThenTotal);
}

/** Per dimension value and currency, the largest first; beyond DIMENSION_ROWS per currency one "other" row. */
export function agingBy(l: ReportLedger, d: Dimension): AgingRow[] {
  const map = new Map<string, AgingRow>();
  for (const r of l.invoices) if (r.outstanding > 0) addTo(map, dimensionOf(r.customer, d), r.currency, r);
  const rows = [...map.values()].sort(byCurrencyThenTotal);
  const out: AgingRow[] = [];
  const seen = new Map<string, number>();
  const other = new Map<string, AgingRow>();
  for (const row of rows) {
    const n = (seen.get(row.currency) ?? 0) + 1;
    seen.set(row.currency, n);
    if (n <= DIMENSION_ROWS) {
      out.push(row);
      continue;
    }
    let o = other.get(row.currency);
    if (!o) {
      o = { key: OTHER_KEY, currency: row.currency, buckets: [0, 0, 0, 0, 0], total: 0, overdue: 0 };
      other.set(row.currency, o);
      out.push(o);
    }
    row.buckets.forEach((v, i) => {
      (o as AgingRow).buckets[i] += v;
    });
    o.total += row.total;
    o.overdue += row.overdue;
  }
  return out;
}

export interface OverdueCustomer {
  id: string;
  name: string;
  currency: string;
  overdue: Cents;
  outstanding: Cents;
  oldestDays: number;
  grade: string;
}

export function topOverdue(l: ReportLedger, n = 20): OverdueCustomer[] {
  const map = new Map<string, OverdueCustomer>();
  for (const r of l.invoices) {
    if (r.outstanding <= 0) continue;
    const k = `${r.customer.id}\u0001${r.currency}`;
    let row = map.get(k);
    if (!row) {
      const c = r.customer;
      row = {
        id: c.id,
        name: c.name,
        currency: r.currency,
        overdue: 0,
        outstanding: 0,
        oldestDays: 0,
        grade: c.creditGrade || 'NR',
      };
      map.set(k, row);
    }
    row.outstanding += r.outstanding;
    if (r.daysOverdue > 0) {
      row.overdue += r.outstanding;
      row.oldestDays = Math.max(row.oldestDays, r.daysOverdue);
    }
  }
  return [...map.values()]
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || b.oldestDays - a.oldestDays || (a.id < b.id ? -1 : 1))
    .slice(0, n);
}

export const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'NR'] as const;

/** Customers per grade (blank grade = not rated), prospects left out: they have no history to grade. */
export function gradeDistribution(customers: readonly Customer[]): number[] {
  const counts = GRADES.map(() => 0);
  for (const c of customers) {
    if (c.status === 'prospect') continue;
    const i = GRADES.indexOf((c.creditGrade || 'NR') as (typeof GRADES)[number]);
    counts[i < 0 ? GRADES.length - 1 : i]++;
  }
  return counts;
}

export interface MonthSatisfaction {
  month: string;
  average: number | null;
  responses: number;
}

/** Average satisfaction (1–5) per month over `months`, from interactions with a score on or before the as-of day. */
export function satisfactionByMonth(interactions: readonly Interaction[], months: readonly string[], asOf: IsoDay) {
  const sum = new Map<string, [number, number]>();
  const limit = dayNumber(asOf);
  for (const i of interactions) {
    const s = i.satisfaction;
    if (s === null || !(s >= 1 && s <= 5) || !(dayNumber(i.date) <= limit)) continue;
    const m = i.date.slice(0, 7);
    const acc = sum.get(m) ?? [0, 0];
    acc[0] += s;
    acc[1]++;
    sum.set(m, acc);
  }
  return months.map((month): MonthSatisfaction => {
    const acc = sum.get(month);
    return { month, average: acc ? Math.round((acc[0] / acc[1]) * 10) / 10 : null, responses: acc ? acc[1] : 0 };
  });
}

export interface ForecastRow {
  currency: string;
  /** 1–4 for the next four weeks, 5 for later, 0 for disputed invoices (not forecast). */
  week: number;
  from: IsoDay;
  to: IsoDay;
  invoices: number;
  amount: Cents;
}

/** Amount-weighted average days late of each customer's settled invoices (their usual lateness, ≥ 0). */
function usualDaysLate(l: ReportLedger): Map<string, number> {
  const acc = new Map<string, [number, number]>();
  for (const r of l.invoices) {
    if (Number.isNaN(r.settled) || Number.isNaN(r.due)) continue;
    const a = acc.get(r.customer.id) ?? [0, 0];
    a[0] += Math.max(0, r.settled - r.due) * r.inv.amount;
    a[1] += r.inv.amount;
    acc.set(r.customer.id, a);
  }
  return new Map([...acc].map(([id, [w, n]]) => [id, n > 0 ? Math.round(w / n) : 0]));
}

/**
 * Open invoices by the week they are expected to be paid: the promise date when one is given, else the due date
 * plus the customer's usual days late; what is expected before the as-of day is expected in week 1.
 */
export function collectionsForecast(l: ReportLedger): ForecastRow[] {
  const late = usualDaysLate(l);
  const today = dayNumber(l.asOf);
  const rows = new Map<string, ForecastRow>();
  for (const r of l.invoices) {
    if (r.outstanding <= 0) continue;
    let week = 0;
    if (r.inv.status !== 'disputed') {
      const promise = r.inv.status === 'promised' && r.inv.promiseDate ? dayNumber(r.inv.promiseDate) : Number.NaN;
      const expected = Number.isFinite(promise) ? promise : r.due + (late.get(r.customer.id) ?? 0);
      const ahead = Number.isFinite(expected) ? Math.max(0, expected - today) : 0;
      week = Math.min(5, Math.floor(ahead / 7) + 1);
    }
    const k = `${r.currency}\u0001${week}`;
    let row = rows.get(k);
    if (!row) {
      const from = week >= 1 ? isoFromDayNumber(today + (week - 1) * 7) : '';
      const to = week >= 1 && week <= 4 ? addDays(from, 6) : '';
      row = { currency: r.currency, week, from, to, invoices: 0, amount: 0 };
      rows.set(k, row);
    }
    row.invoices++;
    row.amount += r.outstanding;
  }
  const order = (w: number) => (w === 0 ? 6 : w);
  return [...rows.values()].sort((a, b) =>
    a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : order(a.week) - order(b.week),
  );
}
