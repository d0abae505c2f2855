// Turns the raw samples of every size into the benchmark's figures: per operation the median calls, e-mails and
// CPU over the reps, the peak heap, the wall-time estimate, the CPU scaling exponent and call flatness from the
// smallest to the largest size, the §10 budget checks and the naive-baseline comparison. Pure: the caller prints
// the tables and writes the JSON.
import { BUDGETS, type Budget, budgetApplies, ESTIMATE_ASSUMPTION, estimateWall, OTHER_APART } from './budgets';
import { median } from './measure';
import type { OpSample } from './operations';

export interface SizeInfo {
  invoices: number;
  customers: number;
  payments: number;
  interactions: number;
  reps: number;
}

export interface SizeRun {
  size: SizeInfo;
  samples: OpSample[];
  /** Peak heap growth in bytes per measurement token (from the --trace-gc bracket). */
  heap: Record<number, number>;
}

export interface OpFigures {
  op: string;
  invoices: number;
  rows: number | null;
  spreadsheetCalls: number;
  otherCalls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  cpuMs: number;
  maxCpuMs: number;
  heapPeakMb: number | null;
  samples: number;
  estWallS: number | null;
  limitS: number | null;
  error: string | null;
  /** Calls by service method (median rep): where the calls go. */
  calls: Record<string, number>;
}

export interface Scaling {
  op: string;
  fromInvoices: number;
  toInvoices: number;
  cpuExponent: number | null;
  callsFrom: number;
  callsTo: number;
  flat: boolean;
}

export interface BudgetCheck {
  op: string;
  budget: string;
  invoices: number;
  value: number;
  max: number;
  /** 'failed' when the operation itself failed, so there is no figure to check. */
  result: 'ok' | 'missed' | 'failed';
}

export interface NaiveComparison {
  invoices: number;
  addon: OpFigures;
  naive: OpFigures;
  callRatio: number;
  cpuRatio: number;
  wallRatio: number | null;
}

export interface Report {
  assumption: string;
  sizes: SizeInfo[];
  ops: OpFigures[];
  scaling: Scaling[];
  budgets: BudgetCheck[];
  naive: NaiveComparison[];
  errors: string[];
}

const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

function figures(op: string, size: SizeInfo, samples: OpSample[], heap: Record<number, number>): OpFigures {
  const ok = samples.filter((s) => !s.error);
  const use = ok.length ? ok : samples;
  const cpu = use.map((s) => s.cpuMs);
  const peaks = use.map((s) => heap[s.token]).filter((h): h is number => typeof h === 'number');
  const ssCalls = median(use.map((s) => s.spreadsheetCalls));
  const other = median(use.map((s) => s.otherCalls));
  const cpuMs = median(cpu);
  const cellsRead = median(use.map((s) => s.cellsRead ?? 0));
  const cellsWritten = median(use.map((s) => s.cellsWritten ?? 0));
  const est = estimateWall(op, ssCalls + other, cpuMs, cellsRead + cellsWritten);
  const mid = use.find((s) => s.spreadsheetCalls === ssCalls) ?? use[0];
  return {
    op,
    invoices: size.invoices,
    rows: use[0].rows ?? null,
    spreadsheetCalls: ssCalls,
    otherCalls: other,
    cellsRead,
    cellsWritten,
    emails: median(use.map((s) => s.emails)),
    cpuMs: round(cpuMs, 3),
    maxCpuMs: round(Math.max(...cpu), 3),
    heapPeakMb: peaks.length ? round(Math.max(...peaks) / 1048576, 1) : null,
    samples: use.length,
    estWallS: est ? round(est.seconds, 3) : null,
    limitS: est ? est.limitS : null,
    error: samples.find((s) => s.error)?.error ?? null,
    calls: mid.calls ?? {},
  };
}

function opNames(samples: OpSample[]): string[] {
  const names: string[] = [];
  for (const s of samples) if (!names.includes(s.op)) names.push(s.op);
  return names;
}

function checkBudget(b: Budget, f: OpFigures, ops: readonly OpFigures[]): BudgetCheck | null {
  if (b.atInvoices !== undefined && f.invoices !== b.atInvoices) return null;
  if (b.atRows !== undefined && f.rows !== b.atRows) return null;
  let growth = Number.NaN;
  if (b.metric === 'cpuGrowth') {
    // Against the same operation at 1,000 invoices (the smallest size PRODUCT.md §10 names); skipped without it.
    const base = ops.find((o) => o.op === f.op && o.invoices === 1000);
    if (!base || !(base.cpuMs > 0)) return null;
    growth = Math.round((100 * f.cpuMs) / base.cpuMs) / 100;
  }
  const value = {
    spreadsheetCalls: f.spreadsheetCalls,
    totalCalls: f.spreadsheetCalls + f.otherCalls,
    cpuMs: f.cpuMs,
    maxCpuMs: f.maxCpuMs,
    cellsRead: f.cellsRead,
    utilitiesCalls: Object.entries(f.calls)
      .filter(([k]) => k.startsWith('Utilities.'))
      .reduce((n, [, v]) => n + v, 0),
    otherCallsNotApart: Object.entries(f.calls)
      .filter(([k]) => !k.startsWith('SpreadsheetApp.') && !(OTHER_APART as readonly string[]).includes(k))
      .reduce((n, [, v]) => n + v, 0),
    cpuGrowth: growth,
  }[b.metric];
  return { op: f.op, budget: b.text, invoices: f.invoices, value, max: b.max, result: verdict(f, value <= b.max) };
}

function verdict(f: OpFigures, ok: boolean): BudgetCheck['result'] {
  return f.error ? 'failed' : ok ? 'ok' : 'missed';
}

export function buildReport(runs: SizeRun[]): Report {
  const ops: OpFigures[] = [];
  for (const run of runs) {
    for (const name of opNames(run.samples)) {
      ops.push(
        figures(
          name,
          run.size,
          run.samples.filter((s) => s.op === name),
          run.heap,
        ),
      );
    }
  }
  const budgets: BudgetCheck[] = [];
  for (const f of ops) {
    for (const b of BUDGETS) {
      if (!budgetApplies(b, f.op)) continue;
      const c = checkBudget(b, f, ops);
      if (c) budgets.push(c);
    }
    if (f.op === 'sidebar start') {
      // "One server call": the single sidebarStart RPC must carry the whole search index (no follow-up calls).
      const size = runs.find((r) => r.size.invoices === f.invoices)!.size;
      budgets.push({
        op: f.op,
        budget: 'one server call: sidebarStart returns the full search index',
        invoices: f.invoices,
        value: f.rows ?? 0,
        max: size.customers,
        result: verdict(f, f.rows !== null && f.rows >= size.customers),
      });
    }
  }
  return {
    assumption: ESTIMATE_ASSUMPTION,
    sizes: runs.map((r) => r.size),
    ops,
    scaling: scaling(runs, ops),
    budgets,
    naive: naive(runs, ops),
    errors: ops.filter((f) => f.error).map((f) => `${f.op} @ ${f.invoices}: ${f.error}`),
  };
}

/** log-log slope of CPU against invoices from the smallest to the largest size (1 = linear, 2 = quadratic). */
function scaling(runs: SizeRun[], ops: OpFigures[]): Scaling[] {
  if (runs.length < 2) return [];
  const from = runs[0].size.invoices;
  const to = runs[runs.length - 1].size.invoices;
  const out: Scaling[] = [];
  for (const a of ops.filter((f) => f.invoices === from)) {
    const b = ops.find((f) => f.invoices === to && f.op === a.op);
    if (!b) continue;
    const x = Math.log((b.rows ?? to) / (a.rows ?? from));
    const ok = a.cpuMs > 0 && b.cpuMs > 0 && x > 0 && !a.error && !b.error;
    out.push({
      op: a.op,
      fromInvoices: from,
      toInvoices: to,
      cpuExponent: ok ? round(Math.log(b.cpuMs / a.cpuMs) / x, 2) : null,
      callsFrom: a.spreadsheetCalls + a.otherCalls,
      callsTo: b.spreadsheetCalls + b.otherCalls,
      flat: a.spreadsheetCalls === b.spreadsheetCalls,
    });
  }
  return out;
}

function naive(runs: SizeRun[], ops: OpFigures[]): NaiveComparison[] {
  const out: NaiveComparison[] = [];
  for (const run of runs) {
    const at = (op: string) => ops.find((f) => f.invoices === run.size.invoices && f.op === op);
    const addon = at('daily reminder run');
    const base = at('naive daily reminder run');
    if (!addon || !base || addon.error || base.error) continue;
    const calls = (f: OpFigures) => f.spreadsheetCalls + f.otherCalls;
    out.push({
      invoices: run.size.invoices,
      addon,
      naive: base,
      callRatio: round(calls(base) / Math.max(1, calls(addon)), 1),
      cpuRatio: round(base.cpuMs / Math.max(0.001, addon.cpuMs), 1),
      wallRatio: addon.estWallS && base.estWallS ? round(base.estWallS / Math.max(0.001, addon.estWallS), 1) : null,
    });
  }
  return out;
}
