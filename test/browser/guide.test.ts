// The user guide's pictures (docs/guide.zh-CN.md, docs/guide.en.md), taken in real Chromium on the playground, once
// per locale (zh_CN, zh_TW, en_US): the ledger with the sidebar, a customer's 360, the invoice form, a reminder
// e-mail, the reports sheet and the settings. Each step also checks that what it shows is in the workbook's
// language, so a page half in another language fails here before it reaches the guide.
//
// Pictures go to artifacts/screenshots/guide-<lang>-<name>.png. `npm run guide:images` runs this file with
// GUIDE_IMAGES=docs/images, which also writes the committed zh-CN and en copies there (JPEG, quality 60: small enough to commit).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { type Playground, startPlayground } from '../../emulator/playground/server';
import { clickMenu, sidebarFrame } from './playground-driver';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'artifacts', 'screenshots');
const GUIDE = process.env.GUIDE_IMAGES ? path.resolve(ROOT, process.env.GUIDE_IMAGES) : null;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];
const haveChromium = fs.existsSync(CHROMIUM);
const step = haveChromium ? test : test.skip;

const SIMPLIFIED_ONLY = /[账发这们对说为时单项数额计户务欠还应请设规则银汇总结记录条据类邮号码报导]/;
const TRADITIONAL_ONLY = /[帳發這們對說為時單項數額計戶務還應請設規則銀匯總結記錄條據類郵號碼報導]/;

const LOCALES = [
  { locale: 'zh_CN', lang: 'zh-CN', browser: 'zh-CN', customers: '客户', reports: '报表' },
  { locale: 'zh_TW', lang: 'zh-TW', browser: 'zh-TW', customers: '客戶', reports: '報表' },
  { locale: 'en_US', lang: 'en', browser: 'en-US', customers: 'Customers', reports: 'Reports' },
] as const;

function expectScript(lang: string, text: string): void {
  if (lang === 'zh-TW') {
    expect(text).not.toMatch(SIMPLIFIED_ONLY);
    expect(text).toMatch(TRADITIONAL_ONLY);
  } else if (lang === 'zh-CN') {
    expect(text).not.toMatch(TRADITIONAL_ONLY);
  } else {
    // Demo customers may have Chinese names and invoice texts; the add-on's own words may not be Chinese.
    for (const word of ['应收余额', '逾期金额', '保存', '取消', '设置']) expect(text).not.toContain(word);
  }
}

describe.each(LOCALES)(
  'user guide pictures, $locale',
  ({ locale, lang, browser: browserLocale, customers, reports }) => {
    let pg: Playground;
    let browser: Browser;
    let page: Page;
    let dir: string;

    const shot = async (name: string, target?: { screenshot: Page['screenshot'] }) => {
      const file = `guide-${lang}-${name}`;
      await (target ?? page).screenshot({ path: path.join(SHOTS, `${file}.png`) });
      // The guide is written in zh-CN and en; zh-TW pictures stay in the test artifacts.
      if (GUIDE && lang !== 'zh-TW') {
        fs.mkdirSync(GUIDE, { recursive: true });
        await (target ?? page).screenshot({ type: 'jpeg', quality: 60, path: path.join(GUIDE, `${file}.jpg`) });
      }
    };

    /** The sidebar's rendered text, once it has rendered (the view swaps in after its server call returns). */
    async function appText(frame: Frame): Promise<string> {
      await frame.waitForFunction(() => (document.querySelector('#app')?.textContent ?? '').trim().length > 20);
      return frame.evaluate(() => document.querySelector('#app')?.textContent ?? '');
    }

    beforeAll(async () => {
      if (!haveChromium) return;
      if (locale === 'zh_CN') execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-'));
      pg = await startPlayground({
        root: ROOT,
        port: 0,
        fresh: true,
        size: 400,
        seed: 11,
        locale,
        storeFile: path.join(dir, 'workbook.json'),
      });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      page = await browser.newPage({ viewport: { width: 1440, height: 860 }, locale: browserLocale });
      page.on('pageerror', (e) => {
        throw e;
      });
      // The playground page's own labels follow the locale too (sandboxed frames have no storage: skip them).
      await page.addInitScript((l) => {
        try {
          localStorage.setItem('playground-lang', l);
        } catch {}
      }, lang);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.goto(pg.url);
      await page.waitForSelector('.tab');
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await pg?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    step('the ledger with the sidebar open', async () => {
      expect(await page.textContent('.tab.on')).toBe(customers);
      await clickMenu(page, 'showSidebar');
      const frame = await sidebarFrame(page);
      await frame.waitForSelector('#customer-count');
      // The reminder panel fills in with the home view's second call: picture it loaded, not loading.
      await frame.waitForFunction(
        () => document.querySelector('#reminder-status')?.getAttribute('aria-busy') === 'false',
      );
      expectScript(lang, await appText(frame));
      await shot('overview');
    });

    step("a customer's 360 view", async () => {
      const frame = await sidebarFrame(page);
      const input = frame.locator('#search');
      await input.fill('C-0000');
      await frame.locator('#search-results li[data-id]').first().click();
      await frame.waitForSelector('#customer-360');
      expectScript(lang, await frame.evaluate(() => document.querySelector('#customer-360')?.textContent ?? ''));
      await shot('customer-360', page.locator('#sidebar'));
    });

    step('the invoice form', async () => {
      const frame = await sidebarFrame(page);
      await frame.click('#act-invoice');
      await frame.waitForSelector('#f-amount');
      expectScript(lang, await appText(frame));
      await shot('invoice-form', page.locator('#sidebar'));
    });

    step('the settings', async () => {
      await clickMenu(page, 'showSidebar');
      const frame = await sidebarFrame(page);
      await frame.click('#act-settings');
      await frame.waitForSelector('#settings-form');
      expectScript(lang, await frame.evaluate(() => document.querySelector('#settings-form')?.textContent ?? ''));
      await shot('settings', page.locator('#sidebar'));
    });

    step('a reminder e-mail after a day of the daily run', async () => {
      await clickMenu(page, 'enableDailyReminders');
      await page.click('#plus-day');
      await page.waitForFunction(() => Number(document.querySelector('#tab-outbox .d-count')?.textContent) > 0, null, {
        timeout: 60_000,
      });
      await page.click('#tab-outbox');
      const frame = await (await page.waitForSelector('.mail-frame')).contentFrame();
      if (!frame) throw new Error('no mail frame');
      await frame.waitForFunction(() => (document.documentElement.textContent ?? '').trim().length > 20);
      const subject = (await page.locator('.mail-head b').first().textContent()) ?? '';
      expect(subject.length).toBeGreaterThan(5);
      await shot('reminder-mail');
    });

    step('the reports sheet', async () => {
      await page.click('#sidebar-close');
      const gridText = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.g-cell')]
            .map((c) => c.textContent)
            .join(' ')
            .trim(),
        );
      const before = await gridText();
      await clickMenu(page, 'buildReports');
      await page.locator('.tab', { hasText: reports }).first().click();
      await page.waitForSelector('.g-cell');
      // The grid is redrawn after the sheet's values arrive: wait for the reports' own cells, not the last sheet's
      // (still on screen for a moment) nor the empty grid in between.
      await page.waitForFunction(
        (old) => {
          const now = [...document.querySelectorAll('.g-cell')]
            .map((c) => c.textContent)
            .join(' ')
            .trim();
          return now.length > 20 && now !== old;
        },
        before,
        { timeout: 15000 },
      );
      expectScript(lang, (await gridText()).slice(0, 2000));
      await shot('reports');
    });
  },
);
