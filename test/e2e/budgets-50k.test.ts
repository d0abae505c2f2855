// PRODUCT.md §10 at the benchmark's largest size, asserted on counts (calls and cells), never on time: the sidebar
// saves on the bench's 50,000-invoice workbook (10,000 customers, ~49,000 payments). A save that went back to reading
// whole sheets would move millions of cells here (the Receivables sheet alone is 50,000 × 18), so these fail then.
import * as path from 'node:path';
import { generateDemoWorkbook } from '../../emulator/playground/demo-data';
import { type BenchEnv, openAddonEnv } from '../../bench/environment';
import { sidebarSaves, variant } from '../../bench/operations';
import type { SidebarHome } from '../../src/app/sidebar-types';

const INVOICES = 50_000;
const CELLS_BUDGET = 120_000; // ≤ 120,000 cells read per save or sidebar action (PRODUCT.md §10)
const CALLS_BUDGET = 12;

jest.setTimeout(180_000);

interface Cost {
  calls: number;
  read: number;
  written: number;
}

let cost: Record<string, Cost> = {};
let start: SidebarHome | null = null;

beforeAll(() => {
  // The bench's own workbook and options (bench/cli.ts): seed 20261120, as of 2026-11-20, Asia/Shanghai.
  const wb = generateDemoWorkbook({ seed: 20261120, invoices: INVOICES, customers: INVOICES / 5, asOf: '2026-11-20' });
  const env: BenchEnv = openAddonEnv({
    dist: path.resolve('dist'),
    now: '2026-11-20T10:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    naiveScript: '',
  });
  env.run('setupWorkbook');
  env.loadRows(wb, false);
  cost = {};
  for (const s of sidebarSaves(wb)) {
    const kind = s.op.replace('sidebar save ', '');
    // The first save of each kind grows the sheet's grid (a one-off the bench reports apart); measure the next one.
    env.rpc(s.fn, [variant(s.arg)]);
    env.resetCounts();
    const r = env.rpc(s.fn, [s.arg]) as { ok: boolean; message?: string };
    if (!r.ok) throw new Error(`${kind} save refused: ${r.message}`);
    const counts = env.counts();
    const calls = Object.entries(counts)
      .filter(([k]) => k.startsWith('SpreadsheetApp.'))
      .reduce((n, [, v]) => n + v, 0);
    cost[kind] = { calls, ...env.cells() };
  }
  // The customer 360's actions, budgeted as saves: a promise to pay (with the version the 360 showed) and a receipt.
  const customerId = wb.customers[0].id;
  const open = (env.rpc('customer360', [customerId]) as { openInvoices: Array<{ id: string; version: string }> })
    .openInvoices[0];
  const actions: Array<[string, string, unknown]> = [
    [
      'promise',
      'invoiceAction',
      { invoiceId: open.id, action: 'promise', promiseDate: '2026-12-04', version: open.version },
    ],
    [
      'receipt',
      'saveReceipt',
      { customerId, values: { date: wb.asOf, amount: '2.00', method: 'bank' }, allocation: 'oldest' },
    ],
  ];
  for (const [kind, fn, arg] of actions) {
    env.resetCounts();
    const r = env.rpc(fn, [arg]) as { ok: boolean; message?: string };
    if (!r.ok) throw new Error(`${kind} refused: ${r.message}`);
    const calls = Object.entries(env.counts())
      .filter(([k]) => k.startsWith('SpreadsheetApp.'))
      .reduce((n, [, v]) => n + v, 0);
    cost[kind] = { calls, ...env.cells() };
  }
  env.resetCounts();
  start = env.rpc('sidebarStart') as SidebarHome;
  cost.start = { calls: spreadsheetCalls(env), ...env.cells() };
});

function spreadsheetCalls(env: BenchEnv): number {
  return Object.entries(env.counts())
    .filter(([k]) => k.startsWith('SpreadsheetApp.'))
    .reduce((n, [, v]) => n + v, 0);
}

describe('§10 sidebar saves at 50,000 invoices', () => {
  test.each(['customer', 'invoice', 'interaction'])(
    '%s save reads ≤ 120,000 cells (key columns, not sheets)',
    (kind) => {
      expect(cost[kind].read).toBeLessThanOrEqual(CELLS_BUDGET);
      expect(cost[kind].written).toBeLessThan(100);
    },
  );

  test.each(['customer', 'interaction'])('%s save: ≤ 12 spreadsheet calls', (kind) => {
    expect(cost[kind].calls).toBeLessThanOrEqual(CALLS_BUDGET);
  });

  // The payment save reads four key columns: invoice ids and customers (the invoice, the customer's invoices for
  // the balance), payment ids and invoices (the id series, the invoice's payments): ~208,000 cells. Under 120,000
  // needs an index or a TextFinder on those columns (not emulated yet). Guarded here against going back to whole
  // sheets (Receivables + Payments whole would be ~1.35 million cells).
  test('payment save reads key columns only (≤ 220,000 cells, far from the ~1.35 million of whole sheets)', () => {
    expect(cost.payment.read).toBeLessThanOrEqual(220_000);
    expect(cost.payment.written).toBeLessThan(100);
  });

  test.failing('KNOWN GAP, expected to fail for now: payment save reads ≤ 120,000 cells', () => {
    expect(cost.payment.read).toBeLessThanOrEqual(CELLS_BUDGET);
  });

  test('invoice action (promise to pay): ≤ 12 calls, the id column only (≤ 60,000 cells)', () => {
    expect(cost.promise.calls).toBeLessThanOrEqual(CALLS_BUDGET);
    expect(cost.promise.read).toBeLessThanOrEqual(60_000);
  });

  // A receipt reads the customer's invoices (invoice ids and customers) and three payment columns: ids and receipt
  // ids (the two id series), invoices (which rows pay the customer's invoices): ~257,000 cells and ~29 calls. Guarded
  // against whole sheets (Receivables + Payments whole would be ~1.35 million cells).
  test('receipt reads key columns only (≤ 270,000 cells)', () => {
    expect(cost.receipt.read).toBeLessThanOrEqual(270_000);
    expect(cost.receipt.written).toBeLessThan(100);
  });

  test.failing('KNOWN GAP, expected to fail for now: receipt ≤ 120,000 cells and ≤ 12 calls', () => {
    expect(cost.receipt.read).toBeLessThanOrEqual(CELLS_BUDGET);
    expect(cost.receipt.calls).toBeLessThanOrEqual(CALLS_BUDGET);
  });

  // Each sheet a save touches costs a sheet lookup, a header row, its key columns, then its rows (one call per run
  // of nearby rows: a customer's invoices are scattered), besides the writes and the flush. See README "Benchmarks".
  test.failing.each(['invoice', 'payment'])('KNOWN GAP, expected to fail for now: %s save ≤ 12 calls', (kind) => {
    expect(cost[kind].calls).toBeLessThanOrEqual(CALLS_BUDGET);
  });
});

// PRODUCT.md §10: one server call reading only the columns the sidebar shows. Before the reminder status moved to
// its own call, the start read Customers, Receivables, Payments and the reminder log whole: 1,875,855 cells here.
describe('§10 sidebar start at 10,000 customers / 50,000 invoices', () => {
  test('the index covers every customer (the generated ones and the two the saves above created)', () => {
    expect(start?.customers).toHaveLength(INVOICES / 5 + 2);
  });

  test('≤ 12 spreadsheet calls and ≤ 300,000 cells: index columns of Customers, two key columns of Receivables', () => {
    expect(cost.start.calls).toBeLessThanOrEqual(CALLS_BUDGET);
    // 10,000 × (12 index columns + the gaps read through) + 50,000 × 2 + Settings.
    expect(cost.start.read).toBeLessThanOrEqual(300_000);
    expect(cost.start.written).toBe(0);
  });
});
