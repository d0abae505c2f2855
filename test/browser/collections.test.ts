// The customer 360's collections actions and the split-receipt form in the BUILT sidebar, real Chromium at the
// 300 px sidebar width, zh-CN and en (issue #16 part A): contact details, the reminder timeline, per-invoice
// promise / dispute / write-off, resolving an interaction, and a receipt split oldest-due-first across invoices.
// Every step is checked on the page and in the sheets; screenshots go to artifacts/screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SaveResult } from '../../src/app/sidebar-types';
import { createEnvironment } from '../../emulator/src/index';
import { launchChromium, SCREENSHOTS, type SidebarServer, serveSidebar } from './harness';
import { DIST, OWNER, roleSheet } from './sidebar-fixtures';

type Lang = 'zh-CN' | 'en';
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

function book(lang: Lang) {
  const env = createEnvironment({
    owner: OWNER,
    locale: lang === 'zh-CN' ? 'zh_CN' : 'en_US',
    now: '2026-03-02T09:00:00+08:00',
  });
  env.loadBuild(DIST);
  env.run('setupWorkbook', [], { user: OWNER });
  const call = (fn: string, arg: unknown) => env.callRpc(fn, [arg], { user: OWNER }) as SaveResult;
  const must = (r: SaveResult) => {
    if (!r.ok) throw new Error(r.message);
    return r.id;
  };
  const zh = lang === 'zh-CN';
  const customerId = must(
    call('saveCustomer', {
      values: {
        name: zh ? '苏州远航贸易有限公司' : 'Northwind Components Ltd',
        type: 'company',
        status: 'active',
        contact: zh ? '王敏' : 'Mary Jones',
        phone: '13912345678',
        email: 'ap@customer.example',
        manager: 'am@example.com',
      },
      lang,
    }),
  );
  const inv = (issueDate: string, dueDate: string, amount: string, project: string) =>
    must(call('saveInvoice', { values: { customerId, issueDate, dueDate, amount, currency: 'CNY', project }, lang }));
  const a = inv('2025-12-01', '2025-12-31', '12000', zh ? '一期设备款' : 'Phase 1 equipment');
  const b = inv('2026-01-05', '2026-02-04', '8500.50', zh ? '二期安装费' : 'Phase 2 installation');
  const c = inv('2026-02-01', '2026-03-20', '3200', zh ? '年度维保' : 'Annual maintenance');
  must(
    call('saveInteraction', {
      values: {
        customerId,
        date: '2026-03-01',
        channel: 'phone',
        type: 'complaint',
        summary: zh ? '发票抬头有误，要求重开' : 'Invoice addressed to the wrong entity',
      },
      lang,
    }),
  );
  env.run('runRemindersNow', [], { user: OWNER });
  return { env, customerId, a, b, c };
}

async function open(lang: Lang, customerId: string, env: ReturnType<typeof book>['env']): Promise<Page> {
  const server = await serveSidebar(env, { user: OWNER });
  servers.push(server);
  const context = await browser!.newContext({ viewport: { width: 300, height: 900 }, locale: lang });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.fill('#search', customerId);
  await page.click(`#search-results li[data-id="${customerId}"]`);
  await page.waitForSelector('#c360-timeline');
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Nothing on the page is wider than the 300 px sidebar (no sideways scrolling). */
async function fitsWidth(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(300);
}

const T = {
  'zh-CN': {
    contact: '王敏',
    planned: '计划',
    promised: '已记录客户承诺于 2026-03-09 付款',
    disputed: '已标记为争议中',
    resolved: '已标记为已解决',
    receipt: '已登记收款 R-000001：¥15,000.00，分配到 2 张单据',
    written: '已核销',
  },
  en: {
    contact: 'Mary Jones',
    planned: 'Planned',
    promised: 'by 2026-03-09 recorded',
    disputed: 'marked as disputed',
    resolved: 'marked as resolved',
    receipt: 'Receipt R-000001 recorded: ¥15,000.00 across 2 invoices (INV-000001, INV-000002).',
    written: 'written off',
  },
} as const;

describe.each(['zh-CN', 'en'] as const)('customer 360 collections in Chromium (%s)', (lang) => {
  const it = (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      if (!browser) return;
      await fn();
    });
  const tx = T[lang];

  it('contact, timeline and per-invoice actions at 300 px; promise, dispute, resolve and write-off', async () => {
    const { env, customerId, a, b, c } = book(lang);
    const page = await open(lang, customerId, env);
    await expect(page.textContent('#c360-contact')).resolves.toContain(tx.contact);
    await expect(page.textContent('#c360-contact')).resolves.toContain('ap@customer.example');
    await expect(page.textContent('#c360-planned')).resolves.toContain(tx.planned);
    await expect(page.textContent('#c360-reminders')).resolves.toMatch(/\w/);
    await fitsWidth(page);
    await shot(page, `customer-360-collections-${lang}`);

    // Promise to pay on the oldest invoice.
    await page.click(`.inv-actions[data-invoice="${a}"] [data-action="promise"]`);
    await page.fill(`.inv-actions[data-invoice="${a}"] .promise-date`, '2026-03-09');
    await fitsWidth(page);
    await shot(page, `customer-360-promise-${lang}`);
    await page.click(`.inv-actions[data-invoice="${a}"] [data-confirm="promise"]`);
    await page.waitForSelector('#notice');
    await expect(page.textContent('#notice')).resolves.toContain(tx.promised);
    await expect(page.textContent(`#c360-invoices li[data-id="${a}"]`)).resolves.toContain('2026-03-09');

    // Dispute the second.
    await page.click(`.inv-actions[data-invoice="${b}"] [data-action="dispute"]`);
    await page.waitForFunction((t) => document.querySelector('#notice')?.textContent?.includes(t), tx.disputed);
    await page.waitForSelector(`.inv-actions[data-invoice="${b}"] [data-action="clear-dispute"]`);

    // Resolve the complaint.
    await page.click('[data-resolve]');
    await page.fill('#c360-interactions textarea.resolution', lang === 'zh-CN' ? '已重开发票' : 'Invoice reissued');
    await page.click('[data-confirm="resolve"]');
    await page.waitForFunction((t) => document.querySelector('#notice')?.textContent?.includes(t), tx.resolved);

    // Write off the last one (the owner is an admin): an inline confirmation first.
    await page.click(`.inv-actions[data-invoice="${c}"] [data-action="write-off"]`);
    await fitsWidth(page);
    await shot(page, `customer-360-write-off-${lang}`);
    await page.click(`.inv-actions[data-invoice="${c}"] [data-confirm="write-off"]`);
    await page.waitForFunction((t) => document.querySelector('#notice')?.textContent?.includes(t), tx.written);
    expect(await page.$(`#c360-invoices li[data-id="${c}"]`)).toBeNull();
    const statuses = env
      .values(roleSheet(env, 'invoices'))
      .slice(1)
      .map((r) => r[8]);
    expect(statuses).toEqual(
      lang === 'zh-CN' ? ['承诺付款', '争议中', '已核销'] : ['Promised', 'Disputed', 'Written off'],
    );
    await shot(page, `customer-360-after-actions-${lang}`);
  });

  it('split receipt: oldest due first, shown per invoice, saved as two payment rows sharing a receipt id', async () => {
    const { env, customerId, a, b } = book(lang);
    const page = await open(lang, customerId, env);
    // "Record payment" on one invoice opens the payment form with that invoice and its outstanding.
    await page.click(`.inv-actions[data-invoice="${b}"] [data-action="pay"]`);
    await page.waitForFunction((id) => (document.querySelector('#f-invoiceId') as HTMLSelectElement)?.value === id, b);
    await expect(page.inputValue('#f-amount')).resolves.toBe('8500.50');
    await page.click('.back');
    await page.waitForSelector('#c360-timeline');
    await page.click('#act-receipt');
    await page.waitForSelector(`#receipt-invoices input[data-invoice="${a}"]`);
    await page.fill('#f-amount', '15000');
    await expect(page.inputValue(`input[data-invoice="${a}"]`)).resolves.toBe('12,000.00');
    await expect(page.inputValue(`input[data-invoice="${b}"]`)).resolves.toBe('3,000.00');
    await page.selectOption('#f-method', 'acceptance');
    await page.fill('#f-reference', 'BA-2026-0301');
    await fitsWidth(page);
    await shot(page, `receipt-form-${lang}`);
    await page.click('#save');
    await page.waitForSelector('#notice');
    await expect(page.textContent('#notice')).resolves.toContain(tx.receipt);
    const pays = env.values(roleSheet(env, 'payments')).slice(1);
    expect(pays.map((r) => [r[1], r[4], r[r.length - 1]])).toEqual([
      [a, 12000, 'R-000001'],
      [b, 3000, 'R-000001'],
    ]);
  });
});
