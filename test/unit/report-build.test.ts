// The report model from a small ledger whose every figure is worked out by hand: aging as of a past day (from the
// payment log), currencies kept apart, the forecast by expected pay week, bad rows left out and counted.
import { buildReport } from '../../src/domain/reports/build';
import type { ReportSource } from '../../src/domain/reports/ledger';
import { layoutReport, TREND_HEADER_ROW } from '../../src/domain/reports/layout';
import type { Interaction, Payment } from '../../src/domain/records';
import { customer, invoice } from '../fakes/reminder-fakes';

function pay(id: string, invoiceId: string, date: string, amount: number): Payment {
  return { id, invoiceId, customerId: '', date, amount, method: 'bank', reference: '', recordedBy: '', notes: '' };
}
function talk(date: string, satisfaction: number | null): Interaction {
  const base = { id: `I-${date}`, customerId: 'C1', channel: 'phone', type: 'feedback', summary: 's' } as const;
  return { ...base, date, satisfaction, status: 'resolved', owner: '', resolution: '', resolvedAt: '' };
}

function source(): ReportSource {
  return {
    customers: [
      customer('C1', { name: '甲公司', region: '华东', industry: '制造', creditGrade: 'BBB', segment: 'normal' }),
      customer('C2', { name: 'Beta Ltd', region: '', manager: 'b@example.com', creditGrade: 'CC' }),
      customer('C1', { name: 'duplicate of C1' }),
    ],
    invoices: [
      // Due 2026-05-31, 100.00; 40.00 paid on 06-10, the rest on 07-20.
      invoice('INV-1', 'C1', '2026-05-31', 10000, { issueDate: '2026-05-01' }),
      // Due 2026-06-20, 50.00, never paid.
      invoice('INV-2', 'C2', '2026-06-20', 5000, { issueDate: '2026-06-01' }),
      // USD, due 2026-06-25, 30.00 open: never added to CNY.
      invoice('INV-3', 'C2', '2026-06-25', 3000, { issueDate: '2026-06-05', currency: 'USD' }),
      // Issued after the report day: not there yet.
      invoice('INV-4', 'C1', '2026-08-31', 7000, { issueDate: '2026-08-01' }),
      invoice('INV-1', 'C1', '2026-05-31', 99999, { issueDate: '2026-05-01' }),
      invoice('INV-9', 'C404', '2026-05-31', 12345, { issueDate: '2026-05-01' }),
    ],
    payments: [
      pay('P1', 'INV-1', '2026-06-10', 4000),
      pay('P2', 'INV-1', '2026-07-20', 6000),
      pay('P1', 'INV-1', '2026-06-11', 4000),
      pay('P9', 'INV-404', '2026-06-11', 100),
    ],
    interactions: [talk('2026-06-03', 4), talk('2026-06-09', 5), talk('2026-06-15', null), talk('2026-07-01', 1)],
    unreadable: 2,
  };
}

describe('buildReport as of a past day', () => {
  const m = buildReport(source(), '2026-06-30', 'CNY');

  test('aging is what it was on that day: later payments do not count', () => {
    // INV-1: 60.00 owed, 30 days past due → 1–30; INV-2: 50.00, 10 days → 1–30.
    expect(m.agingByCurrency).toEqual([
      { key: 'CNY', currency: 'CNY', buckets: [0, 11000, 0, 0, 0], total: 11000, overdue: 11000 },
      { key: 'USD', currency: 'USD', buckets: [0, 3000, 0, 0, 0], total: 3000, overdue: 3000 },
    ]);
    expect(m.headline).toMatchObject({ currency: 'CNY', outstanding: 11000, overdue: 11000, overduePercent: 100 });
  });

  test('bad rows are left out of every figure and counted', () => {
    // 2 unreadable; duplicates: customer C1, invoice INV-1, payment P1; unknown: INV-9's customer, P9's invoice.
    expect(m.excluded).toEqual({ unreadable: 2, duplicateId: 3, unknownCustomer: 1, unknownInvoice: 1 });
    const sheet = layoutReport(m, 'en', 'Asia/Shanghai', '2026-07-01 09:00', '2026-07-01');
    expect(String(sheet.values.at(-1)?.[0])).toContain('7 rows are left out');
  });

  test('dimension tables keep currencies apart and name unset values', () => {
    expect(m.agingBy.region.map((r) => [r.key, r.currency, r.total])).toEqual([
      ['华东', 'CNY', 6000],
      ['', 'CNY', 5000],
      ['', 'USD', 3000],
    ]);
  });

  test('top overdue customers with grade and oldest overdue days', () => {
    expect(m.topOverdue.map((c) => [c.id, c.currency, c.overdue, c.oldestDays, c.grade])).toEqual([
      ['C1', 'CNY', 6000, 30, 'BBB'],
      ['C2', 'CNY', 5000, 10, 'CC'],
      ['C2', 'USD', 3000, 5, 'CC'],
    ]);
  });

  test('trend: invoiced and collected per month, receivables per month-end bucket', () => {
    const i = m.trend.months.indexOf('2026-05');
    expect(m.trend.months).toHaveLength(24);
    expect(m.trend.months.at(-1)).toBe('2026-06');
    expect(m.trend.invoiced.slice(i)).toEqual([10000, 5000]);
    expect(m.trend.collected.slice(i)).toEqual([0, 4000]);
    // 2026-05-31: INV-1 due that day → current 100.00. 2026-06-30: 110.00 in 1–30.
    expect(m.trend.aging[i]).toEqual([10000, 0, 0, 0, 0]);
    expect(m.trend.aging[i + 1]).toEqual([0, 11000, 0, 0, 0]);
    // June DSO, simple: 110.00 ÷ (150.00 sales Apr–Jun) × 91 days = 66.7.
    expect(m.trend.dso[i + 1]).toBe(66.7);
  });

  test('satisfaction averages only scored interactions up to the day', () => {
    expect(m.satisfaction.find((s) => s.month === '2026-06')).toEqual({ month: '2026-06', average: 4.5, responses: 2 });
    expect(m.satisfaction.find((s) => s.month === '2026-07')).toBeUndefined();
  });

  test('forecast: overdue invoices of a customer who usually pays late land by due date + usual lateness', () => {
    // No settled history as of 06-30 → usual lateness 0 → both CNY invoices are past due → week 1.
    expect(m.forecast.map((f) => [f.currency, f.week, f.from, f.to, f.amount])).toEqual([
      ['CNY', 1, '2026-06-30', '2026-07-06', 11000],
      ['USD', 1, '2026-06-30', '2026-07-06', 3000],
    ]);
    expect(m.headline.expectedNext4Weeks).toBe(11000);
  });
});

describe('buildReport as of today', () => {
  test('a promise date and a customer’s usual days late move an invoice to a later week', () => {
    const base = source();
    // INV-1 settled 2026-07-20, 50 days after its due date: C1 usually pays 50 days late.
    const src = {
      ...base,
      invoices: [
        ...base.invoices,
        invoice('INV-5', 'C1', '2026-08-10', 2000, { issueDate: '2026-07-11' }),
        invoice('INV-6', 'C2', '2026-07-25', 1000, { status: 'promised', promiseDate: '2026-08-20' }),
        invoice('INV-7', 'C2', '2026-07-25', 500, { status: 'disputed' }),
      ],
    };
    const m = buildReport(src, '2026-08-01', 'CNY');
    const row = (w: number) => m.forecast.find((f) => f.currency === 'CNY' && f.week === w);
    // INV-5: 08-10 + 50 = 09-29 → later than 4 weeks. INV-6: promised 08-20 → 19 days ahead → week 3.
    expect(row(5)?.amount).toBe(2000 + 7000); // INV-4 (due 08-31 + 50) is later too
    expect(row(3)).toMatchObject({ from: '2026-08-15', to: '2026-08-21', amount: 1000, invoices: 1 });
    expect(row(0)).toMatchObject({ amount: 500, invoices: 1 });
    expect(m.headline.expectedNext4Weeks).toBe(5000 + 1000);
  });

  test('the layout keeps the trend table at its fixed rows', () => {
    const m = buildReport(source(), '2026-06-30', 'CNY');
    const sheet = layoutReport(m, 'zh-CN', 'Asia/Shanghai', '2026-07-01 09:00', '2026-07-01');
    expect(sheet.values[TREND_HEADER_ROW - 1][0]).toBe('月份');
    expect(sheet.values[TREND_HEADER_ROW + 23][0]).toBe('2026-06');
    expect(sheet.values.every((r) => r.length === 9)).toBe(true);
    expect(sheet.values[5]).toEqual(['应收余额', 110, '截至报表日未收金额合计', '', '', '', '', '', '']);
    expect(sheet.formats[5][1]).toBe('[$¥]#,##0.00');
  });
});
