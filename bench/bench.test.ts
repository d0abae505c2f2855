// The benchmark's own arithmetic: peak heap from --trace-gc brackets, medians, the scaling exponent, budget
// verdicts and the rows written into sheets. Run with: npx jest --roots '<rootDir>/bench'
import { heapPeaks, MARK, median } from './measure';
import type { OpSample } from './operations';
import { buildReport, type SizeRun } from './report';
import { dateAt, rowsFor } from './workbook-rows';

const MB = 1024 * 1024;

function s(op: string, cpuMs: number, spreadsheetCalls: number, extra: Partial<OpSample> = {}): OpSample {
  return { op, cpuMs, token: 0, spreadsheetCalls, otherCalls: 1, cellsRead: 0, cellsWritten: 0, emails: 0, ...extra };
}

function run(invoices: number, samples: OpSample[]): SizeRun {
  return { size: { invoices, customers: invoices / 5, payments: 0, interactions: 0, reps: 1 }, samples, heap: {} };
}

describe('heapPeaks', () => {
  it('takes the largest heap seen before a collection inside the bracket, minus the start', () => {
    const out = [
      '[1:0x1]  5 ms: Scavenge 99.0 (100.0) -> 1.0 (2.0) MB, 1 / 0 ms',
      `${MARK} start 1 ${10 * MB}`,
      '[1:0x1]  7 ms: Scavenge 14.0 (20.0) -> 11.0 (20.0) MB, 1 / 0 ms',
      '[1:0x1]  9 ms: Mark-Compact (reduce) 30.5 (40.0) -> 12.0 (20.0) MB, 1 / 0 ms',
      `${MARK} end 1 ${13 * MB}`,
      `${MARK} start 2 ${10 * MB}`,
      `${MARK} end 2 ${12 * MB}`,
    ].join('\n');
    const peaks = heapPeaks(out);
    expect(peaks.get(1)).toBeCloseTo(20.5 * MB, -3);
    expect(peaks.get(2)).toBe(2 * MB);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('buildReport', () => {
  it('gives exponent 1 for linear CPU and 2 for quadratic, and flags growing call counts', () => {
    const report = buildReport([
      run(1000, [s('refresh', 10, 9), s('rescore', 10, 9)]),
      run(50_000, [s('refresh', 500, 9), s('rescore', 25_000, 40)]),
    ]);
    const refresh = report.scaling.find((x) => x.op === 'refresh')!;
    const rescore = report.scaling.find((x) => x.op === 'rescore')!;
    expect(refresh.cpuExponent).toBeCloseTo(1, 2);
    expect(refresh.flat).toBe(true);
    expect(rescore.cpuExponent).toBeCloseTo(2, 2);
    expect(rescore.flat).toBe(false);
  });

  it('reports missed and failed budgets without throwing', () => {
    const report = buildReport([
      run(50_000, [
        s('refresh', 2500, 12),
        s('rescore', 100, 16),
        s('daily reminder run', 1, 0, { error: 'boom' }),
        s('sidebar save customer', 5, 8),
      ]),
    ]);
    const verdict = (op: string, budget: string) =>
      report.budgets.find((b) => b.op === op && b.budget.includes(budget))?.result;
    expect(verdict('refresh', 'spreadsheet calls')).toBe('ok');
    expect(verdict('refresh', 'CPU')).toBe('missed');
    expect(verdict('rescore', 'spreadsheet calls')).toBe('missed');
    expect(verdict('daily reminder run', 'spreadsheet calls')).toBe('failed');
    expect(verdict('sidebar save customer', 'spreadsheet calls')).toBe('ok');
    expect(report.errors).toEqual(['daily reminder run @ 50000: boom']);
  });

  it('holds reports to 15 sheet calls and counts property writes and e-mails apart from the 100 other calls', () => {
    const daily = {
      'MailApp.sendEmail': 500,
      'MailApp.getRemainingDailyQuota': 501,
      'PropertiesService.Properties.setProperty': 1000,
      'PropertiesService.Properties.deleteProperty': 500,
      'PropertiesService.Properties.getProperty': 9,
      'Utilities.formatDate': 72,
      'SpreadsheetApp.Sheet.getSheetValues': 7,
    };
    const report = buildReport([
      run(1000, [
        s('daily reminder run', 10, 14, { calls: daily }),
        s('build reports', 10, 16, { calls: { 'Utilities.formatDate': 101 } }),
      ]),
    ]);
    const check = (op: string, budget: string) => report.budgets.find((b) => b.op === op && b.budget.includes(budget));
    expect(check('daily reminder run', 'other service calls')).toMatchObject({ value: 81, result: 'ok' });
    expect(check('daily reminder run', 'other service calls')?.budget).toContain('counted apart');
    expect(check('build reports', 'other service calls')).toMatchObject({ value: 101, result: 'missed' });
    expect(check('build reports', '15 spreadsheet calls')).toMatchObject({ value: 16, result: 'missed' });
  });

  it('checks cells read, Utilities calls and CPU growth of saves, and charges cells in the estimate', () => {
    const report = buildReport([
      run(1000, [s('sidebar save payment', 50, 10, { cellsRead: 2_000 })]),
      run(50_000, [
        s('sidebar save payment', 200, 10, {
          cellsRead: 130_000,
          cellsWritten: 40,
          calls: { 'Utilities.formatDate': 120 },
        }),
      ]),
    ]);
    const check = (budget: string) => report.budgets.find((b) => b.invoices === 50_000 && b.budget.includes(budget));
    expect(check('cells read')).toMatchObject({ value: 130_000, result: 'missed' });
    expect(check('Utilities')).toMatchObject({ value: 120, result: 'missed' });
    expect(check('3×')).toMatchObject({ value: 4, result: 'missed' });
    expect(check('250 ms')).toMatchObject({ result: 'ok' });
    const f = report.ops.find((o) => o.invoices === 50_000)!;
    expect(f).toMatchObject({ cellsRead: 130_000, cellsWritten: 40 });
    // 11 calls × 7 ms + 130,040 cells × 0.0125 ms + 200 ms CPU
    expect(f.estWallS).toBeCloseTo((11 * 7 + 130_040 * 0.0125 + 200) / 1000, 3);
  });

  it('compares the naive run with the add-on run as ratios of calls and CPU', () => {
    const report = buildReport([run(1000, [s('daily reminder run', 10, 9), s('naive daily reminder run', 200, 9999)])]);
    expect(report.naive).toHaveLength(1);
    expect(report.naive[0].callRatio).toBe(1000);
    expect(report.naive[0].cpuRatio).toBe(20);
  });
});

describe('rowsFor', () => {
  it('puts each field under the header naming it, in either language and any order', () => {
    const headers = ['Amount', '到期日', 'my own column', 'status', '单据编号'];
    const [row] = rowsFor(
      'invoices',
      headers,
      [{ id: '0000611365', dueDate: '2026-11-20', amount: 123456, status: 'written-off' }],
      'zh-CN',
      'Asia/Shanghai',
    );
    expect(row[0]).toBe(1234.56);
    expect((row[1] as Date).toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(row[2]).toBe('');
    expect(row[3]).toBe('已核销');
    expect(row[4]).toBe('0000611365');
  });

  it('dates are midnight in the given zone', () => {
    expect(dateAt('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });
});
