// Plain-text tables of a benchmark report, in Markdown pipe syntax so the lead can paste the output into the
// README unchanged. Every figure printed here comes from the report; nothing is computed for display only.
import { CALL_LATENCY_MS, CELL_MS } from './budgets';
import type { OpFigures, Report } from './report';

const n = (x: number) => x.toLocaleString('en-US');
const ms = (x: number) =>
  Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '—';

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function wall(f: OpFigures): string {
  if (f.estWallS === null || f.limitS === null) return 'client-side';
  const pct = (100 * f.estWallS) / f.limitS;
  const limit = f.limitS >= 60 ? `${f.limitS / 60} min` : `${f.limitS} s`;
  const over = pct > 100 ? ' OVER THE LIMIT' : '';
  return `${f.estWallS.toFixed(f.estWallS < 10 ? 2 : 0)} s (${pct < 1 ? pct.toFixed(2) : pct.toFixed(0)}% of ${limit})${over}`;
}

export function opsTable(report: Report, invoices: number): string {
  const rows = report.ops
    .filter((f) => f.invoices === invoices)
    .map((f) => [
      f.op + (f.rows !== null ? ` (${n(f.rows)} rows)` : ''),
      f.error ? 'ERROR' : n(f.spreadsheetCalls),
      f.error ? '' : n(f.otherCalls),
      f.error ? '' : n(f.cellsRead),
      f.error ? '' : n(f.cellsWritten),
      f.error ? '' : n(f.emails),
      ms(f.cpuMs),
      f.op.startsWith('search (') ? ms(f.maxCpuMs) : '',
      f.heapPeakMb === null ? '—' : f.heapPeakMb.toFixed(1),
      f.error ? '' : wall(f),
    ]);
  return table(
    [
      'operation',
      'sheet calls',
      'other calls',
      'cells read',
      'cells written',
      'e-mails',
      'CPU ms (median)',
      'CPU ms (max)',
      'peak heap MB',
      'est. Apps Script wall',
    ],
    rows,
  );
}

export function scalingTable(report: Report): string {
  if (!report.scaling.length) return '(one size only: no scaling exponent)';
  const from = report.scaling[0].fromInvoices;
  const to = report.scaling[0].toInvoices;
  const rows = report.scaling.map((s) => [
    s.op,
    s.cpuExponent === null ? '—' : s.cpuExponent.toFixed(2),
    `${n(s.callsFrom)} → ${n(s.callsTo)}`,
    s.flat ? 'flat' : 'grows',
    s.cpuExponent !== null && s.cpuExponent > 1.3 ? 'superlinear: look for quadratic work' : '',
  ]);
  return table(
    [`operation (${n(from)} → ${n(to)} invoices)`, 'CPU exponent', 'service calls', 'sheet calls', 'note'],
    rows,
  );
}

export function budgetsTable(report: Report): string {
  const rows = report.budgets.map((b) => [
    b.op,
    n(b.invoices),
    b.budget,
    b.result === 'failed' ? '—' : Number.isInteger(b.value) ? n(b.value) : ms(b.value),
    b.result === 'ok' ? 'ok' : b.result === 'missed' ? 'MISSED' : 'not measured (operation failed)',
  ]);
  return table(['operation', 'invoices', 'budget (PRODUCT.md §10)', 'measured', 'result'], rows);
}

export function naiveTable(report: Report): string {
  if (!report.naive.length) return '(no comparison: the naive baseline or the add-on run was not measured)';
  const rows: string[][] = [];
  for (const c of report.naive) {
    for (const [who, f] of [
      ['add-on', c.addon],
      ['naive tutorial script', c.naive],
    ] as const) {
      rows.push([
        n(c.invoices),
        who,
        f.error ? 'ERROR' : n(f.spreadsheetCalls),
        n(f.otherCalls),
        n(f.emails),
        ms(f.cpuMs),
        f.error ? '' : wall(f),
      ]);
    }
    rows.push([
      n(c.invoices),
      'naive ÷ add-on',
      `×${c.callRatio} (all calls)`,
      '',
      '',
      `×${c.cpuRatio}`,
      c.wallRatio === null ? '' : `×${c.wallRatio}`,
    ]);
  }
  return table(
    ['invoices', 'daily reminder run', 'sheet calls', 'other calls', 'e-mails', 'CPU ms', 'est. wall'],
    rows,
  );
}

/** The three service methods each call-heavy operation calls most: what to batch first. */
export function callsTable(report: Report): string {
  const largest = report.sizes[report.sizes.length - 1]?.invoices;
  const rows = report.ops
    .filter((f) => f.invoices === largest && !f.error && f.spreadsheetCalls + f.otherCalls > 15)
    .map((f) => [
      f.op,
      Object.entries(f.calls)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ×${n(v)}`)
        .join(', '),
    ]);
  return rows.length ? table(['operation', 'most called'], rows) : '(none)';
}

export function renderReport(report: Report, command: string): string {
  const parts: string[] = [`Command: ${command}`, ''];
  for (const s of report.sizes) {
    parts.push(
      `### ${n(s.invoices)} invoices, ${n(s.customers)} customers, ${n(s.payments)} payments, ${n(s.interactions)} interactions (median of ${s.reps} rep${s.reps > 1 ? 's' : ''})`,
      '',
      opsTable(report, s.invoices),
      '',
    );
  }
  parts.push('### Scaling', '', scalingTable(report), '', '### Budgets', '', budgetsTable(report), '');
  parts.push('### Naive baseline (daily reminder run)', '', naiveTable(report), '');
  parts.push('### Where the calls go (largest size, operations over 15 calls)', '', callsTable(report), '');
  parts.push(`Estimate: ${report.assumption}`);
  parts.push(`(${CALL_LATENCY_MS} ms per call and ${CELL_MS} ms per cell are assumptions, not measurements.)`);
  const count = (r: string) => report.budgets.filter((b) => b.result === r).length;
  parts.push(
    '',
    `Budget checks: ${count('ok')} ok, ${count('missed')} MISSED, ${count('failed')} not measured (operation failed).`,
  );
  if (report.errors.length) parts.push('', 'Operations that failed:', ...report.errors.map((e) => `  - ${e}`));
  return parts.join('\n');
}
