// Statements of account (对账单) and balance confirmation letters (询证函), PRODUCT.md §13 / issue #16, through the
// built add-on: sent from the customer 360's rpc by an admin or the account manager, in the customer's language,
// once per customer, kind and month, logged in the reminder log with the stage and result in words.
import type { SettingsSaveResult, SettingsView } from '../../src/app/sidebar-types';
import {
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  OWNER,
  rows,
  saveInvoice,
  savePayment,
  sheetName,
} from './harness';

interface Result {
  ok: boolean;
  message: string;
}

const send = (env: Env, req: Record<string, string>, user = OWNER) =>
  env.callRpc('sendStatement', [req], { user }) as Result;

function book() {
  const env = newEnv({ now: '2026-03-10T10:00:00+08:00' });
  const view = env.callRpc('settingsView', []) as SettingsView;
  const saved = env.callRpc('saveSettings', [
    {
      version: view.version,
      values: {
        companyName: '华东精密机械有限公司',
        'reminders.payment.payee': '华东精密机械有限公司',
        'reminders.payment.bank': '中国工商银行上海徐汇支行',
        'reminders.payment.account': '1001 2345 6789 0123 456',
      },
      lang: 'zh-CN',
    },
  ]) as SettingsSaveResult;
  expect(saved.ok).toBe(true);
  const { customerId, invoiceId } = customerWithInvoice(
    env,
    { name: '苏州远航', email: 'ap@yuanhang.example', manager: 'am@example.com' },
    { issueDate: '2026-01-05', dueDate: '2026-02-04', amount: '12000' },
  );
  mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-20', dueDate: '2026-03-20', amount: '345.67' }));
  mustSave(savePayment(env, { invoiceId, date: '2026-03-03', amount: '2000', method: 'bank' }));
  // Paid last month: not a payment "in the period".
  mustSave(savePayment(env, { invoiceId, date: '2026-02-25', amount: '1000', method: 'bank' }));
  return { env, customerId, invoiceId };
}

describe('statement of account and balance confirmation', () => {
  test('a statement in the customer language: open invoices, payments in the period, closing balance', () => {
    const { env, customerId, invoiceId } = book();
    const r = send(env, { customerId, kind: 'statement' });
    expect(r).toEqual({ ok: true, message: '对账单已发送至 ap@yuanhang.example。' });
    const mails = env.outbox.filter((m) => m.to === 'ap@yuanhang.example');
    expect(mails).toHaveLength(1);
    const m = mails[0];
    expect(m.subject).toBe('华东精密机械有限公司：对账单（2026-03-01 至 2026-03-10）');
    expect(m.body).toContain('未结清单据（2 笔账款）');
    expect(m.body).toContain('逾期 34 天');
    expect(m.body).toContain('10 天后到期');
    expect(m.body).toMatch(new RegExp(`2026-03-03 \\| ${invoiceId} \\|.*¥2,000.00`));
    expect(m.body).not.toContain('2026-02-25');
    expect(m.body).toContain('期末余额（截至 2026-03-10）：¥9,345.67');
    expect(m.body).toContain('大写：人民币玖仟叁佰肆拾伍元陆角柒分');
    expect(m.body).toContain('银行账号：1001 2345 6789 0123 456');
    expect(m.htmlBody).toContain('text-align:right">¥9,000.00</td>');
    // Once per customer, kind and month.
    const again = send(env, { customerId, kind: 'statement' });
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/本期（2026-03）的对账单已于 2026-03-10 .* 发送/);
    expect(env.outbox.filter((x) => x.to === 'ap@yuanhang.example')).toHaveLength(1);
    const log = rows(env, sheetName('reminders')).filter((x) => x['客户编号'] === customerId);
    expect(log.map((x) => [x['催收阶段'], x['结果'], x['阶段说明'], x['结果说明']])).toEqual([
      ['statement', 'sent', '对账单', '已发送'],
    ]);
    // The daily reminder run does not mistake the letter for a reminder stage of any invoice.
    env.clickMenu('runRemindersNow');
    expect(env.outbox.filter((x) => x.to === 'ap@yuanhang.example')).toHaveLength(2);
  });

  test('the confirmation letter asks to confirm or dispute, in the language asked for', () => {
    const { env, customerId } = book();
    const r = send(env, { customerId, kind: 'confirmation', lang: 'en' });
    expect(r.ok).toBe(true);
    const m = env.outbox.find((x) => x.to === 'ap@yuanhang.example')!;
    expect(m.subject).toBe('华东精密机械有限公司: balance confirmation request as of 2026-03-10');
    expect(m.body).toContain('Open invoices (2 invoices)');
    expect(m.body).toContain('Closing balance as of 2026-03-10: ¥9,345.67');
    expect(m.body).toContain('“Balance confirmed”');
    expect(m.body).toContain('the balance you show and the reason for the difference');
    expect(m.body).not.toContain('大写');
    // A statement is a different letter: allowed the same month.
    expect(send(env, { customerId, kind: 'statement' }).ok).toBe(true);
  });

  test('only admins or the account manager may send; the refusal is localized', () => {
    const { env, customerId } = book();
    env.openAsUser('clerk@example.com');
    const r = send(env, { customerId, kind: 'statement' }, 'clerk@example.com');
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/只有管理员或该客户的客户经理/);
    expect(env.outbox.filter((x) => x.to === 'ap@yuanhang.example')).toHaveLength(0);
    env.openAsUser('am@example.com');
    expect(send(env, { customerId, kind: 'confirmation' }, 'am@example.com').ok).toBe(true);
  });
});
