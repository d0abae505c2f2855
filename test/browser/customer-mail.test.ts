// Screenshots of what customers receive (issue #16): a reminder e-mail (overdue + upcoming sections, final notice
// with 金额大写) and a statement / confirmation letter, zh-CN and en, rendered by the BUILT add-on in the emulator
// and shown in real Chromium. Saved to artifacts/screenshots/mail-*.png. Beyond the pictures, the test checks the
// layout a finance reader relies on: the amount column's right edges line up, the total row is there and bold.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SettingsSaveResult, SettingsView } from '../../src/app/sidebar-types';
import { customerWithInvoice, type Env, mustSave, newEnv, saveInvoice, savePayment } from '../e2e/harness';
import { launchChromium, SCREENSHOTS } from './harness';

let browser: Browser | null = null;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  if (browser) page = await browser.newPage({ viewport: { width: 820, height: 600 } });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

function workbook(): Env {
  const env = newEnv({ now: '2026-03-10T10:00:00+08:00' });
  const view = env.callRpc('settingsView', []) as SettingsView;
  const r = env.callRpc('saveSettings', [
    {
      version: view.version,
      values: {
        companyName: '华东精密机械有限公司',
        'reminders.payment.payee': '华东精密机械有限公司',
        'reminders.payment.bank': '中国工商银行上海徐汇支行',
        'reminders.payment.account': '1001 2345 6789 0123 456',
        'reminders.signature': '华东精密机械有限公司 财务部\n电话：021-6488 0000',
      },
      lang: 'zh-CN',
    },
  ]) as SettingsSaveResult;
  expect(r.ok).toBe(true);
  for (const [lang, email, name] of [
    ['zh-CN', 'zh@example.com', '苏州远航贸易有限公司'],
    ['en', 'en@example.com', 'Harbor Trading Ltd'],
  ]) {
    const { customerId, invoiceId } = customerWithInvoice(
      env,
      { name, email, language: lang },
      { issueDate: '2026-01-01', dueDate: '2026-02-05', amount: '12345.67', contractNo: 'HT-2026-018' },
    );
    mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-01', dueDate: '2026-03-10', amount: '860' }));
    mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-10', dueDate: '2026-03-12', amount: '99.5' }));
    if (lang === 'en') mustSave(savePayment(env, { invoiceId, date: '2026-03-02', amount: '345.67', method: 'bank' }));
  }
  return env;
}

async function show(html: string, name: string): Promise<void> {
  await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:16px">${html}</body>`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `mail-${name}.png`), fullPage: true });
  // Every table: the last column (amounts) is right-aligned with one right edge, and the total row is bold.
  const tables = await page.$$eval('table', (ts) =>
    ts.map((t) => {
      const rows = [...t.querySelectorAll('tr')];
      const last = rows.map((r) => r.lastElementChild as HTMLElement);
      return {
        align: last.map((c) => getComputedStyle(c).textAlign),
        rights: last.map((c) => Math.round(c.getBoundingClientRect().right)),
        totalBold: getComputedStyle(rows[rows.length - 1].lastElementChild as HTMLElement).fontWeight,
      };
    }),
  );
  expect(tables.length).toBeGreaterThan(0);
  for (const t of tables) {
    expect(new Set(t.align)).toEqual(new Set(['right']));
    expect(new Set(t.rights).size).toBe(1);
    expect(Number(t.totalBold)).toBeGreaterThanOrEqual(700);
  }
}

describe('customer e-mails in Chromium', () => {
  test('reminder e-mails (one per customer, sections, totals) and statements, zh-CN and en', async () => {
    if (!browser) return;
    const env = workbook();
    env.clickMenu('runRemindersNow');
    const zh = env.outbox.find((m) => m.to === 'zh@example.com')!;
    const en = env.outbox.find((m) => m.to === 'en@example.com')!;
    expect(zh.htmlBody).toContain('即将到期账款');
    await show(zh.htmlBody ?? '', 'reminder-zh');
    await show(en.htmlBody ?? '', 'reminder-en');
    // 33 days late on the 10th: the final notice, with the amount in capitals.
    expect(zh.subject).toMatch(/最终催款通知/);
    expect(zh.htmlBody).toContain('人民币壹万贰仟叁佰肆拾伍元陆角柒分');
    const ids = env.values('客户')!;
    const idOf = (email: string) => String(ids.find((r) => r.includes(email))?.[0]);
    for (const [email, kind, lang] of [
      ['zh@example.com', 'statement', 'zh-CN'],
      ['en@example.com', 'statement', 'en'],
      ['zh@example.com', 'confirmation', 'zh-CN'],
    ] as const) {
      const r = env.callRpc('sendStatement', [{ customerId: idOf(email), kind, lang }]) as { ok: boolean };
      expect(r.ok).toBe(true);
      const mail = env.outbox.filter((m) => m.to === email).pop()!;
      await show(mail.htmlBody ?? '', `${kind}-${lang === 'en' ? 'en' : 'zh'}`);
    }
  }, 120_000);
});
