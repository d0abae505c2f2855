// PRODUCT.md §12 end to end on the built bundle: a 用友/金蝶-style export brought in as a tab (Chinese headers, ¥
// amounts, Chinese dates, leading-zero ids, bad rows) is previewed and imported through the sidebar RPCs; rejected
// rows land in the Import report sheet, audit rows carry source `import`, the mapping is remembered, a second run
// creates nothing, and bad sources are refused with a localized message and nothing written.
import { createEnvironment } from '../../emulator/src/index';
import type { ExportResult, ImportPreviewView, ImportRunView } from '../../src/app/import-types';
import { toXlsx } from '../../sidebar/src/export-file';
import { readFileTable } from '../../sidebar/src/file-table';
import {
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  type Role,
  rows,
  rpc,
  SHEET,
  saveInteraction,
  savePayment,
  sheetName,
  snapshot,
  taxId,
} from './harness';

type Cell = string | number | boolean;

/** A tab as Sheets' File → Import leaves it with "convert text to numbers" off: every cell plain text. */
function addTab(env: Env, name: string, grid: Cell[][]): void {
  const ss = env.spreadsheet.api();
  const sheet = ss.insertSheet(name);
  const width = Math.max(...grid.map((r) => r.length));
  if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, grid.length, width);
  range.setNumberFormat('@');
  range.setValues(grid.map((r) => [...r, ...new Array(width - r.length).fill('')]));
}

const TAX_A = taxId('91110108MA01234AB');
const TAX_B = taxId('91310115MA1K3YJ02');

/** 用友 U8 customer archive export (客户档案). */
const CUSTOMERS: Cell[][] = [
  ['客户编码', '客户名称', '税号', '联系电话', '电子邮件', '信用额度', '账期', '备注'],
  ['0001', '北京华星科技有限公司', TAX_A, '13800138000', 'ar@huaxing.example.com', '¥500,000.00', '30', ''],
  ['0002', '上海远帆贸易有限公司', TAX_B, '021-62345678', 'finance@yuanfan.example.com', '２０００００元', '45天', ''],
  ['0003', '深圳前海数据服务有限公司', '', '0755-88886666', 'not-an-email', '', '', '坏邮箱'],
  ['0004', '=HYPERLINK("http://evil.example.com","点我")', '', '', '', '', '', '公式样式的名称'],
  ['0005', '北京华星科技有限公司', '', '', '', '', '', '与 0001 同名'],
];

/** 金蝶 K3 应收单 export: 单据号 with leading zeros, 价税合计 with ¥, dates in three spellings. */
const INVOICES: Cell[][] = [
  ['单据号', '客户名称', '单据日期', '到期日', '价税合计', '币别', '摘要'],
  ['0000611365', '北京华星科技有限公司', '2024年1月5日', '2024/2/4', '¥12,345.60', 'CNY', '一期服务费'],
  ['0000611366', '0002', '2024/1/8', '', '８８００元', '', '二期'],
  ['0000611367', '0002', '45296', '2024-03-01', '1,000', 'CNY', '序列号日期'],
  ['0000611368', '不存在的客户', '2024-01-10', '', '500', '', '未知客户'],
  ['0000611369', '0001', '2024-13-45', '', '500', '', '坏日期'],
  ['0000611370', '0001', '2024-01-10', '2023-12-01', '-20', '', '负金额且到期早于开票'],
  ['0000611365', '0001', '2024-01-05', '', '12345.60', '', '文件内重复单号'],
];

function preview(env: Env, sheet: string, target: string, extra: object = {}): ImportPreviewView {
  const r = rpc<ImportPreviewView | { ok: false; message: string }>(env, 'importPreview', {
    source: { sheet },
    target,
    lang: 'zh-CN',
    ...extra,
  });
  if (!r.ok) throw new Error(`preview refused: ${(r as { message: string }).message}`);
  return r;
}

function runAll(env: Env, request: object): { last: ImportRunView; calls: number } {
  let calls = 0;
  for (;;) {
    calls++;
    const r = rpc<ImportRunView | { ok: false; message: string }>(env, 'importRun', request);
    if (!r.ok) throw new Error(`run refused: ${(r as { message: string }).message}`);
    if (r.done) return { last: r, calls };
    if (calls > 20) throw new Error('import does not finish');
  }
}

describe('import from another tab (ERP export)', () => {
  const env = newEnv();
  addTab(env, '用友客户档案', CUSTOMERS);
  addTab(env, '金蝶应收单', INVOICES);

  test('preview maps Chinese ERP headers automatically and shows rows as they will be saved, writing nothing', () => {
    const before = snapshot(env, sheetName('customers'));
    const p = preview(env, '用友客户档案', 'customers');
    expect(p.mapping).toMatchObject({
      id: '客户编码',
      name: '客户名称',
      taxId: '税号',
      phone: '联系电话',
      email: '电子邮件',
    });
    expect(p.mapping.creditLimit).toBe('信用额度');
    expect(p.mapping.termsDays).toBe('账期');
    expect(p.counts).toEqual({ created: 3, updated: 0, skipped: 1, rejected: 1 });
    const first = p.rows[0];
    expect(first).toMatchObject({ sourceRow: 2, status: 'new', id: '0001' });
    expect(first.values.creditLimit).toBe('¥500,000.00');
    expect(p.rows[1].values.creditLimit).toBe('¥200,000.00');
    expect(p.rows[1].values.termsDays).toBe('45');
    const bad = p.rows.find((r) => r.sourceRow === 4);
    expect(bad?.status).toBe('reject');
    expect(bad?.errors[0].message).toContain('邮箱');
    expect(p.rows.find((r) => r.sourceRow === 6)?.status).toBe('skip');
    expect(snapshot(env, sheetName('customers'))).toEqual(before);
  });

  test('customers import: ids verbatim, formula-looking names stored as text, rejects reported, audit source import', () => {
    const { last } = runAll(env, { source: { sheet: '用友客户档案' }, target: 'customers', lang: 'zh-CN' });
    expect(last.counts).toEqual({ created: 3, updated: 0, skipped: 1, rejected: 1 });
    const cs = rows(env, sheetName('customers'));
    expect(cs.map((c) => c.客户编号)).toEqual(['0001', '0002', '0004']);
    expect(cs[2].客户名称).toBe('=HYPERLINK("http://evil.example.com","点我")');
    expect(cs[0].信用额度).toBe(500000);
    expect(cs[1]['账期(天)']).toBe(45);
    const report = rows(env, '导入报告');
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ 源数据行号: 4, 字段: '邮箱', 原始值: 'not-an-email' });
    const audit = rows(env, sheetName('audit')).filter((a) => a.来源 === 'import');
    expect(audit.map((a) => a.记录编号)).toEqual(['0001', '0002', '0004']);
  });

  test('invoices import: leading zeros, ¥ and 元 amounts, Chinese dates and serials, customers by name or id', () => {
    const p = preview(env, '金蝶应收单', 'invoices');
    expect(p.mapping).toMatchObject({
      id: '单据号',
      customerId: '客户名称',
      issueDate: '单据日期',
      amount: '价税合计',
    });
    const { last } = runAll(env, { source: { sheet: '金蝶应收单' }, target: 'invoices', lang: 'zh-CN' });
    expect(last.counts).toEqual({ created: 3, updated: 0, skipped: 1, rejected: 3 });
    const inv = rows(env, sheetName('invoices'));
    expect(inv.map((i) => i.单据编号)).toEqual(['0000611365', '0000611366', '0000611367']);
    expect(inv.map((i) => i.客户编号)).toEqual(['0001', '0002', '0002']);
    expect(inv.map((i) => i.金额)).toEqual([12345.6, 8800, 1000]);
    // Dates are stored as real dates in the spreadsheet zone (Asia/Shanghai): compare the calendar day there.
    const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
    const shanghai = (v: unknown) =>
      isDate(v) ? new Date(v.getTime() + 8 * 3600e3).toISOString().slice(0, 10) : String(v).slice(0, 10);
    expect(inv.map((i) => shanghai(i.开票日期))).toEqual(['2024-01-05', '2024-01-08', '2024-01-05']);
    // 0002 has 45 days terms: the empty due date defaults to issue + 45.
    expect(shanghai(inv[1].到期日)).toBe('2024-02-22');
    const report = rows(env, '导入报告').filter((r) => Number(r.源数据行号) >= 5 && r.来源 === '金蝶应收单');
    const text = report.map((r) => `${r.源数据行号}:${r.字段}:${r.原因}`).join('\n');
    expect(text).toContain('5:客户编号:找不到客户“不存在的客户”');
    expect(text).toMatch(/6:开票日期:/);
    expect(text).toMatch(/7:金额:/);
    // Customers' balances were refreshed after the last batch.
    const cs = rows(env, sheetName('customers'));
    expect(cs[1].应收余额).toBe(9800);
  });

  test('running the same imports again creates nothing new', () => {
    const before = [snapshot(env, sheetName('customers')), snapshot(env, sheetName('invoices'))];
    const again = runAll(env, { source: { sheet: '金蝶应收单' }, target: 'invoices', lang: 'zh-CN' }).last;
    expect(again.counts.created).toBe(0);
    expect(again.counts.skipped).toBe(4);
    const c = runAll(env, { source: { sheet: '用友客户档案' }, target: 'customers', lang: 'zh-CN' }).last;
    expect(c.counts.created).toBe(0);
    expect([snapshot(env, sheetName('customers')), snapshot(env, sheetName('invoices'))]).toEqual(before);
  });

  test('a corrected mapping is remembered for that source', () => {
    const p = preview(env, '金蝶应收单', 'invoices', {
      mapping: { id: '单据号', customerId: '客户名称', issueDate: '到期日', amount: '价税合计' },
    });
    expect(p.mapping.issueDate).toBe('到期日');
    runAll(env, {
      source: { sheet: '金蝶应收单' },
      target: 'invoices',
      lang: 'zh-CN',
      mapping: p.mapping,
    });
    const again = preview(env, '金蝶应收单', 'invoices');
    expect(again.remembered).toBe(true);
    expect(again.mapping.issueDate).toBe('到期日');
  });

  test('dedupe "update" changes matched customers field by field, audited', () => {
    addTab(env, '客户更新', [
      ['客户名称', '联系电话'],
      ['上海远帆贸易有限公司', '13900139000'],
    ]);
    const { last } = runAll(env, {
      source: { sheet: '客户更新' },
      target: 'customers',
      dedupe: 'update',
      lang: 'zh-CN',
    });
    expect(last.counts).toEqual({ created: 0, updated: 1, skipped: 0, rejected: 0 });
    const c = rows(env, sheetName('customers')).find((r) => r.客户编号 === '0002');
    expect(c?.电话).toBe('13900139000');
    const audit = rows(env, sheetName('audit')).filter((a) => a.来源 === 'import' && a.字段 === '电话');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ 原值: '021-62345678', 新值: '13900139000' });
  });
});

describe('bad sources are refused with a localized message and nothing written', () => {
  const env = newEnv();
  const all = () => Object.values(SHEET).map((n) => snapshot(env, n['zh-CN']));

  function refused(sheet: string, target = 'invoices', lang = 'zh-CN'): string {
    const before = all();
    const p = rpc<{ ok: boolean; message: string }>(env, 'importPreview', { source: { sheet }, target, lang });
    const r = rpc<{ ok: boolean; message: string }>(env, 'importRun', { source: { sheet }, target, lang });
    expect(p.ok).toBe(false);
    expect(r.ok).toBe(false);
    expect(r.message).toBe(p.message);
    expect(all()).toEqual(before);
    return r.message;
  }

  test('missing tab, a ledger sheet, an empty tab', () => {
    expect(refused('没有这个标签')).toContain('找不到工作表“没有这个标签”');
    expect(refused(sheetName('customers'))).toContain('台账自身的工作表');
    env.spreadsheet.api().insertSheet('空白');
    expect(refused('空白')).toContain('来源没有数据');
  });

  test('no header row, merged header cells, 200 columns, 60,000 rows', () => {
    addTab(env, '无标题', [
      ['0001', '北京华星科技有限公司', '2024-01-05', '100'],
      ['0002', '上海远帆贸易有限公司', '2024-01-06', '200'],
    ]);
    expect(refused('无标题')).toContain('第一行不像标题行');
    addTab(env, '合并标题', [
      ['单据号', '客户名称', '金额', ''],
      ['1', '北京', '100', '2024-01-05'],
    ]);
    expect(refused('合并标题')).toContain('第 4 列有数据但标题为空');
    addTab(env, '宽表', [Array.from({ length: 200 }, (_, i) => `列${i + 1}`), Array.from({ length: 200 }, () => 'x')]);
    expect(refused('宽表')).toContain('200 列');
    const big: Cell[][] = [['单据号', '客户名称', '单据日期', '价税合计']];
    for (let i = 0; i < 60000; i++) big.push([String(i), 'x', '2024-01-05', '1']);
    addTab(env, '超大', big);
    expect(refused('超大')).toContain('60000 行');
    expect(refused('超大', 'invoices', 'en')).toContain('more than the 50000 one import can take');
  });

  test('a required field without a column names the field', () => {
    addTab(env, '缺金额', [
      ['单据号', '客户名称', '单据日期'],
      ['1', '北京', '2024-01-05'],
    ]);
    expect(refused('缺金额')).toContain('必填字段“金额”');
  });
});

describe('an import resumes after a killed execution without loss or duplication', () => {
  const N = 120;
  const request = { source: { sheet: '应收导入' }, target: 'invoices', lang: 'zh-CN' };
  function prepared(): Env {
    const env = newEnv();
    addTab(env, '客户档案', [
      ['客户编码', '客户名称'],
      ['0001', '北京华星科技有限公司'],
    ]);
    runAll(env, { source: { sheet: '客户档案' }, target: 'customers', lang: 'zh-CN' });
    const grid: Cell[][] = [['单据号', '客户编码', '单据日期', '价税合计']];
    for (let i = 0; i < N; i++)
      grid.push([`00${100000 + i}`, '0001', '2024/1/5', i % 20 === 7 ? '坏金额' : '¥1,000.00']);
    addTab(env, '应收导入', grid);
    return env;
  }

  // Every kill point of the run, one service call at a time: before the first write, between the invoices' append
  // and the audit append (without the pending-batch recovery those lose the audit rows), during the report write
  // and during the closing refresh.
  test('killed after each possible service call, then run again', () => {
    const state = prepared().serialize();
    const restore = (): Env => {
      const env = createEnvironment({ state });
      env.loadBuild('dist');
      return env;
    };
    const clean = restore();
    clean.resetCounts();
    rpc(clean, 'importRun', request);
    const calls = Object.values(clean.counts() as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(calls).toBeGreaterThan(20);
    for (let kill = 1; kill < calls; kill++) {
      const env = restore();
      env.faults.killAfterCalls = kill;
      expect(() => rpc(env, 'importRun', request)).toThrow(/cancelled/i);
      const { last } = runAll(env, request);
      const ids = rows(env, sheetName('invoices')).map((r) => r.单据编号);
      expect(ids).toHaveLength(N - 6);
      expect(new Set(ids).size).toBe(ids.length);
      expect(last.counts.rejected).toBe(6);
      const audit = rows(env, sheetName('audit')).filter((a) => a.来源 === 'import' && a.工作表 === 'invoices');
      expect(audit).toHaveLength(N - 6);
      expect(new Set(audit.map((a) => a.记录编号)).size).toBe(audit.length);
    }
  });
});

describe('a file source (the sidebar sends the parsed table in slices)', () => {
  const env = newEnv();
  const all = () => Object.values(SHEET).map((n) => snapshot(env, n['zh-CN']));
  const file = (header: string[], rows: Cell[][], total = rows.length, offset = 0) => ({
    source: { file: { name: 'export.csv', header, rows, offset, total } },
    target: 'invoices',
    lang: 'zh-CN',
  });

  test('60,000 rows, 200 columns and a missing header row are refused by the server, nothing written', () => {
    const before = all();
    const rows60k = rpc<{ ok: boolean; message: string }>(
      env,
      'importPreview',
      file(['单据号', '客户名称', '单据日期', '价税合计'], [['1', 'x', '2024-01-05', '1']], 60000),
    );
    expect(rows60k).toEqual({ ok: false, message: expect.stringContaining('60000 行') });
    const wide = Array.from({ length: 200 }, (_, i) => `列${i + 1}`);
    expect(rpc<{ message: string }>(env, 'importRun', file(wide, [wide])).message).toContain('200 列');
    const noHeader = rpc<{ message: string }>(
      env,
      'importRun',
      file(['0001', '北京', '2024-01-05', '100'], [['0002', '上海', '2024-01-06', '200']]),
    );
    expect(noHeader.message).toContain('第一行不像标题行');
    expect(all()).toEqual(before);
  });

  test('slices resume at the checkpoint; a resent slice is not applied twice', () => {
    addTab(env, '客户档案', [
      ['客户编码', '客户名称'],
      ['0001', '北京华星科技有限公司'],
    ]);
    runAll(env, { source: { sheet: '客户档案' }, target: 'customers', lang: 'zh-CN' });
    const header = ['单据号', '客户编码', '单据日期', '价税合计'];
    const data: Cell[][] = Array.from({ length: 6000 }, (_, i) => [
      `0${900000 + i}`,
      '0001',
      '2024年1月5日',
      '¥100.00',
    ]);
    const slice = (offset: number) => file(header, data.slice(offset, offset + 2500), data.length, offset);
    const first = rpc<ImportRunView>(env, 'importRun', slice(0));
    expect(first).toMatchObject({ ok: true, done: false, next: 2500 });
    // The sidebar lost the answer and sends the first slice again: the server points it to the checkpoint.
    expect(rpc<ImportRunView>(env, 'importRun', slice(0))).toMatchObject({ done: false, next: 2500 });
    expect(rpc<ImportRunView>(env, 'importRun', slice(2500))).toMatchObject({ done: false, next: 5000 });
    const last = rpc<ImportRunView>(env, 'importRun', slice(5000));
    expect(last).toMatchObject({ done: true, next: 6000, counts: { created: 6000, rejected: 0 } });
    const ids = rows(env, sheetName('invoices')).map((r) => r.单据编号);
    expect(ids).toHaveLength(6000);
    expect(ids[0]).toBe('0900000');
  });
});

describe('export and restore (the backup is a file the import reads back)', () => {
  test('every ledger sheet exported as XLSX and imported into a fresh workbook gives the same records', () => {
    const env = newEnv();
    const a = customerWithInvoice(
      env,
      { name: '北京华星科技有限公司', email: 'ar@huaxing.example.com', phone: '13800138000', taxId: taxId() },
      { issueDate: '2026-01-05', dueDate: '2026-02-04', amount: '12345.60', contractNo: 'HT-0001' },
    );
    const b = customerWithInvoice(
      env,
      { name: '=HYPERLINK("http://x","公式样式")', email: 'x@example.com' },
      { issueDate: '2026-01-08', dueDate: '', amount: '800' },
    );
    mustSave(savePayment(env, { invoiceId: a.invoiceId, date: '2026-02-01', amount: '345.60', method: 'bank' }));
    mustSave(
      saveInteraction(env, {
        customerId: b.customerId,
        date: '2026-02-02',
        type: 'inquiry',
        summary: '询问发票',
        status: 'open',
      }),
    );
    const exported = rpc<ExportResult>(env, 'exportData', {});
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.sheets.map((s) => s.role)).toEqual([
      'customers',
      'invoices',
      'payments',
      'interactions',
      'reminders',
      'audit',
      'settings',
    ]);
    const invoicesSheet = exported.sheets.find((s) => s.role === 'invoices')!;
    expect(invoicesSheet.rows[0][invoicesSheet.header.indexOf('开票日期')]).toBe('2026-01-05');
    const backup = toXlsx(exported.sheets);

    const fresh = newEnv();
    for (const target of ['customers', 'invoices', 'payments', 'interactions'] as const) {
      const names = [SHEET[target]['zh-CN'], SHEET[target].en];
      const t = readFileTable('客户台账-备份.xlsx', backup, names);
      if (!t.ok) throw new Error(t.code);
      const { last } = runAll(fresh, {
        source: {
          file: { name: '客户台账-备份.xlsx', header: t.header, rows: t.rows, offset: 0, total: t.rows.length },
        },
        target,
        lang: 'zh-CN',
      });
      expect(last.counts.rejected).toBe(0);
    }
    const own = (e: Env, role: Role, keys: string[]) =>
      rows(e, sheetName(role)).map((r) => keys.map((k) => JSON.stringify(r[k])).join('|'));
    expect(own(fresh, 'customers', ['客户编号', '客户名称', '邮箱', '电话', '统一社会信用代码'])).toEqual(
      own(env, 'customers', ['客户编号', '客户名称', '邮箱', '电话', '统一社会信用代码']),
    );
    const invKeys = ['单据编号', '客户编号', '合同编号', '开票日期', '到期日', '金额', '已收金额', '未收金额'];
    expect(own(fresh, 'invoices', invKeys)).toEqual(own(env, 'invoices', invKeys));
    expect(own(fresh, 'payments', ['回款编号', '单据编号', '回款金额'])).toEqual(
      own(env, 'payments', ['回款编号', '单据编号', '回款金额']),
    );
    expect(own(fresh, 'interactions', ['记录编号', '客户编号', '摘要'])).toEqual(
      own(env, 'interactions', ['记录编号', '客户编号', '摘要']),
    );
  });
});

describe('payments and interactions', () => {
  const env = newEnv();
  addTab(env, '客户档案', [
    ['客户编码', '客户名称', '电子邮件'],
    ['0001', '北京华星科技有限公司', 'ar@huaxing.example.com'],
  ]);
  addTab(env, '应收单', [
    ['单据号', '客户编码', '单据日期', '价税合计'],
    ['0000611365', '0001', '2026年1月5日', '¥1,000.00'],
    ['0000611366', '0001', '2026年1月6日', '¥500.00'],
  ]);
  runAll(env, { source: { sheet: '客户档案' }, target: 'customers', lang: 'zh-CN' });
  runAll(env, { source: { sheet: '应收单' }, target: 'invoices', lang: 'zh-CN' });

  test('payments: by invoice number, customer from the invoice, overpayment and unknown invoices rejected, no doubles on re-run', () => {
    addTab(env, '收款单', [
      ['收款日期', '发票号', '收款金额', '结算方式', '银行流水号'],
      ['2026/2/1', '0000611365', '600', '银行转账', 'BK-001'],
      ['2026/2/2', '0000611365', '¥500.00', '现金', 'BK-002'],
      ['2026/2/3', '0000611366', '500元', '支票', 'BK-003'],
      ['2026/2/3', '0000999999', '10', '', 'BK-004'],
    ]);
    const request = { source: { sheet: '收款单' }, target: 'payments', lang: 'zh-CN' };
    const { last } = runAll(env, request);
    expect(last.counts).toEqual({ created: 2, updated: 0, skipped: 0, rejected: 2 });
    const pays = rows(env, sheetName('payments'));
    expect(pays.map((p) => [p.单据编号, p.客户编号, p.回款金额])).toEqual([
      ['0000611365', '0001', 600],
      ['0000611366', '0001', 500],
    ]);
    const report = rows(env, '导入报告').filter((r) => r.来源 === '收款单');
    expect(report.map((r) => `${r.源数据行号}:${r.原因}`).join('\n')).toMatch(
      /3:回款金额超过单据 0000611365 的未收金额 ¥400\.00/,
    );
    expect(report.map((r) => r.源数据行号)).toEqual([3, 5]);
    const inv = rows(env, sheetName('invoices'));
    expect(inv.map((i) => i.未收金额)).toEqual([400, 0]);
    expect(runAll(env, request).last.counts).toEqual({ created: 0, updated: 0, skipped: 2, rejected: 2 });
    expect(rows(env, sheetName('payments'))).toHaveLength(2);
  });

  test('interactions: customer by exact name, enums in Chinese labels, future dates rejected', () => {
    addTab(env, '服务记录导入', [
      ['日期', '客户名称', '渠道', '类型', '内容', '满意度'],
      ['2026-02-01', '北京华星科技有限公司', '电话', '投诉', '发票抬头错误', '2'],
      ['2099-01-01', '北京华星科技有限公司', '电话', '咨询', '未来日期', ''],
      ['2026-02-02', '北京华星科技', '微信', '咨询', '名称不完整', ''],
    ]);
    const { last } = runAll(env, { source: { sheet: '服务记录导入' }, target: 'interactions', lang: 'zh-CN' });
    expect(last.counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 2 });
    const rec = rows(env, sheetName('interactions'));
    expect(rec[0]).toMatchObject({ 客户编号: '0001', 渠道: '电话', 类型: '投诉', 摘要: '发票抬头错误', 满意度: 2 });
  });
});
