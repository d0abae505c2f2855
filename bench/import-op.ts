// The import of PRODUCT.md §10 / §12: as many invoice rows as the workbook holds (50,000 at the largest size), in a
// 金蝶-style tab (Chinese headers, ¥ amounts, Chinese dates, leading-zero ids, customers by id), imported through the
// sidebar's importRun until it reports done. Each call is one Apps Script execution (resuming at the checkpoint),
// measured on its own against the 6-minute limit; the total row sums them and its name says how many were needed.
import type { DemoWorkbook } from '../emulator/playground/demo-data';
import type { BenchEnv } from './environment';
import { measure } from './measure';
import type { OpSample } from './operations';

const TAB = '金蝶应收导入';
const HEADER = ['单据号', '客户编码', '单据日期', '到期日', '价税合计', '币别', '摘要'];

function sourceGrid(wb: DemoWorkbook): string[][] {
  const grid: string[][] = [HEADER];
  const n = wb.invoices.length;
  for (let i = 0; i < n; i++) {
    const c = wb.customers[i % wb.customers.length];
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const yuan = 1000 + ((i * 37) % 90000);
    grid.push([
      `00${String(7000000 + i)}`,
      c.id,
      `2025年${month}月${day}日`,
      '',
      `¥${yuan.toLocaleString('en-US')}.50`,
      'CNY',
      `导入基准 ${i}`,
    ]);
  }
  return grid;
}

function totals(counts: Record<string, number>): { sheet: number; other: number } {
  let sheet = 0;
  let other = 0;
  for (const [k, v] of Object.entries(counts)) {
    if (k.startsWith('SpreadsheetApp.')) sheet += v;
    else other += v;
  }
  return { sheet, other };
}

export function importOps(env: BenchEnv, wb: DemoWorkbook): OpSample[] {
  const rows = wb.invoices.length;
  env.addTab(TAB, sourceGrid(wb));
  const request = { source: { sheet: TAB }, target: 'invoices', lang: 'zh-CN' };
  const per: OpSample[] = [];
  let done = false;
  for (let k = 1; !done && k <= 20; k++) {
    env.resetCounts();
    const m = measure(() => env.rpc('importRun', [request]));
    const r = m.value as { ok?: boolean; done?: boolean; message?: string } | undefined;
    const calls = env.counts();
    const cells = env.cells();
    const t = totals(calls);
    const error = m.error ?? (r && r.ok === false ? `import refused: ${r.message}` : undefined);
    done = Boolean(r?.done) || Boolean(error);
    per.push({
      op: `import invoices: one execution (#${k})`,
      cpuMs: m.cpuMs,
      token: m.token,
      spreadsheetCalls: t.sheet,
      otherCalls: t.other,
      cellsRead: cells.read,
      cellsWritten: cells.written,
      emails: 0,
      rows,
      error,
      calls,
    });
  }
  const total: OpSample = {
    op: `import invoices: all ${per.length} executions`,
    cpuMs: per.reduce((a, s) => a + s.cpuMs, 0),
    token: -1,
    spreadsheetCalls: per.reduce((a, s) => a + s.spreadsheetCalls, 0),
    otherCalls: per.reduce((a, s) => a + s.otherCalls, 0),
    cellsRead: per.reduce((a, s) => a + s.cellsRead, 0),
    cellsWritten: per.reduce((a, s) => a + s.cellsWritten, 0),
    emails: 0,
    rows,
    error: done ? per.find((s) => s.error)?.error : 'the import did not finish in 20 executions',
  };
  return [...per, total];
}
