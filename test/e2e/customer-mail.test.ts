// Issue #16 (PRODUCT.md §5, §13) through the built add-on: what a customer receives and what the reminder log says.
// One e-mail per customer per run, real days overdue per line, ¥ amounts with a total, 金额大写 on final notices,
// payment details and signature from settings, catch-up pacing after enabling, and the log in words.
import type { SettingsSaveResult, SettingsView } from '../../src/app/sidebar-types';
import { customerWithInvoice, type Env, mustSave, newEnv, rows, saveInvoice, savePayment, sheetName } from './harness';

function saveSettings(env: Env, values: Record<string, string>, lang: 'zh-CN' | 'en' = 'zh-CN'): SettingsSaveResult {
  const view = env.callRpc('settingsView', []) as SettingsView;
  return env.callRpc('saveSettings', [{ version: view.version, values, lang }]) as SettingsSaveResult;
}

const PAYMENT = {
  companyName: '华东精密机械有限公司',
  'reminders.payment.payee': '华东精密机械有限公司',
  'reminders.payment.bank': '中国工商银行上海徐汇支行',
  'reminders.payment.account': '1001 2345 6789 0123 456',
  'reminders.signature': '华东精密机械有限公司 财务部\n电话：021-6488 0000',
};

const mailsTo = (env: Env, address: string) => env.outbox.filter((m) => m.to.split(',').includes(address));

describe('customer reminder e-mails', () => {
  test('one e-mail per customer per run: overdue and upcoming invoices are sections of one message', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    expect(saveSettings(env, PAYMENT).ok).toBe(true);
    const { customerId } = customerWithInvoice(
      env,
      { name: '苏州远航', email: 'ap@yuanhang.example' },
      // 29 days late: stage 15 is the highest due, the line must say 29, not 15.
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '12345.67' },
    );
    mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-01', dueDate: '2026-03-05', amount: '500' }));
    env.clickMenu('runRemindersNow');
    const mails = mailsTo(env, 'ap@yuanhang.example');
    expect(mails).toHaveLength(1);
    const m = mails[0];
    expect(m.subject).toBe('华东精密机械有限公司：逾期付款提醒，2 笔账款，最长逾期 29 天');
    expect(m.body).toContain('已逾期账款');
    expect(m.body).toContain('即将到期账款');
    expect(m.body).toContain('逾期 29 天');
    expect(m.body).not.toContain('逾期 15 天');
    expect(m.body).toContain('3 天后到期');
    expect(m.body).toContain('逾期合计：¥12,345.67');
    expect(m.body).not.toMatch(/CNY|【/);
    expect(m.body).toContain('银行账号：1001 2345 6789 0123 456');
    expect(m.body.trim().endsWith('电话：021-6488 0000')).toBe(true);
    expect(m.htmlBody).toContain('text-align:right">¥12,345.67</td>');
    // Not a final notice: no amount in capitals.
    expect(m.body).not.toContain('大写');
  });

  test('final notice in Chinese carries the amount in capitals; English lines use plurals and "due today"', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    expect(saveSettings(env, PAYMENT).ok).toBe(true);
    customerWithInvoice(
      env,
      { name: '宁波港联', email: 'fin@ganglian.example' },
      { issueDate: '2026-01-01', dueDate: '2026-01-20', amount: '12345.67' },
    );
    const en = customerWithInvoice(
      env,
      { name: 'Harbor Ltd', email: 'ap@harbor.example', language: 'en' },
      { issueDate: '2026-02-01', dueDate: '2026-03-01', amount: '80' },
    );
    mustSave(
      saveInvoice(env, { customerId: en.customerId, issueDate: '2026-02-01', dueDate: '2026-03-02', amount: '20' }),
    );
    env.clickMenu('runRemindersNow');
    const zh = mailsTo(env, 'fin@ganglian.example');
    expect(zh).toHaveLength(1);
    expect(zh[0].subject).toBe('华东精密机械有限公司：最终催款通知，逾期合计 ¥12,345.67');
    expect(zh[0].body).toContain('合计金额（大写）：人民币壹万贰仟叁佰肆拾伍元陆角柒分');
    expect(zh[0].body).toContain('逾期 41 天');
    const e = mailsTo(env, 'ap@harbor.example');
    expect(e).toHaveLength(1);
    expect(e[0].subject).toBe('华东精密机械有限公司: overdue payment — 2 invoices, up to 1 day late');
    expect(e[0].body).toContain('1 day overdue');
    expect(e[0].body).toContain('due today');
    expect(e[0].body).toContain('Payee: 华东精密机械有限公司');
    expect(e[0].body).not.toContain('(s)');
  });

  test('a bad bank account is refused with a localized message naming the setting', () => {
    const env = newEnv();
    for (const lang of ['zh-CN', 'en'] as const) {
      const r = saveSettings(env, { 'reminders.payment.account': '账号：12' }, lang);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const msg = r.errors.find((x) => x.field === 'reminders.payment.account')?.message ?? '';
      expect(msg).toMatch(lang === 'en' ? /bank account number/ : /银行账号/);
    }
  });
});

describe('catch-up after enabling reminders', () => {
  test('the highest stage due goes once; the final notice waits the normal 15 days from it', () => {
    const env = newEnv({ now: '2026-03-02T07:30:00+08:00' });
    customerWithInvoice(
      env,
      { name: '迟付', email: 'late@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '900' },
    );
    env.clickMenu('enableDailyReminders');
    env.advance({ hours: 2 });
    expect(mailsTo(env, 'late@example.com').map((m) => m.body.match(/逾期 \d+ 天/)?.[0])).toEqual(['逾期 29 天']);
    for (let d = 0; d < 14; d++) env.advance({ days: 1 });
    // Day 43 of lateness: no final notice yet (it would have gone on day 30 without pacing).
    expect(mailsTo(env, 'late@example.com')).toHaveLength(1);
    env.advance({ days: 1 });
    const mails = mailsTo(env, 'late@example.com');
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toMatch(/最终催款通知/);
    expect(mails[1].body).toContain('逾期 44 天');
    env.advance({ days: 5 });
    expect(mailsTo(env, 'late@example.com')).toHaveLength(2);
  }, 120_000);
});

describe('the reminder log in words', () => {
  test('stage and result read as words beside the codes; a disputed invoice is logged once, not every stage', () => {
    const env = newEnv({ now: '2026-03-02T07:30:00+08:00' });
    const d = customerWithInvoice(
      env,
      { name: '争议客户', email: 'dispute@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-10', amount: '100', status: 'disputed' },
    );
    const ok = customerWithInvoice(
      env,
      { name: '正常客户', email: 'ok@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-13', amount: '100' },
    );
    // Paid in full: its stages keep falling due, the skip is logged once, not every run.
    const paid = customerWithInvoice(
      env,
      { name: '已付客户', email: 'paid@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-03-01', amount: '100' },
    );
    mustSave(savePayment(env, { invoiceId: paid.invoiceId, date: '2026-03-01', amount: '100', method: 'bank' }));
    env.clickMenu('enableDailyReminders');
    for (let i = 0; i < 25; i++) env.advance({ days: 1 });
    const log = rows(env, sheetName('reminders'));
    const paidRows = log.filter((r) => r['客户编号'] === paid.customerId);
    expect(paidRows.map((r) => [r['结果'], r['结果说明']])).toEqual([['skipped:paid', '已跳过：已结清']]);
    const of = (id: string) => log.filter((r) => r['客户编号'] === id);
    const disputed = of(d.customerId);
    expect(disputed).toHaveLength(1);
    expect(disputed[0]['结果']).toBe('skipped:disputed');
    expect(disputed[0]['结果说明']).toBe('已跳过：争议中');
    expect(disputed[0]['阶段说明']).toBe('逾期 15 天');
    const sent = of(ok.customerId).filter((r) => r['结果'] === 'sent');
    expect(sent.map((r) => r['阶段说明'])).toEqual(['逾期 15 天', '最终通知（逾期 30 天）']);
    expect(sent.every((r) => r['结果说明'] === '已发送')).toBe(true);
    const superseded = of(ok.customerId).find((r) => r['结果'] === 'skipped:superseded');
    expect(superseded?.['阶段说明']).toBe('到期前 3 天、逾期 1 天、逾期 7 天');
    expect(superseded?.['结果说明']).toBe('已跳过：已被更高阶段取代');
  }, 120_000);
});
