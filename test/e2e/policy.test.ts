// PRODUCT §14 through the built add-on: a new invoice for an over-limit or high-risk customer is held as pending
// approval (no reminders, the skip logged with its reason) until an admin approves it in the sidebar; approval is
// refused to non-admins, audited, and from then on the usual stages apply.
import { customerWithInvoice, mustSave, newEnv, OWNER, rows, saveInvoice, sheetName } from './harness';

const mailsTo = (env: ReturnType<typeof newEnv>, a: string) => env.outbox.filter((m) => m.to.split(',').includes(a));

test('held for approval, unreminded; an admin approves (audited), then the stages apply', () => {
  const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
  const { customerId, invoiceId: first } = customerWithInvoice(
    env,
    { name: '限额客户', email: 'ap@limit.example', creditLimit: '1000' },
    { issueDate: '2026-01-01', dueDate: '2026-01-31', amount: '800' },
  );
  // 800 + 500 > 1,000: over the limit → pending approval, said so in the save's warnings
  const r = saveInvoice(env, {
    customerId,
    currency: 'CNY',
    issueDate: '2026-01-05',
    dueDate: '2026-02-04',
    amount: '500',
  });
  const held = mustSave(r);
  expect(r.ok && r.warnings.join('\n')).toContain(`超出信用额度，单据 ${held} 已保存为“待审批”`);
  const status = () => rows(env, sheetName('invoices')).find((x) => x['单据编号'] === held)?.['状态'];
  expect(status()).toBe('待审批');
  expect(rows(env, sheetName('invoices')).find((x) => x['单据编号'] === first)?.['状态']).toBe('未结清');

  env.clickMenu('enableDailyReminders');
  env.advance({ hours: 1 });
  const log = rows(env, sheetName('reminders'));
  expect(log.some((x) => String(x['单据编号']).includes(held) && String(x['结果']).includes('pending-approval'))).toBe(
    true,
  );
  const mails = mailsTo(env, 'ap@limit.example');
  expect(mails.length).toBeGreaterThan(0); // the first invoice is chased…
  expect(mails.every((m) => !m.body.includes(held))).toBe(true); // …the held one is not

  // a non-admin cannot approve; the owner can, and the change is in the audit log
  const refused = env.run('approveInvoice', [held], { user: 'clerk@example.com' }) as { ok: boolean; message: string };
  expect(refused).toMatchObject({ ok: false });
  expect(refused.message).toContain('只有管理员可以批准单据');
  expect(status()).toBe('待审批');
  const ok = env.run('approveInvoice', [held], { user: OWNER }) as { ok: boolean; message: string };
  expect(ok).toMatchObject({ ok: true, message: `单据 ${held} 已批准，将按正常流程催收。` });
  expect(status()).toBe('未结清');
  const audit = rows(env, sheetName('audit'));
  expect(audit.some((x) => Object.values(x).includes('approve') && Object.values(x).includes(held))).toBe(true);
  expect((env.run('approveInvoice', [held], { user: OWNER }) as { ok: boolean }).ok).toBe(false);

  env.advance({ days: 1 });
  expect(mailsTo(env, 'ap@limit.example').some((m) => m.body.includes(held))).toBe(true);
});

test('per-segment stages and wording: high-risk reminded earlier and firmer, VIP later, others as usual', () => {
  const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
  const settings = sheetName('settings');
  const set = (key: string, value: string) => {
    const r = (env.values(settings) as unknown[][]).findIndex((row) => row[0] === key);
    expect(r).toBeGreaterThan(0);
    env.spreadsheet
      .api()
      .getSheetByName(settings)!
      .getRange(r + 1, 2)
      .setValue(value);
  };
  set('reminders.stages.highRisk', '-7, 1, 10');
  set('reminders.stages.vip', '3, 30');
  set('reminders.template.overdue.highRisk.zh-CN.subject', '紧急：{count} 笔账款待付，请立即付款');
  // three customers, each with an invoice due in 7 days (03-09) and one 1 day overdue (due 03-01)
  // The segment is set in the sheet after the invoices are in: a new invoice for a high-risk customer would be held.
  const make = (name: string, email: string, segmentOverride: string) => {
    const { customerId } = customerWithInvoice(
      env,
      { name, email },
      { issueDate: '2026-02-07', dueDate: '2026-03-09', amount: '100' },
    );
    mustSave(
      saveInvoice(env, { customerId, currency: 'CNY', issueDate: '2026-01-30', dueDate: '2026-03-01', amount: '100' }),
    );
    const customers = sheetName('customers');
    const data = env.values(customers) as unknown[][];
    const row = data.findIndex((r) => r[0] === customerId) + 1;
    const col = data[0].indexOf('分类(手动)') + 1;
    if (segmentOverride) env.spreadsheet.api().getSheetByName(customers)!.getRange(row, col).setValue(segmentOverride);
  };
  make('风险客户', 'hr@seg.example', '高风险');
  make('重点客户', 'vip@seg.example', 'VIP');
  make('普通客户', 'n@seg.example', '');
  env.clickMenu('enableDailyReminders');
  env.advance({ hours: 1 });
  // high-risk: −7 (upcoming) and +1 (overdue) today, as two sections of one e-mail (PRODUCT §13); normal: +1 only;
  // VIP: nothing until +3
  expect(mailsTo(env, 'hr@seg.example')).toHaveLength(1);
  expect(mailsTo(env, 'hr@seg.example')[0].body).toMatch(/已逾期账款[\s\S]*即将到期账款[\s\S]*7 天后到期/);
  expect(mailsTo(env, 'n@seg.example')).toHaveLength(1);
  expect(mailsTo(env, 'vip@seg.example')).toHaveLength(0);
  // the high-risk overdue reminder uses its segment's subject; the normal customer's keeps the general one
  expect(mailsTo(env, 'hr@seg.example').map((m) => m.subject)).toContain('紧急：2 笔账款待付，请立即付款');
  expect(mailsTo(env, 'n@seg.example')[0].subject).toContain('逾期付款提醒');
  env.advance({ days: 2 }); // 03-04: VIP's +3 stage
  expect(mailsTo(env, 'vip@seg.example')).toHaveLength(1);
});

test('per-segment wording of upcoming and final notices too (zh-CN and en); empty = the general template', () => {
  const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
  const settings = sheetName('settings');
  const set = (key: string, value: string) => {
    const r = (env.values(settings) as unknown[][]).findIndex((row) => row[0] === key);
    expect(r).toBeGreaterThan(0);
    env.spreadsheet
      .api()
      .getSheetByName(settings)!
      .getRange(r + 1, 2)
      .setValue(value);
  };
  // high-risk: +1 is its last stage, so its first overdue notice is the final one
  set('reminders.stages.highRisk', '-3, 1');
  set('reminders.template.upcoming.vip.zh-CN.subject', '尊敬的客户：{count} 笔账款即将到期，感谢长期合作');
  set('reminders.template.upcoming.vip.en.subject', 'With thanks for your partnership: {invoiceCount} due soon');
  set('reminders.template.final.highRisk.zh-CN.subject', '最终通知：{count} 笔账款逾期，请于 3 日内付清');
  set('reminders.template.final.highRisk.en.body', 'LAST CALL for {customer}\n\n{invoices}\n\n{total}');
  const make = (name: string, email: string, language: string, due: string, segmentOverride: string) => {
    const { customerId } = customerWithInvoice(
      env,
      { name, email, language },
      { issueDate: '2026-01-30', dueDate: due, amount: '100' },
    );
    const customers = sheetName('customers');
    const data = env.values(customers) as unknown[][];
    const row = data.findIndex((r) => r[0] === customerId) + 1;
    const col = data[0].indexOf('分类(手动)') + 1;
    if (segmentOverride) env.spreadsheet.api().getSheetByName(customers)!.getRange(row, col).setValue(segmentOverride);
  };
  // due 03-05 = stage −3 today (upcoming); due 03-01 = stage +1 (high-risk: final)
  make('重点甲', 'vip-zh@seg.example', 'zh-CN', '2026-03-05', 'VIP');
  make('VIP Co', 'vip-en@seg.example', 'en', '2026-03-05', 'VIP');
  make('普通乙', 'n@seg.example', 'zh-CN', '2026-03-05', '');
  make('风险丙', 'hr-zh@seg.example', 'zh-CN', '2026-03-01', '高风险');
  make('Risk Co', 'hr-en@seg.example', 'en', '2026-03-01', '高风险');
  env.clickMenu('enableDailyReminders');
  env.advance({ hours: 1 });
  const one = (a: string) => {
    const m = mailsTo(env, a);
    expect(m).toHaveLength(1);
    return m[0];
  };
  expect(one('vip-zh@seg.example').subject).toBe('尊敬的客户：1 笔账款即将到期，感谢长期合作');
  expect(one('vip-en@seg.example').subject).toBe('With thanks for your partnership: 1 invoice due soon');
  // the normal customer keeps the general upcoming wording
  expect(one('n@seg.example').subject).toContain('付款提醒');
  expect(one('hr-zh@seg.example').subject).toBe('最终通知：1 笔账款逾期，请于 3 日内付清');
  // only the English body was reworded: the subject is the general final notice's, the body the segment's
  const en = one('hr-en@seg.example');
  expect(en.body).toContain('LAST CALL for Risk Co');
  expect(en.subject).toMatch(/FINAL NOTICE — ¥100\.00 overdue$/);
});

test('approving reads the id column and the held row, not the Receivables sheet whole', () => {
  const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
  for (let i = 0; i < 30; i++)
    customerWithInvoice(
      env,
      { name: `其他客户${i}`, email: `o${i}@example.com` },
      { issueDate: '2026-01-01', dueDate: '2026-01-31', amount: '100' },
    );
  const { customerId } = customerWithInvoice(
    env,
    { name: '限额客户', email: 'ap@limit.example', creditLimit: '1000' },
    { issueDate: '2026-01-01', dueDate: '2026-01-31', amount: '800' },
  );
  const held = mustSave(
    saveInvoice(env, { customerId, issueDate: '2026-01-05', dueDate: '2026-02-04', amount: '500' }),
  );
  const cells = (role: Parameters<typeof sheetName>[0]) => {
    const v = env.values(sheetName(role)) as unknown[][];
    return v.length * v[0].length;
  };
  env.resetCounts();
  expect(env.run('approveInvoice', [held], { user: OWNER })).toMatchObject({ ok: true });
  // Settings (who is an admin) whole; of the Receivables sheet, far less than half.
  expect(env.cells('SpreadsheetApp.').read).toBeLessThan(cells('settings') + cells('invoices') / 2);
  expect(rows(env, sheetName('invoices')).find((x) => x['单据编号'] === held)?.['状态']).toBe('未结清');
});
