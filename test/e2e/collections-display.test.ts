// Issue #16 (PRODUCT.md §13) through the built add-on: money as people read it (¥1,234.50, other currencies by ISO
// code) in previews, digests, chat alerts and sidebar messages; a fully paid invoice reads 已结清 / Paid; search
// finds a customer by tax id and invoice number; the reminder status shows the mail quota left, what waits for it
// and when it refills.
import { searchWithTotal, buildSearchIndex } from '../../src/app/sidebar-search';
import type { Customer360, SidebarHome } from '../../src/app/sidebar-types';
import {
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  reminderStatus,
  rows,
  saveCustomer,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
  taxId,
} from './harness';

function setSetting(env: Env, key: string, value: string) {
  const name = sheetName('settings');
  const data = env.values(name) as unknown[][];
  const r = data.findIndex((row) => row[0] === key);
  expect(r).toBeGreaterThan(0);
  sheetOf(env, name)
    .getRange(r + 1, 2)
    .setValue(value);
}

const statusOf = (env: Env, id: string, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  rows(env, sheetName('invoices', lang)).find((r) => r[lang === 'en' ? 'Invoice ID' : '单据编号'] === id)?.[
    lang === 'en' ? 'Status' : '状态'
  ];

describe('money as money: ¥ for CNY, the ISO code otherwise (never "CNY 1,234.50")', () => {
  test('reminder preview, staff digest and the payment form’s message', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    setSetting(env, 'reminders.financeRecipients', 'fin@example.com');
    const { invoiceId } = customerWithInvoice(
      env,
      { name: '苏州远航', email: 'ap@yuanhang.example' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '12345.6' },
    );
    customerWithInvoice(
      env,
      { name: 'Harbor Ltd', email: 'ap@harbor.example', language: 'en' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '80', currency: 'USD' },
    );
    const preview = env.callRpc('reminderPreview', []) as {
      messages: Array<{ total: string; invoices: Array<{ outstanding: string }> }>;
    };
    const shown = preview.messages.flatMap((m) => [m.total, ...m.invoices.map((i) => i.outstanding)]);
    expect(shown).toContain('¥12,345.60');
    expect(shown).toContain('USD 80.00');
    expect(shown.join(' ')).not.toContain('CNY');

    const over = savePayment(env, { invoiceId, date: '2026-03-01', amount: '20000', method: 'bank' });
    expect(over.ok).toBe(false);
    expect(JSON.stringify(over)).toContain('¥12,345.60');

    env.clickMenu('runRemindersNow');
    const digest = env.outbox.find((m: { to: string }) => m.to === 'fin@example.com')!;
    expect(digest).toBeDefined();
    expect(digest.body).toContain('¥12,345.60');
    expect(digest.body).toContain('USD 80.00');
    expect(digest.subject).not.toContain('CNY');
    expect(digest.body).not.toMatch(/CNY \d/);
  });
});

describe('a payment is logged in its invoice’s currency', () => {
  test('the audit row of a payment on a USD invoice reads USD, one on a CNY invoice ¥, and Settings is not read', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const usd = customerWithInvoice(
      env,
      { name: 'Harbor Ltd', email: 'ap@harbor.example', language: 'en' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '80', currency: 'USD' },
    );
    const cny = customerWithInvoice(
      env,
      { name: '苏州远航', email: 'ap@yuanhang.example' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '100' },
    );
    const settings = sheetName('settings');
    const grid = env.values(settings) as unknown[][];
    const settingsCells = grid.length * grid[0].length;
    env.resetCounts();
    const id = mustSave(
      savePayment(env, { invoiceId: usd.invoiceId, date: '2026-03-01', amount: '12.5', method: 'bank' }),
    );
    // The whole Settings sheet was not among the reads (all of them together are fewer cells): the invoice named
    // the currency.
    const read = env.cellCounts()['SpreadsheetApp.Sheet.getSheetValues']?.read ?? 0;
    expect(read).toBeLessThan(settingsCells);
    mustSave(savePayment(env, { invoiceId: cny.invoiceId, date: '2026-03-01', amount: '7', method: 'bank' }));
    const log = rows(env, sheetName('audit')).map((r) => String(r['新值'] ?? ''));
    const usdRow = log.find((v) => v.includes(id));
    expect(usdRow).toContain('USD 12.50');
    expect(usdRow).not.toContain('¥');
    expect(log[log.length - 1]).toContain('¥7.00');
  });
});

describe('a fully paid invoice reads 已结清 / Paid, derived from its payments', () => {
  test('the paying save, the refresh and a removed payment move the status column', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const { customerId, invoiceId } = customerWithInvoice(
      env,
      { name: '宁波港联', email: 'fin@ganglian.example' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '1000' },
    );
    mustSave(savePayment(env, { invoiceId, date: '2026-02-10', amount: '400', method: 'bank' }));
    expect(statusOf(env, invoiceId)).toBe('未结清');
    mustSave(savePayment(env, { invoiceId, date: '2026-02-20', amount: '600', method: 'bank' }));
    expect(statusOf(env, invoiceId)).toBe('已结清');
    env.clickMenu('refreshLedger');
    expect(statusOf(env, invoiceId)).toBe('已结清');
    // Not among the 360's open invoices, and the form's status list does not offer the derived value.
    const view = env.callRpc('customer360', [customerId]) as Customer360;
    expect(view.openInvoices.map((i) => i.id)).not.toContain(invoiceId);

    // The last payment row deleted by hand: owed again, so open again at the next refresh.
    const pay = sheetOf(env, sheetName('payments'));
    pay.deleteRow(pay.getLastRow());
    env.clickMenu('refreshLedger');
    expect(statusOf(env, invoiceId)).toBe('未结清');
  });

  test('a payment typed in the sheet settles a promised invoice at the refresh; disputed stays disputed (en)', () => {
    const env = newEnv({ locale: 'en_US', now: '2026-03-02T10:00:00+08:00' });
    const a = customerWithInvoice(
      env,
      { name: 'Harbor Ltd', email: 'ap@harbor.example' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500', status: 'promised', promiseDate: '2026-03-05' },
    );
    const disputed = mustSave(
      saveInvoice(env, {
        customerId: a.customerId,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        amount: '300',
        status: 'disputed',
      }),
    );
    const pay = sheetOf(env, sheetName('payments', 'en'));
    const head = (env.values(sheetName('payments', 'en'))[0] as unknown[]).map(String);
    const line = (id: string, inv: string, amount: number) =>
      head.map((h) =>
        h === 'Payment ID' ? id : h === 'Invoice ID' ? inv : h === 'Date' ? '2026-02-15' : h === 'Amount' ? amount : '',
      );
    pay.appendRow(line('PAY-T1', a.invoiceId, 500));
    pay.appendRow(line('PAY-T2', disputed, 300));
    expect(statusOf(env, a.invoiceId, 'en')).toBe('Promised');
    env.clickMenu('refreshLedger');
    expect(statusOf(env, a.invoiceId, 'en')).toBe('Paid');
    expect(statusOf(env, disputed, 'en')).toBe('Disputed');
  });
});

describe('search finds a customer by tax id and by invoice number, and says when it shows only the first N', () => {
  test('the start-up index carries tax ids and invoice numbers; a save adds its invoice', () => {
    const env = newEnv();
    const tax = taxId();
    const id = mustSave(saveCustomer(env, { name: '苏州远航', type: 'company', status: 'active', taxId: tax }));
    const inv = mustSave(saveInvoice(env, { customerId: id, issueDate: '2026-02-01', amount: '10' }));
    for (let i = 0; i < 25; i++) mustSave(saveCustomer(env, { name: `华东客户${i}`, type: 'company' }));
    const home = env.callRpc('sidebarStart', []) as SidebarHome;
    const index = buildSearchIndex(home.customers);
    expect(searchWithTotal(index, tax.toLowerCase(), 20).rows.map((r) => r[0])).toEqual([id]);
    expect(searchWithTotal(index, inv, 20).rows.map((r) => r[0])).toEqual([id]);
    const many = searchWithTotal(index, '华东客户', 20);
    expect(many.rows).toHaveLength(20);
    expect(many.total).toBe(25);
    const saved = saveInvoice(env, { customerId: id, issueDate: '2026-02-02', amount: '20' });
    expect(saved.ok && saved.customer?.[11]).toBe(saved.ok ? saved.id : '');
  });
});

describe('reminder status: the mail quota left, what waits for it and when it refills', () => {
  test('after a run stopped by the quota', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00', mailQuota: 2 });
    for (let i = 0; i < 4; i++)
      customerWithInvoice(
        env,
        { name: `客户${i}`, email: `c${i}@example.com` },
        { issueDate: '2026-02-01', dueDate: '2026-03-01', amount: String(100 * (i + 1)) },
      );
    env.clickMenu('enableDailyReminders');
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    expect(env.outbox.length).toBe(2);
    const lines = reminderStatus(env)?.lines ?? [];
    expect(lines).toContain('今日邮件配额剩余：0 位收件人');
    expect(lines).toContain('因配额用尽推迟：2 封，配额恢复后优先发送');
    expect(lines).toContain('配额在首次发信 24 小时后恢复：约 2026-03-03 10:00');
    // Someone else looking sees the sending account's quota as the run left it (their own is another quota).
    const other = reminderStatus(env, 'clerk@example.com');
    expect(other?.lines.some((l) => /^邮件配额剩余：0 位收件人（2026-03-02 10:00:\d\d 运行时）$/.test(l))).toBe(true);
  });

  test('in English, with quota to spare', () => {
    const env = newEnv({ locale: 'en_US', now: '2026-03-02T08:00:00+08:00', mailQuota: 100 });
    env.clickMenu('enableDailyReminders');
    const lines = reminderStatus(env)?.lines ?? [];
    expect(lines).toContain('Mail quota left today: 100 recipients');
    expect(lines.join('\n')).not.toMatch(/Held back|refills/);
  });
});

describe('操作日志 / Audit log: one row per changed field, old → new in display units, in the workbook language', () => {
  test('zh-CN: a credit-limit change reads ¥, a created invoice reads as fields; the chain still verifies', () => {
    const env = newEnv();
    const id = mustSave(saveCustomer(env, { name: '审计客户', type: 'company', creditLimit: '1000' }));
    const loaded = env.callRpc('customer360', [id]) as Customer360;
    const saved = env.callRpc('saveCustomer', [
      {
        id,
        version: loaded.version,
        values: { ...loaded.form, creditLimit: '2500', segmentOverride: 'vip' },
        lang: 'en',
      },
    ]) as { ok: boolean };
    expect(saved.ok).toBe(true);
    mustSave(saveInvoice(env, { customerId: id, issueDate: '2026-02-01', dueDate: '2026-03-01', amount: '1234.5' }));
    env.clickMenu('rescoreCustomers');
    const log = rows(env, sheetName('audit'));
    const limit = log.find((r) => r['记录编号'] === id && r['字段'] === '信用额度');
    expect(limit).toMatchObject({ 原值: '¥1,000.00', 新值: '¥2,500.00' });
    // The form was in English; the log follows the workbook.
    expect(log.find((r) => r['记录编号'] === id && r['字段'] === '分类(手动)')?.['新值']).toBe('VIP');
    const created = log.find((r) => r['操作'] === 'create' && r['工作表'] === 'invoices');
    expect(String(created?.['新值'])).toContain('金额：¥1,234.50');
    expect(String(created?.['新值'])).toContain('状态：未结清');
    for (const r of log) expect(String(r['新值'])).not.toMatch(/^[{[]|"\w+":|123450/);
    const setup = log.find((r) => r['操作'] === 'setup');
    expect(String(setup?.['新值'])).toMatch(/[\u4e00-\u9fff]/);
    const rescore = log.find((r) => r['操作'] === 'rescore');
    expect(String(rescore?.['新值'])).toMatch(/^评分日 2026-03-02：已评分 \d+ 位客户.*；等级分布：/);
    env.clickMenu('verifyAuditLog');
    expect(String(env.ui.alerts().at(-1)?.text ?? '')).toMatch(/^操作日志完整/);
  });

  test('en workbook: setup and rescore rows in English', () => {
    const env = newEnv({ locale: 'en_US' });
    mustSave(saveCustomer(env, { name: 'Audit Co', type: 'company' }, 'en'));
    env.clickMenu('rescoreCustomers');
    const log = rows(env, sheetName('audit', 'en'));
    expect(String(log.find((r) => r.Action === 'setup')?.['New value'])).not.toMatch(/[\u4e00-\u9fff]/);
    expect(String(log.find((r) => r.Action === 'rescore')?.['New value'])).toMatch(/^As of 2026-03-02: Scored \d+/);
    expect(String(log.find((r) => r.Action === 'create')?.['New value'])).toMatch(
      /^Customer ID: C-\d+; Name: Audit Co/,
    );
  });
});
