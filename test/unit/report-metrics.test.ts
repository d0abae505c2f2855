// Each headline metric of the Reports sheet (PRODUCT.md §11) against a worked example from a public definition.
// Amounts are in cents, as the add-on computes them; the published examples are in whole currency units.
import { cei, dsoCountback, dsoSimple, overduePercent, writeOffRate } from '../../src/domain/reports/metrics';

const c = (units: number) => units * 100;

describe('DSO, simple method', () => {
  // QuickBooks Canada, "What is Days Sales Outstanding?" (quickbooks.intuit.ca/r/finance-accounting/days-sales-outstanding/):
  // "in January a business made $450,000 in sales and had $300,000 in accounts receivables ... 31 ... 20.67 days".
  test('receivables ÷ credit sales × days in the period', () => {
    expect(dsoSimple(c(300_000), c(450_000), 31)).toBe(20.7);
  });
  // bit1024.com DSO calculator: AR $50,000, credit sales $200,000, 365 days → 91.25 days.
  test('a year of sales', () => {
    expect(dsoSimple(c(50_000), c(200_000), 365)).toBe(91.3);
  });
  test('no sales in the period: no figure rather than infinity', () => {
    expect(dsoSimple(c(100), 0, 90)).toBeNull();
  });
});

describe('DSO, countback method', () => {
  // Benji Pays, "Mastering DSO Calculation: The Count-Back Method Explained" (support.benjipays.com): sales $70,000,
  // $80,000, $100,000 in months 1–3, ending receivables $212,000: month 3 and month 2 fully (60 days), then
  // $32,000 / $70,000 of month 1's 30 days = 13.7 days → 73.7 days.
  test('whole months while receivables exceed their sales, then a fraction', () => {
    const periods = [
      { sales: c(100_000), days: 30 },
      { sales: c(80_000), days: 30 },
      { sales: c(70_000), days: 30 },
    ];
    expect(dsoCountback(c(212_000), periods)).toBe(73.7);
  });
  test('receivables below the latest month: a fraction of it only', () => {
    expect(dsoCountback(c(50_000), [{ sales: c(100_000), days: 31 }])).toBe(15.5);
  });
  test('differs from the simple method when sales swing', () => {
    const periods = [
      { sales: c(100_000), days: 30 },
      { sales: c(80_000), days: 30 },
      { sales: c(70_000), days: 30 },
    ];
    expect(dsoSimple(c(212_000), c(250_000), 90)).toBe(76.3);
    expect(dsoCountback(c(212_000), periods)).not.toBe(dsoSimple(c(212_000), c(250_000), 90));
  });
});

describe('CEI (collection effectiveness index)', () => {
  // Gaviti, "What is Collection Effectiveness Index (CEI)" (gaviti.com/?p=3708): beginning receivables $100,000,
  // credit sales $1,000,000, ending total $120,000, ending current $100,000 → 980,000 / 1,000,000 × 100 = 98%.
  test('(begin + sales − ending total) ÷ (begin + sales − ending current) × 100', () => {
    expect(cei(c(100_000), c(1_000_000), c(120_000), c(100_000))).toBe(98);
  });
  // Credit Guru / wizedu sample aging (one period, N = 1): 6,200 + 10,890 − 6,340 = 10,750;
  // 6,200 + 10,890 − 3,590 = 13,500 → 79.63%.
  test('the three-month aging sample', () => {
    expect(cei(c(6_200), c(10_890), c(6_340), c(3_590))).toBe(79.6);
  });
});

describe('write-off rate (bad debt to sales)', () => {
  // kpiexamples.operately.com, "Bad Debt to Sales Ratio": bad debts $1,000, total sales $100,000 → 1%.
  test('written off ÷ credit sales × 100', () => {
    expect(writeOffRate(c(1_000), c(100_000))).toBe(1);
  });
  test('no sales: no figure', () => {
    expect(writeOffRate(c(1_000), 0)).toBeNull();
  });
});

describe('overdue %', () => {
  test('overdue ÷ total outstanding', () => {
    expect(overduePercent(c(6_340 - 3_590), c(6_340))).toBe(43.38);
    expect(overduePercent(0, 0)).toBeNull();
  });
});
