// The Reports sheet (PRODUCT.md §11) in real Chromium through the playground: menu *Build reports* on the demo
// workbook, the 报表 / Reports tab with its four embedded charts drawn over the grid from their recorded spec, in
// zh-CN and en, and the sidebar's headline cards. Screenshots: artifacts/screenshots/reports-*.png.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Playground, startPlayground } from '../../emulator/playground/server';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';
import { clickMenu } from './playground-driver';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'artifacts', 'screenshots');
const haveChromium = fs.existsSync(CHROMIUM);
const step = haveChromium ? test : test.skip;

let browser: Browser;
const dirs: string[] = [];
const playgrounds: Playground[] = [];

beforeAll(async () => {
  if (!haveChromium) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  for (const pg of playgrounds) await pg.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function open(locale: string): Promise<{ pg: Playground; page: Page }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reports-'));
  dirs.push(dir);
  const pg = await startPlayground({
    root: ROOT,
    port: 0,
    fresh: true,
    size: 400,
    seed: 7,
    locale,
    now: Date.parse('2026-11-20T09:00:00+08:00'),
    storeFile: path.join(dir, 'workbook.json'),
  });
  playgrounds.push(pg);
  const page = await browser.newPage({ viewport: { width: 1960, height: 1900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(pg.url);
  await page.waitForSelector('.tab');
  return { pg, page };
}

async function reportsTab(pg: Playground, page: Page, name: string): Promise<void> {
  const sheet = pg.session.env.spreadsheet.sheets.find((s: { name: string }) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  await page.click(`.tab[data-sheet="${sheet.id}"]`);
  await page.waitForFunction(() => document.querySelectorAll('.g-chart canvas').length === 4);
}

describe.each([
  ['zh_CN', 'zh-CN', '报表', '应收账款报表'],
  ['en_US', 'en', 'Reports', 'Receivables report'],
])('Reports sheet in Chromium (%s)', (locale, lang, sheetName, title) => {
  step(`builds the ${sheetName} sheet and draws its four charts where they are anchored`, async () => {
    const { pg, page } = await open(locale);
    await clickMenu(page, 'buildReports');
    const run = pg.session.env.executions.find((x: { functionName: string }) => x.functionName === 'buildReports');
    expect(run?.error).toBeNull();
    await reportsTab(pg, page, sheetName);
    expect(await page.locator('.g-row').first().textContent()).toBeTruthy();
    // Cells arrive in blocks after the tab switch (the grid is virtualized): wait for them, not only the charts.
    await page.waitForFunction((t) => (document.querySelector('#grid')?.textContent ?? '').includes(t), title);
    expect(await page.textContent('#grid')).toContain(title);
    // Anchored at column K (1-based 11): every chart box starts right of column J, stacked 20 rows apart.
    const boxes = await page.$$eval('.g-chart', (els) =>
      els.map((e) => ({
        left: parseFloat((e as HTMLElement).style.left),
        top: parseFloat((e as HTMLElement).style.top),
      })),
    );
    expect(new Set(boxes.map((b) => b.left)).size).toBe(1);
    expect(boxes.map((b) => b.top)).toEqual([0, 420, 840, 1260]);
    // Each canvas really holds a drawing (Chart.js drew something, not a blank box).
    const inked = await page.$$eval('.g-chart canvas', (els) =>
      els.map((c) => {
        const ctx = (c as HTMLCanvasElement).getContext('2d') as CanvasRenderingContext2D;
        const d = ctx.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;
      }),
    );
    for (const n of inked) expect(n).toBeGreaterThan(1000);
    await page.screenshot({ path: path.join(SHOTS, `reports-${lang}.png`) });
  });
});

describe('sidebar headline cards', () => {
  step('the home view shows the last build’s figures as cards', async () => {
    const { page } = await open('zh_CN');
    await clickMenu(page, 'buildReports');
    await clickMenu(page, 'showSidebar');
    const handle = await page.waitForSelector('#sidebar-frame');
    await page.waitForFunction(() =>
      (document.querySelector('#sidebar-frame') as HTMLIFrameElement).src.includes('/sidebar/'),
    );
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no sidebar frame');
    await frame.waitForSelector('#report-cards .kpi');
    const labels = await frame.$$eval('#report-cards .kpi-label', (els) => els.map((e) => e.textContent));
    expect(labels).toEqual([
      '应收余额',
      '逾期金额',
      'DSO（简单法）',
      'DSO（倒推法）',
      'CEI',
      '核销率',
      '未来 4 周预计回款',
    ]);
    expect(await frame.textContent('#report-cards')).toMatch(/¥[\d,]+\.\d\d/);
    await frame.$eval('#report-section', (e) => e.scrollIntoView());
    await page.screenshot({ path: path.join(SHOTS, 'reports-sidebar-cards-zh-CN.png') });
    // As of a past day: the date field rebuilds the sheet and the cards from the payment log.
    await frame.fill('#report-day', '2026-06-30');
    await frame.click('#act-build-reports');
    await frame.waitForFunction(() => document.querySelector('#report-as-of')?.textContent === '截至 2026-06-30');
    expect(await frame.textContent('#report-error')).toBe('');
    await frame.fill('#report-day', '2027-01-01');
    await frame.click('#act-build-reports');
    await frame.waitForFunction(() => document.querySelector('#report-error')?.textContent !== '');
    expect(await frame.textContent('#report-error')).toContain('报表日期');
  });
});
