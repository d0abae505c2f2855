// The settings view of the BUILT sidebar in real Chromium, against the built add-on in the emulator: an admin
// changes the company name and reminder hour and the Settings sheet changes; an invalid hour shows a field error,
// nothing is sent or written, and everything typed stays in the form.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, SCREENSHOTS, type SidebarServer, serveSidebar } from './harness';
import { ledgerEnv, OWNER, roleSheet } from './sidebar-fixtures';

type Env = ReturnType<typeof ledgerEnv>;

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

interface RangeApi {
  getValue(): unknown;
  setValue(v: unknown): unknown;
}
const settingsSheet = (env: Env) =>
  (env.spreadsheet as unknown as { api(): { getSheetByName(n: string): { getRange(r: number, c: number): RangeApi } } })
    .api()
    .getSheetByName(roleSheet(env, 'settings'));

function cell(env: Env, key: string): RangeApi {
  const row = env.values(roleSheet(env, 'settings')).findIndex((r) => r[0] === key) + 1;
  if (row < 1) throw new Error(`no settings row ${key}`);
  return settingsSheet(env).getRange(row, 2);
}

/** A workbook whose admin list names the owner (the acting user of the sidebar). */
function adminEnv(locale?: string): Env {
  const env = ledgerEnv(locale ? { locale } : undefined);
  cell(env, 'adminEmails').setValue(OWNER);
  return env;
}

async function openSettings(env: Env, locale = 'en-US', user = OWNER): Promise<{ page: Page; server: SidebarServer }> {
  const server = await serveSidebar(env, { user });
  servers.push(server);
  const context = await browser!.newContext({ viewport: { width: 300, height: 900 }, locale });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#act-settings');
  await page.waitForSelector('#settings-form');
  return { page, server };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `sidebar-${name}.png`), fullPage: true });
}

const field = (key: string) => `[data-key="${key}"]`;

const it = (name: string, fn: () => Promise<void>) =>
  test(name, async () => {
    if (!browser) return; // launchChromium printed a loud warning
    await fn();
  });

describe('settings view in Chromium', () => {
  it('an admin changes the company name and reminder hour; the Settings sheet changes', async () => {
    const env = adminEnv();
    const { page } = await openSettings(env);
    expect(await page.textContent('header h1')).toBe('Settings');
    expect(await page.$$eval('.settings-group', (els) => els.map((e) => e.getAttribute('data-group')))).toEqual([
      'company',
      'workbook',
      'reminders',
      'chat',
      'scoring',
      'segments',
      'templates',
    ]);
    expect(await page.inputValue(field('reminders.hour'))).toBe('9');
    expect(await page.$eval(field('reminders.template.overdue.en.body'), (e) => e.tagName)).toBe('TEXTAREA');
    await page.fill(field('companyName'), 'Acme Trading <Ltd>');
    await page.selectOption(field('reminders.hour'), '7');
    await page.fill(field('defaultCurrency'), 'usd');
    await shot(page, 'settings');
    await page.click('#save');
    await page.waitForSelector('#settings-form .banner.ok');
    expect(await page.textContent('#settings-form .banner.ok')).toContain('3 settings saved.');
    // Stored and shown in canonical spelling; the forms' currency follows without a reload.
    expect(cell(env, 'defaultCurrency').getValue()).toBe('USD');
    expect(await page.inputValue(field('defaultCurrency'))).toBe('USD');
    expect(
      await page.evaluate(
        () =>
          (window as unknown as { ledgerSidebar: { app: { home: { currency: string } } } }).ledgerSidebar.app.home
            .currency,
      ),
    ).toBe('USD');
    expect(cell(env, 'companyName').getValue()).toBe('Acme Trading <Ltd>');
    expect(String(cell(env, 'reminders.hour').getValue())).toBe('7');
    // The form goes on from the saved state: a second change saves against the new version.
    await page.selectOption(field('reminders.hour'), '8');
    await page.click('#save');
    await page.waitForFunction(() =>
      document.querySelector('#settings-form .banner.ok')?.textContent?.includes('1 setting'),
    );
    expect(String(cell(env, 'reminders.hour').getValue())).toBe('8');
  });

  it('an invalid value shows a field error, sends nothing and keeps every typed value', async () => {
    const env = adminEnv();
    const { page, server } = await openSettings(env);
    await page.fill(field('companyName'), 'Typed Co');
    await page.fill(field('reminders.graceDays'), '400');
    await page.click('#save');
    await page.waitForSelector('[data-field="reminders.graceDays"].invalid');
    expect(await page.textContent('[data-field="reminders.graceDays"] .err')).toContain(
      'must be a whole number from 0 to 365',
    );
    expect(await page.textContent('#settings-form .banner.error')).toContain('1 field needs attention');
    expect(await page.inputValue(field('companyName'))).toBe('Typed Co');
    expect(await page.inputValue(field('reminders.graceDays'))).toBe('400');
    expect(server.calls.map((c) => c.fn)).not.toContain('saveSettings');
    expect(cell(env, 'companyName').getValue()).toBe('');
    await shot(page, 'settings-error');
  });

  it('labels, not keys; yes/no as a switch, languages and hours as dropdowns, points tables as rows', async () => {
    const env = adminEnv('zh_CN');
    const { page } = await openSettings(env, 'zh-CN');
    // No raw keys on screen: each label is the setting's name (the key is only its tooltip).
    expect(await page.locator('code.setting-key').count()).toBe(0);
    expect(await page.textContent('[data-field="allowOverpayment"] label')).not.toContain('allowOverpayment');
    // Yes/no: a switch writing the sheet's own spelling.
    const overpay = '[data-field="allowOverpayment"] input[type="checkbox"]';
    expect(await page.isChecked(overpay)).toBe(false);
    await page.check(overpay);
    // Languages: a dropdown with readable choices.
    const langs = await page.$$eval(`${field('reminders.digestLanguage')} option`, (os) =>
      os.map((o) => o.textContent),
    );
    expect(langs).toEqual(['简体中文', '繁体中文', '英文 (English)']);
    await page.selectOption(field('reminders.digestLanguage'), 'en');
    // A points table: rows of (upper bound, points), checked as they are typed.
    await page.click('.settings-group[data-group="scoring"] summary');
    const table = page.locator('.setting-bins').first();
    const key = (await table.getAttribute('data-field')) ?? '';
    const before = String(cell(env, key).getValue());
    const points = table.locator('tbody tr td:nth-child(2) input');
    const first = await points.first().inputValue();
    const last = await points.last().inputValue();
    // Make the table non-monotonic: the inline check names the rule before anything is sent.
    const direction = Number(first) >= Number(last) ? 1 : -1;
    await points.first().fill(String(Number(last) - 50 * direction));
    await page.waitForFunction(
      (k) => (document.querySelector(`[data-field="${k}"] .bins-check`)?.textContent ?? '') !== '',
      key,
    );
    expect(await table.locator('.bins-check').textContent()).toContain('分数须随表现变差而不增');
    await points.first().fill(first);
    expect(await table.locator('.bins-check').textContent()).toBe('');
    await shot(page, 'settings-controls-zh');
    await page
      .locator('[data-group="workbook"]')
      .screenshot({ path: path.join(SCREENSHOTS, 'sidebar-settings-toggle-zh.png') });
    await table.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-settings-bins-zh.png') });
    await page.click('#save');
    await page.waitForSelector('#settings-form .banner.ok');
    expect(await page.textContent('#settings-form .banner.ok')).toContain('2');
    expect(String(cell(env, 'allowOverpayment').getValue())).toBe('true');
    expect(cell(env, 'reminders.digestLanguage').getValue()).toBe('en');
    // The table round-trips to the same setting (unchanged rows are not saved at all).
    expect(String(cell(env, key).getValue())).toBe(before);
  });

  it('in Chinese, and read-only with a notice for a user who is not an admin', async () => {
    const env = ledgerEnv({ locale: 'zh_CN' });
    const { page } = await openSettings(env, 'zh-CN', 'clerk@example.com');
    expect(await page.textContent('header h1')).toBe('设置');
    expect(await page.textContent('.settings-group[data-group="company"] h2')).toBe('公司与邮件');
    expect(await page.textContent('#settings-form .banner.warn')).toContain('只有管理员可以修改设置');
    expect(await page.isDisabled('#save')).toBe(true);
    expect(await page.getAttribute(field('companyName'), 'readonly')).toBe('');
  });
});
