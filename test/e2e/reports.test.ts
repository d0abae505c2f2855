// PRODUCT.md §11 through the built bundle: menu *Build reports* writes the 报表 sheet with its headline figures and
// four embedded charts; a rebuild updates the charts in place (a moved chart stays put, never a second copy); the
// sidebar rebuilds as of a past day from the payment log; bad rows are left out and counted; the daily trigger
// builds the reports after the day's reminders; the call budget holds whatever the number of rows.
import {
  customerWithInvoice,
  type Env,
  headerRow,
  mustSave,
  newEnv,
  rpc,
  savePayment,
  sheetName,
  sheetOf,
} from './harness';

const REPORTS = '报表';

/** A row typed by hand into a sheet: values by header text, the rest blank. */
function typeRow(env: Env, role: 'invoices' | 'payments', byHeader: Record<string, unknown>): void {
  const header = headerRow(env, sheetName(role));
  sheetOf(env, sheetName(role)).appendRow(header.map((h) => byHeader[h] ?? ''));
}

function book(): { env: Env; ids: Record<string, string> } {
  const env = newEnv();
  const a = customerWithInvoice(
    env,
    { name: '甲公司', email: 'a@example.com', region: '华东' },
    { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '1000' },
  );
  mustSave(savePayment(env, { invoiceId: a.invoiceId, date: '2026-02-20', amount: '400', method: 'bank' }));
  const b = customerWithInvoice(
    env,
    { name: 'Beta Ltd', email: 'b@example.com' },
    { issueDate: '2026-02-01', dueDate: '2026-03-31', amount: '500', currency: 'USD' },
  );
  const c = customerWithInvoice(
    env,
    { name: '丙公司', email: 'c@example.com' },
    { issueDate: '2025-11-01', dueDate: '2025-12-01', amount: '200' },
  );
  // Hand-typed bad rows: a text amount, an unknown customer, two rows typed with the same new invoice id (neither
  // copy counts: PRODUCT.md §9).
  typeRow(env, 'invoices', { 单据编号: 'HAND-1', 客户编号: a.customerId, 开票日期: '2026-01-05', 金额: '一千' });
  typeRow(env, 'invoices', { 单据编号: 'HAND-2', 客户编号: 'C-999999', 开票日期: '2026-01-05', 金额: 300 });
  typeRow(env, 'invoices', { 单据编号: 'HAND-3', 客户编号: c.customerId, 开票日期: '2026-01-05', 金额: 9999 });
  typeRow(env, 'invoices', { 单据编号: 'HAND-3', 客户编号: a.customerId, 开票日期: '2026-01-06', 金额: 8888 });
  return { env, ids: { a: a.invoiceId, b: b.invoiceId, c: c.invoiceId } };
}

function cell(env: Env, label: string): unknown {
  const row = env.values(REPORTS).find((r: unknown[]) => r[0] === label);
  return row?.[1];
}

function charts(env: Env) {
  return sheetOf(env, REPORTS).getCharts() as any[];
}

describe('Build reports (menu)', () => {
  let env: Env;
  beforeAll(() => {
    env = book().env;
    env.clickMenu('buildReports');
  });

  test('the 报表 sheet carries the headline figures in CNY, never adding USD', () => {
    // Outstanding CNY: 600 (1–30) + 200 (90+) = 800; all of it overdue. USD 500 only in its own row.
    expect(cell(env, '应收余额')).toBe(800);
    expect(cell(env, '逾期金额')).toBe(800);
    expect(cell(env, '逾期占比')).toBe(1);
    const values = env.values(REPORTS) as unknown[][];
    const usd = values.find((r) => r[0] === '全部客户' && r[1] === 'USD');
    expect(usd?.slice(2, 9)).toEqual([500, 0, 0, 0, 0, 500, 0]);
    const cny = values.find((r) => r[0] === '全部客户' && r[1] === 'CNY');
    expect(cny?.slice(2, 9)).toEqual([0, 600, 0, 0, 200, 800, 800]);
    const display = env.displayValues(REPORTS) as string[][];
    expect(display.find((r) => r[0] === '应收余额')?.[1]).toBe('¥800.00');
  });

  test('DSO by both methods and CEI are labelled with their method', () => {
    const labels = (env.values(REPORTS) as unknown[][]).map((r) => String(r[0]));
    expect(labels).toEqual(expect.arrayContaining(['DSO（简单法）', 'DSO（倒推法）', '回款有效性指数 CEI', '核销率']));
    expect(typeof cell(env, 'DSO（简单法）')).toBe('number');
  });

  test('bad rows are left out of every figure and counted in the footnote', () => {
    const values = env.values(REPORTS) as unknown[][];
    const note = String(values.filter((r) => String(r[0]).startsWith('注：')).at(-1)?.[0]);
    expect(note).toContain('4 行数据未计入');
    expect(note).toContain('无法读取（如金额为文本）1 行');
    expect(note).toContain('客户或单据不存在 1 行');
    expect(note).toContain('编号重复 2 行');
  });

  test('four real embedded charts: line, stacked column, line, column, on the trend and grade tables', () => {
    const list = charts(env);
    expect(list).toHaveLength(4);
    const ranges = list.map((c) =>
      c
        .getRanges()
        .map((r: any) => r.getA1Notation())
        .join(','),
    );
    expect(ranges).toEqual(['A16:C40', 'A16:A40,D16:H40', 'A16:A40,I16:I40', 'A43:B53']);
    expect(list.map((c) => c.getOptions().get('title'))).toEqual([
      '开票额与回款额（近 24 个月）',
      '月末账龄结构',
      'DSO 月度走势（简单法）',
      '信用等级分布',
    ]);
    expect(list[1].getOptions().get('isStacked')).toBe(true);
    const stored = env.spreadsheet.api().getSheetByName(REPORTS);
    expect(stored).not.toBeNull();
  });

  test('rebuilding updates in place: same chart ids, no second copy, a moved chart stays where the user put it', () => {
    const before = charts(env);
    const ids = before.map((c) => c.getChartId());
    const sheet = sheetOf(env, REPORTS);
    sheet.updateChart(before[2].modify().setPosition(60, 2, 10, 5).build());
    env.clickMenu('buildReports');
    const after = charts(env);
    expect(after.map((c) => c.getChartId())).toEqual(ids);
    const info = after[2].getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([60, 2, 10, 5]);
  });

  test('a language change retitles the charts in place through modify(): same ids, the moved chart still put', () => {
    const ids = charts(env).map((c) => c.getChartId());
    const settings = sheetOf(env, sheetName('settings'));
    const keys = (settings.getDataRange().getValues() as unknown[][]).map((r) => r[0]);
    env.userEdit(sheetName('settings'), `B${keys.indexOf('language') + 1}`, 'en');
    env.clickMenu('buildReports');
    const after = charts(env);
    expect(after.map((c) => c.getChartId())).toEqual(ids);
    expect(after[0].getOptions().get('title')).toBe('Invoiced vs collected (24 months)');
    const info = after[2].getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn()]).toEqual([60, 2]);
    expect(env.values(REPORTS)[0][0]).toBe('Receivables report');
    env.userEdit(sheetName('settings'), `B${keys.indexOf('language') + 1}`, '');
  });

  test('when the stored chart ids are lost, the charts on the same ranges are adopted, not inserted again', () => {
    const ids = charts(env).map((c) => c.getChartId());
    env.evaluate("PropertiesService.getDocumentProperties().deleteProperty('customerLedger.reports')");
    expect(env.properties.document()['customerLedger.reports']).toBeUndefined();
    env.clickMenu('buildReports');
    const after = charts(env);
    expect(after.map((c) => c.getChartId())).toEqual(ids);
    const info = after[2].getContainerInfo();
    expect([info.getAnchorRow(), info.getAnchorColumn()]).toEqual([60, 2]);
  });

  test('the sidebar cards read the last build', () => {
    const cards = rpc<{ outstanding: number; currency: string; asOf: string }>(env, 'reportCards');
    expect(cards).toMatchObject({ outstanding: 80000, currency: 'CNY', asOf: '2026-03-02' });
    // The home view gets them with its one start-up call.
    expect(rpc<{ reportCards: unknown }>(env, 'sidebarStart').reportCards).toEqual(cards);
  });
});

describe('as of a past day (sidebar)', () => {
  test('the aging is what it was then: a later payment does not count', () => {
    const { env } = book();
    const r = rpc<{ ok: boolean; cards: { outstanding: number; overdue: number } }>(
      env,
      'buildReportsAsOf',
      '2026-02-10',
    );
    // On 2026-02-10 nothing of A's invoice was paid yet (the 400 came on 02-20): 1000 + 200 owed, both overdue.
    expect(r.ok).toBe(true);
    expect(r.cards).toMatchObject({ outstanding: 120000, overdue: 120000 });
    expect(cell(env, '应收余额')).toBe(1200);
    expect(String((env.values(REPORTS) as unknown[][])[1][0])).toContain('截至 2026-02-10');
  });

  test('a rebuild replaces the content: rows a shorter report no longer needs are blanked', () => {
    const { env } = book();
    env.clickMenu('buildReports');
    const long = (env.values(REPORTS) as unknown[][]).length;
    rpc(env, 'buildReportsAsOf', '2025-06-30');
    const values = env.values(REPORTS) as unknown[][];
    const last = values.reduce((n, r, i) => (r.some((v) => v !== '') ? i : n), 0);
    expect(last + 1).toBeLessThan(long);
    expect(
      values
        .slice(last + 1)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(charts(env)).toHaveLength(4);
  });

  test('a future or malformed day is refused with a localized message, nothing written', () => {
    const { env } = book();
    const r = rpc<{ ok: boolean; message: string }>(env, 'buildReportsAsOf', '2027-01-01');
    expect(r).toEqual({ ok: false, message: '报表日期：请输入不晚于今天的有效日期（yyyy-MM-dd）' });
    expect(env.spreadsheet.api().getSheetByName(REPORTS)).toBeNull();
  });
});

describe('daily trigger', () => {
  test('the firing after the day’s reminders builds the reports, once a day, in an execution of its own', () => {
    const { env } = book();
    env.clickMenu('enableDailyReminders');
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    expect(env.outbox.length).toBeGreaterThan(0);
    expect(env.spreadsheet.api().getSheetByName(REPORTS)).toBeNull();
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    expect(cell(env, '应收余额')).toBe(800);
    expect(charts(env)).toHaveLength(4);
    env.resetCounts();
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    expect(env.counts()['SpreadsheetApp.Range.setValues'] ?? 0).toBe(0);
  });

  test('a report failure never breaks the reminder trigger', () => {
    const { env } = book();
    env.clickMenu('enableDailyReminders');
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    // A sheet the report cannot be written into: its grid is too small for the report block.
    const sheet = env.spreadsheet.api().insertSheet(REPORTS);
    sheet.deleteColumns(2, 25);
    expect(() => env.run('runDailyReminders', [{}], { kind: 'installable-trigger' })).not.toThrow();
    expect(env.outbox.length).toBeGreaterThan(0);
    expect(env.lastError).toBeNull();
    const logged = (env.logs as Array<{ level: string; message: string }>).filter((l) =>
      l.message.startsWith('Reports:'),
    );
    expect(logged.at(-1)?.level).toBe('error');
    expect(charts(env)).toHaveLength(0);
  });
});

describe('budget (PRODUCT.md §10 / issue 14: ≤ 20 spreadsheet calls at every size)', () => {
  function calls(env: Env): number {
    env.resetCounts();
    env.clickMenu('buildReports');
    return env.total('SpreadsheetApp.');
  }
  test('a rebuild costs the same few calls on a small and a larger workbook', () => {
    const small = book().env;
    const large = book().env;
    for (let i = 0; i < 20; i++) {
      customerWithInvoice(
        large,
        { name: `客户${i}`, email: `c${i}@example.com` },
        { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '10' },
      );
    }
    const firstSmall = calls(small);
    const firstLarge = calls(large);
    expect(firstLarge).toBe(firstSmall);
    const again = calls(large);
    expect(again).toBe(calls(small));
    expect(again).toBeLessThanOrEqual(20);
  });
});
