// The playground end to end in real Chromium: the built add-on on the emulator, driven through the page as a
// newcomer would: run Set up from the add-on menu, add a customer in the real sidebar, find the row in the grid,
// enable daily reminders, advance the clock a day and read the reminder e-mail in the outbox. Screenshots go to
// artifacts/screenshots/playground-*.png.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { usccCheckChar } from '../../emulator/playground/demo-pools';
import { type Playground, startPlayground } from '../../emulator/playground/server';
import { clickMenu, sidebarFrame } from './playground-driver';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    `\n${'!'.repeat(78)}\n!!  CHROMIUM NOT FOUND at ${CHROMIUM}: the playground browser test is SKIPPED.\n!!  Install it with: apt-get install -y chromium\n${'!'.repeat(78)}\n`,
  );
}
const step = haveChromium ? test : test.skip;

let pg: Playground;
let browser: Browser;
let page: Page;
let dir: string;
const NAME = 'Playground Test Trading Ltd';

beforeAll(async () => {
  if (!haveChromium) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-'));
  // en_US: this machine's Chromium has no CJK font; an English workbook keeps the screenshots readable.
  pg = await startPlayground({
    root: ROOT,
    port: 0,
    fresh: true,
    size: 300,
    seed: 7,
    locale: 'en_US',
    storeFile: path.join(dir, 'workbook.json'),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
  page.on('pageerror', (e) => {
    throw e;
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.goto(pg.url);
  await page.waitForSelector('.tab');
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `playground-${name}.png`) });

/** Text of an HTML string as a browser's textContent gives it (tags dropped, basic entities decoded). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function validTaxId(): string {
  const first17 = '91310000MA1K8P3X0';
  return first17 + usccCheckChar(first17);
}

describe('playground in Chromium', () => {
  step('shows the demo workbook with the real add-on menu', async () => {
    const snap = pg.session.env;
    expect(snap.menuFor(pg.session.user)?.items.length ?? 0).toBeGreaterThan(0);
    await page.click('#menu-ext');
    await page.hover('#addon-menu');
    expect(await page.locator('#menu-pop [data-fn="setupWorkbook"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#menu-pop', { state: 'hidden' });
  });

  step(
    'opens on the Customers sheet, without the empty default tab; clock and clock input share one format',
    async () => {
      const tabs = await page.$$eval('.tab', (els) => els.map((e) => e.textContent));
      expect(tabs).not.toContain('Sheet1');
      expect(await page.textContent('.tab.on')).toBe('Customers');
      const clock = (await page.textContent('#clock-now')) ?? '';
      expect(clock).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Shanghai\)$/);
      expect(await page.inputValue('#clock-input')).toBe(clock.slice(0, 16));
    },
  );

  step('runs Set up / repair from the menu', async () => {
    const before = pg.session.env.executions.length;
    await clickMenu(page, 'setupWorkbook');
    const run = pg.session.env.executions.slice(before).find((x) => x.functionName === 'setupWorkbook');
    expect(run).toBeDefined();
    expect(run?.error).toBeNull();
    // Sheets shows one toast at a time: setup's started / progress / done toasts never pile up over the grid.
    expect(await page.locator('#toasts .toast').count()).toBeLessThanOrEqual(1);
    await shot('1-setup');
  });

  step("the menu's Preview reminders shows its dialog (the add-on's HTML)", async () => {
    await clickMenu(page, 'previewReminders');
    const dialog = await page.waitForSelector('.modal[data-dialog="html"] iframe');
    const frame = await dialog.contentFrame();
    if (!frame) throw new Error('no dialog frame');
    await frame.waitForFunction(() => (document.body?.textContent ?? '').trim().length > 20);
    expect(await page.textContent('.modal[data-dialog="html"] h2')).toBe('Reminder preview (nothing is sent)');
    await shot('1b-preview-dialog');
    await page.click('.modal[data-dialog="html"] .t-x');
    await page.waitForSelector('.modal[data-dialog="html"]', { state: 'detached' });
  });

  step('adds a customer through the real sidebar', async () => {
    await clickMenu(page, 'showSidebar');
    const frame = await sidebarFrame(page);
    await frame.click('#act-new-customer');
    await frame.fill('#f-name', NAME);
    await frame.fill('#f-email', 'ap@playground-test.example');
    await frame.fill('#f-taxId', validTaxId());
    await frame.fill('#f-phone', '13800138000');
    await frame.click('#save');
    await frame.waitForSelector('#customer-360 #c360-name');
    await expect(frame.textContent('#c360-name')).resolves.toBe(NAME);
    await shot('2-sidebar-customer');
  });

  step('shows the new row in the customers grid', async () => {
    const sheets = pg.session.env.spreadsheet.sheets as { id: number; name: string; lastRow(): number }[];
    const customers = sheets.find((s) => /^(客户|Customers)$/.test(s.name));
    if (!customers) throw new Error('no customers sheet');
    await page.click(`.tab[data-sheet="${customers.id}"]`);
    const last = customers.lastRow() as number;
    await page.locator('#grid').evaluate(
      (g, top) => {
        g.scrollTop = top;
      },
      (last - 10) * 21,
    );
    const cell = page.locator('.g-cell', { hasText: NAME });
    await cell.first().waitFor({ timeout: 10000 });
    expect(await cell.count()).toBe(1);
    expect(await cell.getAttribute('data-r')).toBe(String(last - 1));
    await shot('3-grid-row');
  });

  step('a typed cell goes through validation and onEdit: a bad e-mail is kept and flagged', async () => {
    const row = Number(await page.locator('.g-cell', { hasText: NAME }).getAttribute('data-r'));
    const col = await page.$$eval('.g-frozen .g-cell', (cells) =>
      cells.findIndex((c) => /^(Email|邮箱)$/.test(c.textContent ?? '')),
    );
    const before = pg.session.env.executions.length;
    await page.dblclick(`.g-cell[data-r="${row}"][data-c="${col}"]`);
    const editor = await page.waitForSelector('.g-editor');
    await editor.fill('not-an-email');
    await editor.press('Enter');
    const flagged = page.locator(`.g-cell.g-bad[data-r="${row}"][data-c="${col}"]`);
    await flagged.waitFor({ timeout: 10000 });
    expect(await flagged.textContent()).toBe('not-an-email');
    expect(pg.session.env.executions.slice(before).map((x) => x.functionName)).toContain('onEdit');
  });

  step('enables daily reminders, advances a day, and shows the e-mail in the outbox', async () => {
    await clickMenu(page, 'enableDailyReminders');
    await page.click('#tab-triggers');
    await page.locator('#dock .tbl td', { hasText: 'runDailyReminders' }).first().waitFor();
    expect(await page.locator('#dock .tbl td', { hasText: 'runDailyReminders' }).count()).toBe(1);
    expect(pg.session.env.triggers.filter((t) => t.handler === 'runDailyReminders')).toHaveLength(1);
    await page.click('#plus-day');
    await page.waitForFunction(() => Number(document.querySelector('#tab-outbox .d-count')?.textContent) > 0, null, {
      timeout: 30000,
    });
    await page.click('#tab-outbox');
    const first = pg.session.env.outbox[pg.session.env.outbox.length - 1];
    expect(await page.locator('.mail-head b').textContent()).toBe(first.subject);
    const frame = await (await page.waitForSelector('.mail-frame')).contentFrame();
    if (!frame) throw new Error('no mail frame');
    await frame.waitForFunction(() => (document.documentElement.textContent ?? '').trim().length > 20);
    // The frame renders the message itself (html, or the plain text when there is none).
    const shown = squash(await frame.evaluate(() => document.documentElement.textContent ?? ''));
    expect(shown).toContain(squash(textOf(first.htmlBody ?? first.body)).slice(0, 40));
    await shot('4-outbox');
  });
});
