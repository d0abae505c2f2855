// Issue #16 in the built sidebar, in Chromium at 300 px (zh-CN and en): money reads ¥12,345.67, search says when it
// shows only the first results and finds a customer by tax id and by invoice number, the payment form shows the
// picked invoice's outstanding whole, and the reminder status shows the mail quota. Screenshots:
// artifacts/screenshots/sidebar-collections-*.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SaveResult } from '../../src/app/sidebar-types';
import { launchChromium, SCREENSHOTS, type SidebarServer, serveSidebar } from './harness';
import { addCustomers, ledgerEnv, OWNER } from './sidebar-fixtures';

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

const TAX_ID = '91350100M000100Y43';

function book(locale: 'zh_CN' | 'en_US'): { env: Env; invoiceId: string } {
  const lang = locale === 'zh_CN' ? 'zh-CN' : 'en';
  const env = ledgerEnv({ locale, lang });
  addCustomers(env, 57);
  const save = (fn: string, values: Record<string, string>) => {
    const r = env.callRpc(fn, [{ values, lang }], { user: OWNER }) as SaveResult;
    if (!r.ok) throw new Error(`${fn}: ${r.message}`);
    return r.id;
  };
  const id = save('saveCustomer', {
    name: locale === 'zh_CN' ? '苏州远航贸易有限公司' : 'Harbor Trading Ltd',
    type: 'company',
    email: 'ap@harbor.example',
    taxId: TAX_ID,
  });
  const invoiceId = save('saveInvoice', {
    customerId: id,
    issueDate: '2026-01-01',
    dueDate: '2026-02-01',
    amount: '12345.67',
    currency: 'CNY',
  });
  env.run('enableDailyReminders', [], { user: OWNER });
  return { env, invoiceId };
}

async function open(env: Env, locale: string): Promise<Page> {
  const server = await serveSidebar(env, { user: OWNER });
  servers.push(server);
  const context = await browser!.newContext({ viewport: { width: 300, height: 900 }, locale });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `sidebar-collections-${name}.png`), fullPage: true });
}

/** Fully visible: not clipped by its own box or its parents' (the amount must be read whole at 300 px). */
async function whole(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return el.scrollWidth <= el.clientWidth + 1 && r.left >= 0 && r.right <= window.innerWidth;
  });
}

describe.each([
  [
    'zh_CN',
    'zh-CN',
    /显示前 20 条，共 5\d 条/,
    /单据 INV-/,
    /税号 91350100M000100Y43/,
    /今日邮件配额剩余：\d+ 位收件人/,
  ],
  [
    'en_US',
    'en-US',
    /Showing the first 20 of 5\d/,
    /Invoice INV-/,
    /Tax ID 91350100M000100Y43/,
    /Mail quota left today: \d+/,
  ],
] as const)('%s', (locale, browserLocale, more, invoiceHit, taxHit, quota) => {
  test('search, money, the payment form’s invoice and the mail quota', async () => {
    if (!browser) return; // launchChromium printed a loud warning
    const { env, invoiceId } = book(locale);
    const page = await open(env, browserLocale);
    await page.waitForSelector('#reminder-status .badge'); // the home view's second call
    await expect(page.textContent('#reminder-status')).resolves.toMatch(quota);

    await page.fill('#search', 'example');
    await page.waitForSelector('#search-more');
    await expect(page.textContent('#search-more')).resolves.toMatch(more);
    expect(await page.$$eval('#search-results li[role="option"]', (l) => l.length)).toBe(20);
    await shot(page, `search-${locale}`);

    await page.fill('#search', invoiceId.toLowerCase());
    await page.waitForFunction(() => document.querySelectorAll('#search-results li[role="option"]').length === 1);
    await expect(page.textContent('#search-results')).resolves.toMatch(invoiceHit);
    await expect(page.textContent('#search-results')).resolves.toContain('¥12,345.67');
    await expect(page.textContent('#search-results')).resolves.not.toContain('CNY');
    await page.fill('#search', TAX_ID.slice(0, 12));
    await page.waitForFunction(() => document.querySelectorAll('#search-results li[role="option"]').length === 1);
    await expect(page.textContent('#search-results')).resolves.toMatch(taxHit);

    await page.click('#search-results li[role="option"]');
    await page.waitForSelector('#customer-360 #c360-name');
    await expect(page.textContent('#c360-outstanding')).resolves.toBe('¥12,345.67');
    await page.click('#act-payment');
    await page.waitForSelector('#invoice-summary:not([hidden])');
    await expect(page.textContent('#invoice-summary')).resolves.toMatch(/¥12,345\.67/);
    await expect(page.textContent('#invoice-summary')).resolves.toMatch(/29/);
    expect(await whole(page, '#invoice-summary .inv-amount')).toBe(true);
    await shot(page, `payment-${locale}`);
  }, 120_000);
});
