// End-to-end workflows of PRODUCT.md §1/§3/§5 beyond bad input: duplicate warnings, credit-limit warning, due-date
// default, exact money, edit conflicts, the spreadsheet time zone, headers in either language, e-mails in the
// customer's language, the 6-minute limit, and progress feedback on long menu actions.
import type { Customer360, SaveResult } from '../../src/app/sidebar-types';
import {
  colIndex,
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  reminderStatus,
  rows,
  rpc,
  saveCustomer,
  saveInteraction,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
  start,
  taxId,
} from './harness';

describe('duplicate warning on new customers', () => {
  let env: Env;
  let first: string;
  beforeAll(() => {
    env = newEnv();
    first = mustSave(
      saveCustomer(env, {
        name: '北京甲有限公司',
        type: 'company',
        taxId: taxId(),
        email: 'a@example.com',
        phone: '13800138000',
      }),
    );
  });

  test.each([
    ['taxId', { name: 'X1', taxId: taxId().toLowerCase() }],
    ['email', { name: 'X2', email: 'A@Example.COM' }],
    ['phone', { name: 'X3', phone: '13800138000' }],
    ['name', { name: ' 北京甲有限公司 ' }],
  ])('same %s → duplicate warning linking the existing record; nothing written', (rule, values) => {
    const before = JSON.stringify(env.values(sheetName('customers')));
    const r = saveCustomer(env, { type: 'company', ...values });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('duplicate');
    expect(r.duplicates).toEqual([expect.objectContaining({ id: first, rule })]);
    expect(JSON.stringify(env.values(sheetName('customers')))).toBe(before);
  });

  test('same mobile written as +86 138 0013 8000 is a duplicate', () => {
    const r = saveCustomer(env, { type: 'company', name: 'X4', phone: '+86 138 0013 8000' });
    expect(r.ok).toBe(false);
  });

  test('confirmDuplicate saves anyway', () => {
    const r = rpc<SaveResult>(env, 'saveCustomer', {
      values: { name: '北京甲有限公司', type: 'company' },
      confirmDuplicate: true,
      lang: 'zh-CN',
    });
    expect(r.ok).toBe(true);
  });
});

describe('invoices and payments', () => {
  test('due date defaults to issue date + customer terms; credit-limit warning is non-blocking', () => {
    const env = newEnv();
    const c = mustSave(saveCustomer(env, { name: '额度', type: 'company', creditLimit: '1000', termsDays: '45' }));
    const r = saveInvoice(env, { customerId: c, issueDate: '2026-02-01', amount: '1200' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.join(' ')).toMatch(/信用额度/);
    const open = rpc<Array<{ dueDate: string }>>(env, 'openInvoices', c);
    expect(open[0].dueDate).toBe('2026-03-18');
  });

  test('payments in cents are exact: 0.1 + 0.2 settles an invoice of 0.3', () => {
    const env = newEnv();
    const { customerId, invoiceId } = customerWithInvoice(
      env,
      { name: '分' },
      { issueDate: '2026-02-01', dueDate: '2026-02-10', amount: '0.3' },
    );
    mustSave(savePayment(env, { invoiceId, date: '2026-02-05', amount: '0.1', method: 'bank' }));
    mustSave(savePayment(env, { invoiceId, date: '2026-02-06', amount: '0.2', method: 'bank' }));
    env.clickMenu('refreshLedger');
    const inv = rows(env, sheetName('invoices'))[0];
    expect(inv['未收金额']).toBe(0);
    expect(inv['已收金额']).toBe(0.3);
    expect(rpc<unknown[]>(env, 'openInvoices', customerId)).toEqual([]);
    const pay = rows(env, sheetName('payments'));
    expect(pay.map((p) => p['客户编号'])).toEqual([customerId, customerId]);
  });

  test('refresh computes days overdue, aging and customer balances', () => {
    const env = newEnv();
    const { customerId } = customerWithInvoice(
      env,
      { name: '账龄' },
      { issueDate: '2025-11-01', dueDate: '2025-12-01', amount: '300' },
    );
    mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-01', dueDate: '2026-03-20', amount: '200' }));
    env.clickMenu('refreshLedger');
    const inv = rows(env, sheetName('invoices'));
    expect(inv.map((r) => r['逾期天数'])).toEqual([91, 0]);
    expect(inv[0]['账龄']).toMatch(/90/);
    const c = rows(env, sheetName('customers'))[0];
    expect(c['应收余额']).toBe(500);
    expect(c['逾期金额']).toBe(300);
    expect(c['最长逾期天数']).toBe(91);
  });
});

describe('edit conflicts', () => {
  test('a hand edit after the form loaded makes the save refuse; nothing is overwritten', () => {
    const env = newEnv();
    const id = mustSave(saveCustomer(env, { name: '冲突', type: 'company' }));
    const loaded = rpc<Customer360>(env, 'customer360', id);
    const name = sheetName('customers');
    const c = colIndex(env, name, '联系人') + 1;
    env.userEdit(name, `${String.fromCharCode(64 + c)}2`, [['张三']]);
    const r = rpc<SaveResult>(env, 'saveCustomer', {
      id,
      version: loaded.version,
      values: { ...loaded.form, contact: '李四' },
      lang: 'zh-CN',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('conflict');
    expect(rows(env, name)[0]['联系人']).toBe('张三');
    // reloading then saving works
    const fresh = rpc<Customer360>(env, 'customer360', id);
    const ok = rpc<SaveResult>(env, 'saveCustomer', {
      id,
      version: fresh.version,
      values: { ...fresh.form, contact: '李四' },
      lang: 'zh-CN',
    });
    expect(ok.ok).toBe(true);
    expect(rows(env, name)[0]['联系人']).toBe('李四');
  });
});

describe('spreadsheet time zone', () => {
  test('today and days overdue follow the spreadsheet zone (Los Angeles evening = previous day)', () => {
    const env = newEnv({ now: '2026-03-02T05:00:00Z', timeZone: 'America/Los_Angeles', locale: 'en_US' });
    expect(start(env).today).toBe('2026-03-01');
    const { customerId } = customerWithInvoice(
      env,
      { name: 'TZ' },
      { issueDate: '2026-02-01', dueDate: '2026-02-28', amount: '100' },
    );
    env.clickMenu('refreshLedger');
    expect(rows(env, 'Receivables')[0]['Days overdue']).toBe(1);
    expect(rpc<Array<{ dueDate: string }>>(env, 'openInvoices', customerId)[0].dueDate).toBe('2026-02-28');
  });
});

describe('headers in either language, any case and spacing', () => {
  test('renamed headers (en on a zh sheet, odd case/space) are still found', () => {
    const env = newEnv();
    const name = sheetName('customers');
    const sh = sheetOf(env, name);
    sh.getRange(1, colIndex(env, name, '客户名称') + 1).setValue('  NAME ');
    sh.getRange(1, colIndex(env, name, '邮箱') + 1).setValue('email');
    mustSave(saveCustomer(env, { name: 'Mixed', type: 'company', email: 'm@example.com' }));
    const r = rows(env, name)[0];
    expect(r['  NAME ']).toBe('Mixed');
    expect(r.email).toBe('m@example.com');
    expect(start(env).customers[0][1]).toBe('Mixed');
  });
});

describe('reminder e-mails', () => {
  function sent(language: string) {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    customerWithInvoice(
      env,
      { name: 'Lang Co', email: 'l@example.com', language },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500' },
    );
    env.clickMenu('runRemindersNow');
    return { env, mail: env.outbox.find((m: { to: string }) => m.to === 'l@example.com') };
  }

  test("in the customer's language, HTML and plain text", () => {
    const en = sent('en').mail;
    expect(en?.body).toMatch(/overdue|past due/i);
    expect(en?.body).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en?.htmlBody).toMatch(/<table|<p/);
    const zh = sent('zh-CN').mail;
    expect(zh?.body).toMatch(/逾期/);
  });

  test('subject has no empty company placeholder on a freshly set-up workbook', () => {
    const { mail } = sent('en');
    expect(mail?.subject).not.toMatch(/^\s*:|【】|\[\]/);
    const zh = sent('zh-CN').mail;
    expect(zh?.subject).not.toMatch(/【】/);
  });

  test('the sidebar shows how many reminders today would send', () => {
    const env2 = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    customerWithInvoice(
      env2,
      { name: 'Due', email: 'd@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '5' },
    );
    const lines = reminderStatus(env2)?.lines.join(' ') ?? '';
    expect(lines).toMatch(/1\s*封/);
  });

  test('a slow run stops before the 6-minute limit, logs deferred:time, and the next firing finishes', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    for (let i = 0; i < 12; i++) {
      customerWithInvoice(
        env,
        { name: `slow${i}`, email: `s${i}@example.com` },
        { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: String(100 + i) },
      );
    }
    env.clickMenu('enableDailyReminders');
    env.faults.clockJumpPerCallMs = 5000;
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    expect(env.executions.filter((x: { error?: unknown }) => x.error)).toEqual([]);
    expect(env.outbox.length).toBeLessThan(12);
    expect(rows(env, sheetName('reminders')).some((r) => r['结果'] === 'deferred:time')).toBe(true);
    env.faults.clockJumpPerCallMs = 0;
    env.advance({ hours: 3 });
    const to = env.outbox.map((m: { to: string }) => m.to).filter((t: string) => /^s\d+@/.test(t));
    expect(to.length).toBe(12);
    expect(new Set(to).size).toBe(12);
  });
});

describe('feedback on long menu work (§3)', () => {
  function book() {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    customerWithInvoice(
      env,
      { name: 'Toast', email: 't@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '5' },
    );
    return env;
  }

  test.each(['setupWorkbook', 'refreshLedger', 'rescoreCustomers'])('%s shows progress toasts', (fn) => {
    const env = book();
    const n = env.toasts.length;
    env.clickMenu(fn);
    expect(env.toasts.length - n).toBeGreaterThanOrEqual(2);
  });

  test('runRemindersNow shows progress toasts', () => {
    const env = book();
    const n = env.toasts.length;
    env.clickMenu('runRemindersNow');
    expect(env.toasts.length - n).toBeGreaterThanOrEqual(2);
  });
});

describe('audit of every sidebar save, and a busy lock', () => {
  test('customer, invoice, payment, interaction and pause each leave an audit row (source sidebar)', () => {
    const env = newEnv();
    const { customerId, invoiceId } = customerWithInvoice(
      env,
      { name: 'Aud', email: 'aud@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '5' },
    );
    const paymentId = mustSave(savePayment(env, { invoiceId, date: '2026-03-01', amount: '1', method: 'bank' }));
    const interactionId = mustSave(
      saveInteraction(env, { customerId, date: '2026-03-01', summary: 'hi', type: 'complaint' }),
    );
    const c = rpc<Customer360>(env, 'customer360', customerId);
    expect(rpc<SaveResult>(env, 'setRemindersPaused', customerId, true, c.version).ok).toBe(true);
    const log = rows(env, sheetName('audit')).filter((r) => r['来源'] === 'sidebar');
    const ids = log.map((r) => r['记录编号']);
    for (const id of [customerId, invoiceId, paymentId, interactionId]) expect(ids).toContain(id);
    // The field by its header and the checkbox as 否 → 是, in the workbook's language (issue #16).
    expect(
      log.some(
        (r) => r['记录编号'] === customerId && r['字段'] === '暂停催收' && r['原值'] === '否' && r['新值'] === '是',
      ),
    ).toBe(true);
  });

  test('another execution holding the document lock → "busy", nothing written', () => {
    const env = newEnv();
    const before = JSON.stringify(env.values(sheetName('customers')));
    env.faults.holdLock = 'document';
    const r = saveCustomer(env, { name: 'busy', type: 'company' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('busy');
    expect(JSON.stringify(env.values(sheetName('customers')))).toBe(before);
  });
});
