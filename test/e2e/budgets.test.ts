// PRODUCT.md §10 call budgets, measured as the bench does: env.total('SpreadsheetApp.') around one execution of the
// built add-on (setup: every service). Budgets hold "whatever the number of rows", so each is measured on a small
// and a larger workbook and must not grow with it.
import { createEnvironment } from '../../emulator/src/index';
import type { SidebarHome } from '../../src/app/sidebar-types';
import {
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  OWNER,
  saveCustomer,
  saveInteraction,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
} from './harness';

function book(n: number): { env: Env; customerId: string; invoiceId: string } {
  const env = newEnv();
  let first = { customerId: '', invoiceId: '' };
  for (let i = 0; i < n; i++) {
    const ids = customerWithInvoice(
      env,
      { name: `客户${i}`, email: `c${i}@example.com` },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '1000' },
    );
    if (i === 0) first = ids;
  }
  return { env, ...first };
}

/** Distinct customer names (a repeated name is a duplicate warning, not a save). */
let serial = 0;

function spreadsheetCalls(env: Env, fn: () => void): number {
  env.resetCounts();
  fn();
  return env.total('SpreadsheetApp.');
}

function allCalls(env: Env, fn: () => void): number {
  env.resetCounts();
  fn();
  return Object.values(env.counts() as Record<string, number>).reduce((a, b) => a + b, 0);
}

describe('§10 budgets', () => {
  let small: ReturnType<typeof book>;
  let large: ReturnType<typeof book>;
  beforeAll(() => {
    small = book(2);
    large = book(30);
  });

  test('setup / repair: ≤ 150 service calls in total, fresh and on a used workbook', () => {
    const fresh = newEnv({ setup: false });
    expect(allCalls(fresh, () => fresh.clickMenu('setupWorkbook'))).toBeLessThanOrEqual(150);
    expect(allCalls(large.env, () => large.env.clickMenu('setupWorkbook'))).toBeLessThanOrEqual(150);
  });

  test('setup after an add-on upgrade (older setup version) re-applies the rules within 150 calls', () => {
    const state = large.env.serialize();
    const props = large.env.properties.document() as Record<string, string>;
    const key = Object.keys(props).find((k) => /"version":\d+/.test(props[k]));
    expect(key).toBeDefined();
    const old = props[key!].replace(/"version":\d+/, '"version":1');
    const env = createEnvironment({ state: state.split(JSON.stringify(props[key!])).join(JSON.stringify(old)) });
    env.loadBuild('dist');
    env.openAsUser(OWNER);
    expect(allCalls(env, () => env.clickMenu('setupWorkbook'))).toBeLessThanOrEqual(150);
    // The rules were re-applied (help text of the current version), and a further run is a cheap check again.
    expect(allCalls(env, () => env.clickMenu('setupWorkbook'))).toBeLessThan(60);
  });

  test('repair of a damaged data sheet stays within 150 calls', () => {
    const env = book(3).env;
    sheetOf(env, sheetName('customers')).deleteColumn(3);
    sheetOf(env, sheetName('invoices')).deleteColumn(2);
    expect(allCalls(env, () => env.clickMenu('setupWorkbook'))).toBeLessThanOrEqual(150);
  });

  test('refresh: spreadsheet calls do not grow with the number of rows', () => {
    const a = spreadsheetCalls(small.env, () => small.env.clickMenu('refreshLedger'));
    const b = spreadsheetCalls(large.env, () => large.env.clickMenu('refreshLedger'));
    expect(b).toBe(a);
  });

  test('refresh: ≤ 15 spreadsheet calls', () => {
    expect(spreadsheetCalls(large.env, () => large.env.clickMenu('refreshLedger'))).toBeLessThanOrEqual(15);
  });

  test('sidebar start: one RPC carries the home view (index, settings); the reminder status is the second call', () => {
    const home = large.env.callRpc('sidebarStart', []) as SidebarHome;
    expect(home.customers).toHaveLength(30);
    expect(home.customers[0][0]).toBe(large.customerId);
    expect(home.industries.length).toBeGreaterThan(0);
    expect(home.currency).toBe('CNY');
    expect(large.env.callRpc('reminderStatus', [])).not.toBeNull();
  });

  test('sidebar saves: calls do not grow with the number of rows', () => {
    // The first save after a setup reads the audit log once (setup drops the saved tail); measure the steady state.
    const measure = (w: ReturnType<typeof book>) =>
      spreadsheetCalls(w.env, () => mustSave(saveCustomer(w.env, { name: `n${++serial}`, type: 'company' })));
    measure(large);
    measure(small);
    expect(measure(large)).toBe(measure(small));
  });

  function runSave(kind: string): () => void {
    const { env, customerId, invoiceId } = large;
    return {
      customer: () => mustSave(saveCustomer(env, { name: `budget${++serial}`, type: 'company' })),
      invoice: () => mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-01', amount: '10' })),
      payment: () => mustSave(savePayment(env, { invoiceId, date: '2026-03-01', amount: '1', method: 'bank' })),
      interaction: () =>
        mustSave(saveInteraction(env, { customerId, date: '2026-03-01', type: 'inquiry', summary: 'budget' })),
    }[kind as 'customer'];
  }

  test('sidebar save (customer): ≤ 12 spreadsheet calls', () => {
    runSave('customer')();
    expect(spreadsheetCalls(large.env, runSave('customer'))).toBeLessThanOrEqual(12);
  });

  test('sidebar save (interaction): ≤ 12 spreadsheet calls (the customer is checked on its id column only)', () => {
    runSave('interaction')();
    expect(spreadsheetCalls(large.env, runSave('interaction'))).toBeLessThanOrEqual(12);
  });

  // DEFECT: with narrow reads every sheet a save touches costs a getSheetById, a header row, its key columns and
  // its rows (one getSheetValues per run of nearby rows: a customer's invoices are scattered), plus the writes and
  // the flush — an invoice 19, a payment 23 here, more at 50,000 invoices (test/e2e/budgets-50k.test.ts). Caching
  // the header maps would need a check that catches columns inserted or moved by users (no onEdit for those).
  test.failing.each(['invoice', 'payment'])('sidebar save (%s): ≤ 12 spreadsheet calls', (kind) => {
    runSave(kind)();
    expect(spreadsheetCalls(large.env, runSave(kind))).toBeLessThanOrEqual(12);
  });

  /** A copy of a workbook's whole state with the built add-on loaded: batch runs here leave `w` as it was. */
  function copyOf(w: ReturnType<typeof book>): Env {
    const env = createEnvironment({ state: w.env.serialize() });
    env.loadBuild('dist');
    env.openAsUser(OWNER);
    return env as Env;
  }

  /** The day's run as the hourly trigger fires it (reminders enabled first, uncounted). */
  function dailyRunCalls(env: Env): { calls: number; sent: number } {
    env.clickMenu('enableDailyReminders');
    const before = env.outbox.length;
    const calls = spreadsheetCalls(env, () => {
      const run = env.advance({ hours: 1 }).fired.find((f) => f.handler === 'runDailyReminders');
      expect(run?.error ?? null).toBeNull();
    });
    return { calls, sent: env.outbox.length - before };
  }

  describe('batch operations (PRODUCT.md §10: ≤ 15 spreadsheet calls whatever the number of rows)', () => {
    let daily: { small: { calls: number; sent: number }; large: { calls: number; sent: number } };
    beforeAll(() => {
      daily = { small: dailyRunCalls(copyOf(small)), large: dailyRunCalls(copyOf(large)) };
    });

    test('daily reminder run: spreadsheet calls do not grow with the rows or the e-mails sent', () => {
      expect(daily.small.sent).toBeGreaterThan(0);
      expect(daily.large.sent).toBeGreaterThan(daily.small.sent);
      expect(daily.large.calls).toBe(daily.small.calls);
    });

    // The run reads seven sheets (settings, customers, invoices, payments, interactions for the rescore, the
    // reminder log, the audit log for grade drops): a getSheetById and a getSheetValues each, 14 calls, before the
    // spreadsheet, its zone, the score write, the log append, the invoice stamps and the flush before the lock is
    // released (24 here). Finding several sheets in one getSheets() would need a getSheetId per tab to know which
    // is which (each a counted call).
    test('daily reminder run: at most the 24 spreadsheet calls of its seven sheet reads and four writes', () => {
      expect(daily.large.calls).toBeLessThanOrEqual(24);
    });

    test("a later day's run writes each sheet's neighbouring columns once (derived with scores, with stamps)", () => {
      const env = copyOf(large);
      dailyRunCalls(env);
      // Days later every overdue invoice is older: the run's refresh rewrites the derived columns of both sheets,
      // its rescore the scores beside them, and the next stage's sends stamp the invoices beside their derived
      // columns. Measured on the first later day that sends.
      let measured: { calls: number; writes: number } | null = null;
      for (let day = 0; day < 20 && !measured; day++) {
        env.advance({ hours: 22 }); // 08:00 the next day (the day's reports were built at 10:00)
        const sent = env.outbox.length;
        const calls = spreadsheetCalls(env, () => {
          const run = env.advance({ hours: 1 }).fired.find((f) => f.handler === 'runDailyReminders');
          expect(run?.error ?? null).toBeNull();
        });
        if (env.outbox.length > sent) measured = { calls, writes: env.counts()['SpreadsheetApp.Range.setValues'] ?? 0 };
        env.advance({ hours: 1 });
      }
      expect(measured).not.toBeNull();
      // Invoices (derived + stamps), customers (derived + scores) and the log: three writes, not five.
      expect(measured?.writes).toBeLessThanOrEqual(3);
      expect(measured?.calls).toBeLessThanOrEqual(24);
    });

    test.failing('daily reminder run: ≤ 15 spreadsheet calls', () => {
      expect(daily.large.calls).toBeLessThanOrEqual(15);
    });

    test('build reports: a rebuild of the same layout sends values only, ≤ 17 calls whatever the rows', () => {
      const measure = (w: ReturnType<typeof book>) => {
        const env = copyOf(w);
        env.clickMenu('buildReports'); // the first build creates the sheet and its charts
        return spreadsheetCalls(env, () => env.clickMenu('buildReports'));
      };
      const a = measure(small);
      const b = measure(large);
      expect(b).toBe(a);
      // Five sheet reads (10), the spreadsheet, its zone, the alert's Ui, the report sheet, its values (2), getCharts.
      expect(b).toBeLessThanOrEqual(17);
    });

    test('build reports: formats are sent again when the layout changes', () => {
      const env = copyOf(small);
      env.clickMenu('buildReports');
      env.resetCounts();
      env.clickMenu('buildReports');
      expect(env.counts()['SpreadsheetApp.Range.setNumberFormats'] ?? 0).toBe(0);
      // Another customer (a new row in the per-customer tables): the layout moves, formats follow it.
      customerWithInvoice(
        env,
        { name: '新增报表客户', email: 'new.report@example.com' },
        { issueDate: '2026-01-01', dueDate: '2026-01-10', amount: '500' },
      );
      env.resetCounts();
      env.clickMenu('buildReports');
      expect(env.counts()['SpreadsheetApp.Range.setNumberFormats']).toBe(1);
      expect(env.counts()['SpreadsheetApp.Range.setFontWeights']).toBe(1);
    });
  });

  /** Cells a save reads, against the cells of the sheets it would have read whole. */
  function cellsRead(env: Env, fn: () => void): number {
    env.resetCounts();
    fn();
    return env.cells('SpreadsheetApp.').read;
  }

  const sheetCells = (env: Env, role: Parameters<typeof sheetName>[0]) => {
    const v = env.values(sheetName(role));
    return v.length * (v[0]?.length ?? 0);
  };

  test('sidebar start reads only the columns the sidebar shows (index columns, two invoice keys, settings)', () => {
    const { env } = large;
    env.callRpc('sidebarStart', []);
    const rowsOf = (r: Parameters<typeof sheetName>[0]) => env.values(sheetName(r)).length - 1;
    // Twelve index columns of Customers (a gap of up to two columns is read through), id and customer of
    // Receivables, Settings whole; nothing of Payments or the reminder log.
    const most = rowsOf('customers') * 16 + rowsOf('invoices') * 2 + sheetCells(env, 'settings') + 100;
    expect(cellsRead(env, () => env.callRpc('sidebarStart', []))).toBeLessThanOrEqual(most);
  });

  test('the reminder status (the sidebar’s second call) reads each sheet at most once', () => {
    const { env } = large;
    env.callRpc('reminderStatus', []);
    const once = (['customers', 'invoices', 'payments', 'reminders', 'settings'] as const).reduce(
      (n, r) => n + sheetCells(env, r),
      0,
    );
    expect(cellsRead(env, () => env.callRpc('reminderStatus', []))).toBeLessThanOrEqual(once);
  });

  test.each([
    ['customer', ['customers']],
    ['invoice', ['customers', 'invoices']],
    ['payment', ['customers', 'invoices', 'payments']],
    ['interaction', ['customers', 'interactions']],
  ] as const)('sidebar save (%s) reads key columns and its rows, not whole sheets', (kind, roles) => {
    runSave(kind)();
    const whole = roles.reduce((n, r) => n + sheetCells(large.env, r), 0);
    // Whole sheets would be every cell of them; key columns are a few of their columns.
    expect(cellsRead(large.env, runSave(kind))).toBeLessThan(whole / 2);
  });
});
