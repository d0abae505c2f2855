// Seeded generators of receivables with the usual shape of real AR data, for the invoice-level backtest: most
// customers pay most invoices a few days late; a minority is chronically late (weeks to months); disputes and
// complaints come with lateness; invoices arrive at each customer's own rhythm with 30–90-day terms; some customers
// have a credit limit. One variant drifts: part of the customers change behaviour during the two years (some
// deteriorate, some recover), which is what a model must follow and a long average lags behind.
// The hidden quantity is each customer's lateness propensity at each moment; nothing here knows the scorecard.
import { addDays, dayNumber, type IsoDay, isoFromDayNumber } from '../../src/domain/day';
import type { Customer, Interaction, Invoice, Payment } from '../../src/domain/records';
import { type CustomerHistory, paymentStateAsOf } from '../../src/domain/scoring/history';
import { complaint, customer, invoice, payment, rng } from './scoring-fixtures';

export interface ArOptions {
  seed: number;
  customers: number;
  /** First and last day of the data ("today"). */
  start: IsoDay;
  today: IsoDay;
  /** Share of customers whose behaviour changes during the period (0 = stationary). */
  drift: number;
  /** Share of chronically late customers. */
  chronic: number;
  /** Days between a customer's invoices are drawn from this range (default 10–60). */
  every?: [number, number];
}

export interface ArLedger {
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
  interactions: Interaction[];
  /** The hidden truth: each invoice's probability of being paid late when it was issued (the oracle's ranking). */
  pLate: Map<string, number>;
}

export const AR_GENERATORS: ReadonlyArray<{ name: string; options: ArOptions }> = [
  {
    name: 'ar-a',
    options: { seed: 101, customers: 600, start: '2024-07-01', today: '2026-09-30', drift: 0, chronic: 0.12 },
  },
  {
    name: 'ar-b',
    options: { seed: 202, customers: 600, start: '2024-07-01', today: '2026-09-30', drift: 0, chronic: 0.2 },
  },
  {
    name: 'ar-c',
    options: { seed: 303, customers: 800, start: '2024-01-01', today: '2026-06-30', drift: 0, chronic: 0.08 },
  },
  {
    name: 'ar-drift',
    options: { seed: 404, customers: 700, start: '2024-07-01', today: '2026-09-30', drift: 0.35, chronic: 0.12 },
  },
  // Real ledgers hold many customers who buy a few times a year: short records, where a raw late share is noise.
  {
    name: 'ar-sparse',
    options: {
      seed: 505,
      customers: 1500,
      start: '2024-07-01',
      today: '2026-09-30',
      drift: 0,
      chronic: 0.12,
      every: [30, 150],
    },
  },
  {
    name: 'ar-drift-2',
    options: { seed: 606, customers: 700, start: '2024-04-01', today: '2026-06-30', drift: 0.5, chronic: 0.1 },
  },
  {
    name: 'ar-drift-sparse',
    options: {
      seed: 707,
      customers: 1200,
      start: '2024-07-01',
      today: '2026-09-30',
      drift: 0.35,
      chronic: 0.12,
      every: [25, 120],
    },
  },
];

/** Propensity to pay an invoice late: uniform in these ranges, for most customers and for the chronic minority. */
const USUAL_P: [number, number] = [0.25, 0.85];
const CHRONIC_P: [number, number] = [0.6, 0.95];

/**
 * The best estimate of a STATIONARY customer's propensity that any rule seeing only its late count can make: the
 * posterior mean of p given k late of n invoices, under this generator's own prior (a `chronic` share drawn from
 * CHRONIC_P, the rest from USUAL_P). Ranking by it maximizes the expected invoice-level AUC among rules built on
 * late counts, so its margin over the naive share is the most a ledger-only model can gain there (bench/backtest.ts).
 * Numerical integration on a 400-point grid; deterministic.
 */
export function bayesLateShare(k: number, n: number, chronic: number): number {
  const part = ([lo, hi]: [number, number]) => {
    let mass = 0;
    let mean = 0;
    for (let i = 0; i < 400; i++) {
      const p = lo + ((hi - lo) * (i + 0.5)) / 400;
      const like = Math.exp(k * Math.log(p) + (n - k) * Math.log(1 - p)) / 400;
      mass += like;
      mean += like * p;
    }
    return { mass, mean };
  };
  const a = part(USUAL_P);
  const b = part(CHRONIC_P);
  return ((1 - chronic) * a.mean + chronic * b.mean) / ((1 - chronic) * a.mass + chronic * b.mass);
}

/**
 * The ceiling's input: the customer's invoices fallen due before `day` (day number) and how many of them were late,
 * over its whole record (the customer is stationary: every invoice is evidence). Open past due counts as late.
 */
export function lateCount(h: CustomerHistory, day: number): { k: number; n: number } {
  let k = 0;
  let n = 0;
  for (const inv of h.invoices) {
    if (inv.issue > day || inv.due >= day) continue;
    const { settledDay } = paymentStateAsOf(inv, day);
    n++;
    if (Number.isNaN(settledDay) || settledDay > inv.due) k++;
  }
  return { k, n };
}

export function generateAr(o: ArOptions): ArLedger {
  const rand = rng(o.seed);
  const between = (a: number, b: number) => a + rand() * (b - a);
  const int = (a: number, b: number) => Math.floor(between(a, b + 1));
  const out: ArLedger = { customers: [], invoices: [], payments: [], interactions: [], pLate: new Map() };
  const first = dayNumber(o.start);
  const last = dayNumber(o.today);
  let invNo = 0;
  let payNo = 0;
  let itNo = 0;
  for (let c = 0; c < o.customers; c++) {
    const id = `C-${String(c + 1).padStart(5, '0')}`;
    const chronic = rand() < o.chronic;
    // Propensity to pay an invoice late at all, and how late when late.
    const base = chronic ? between(...CHRONIC_P) : between(...USUAL_P);
    const lateDays = chronic ? between(20, 70) : between(2, 9);
    const drifts = rand() < o.drift;
    const driftTo = drifts ? (rand() < 0.5 ? between(0.8, 1) : between(0.05, 0.3)) : base;
    const driftDays = drifts ? between(20, 75) : lateDays;
    const driftStart = first + Math.floor(between(0.4, 0.8) * (last - first));
    const driftLen = int(60, 240);
    const terms = [30, 30, 45, 60, 90][int(0, 4)];
    const every = int(o.every?.[0] ?? 10, o.every?.[1] ?? 60);
    const typical = int(2_000, 200_000) * 100;
    const limited = rand() < 0.6;
    out.customers.push(
      customer(id, { creditLimit: limited ? typical * int(2, 8) : null, termsDays: terms, language: 'zh-CN' }),
    );
    const since = first + int(0, Math.floor((last - first) * 0.6));
    for (let day = since + int(0, every); day <= last; day += Math.max(1, Math.round(every * between(0.5, 1.5)))) {
      // Behaviour at the issue day: blends from the old to the new propensity over the drift period.
      const w = drifts ? Math.min(1, Math.max(0, (day - driftStart) / driftLen)) : 0;
      const pLate = base + (driftTo - base) * w;
      const days = lateDays + (driftDays - lateDays) * w;
      const issue = isoFromDayNumber(day);
      const due = addDays(issue, terms);
      const amount = Math.round((typical * between(0.4, 1.8)) / 100) * 100;
      const late = rand() < pLate;
      const delay = late ? Math.max(1, Math.round(days * between(0.3, 2.2))) : -int(0, 5);
      const disputed = late && rand() < (chronic || pLate > 0.8 ? 0.12 : 0.03);
      const inv = invoice(`I-${++invNo}`, id, issue, due, amount, disputed ? 'disputed' : 'open');
      out.invoices.push(inv);
      out.pLate.set(inv.id, pLate);
      const payDay = dayNumber(due) + delay + (disputed ? int(15, 60) : 0);
      if (payDay > last) continue;
      const payOn = isoFromDayNumber(Math.max(day, payDay));
      if (rand() < 0.15 && payDay - day > 10) {
        const part = Math.round(amount * between(0.3, 0.6));
        out.payments.push(payment(`P-${++payNo}`, inv, isoFromDayNumber(day + int(1, payDay - day - 1)), part));
        out.payments.push(payment(`P-${++payNo}`, inv, payOn, amount - part));
      } else {
        out.payments.push(payment(`P-${++payNo}`, inv, payOn));
      }
      if (late && rand() < (chronic ? 0.1 : 0.02)) {
        const on = Math.min(last, payDay - int(0, 10));
        out.interactions.push(complaint(`X-${++itNo}`, id, isoFromDayNumber(Math.max(day, on))));
      }
    }
  }
  return out;
}
