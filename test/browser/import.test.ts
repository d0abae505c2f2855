// The import view of the BUILT sidebar in real Chromium, served exactly as the menu's showImport serves it (the
// HTML the emulator recorded for that sidebar), against the built add-on in the emulator: a 金蝶-style receivables
// tab is previewed (automatic mapping, counts, first rows as they will be saved), one mapping is corrected, and the
// import runs; the Receivables sheet gets the rows. Screenshots of mapping, preview and result in zh-CN and en.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, type SidebarServer, serveSidebar } from './harness';
import { readFileTable } from '../../sidebar/src/file-table';
import { gbk, KINGDEE_ROWS, xlsx, YONYOU_CSV } from '../fixtures/import-files';
import { ledgerEnv, OWNER, roleSheet } from './sidebar-fixtures';

type Env = ReturnType<typeof ledgerEnv>;
type Cell = string | number;

let browser: Browser | null = null;
const servers: SidebarServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

interface SheetApi {
  getRange(
    r: number,
    c: number,
    n: number,
    w: number,
  ): { setNumberFormat(f: string): unknown; setValues(v: Cell[][]): unknown };
}
function addTab(env: Env, name: string, grid: Cell[][]): void {
  const ss = (env.spreadsheet as unknown as { api(): { insertSheet(n: string): SheetApi } }).api();
  const sheet = ss.insertSheet(name);
  const range = sheet.getRange(1, 1, grid.length, grid[0].length);
  range.setNumberFormat('@');
  range.setValues(grid);
}

const CUSTOMERS: Cell[][] = [
  ['客户编码', '客户名称', '联系电话', '电子邮件'],
  ['0001', '北京华星科技有限公司', '13800138000', 'ar@huaxing.example.com'],
  ['0002', '上海远帆贸易有限公司', '021-62345678', 'finance@yuanfan.example.com'],
];

const INVOICES: Cell[][] = [
  ['单据号', '客户名称', '单据日期', '到期日', '价税合计', '币别', '摘要'],
  ['0000611365', '北京华星科技有限公司', '2024年1月5日', '2024/2/4', '¥12,345.60', 'CNY', '一期服务费'],
  ['0000611366', '0002', '2024/1/8', '', '８８００元', '', '二期'],
  ['0000611367', '0002', '45296', '2024-03-01', '1,000', 'CNY', '序列号日期'],
  ['0000611368', '不存在的客户', '2024-01-10', '', '500', '', '未知客户'],
  ['0000611369', '0001', '2024-13-45', '', '500', '', '坏日期'],
];

/** The sidebar HTML as showImport served it (recorded by the emulator), written where serveSidebar reads it. */
function importSidebarDir(env: Env): string {
  env.run('showImport', [], { user: OWNER });
  const sidebars = (env.ui as unknown as { sidebars(): Array<{ html?: string }> }).sidebars();
  const html = sidebars[sidebars.length - 1]?.html ?? '';
  expect(html).toContain('ledgerStartView="import"');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-import-'));
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), html);
  return dir;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `sidebar-import-${name}.png`), fullPage: true });
}

const it = (name: string, fn: () => Promise<void>) =>
  test(name, async () => {
    if (!browser) return; // launchChromium printed a loud warning
    await fn();
  });

describe.each([
  ['zh-CN', 'zh_CN', 'zh-CN'],
  ['en', 'en_US', 'en-US'],
] as const)('import view in Chromium (%s)', (lang, locale, browserLocale) => {
  it('preview with automatic mapping, a corrected mapping, then the import', async () => {
    const env = ledgerEnv({ locale, lang });
    addTab(env, 'ERP客户', CUSTOMERS);
    addTab(env, 'ERP应收', INVOICES);
    env.callRpc('importRun', [{ source: { sheet: 'ERP客户' }, target: 'customers', lang }], { user: OWNER });
    const server = await serveSidebar(env, { user: OWNER, distDir: importSidebarDir(env) });
    servers.push(server);
    const context = await browser!.newContext({ viewport: { width: 300, height: 900 }, locale: browserLocale });
    const page = await context.newPage();
    page.on('dialog', (d) => {
      throw new Error(`unexpected dialog: ${d.message()}`);
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#import-view');
    expect(await page.textContent('header h1')).toBe(lang === 'zh-CN' ? '导入数据' : 'Import data');

    await page.fill('#import-sheet', 'ERP应收');
    await page.selectOption('#import-target', 'invoices');
    await page.click('#import-preview');
    await page.waitForSelector('#import-preview-card');
    expect(await page.$eval('#map-amount', (s) => (s as HTMLSelectElement).value)).toBe('价税合计');
    expect(await page.$eval('#map-issueDate', (s) => (s as HTMLSelectElement).value)).toBe('单据日期');
    const counts = await page.$$eval('.import-counts b', (els) => els.map((e) => e.textContent));
    expect(counts).toEqual(['3', '0', '0', '2']);
    const first = await page.textContent('.import-row[data-row="2"]');
    expect(first).toContain('0000611365');
    expect(first).toContain('¥12,345.60');
    expect(first).toContain('2024-01-05');
    const bad = await page.textContent('.import-row[data-row="5"]');
    expect(bad).toContain(lang === 'zh-CN' ? '找不到客户' : 'was not found');
    await shot(page, `preview-${lang}`);

    // Correct the mapping: 摘要 goes to Notes rather than Project; preview again, import.
    expect(await page.$eval('#map-project', (s) => (s as HTMLSelectElement).value)).toBe('摘要');
    await page.selectOption('#map-project', '');
    await page.selectOption('#map-notes', '摘要');
    await page.click('#import-repreview');
    await page.waitForFunction(() => document.querySelector('#import-preview-card') !== null);
    await shot(page, `mapping-${lang}`);
    await page.click('#import-run');
    await page.waitForSelector('#import-result[data-done="true"]');
    const result = await page.textContent('#import-progress');
    expect(result).toContain(lang === 'zh-CN' ? '新增 3' : '3 new');
    await shot(page, `result-${lang}`);

    const invoices = env.values(roleSheet(env, 'invoices')) as unknown[][];
    expect(invoices.slice(1).map((r) => r[0])).toEqual(['0000611365', '0000611366', '0000611367']);
    const header = invoices[0].map(String);
    const project = header.findIndex((h) => h === '合作项目' || h === 'Project');
    const notes = header.findIndex((h) => h === '备注' || h === 'Notes');
    expect(invoices[1][project]).toBe('');
    expect(invoices[1][notes]).toBe('一期服务费');
    await context.close();
  });
});

describe('import of a chosen file in Chromium', () => {
  it('a GBK 用友 CSV into customers and a 金蝶 XLSX into receivables; a binary file is refused, nothing sent', async () => {
    const env = ledgerEnv({ locale: 'zh_CN', lang: 'zh-CN' });
    const server = await serveSidebar(env, { user: OWNER, distDir: importSidebarDir(env) });
    servers.push(server);
    const context = await browser!.newContext({ viewport: { width: 300, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#import-view');
    await page.selectOption('#import-kind', 'file');

    const calls = server.calls.length;
    const garbage = Buffer.alloc(4096, 0);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) & 0xff;
    await page.setInputFiles('#import-file', { name: '应收.csv', mimeType: 'text/csv', buffer: garbage });
    await page.waitForSelector('#import-banner .banner.error');
    expect(await page.textContent('#import-banner')).toContain('这不是 CSV 或 XLSX 文件');
    expect(server.calls.length).toBe(calls);
    await shot(page, 'file-error-zh-CN');

    await page.setInputFiles('#import-file', {
      name: '客户档案.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(gbk(YONYOU_CSV)),
    });
    await page.waitForFunction(() => (document.querySelector('#import-file-note')?.textContent ?? '') !== '');
    expect(await page.textContent('#import-file-note')).toContain('3 行数据');
    await page.selectOption('#import-target', 'customers');
    await page.click('#import-preview');
    await page.waitForSelector('#import-preview-card');
    expect(await page.$eval('#map-name', (s) => (s as HTMLSelectElement).value)).toBe('客户名称');
    expect(await page.textContent('.import-row[data-row="2"]')).toContain('¥500,000.00');
    expect(await page.textContent('.import-row[data-row="3"]')).toContain('信用额度');
    await page.click('#import-run');
    await page.waitForSelector('#import-result[data-done="true"]');
    expect(await page.textContent('#import-progress')).toContain('新增 2');

    await page.setInputFiles('#import-file', {
      name: '应收单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(xlsx(KINGDEE_ROWS)),
    });
    await page.waitForFunction(() =>
      (document.querySelector('#import-file-note')?.textContent ?? '').includes('应收单'),
    );
    await page.selectOption('#import-target', 'invoices');
    await page.click('#import-preview');
    await page.waitForSelector('#import-preview-card');
    expect(await page.$eval('#map-amount', (s) => (s as HTMLSelectElement).value)).toBe('价税合计');
    await shot(page, 'file-preview-zh-CN');
    await page.click('#import-run');
    await page.waitForSelector('#import-result[data-done="true"]');
    const invoices = env.values(roleSheet(env, 'invoices')) as unknown[][];
    expect(invoices.slice(1).map((r) => r[0])).toEqual(['0000611365', '0000611366']);
    const header = invoices[0].map(String);
    expect(invoices[1][header.indexOf('金额')]).toBe(12345.6);
    expect(invoices[2][header.indexOf('金额')]).toBe(8800);
    await context.close();
  });
});

describe('export in Chromium', () => {
  it('every sheet as XLSX and the customers as CSV are downloaded and read back', async () => {
    const env = ledgerEnv({ locale: 'en_US', lang: 'en' });
    addTab(env, 'ERP客户', CUSTOMERS);
    env.callRpc('importRun', [{ source: { sheet: 'ERP客户' }, target: 'customers', lang: 'en' }], { user: OWNER });
    const server = await serveSidebar(env, { user: OWNER, distDir: importSidebarDir(env) });
    servers.push(server);
    const context = await browser!.newContext({
      viewport: { width: 300, height: 900 },
      locale: 'en-US',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#export-card');
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-run')]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^Customer-Ledger-Every sheet-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = new Uint8Array(fs.readFileSync((await xlsxDownload.path())!));
    const t = readFileTable('x.xlsx', bytes, ['Customers']);
    if (!t.ok) throw new Error(t.code);
    expect(t.rows.map((r) => r[0])).toEqual(['0001', '0002']);
    await page.selectOption('#export-what', 'customers');
    await page.selectOption('#export-format', 'csv');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-run')]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileTable('c.csv', new Uint8Array(fs.readFileSync((await csvDownload.path())!)));
    if (!csv.ok) throw new Error(csv.code);
    expect(csv.rows.map((r) => r[1])).toEqual(['北京华星科技有限公司', '上海远帆贸易有限公司']);
    await page.waitForFunction(() => (document.querySelector('#export-note')?.textContent ?? '').includes('.csv'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-import-export-en.png'), fullPage: true });
    await context.close();
  });
});
