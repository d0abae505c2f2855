// PRODUCT.md §10 budgets as data, and the wall-time model. The benchmark checks every measured figure against
// these and PRINTS a miss (it never throws: budgets are tracked, not enforced by a timed test).

/** Per-call latency of one Apps Script service round trip, ms: Google's 100×100 backgrounds example, 70 s for
 * 10,000 single-cell calls (gas-runtime-notes.md §12). Google publishes no per-call figure; this is an estimate. */
export const CALL_LATENCY_MS = 7;
/** Apps Script execution limits (gas-runtime-notes.md §10): scripts/triggers/RPC 6 min, custom functions 30 s. */
export const SCRIPT_LIMIT_S = 360;
export const CUSTOM_FUNCTION_LIMIT_S = 30;

/**
 * Time per cell moved (read or written), ms: the community timing in gas-runtime-notes §12, one 4,000-cell
 * setValues in under 50 ms (≈ 0.0125 ms a cell, an upper bound of that measurement, taken as the rate). Google's own
 * example (100×100 backgrounds in one call ≈ 1 s) suggests up to 8× more for formats: this is a lower estimate.
 */
export const CELL_MS = 0.0125;

export const ESTIMATE_ASSUMPTION =
  `est. wall = (spreadsheet + other service calls) × ${CALL_LATENCY_MS} ms + (cells read + written) × ${CELL_MS} ms ` +
  `+ measured Node CPU; ${CALL_LATENCY_MS} ms/call from Google's 100×100 backgrounds example (≈70 s cell by cell, ` +
  `gas-runtime-notes §12); ${CELL_MS} ms/cell from the community timing there (a 4,000-cell setValues < 50 ms; Google's ` +
  'batched-backgrounds figure would be 8× that); MailApp sends are probably slower than a sheet call (no published ' +
  'figure), and Apps Script CPU may differ from Node.';

/** Where PRODUCT.md §10 puts its CPU figures: 10,000 customers and 50,000 invoices. */
export const CPU_BUDGET_INVOICES = 50_000;
export const CUSTOM_FUNCTION_ROWS = 10_000;
export const SEARCH_CUSTOMERS = 10_000;

/**
 * Calls PRODUCT.md §10 counts apart from the ≤ 100 other service calls of the batch operations ("journal and property
 * writes are counted apart"): property writes (the durable send journal writes two per e-mail and deletes one) and
 * the e-mails themselves with the quota check made before each.
 */
export const OTHER_APART = [
  'PropertiesService.Properties.setProperty',
  'PropertiesService.Properties.setProperties',
  'PropertiesService.Properties.deleteProperty',
  'MailApp.sendEmail',
  'MailApp.getRemainingDailyQuota',
] as const;

export interface Budget {
  /** Operation names this budget applies to (prefix match on names ending in '*'). */
  ops: readonly string[];
  text: string;
  metric:
    | 'spreadsheetCalls'
    | 'totalCalls'
    | 'cpuMs'
    | 'maxCpuMs'
    | 'cellsRead'
    | 'utilitiesCalls'
    | 'otherCallsNotApart'
    | 'cpuGrowth';
  max: number;
  /** Only checked at this size (invoices), or for this many rows; undefined = every size. */
  atInvoices?: number;
  atRows?: number;
}

export const BUDGETS: readonly Budget[] = [
  {
    ops: ['refresh', 'rescore', 'daily reminder run', 'build reports'],
    text: '≤ 15 spreadsheet calls at every size',
    metric: 'spreadsheetCalls',
    max: 15,
  },
  {
    ops: ['refresh', 'rescore', 'daily reminder run', 'build reports'],
    text: '≤ 2 s Node CPU at 10,000 customers / 50,000 invoices',
    metric: 'cpuMs',
    max: 2000,
    atInvoices: CPU_BUDGET_INVOICES,
  },
  {
    ops: ['refresh', 'rescore', 'daily reminder run', 'build reports'],
    text: '≤ 100 other service calls (property writes and e-mails with their quota checks counted apart)',
    metric: 'otherCallsNotApart',
    max: 100,
  },
  { ops: ['sidebar save*', 'sidebar action*'], text: '≤ 12 spreadsheet calls', metric: 'spreadsheetCalls', max: 12 },
  {
    ops: ['sidebar save*', 'sidebar action*'],
    text: '≤ 120,000 cells read at 50,000 invoices',
    metric: 'cellsRead',
    max: 120_000,
    atInvoices: CPU_BUDGET_INVOICES,
  },
  {
    ops: ['sidebar save*', 'sidebar action*'],
    text: '≤ 250 ms Node CPU at 50,000 invoices',
    metric: 'cpuMs',
    max: 250,
    atInvoices: CPU_BUDGET_INVOICES,
  },
  {
    ops: ['sidebar save*', 'sidebar action*'],
    text: 'CPU at 50,000 invoices ≤ 3× its 1,000-invoice figure',
    metric: 'cpuGrowth',
    max: 3,
    atInvoices: CPU_BUDGET_INVOICES,
  },
  {
    ops: ['sidebar start'],
    text: '≤ 1 s Node CPU at 10,000 customers',
    metric: 'cpuMs',
    max: 1000,
    atInvoices: CPU_BUDGET_INVOICES,
  },
  {
    ops: ['refresh', 'rescore', 'daily reminder run', 'sidebar*'],
    text: '≤ 100 Utilities calls (no call per distinct date)',
    metric: 'utilitiesCalls',
    max: 100,
  },
  {
    ops: ['custom fn*'],
    text: 'one call, ≤ 200 ms Node CPU over 10,000 rows',
    metric: 'cpuMs',
    max: 200,
    atRows: CUSTOM_FUNCTION_ROWS,
  },
  { ops: ['setup', 'setup (repair)'], text: '≤ 150 service calls in total', metric: 'totalCalls', max: 150 },
  {
    ops: ['search (per keystroke)'],
    text: '≤ 50 ms per keystroke (slowest) at 10,000 customers',
    metric: 'maxCpuMs',
    max: 50,
    atRows: SEARCH_CUSTOMERS,
  },
];

export function budgetApplies(b: Budget, op: string): boolean {
  return b.ops.some((p) => (p.endsWith('*') ? op.startsWith(p.slice(0, -1)) : p === op));
}

/** Wall-time estimate in seconds, and which Apps Script limit applies, for an operation. */
export function estimateWall(
  op: string,
  calls: number,
  cpuMs: number,
  cells = 0,
): { seconds: number; limitS: number } | null {
  if (op.startsWith('search')) return null; // runs in the user's browser: no service calls, no Apps Script limit
  const limitS = op.startsWith('custom fn') ? CUSTOM_FUNCTION_LIMIT_S : SCRIPT_LIMIT_S;
  return { seconds: (calls * CALL_LATENCY_MS + cells * CELL_MS + cpuMs) / 1000, limitS };
}
