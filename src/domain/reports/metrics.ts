// Receivables KPIs as pure formulas over integer cents and whole days (PRODUCT.md §11). Each follows a published
// definition, named where it is shown (see report-i18n.ts) and worked through in test/unit/report-metrics.test.ts.
import type { Cents } from '../money';

/** One period of credit sales, most recent first for the countback method. */
export interface SalesPeriod {
  sales: Cents;
  days: number;
}

/** A ratio rounded to 1 decimal place, or null when the denominator is zero (shown as "—", never as 0 or ∞). */
function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** DSO, simple method: ending receivables ÷ credit sales of the period × days in the period. */
export function dsoSimple(receivables: Cents, sales: Cents, days: number): number | null {
  if (sales <= 0 || days <= 0) return null;
  return round1((receivables / sales) * days);
}

/**
 * DSO, countback (exhaust) method: walk back month by month from the most recent, taking each month's whole days
 * while the remaining receivables exceed its sales, then the fraction of the month that covers the rest.
 * Receivables older than every period given count the last period's days again (capped: nothing left to count).
 */
export function dsoCountback(receivables: Cents, periods: readonly SalesPeriod[]): number | null {
  if (!periods.length) return null;
  let left = receivables;
  let days = 0;
  for (const p of periods) {
    if (left <= 0) break;
    if (p.sales <= 0) {
      days += p.days;
      continue;
    }
    if (left >= p.sales) {
      days += p.days;
      left -= p.sales;
    } else {
      days += (left / p.sales) * p.days;
      left = 0;
    }
  }
  return round1(days);
}

/**
 * Collection effectiveness index, percent: (beginning receivables + credit sales − ending total receivables) ÷
 * (beginning receivables + credit sales − ending current receivables) × 100.
 */
export function cei(beginning: Cents, sales: Cents, endingTotal: Cents, endingCurrent: Cents): number | null {
  const denominator = beginning + sales - endingCurrent;
  if (denominator <= 0) return null;
  return round1(((beginning + sales - endingTotal) / denominator) * 100);
}

/** Write-off (bad debt to sales) rate, percent: amounts written off ÷ credit sales of the same period × 100. */
export function writeOffRate(writtenOff: Cents, sales: Cents): number | null {
  if (sales <= 0) return null;
  return Math.round((writtenOff / sales) * 10000) / 100;
}

/** Overdue share of the total outstanding, percent (2 decimals). */
export function overduePercent(overdue: Cents, outstanding: Cents): number | null {
  if (outstanding <= 0) return null;
  return Math.round((overdue / outstanding) * 10000) / 100;
}
