// Collections workflow from the customer 360 (PRODUCT.md §13, issue #16 part A), through the built add-on's sidebar
// rpc: per-invoice dispute / promise / write-off (admins) with conflicts and localized refusals, resolving an
// interaction, the timeline of reminders sent and planned, contact details, one "oldest overdue" figure everywhere,
// a manual segment that contradicts the grade, and one receipt split across several invoices sharing a receiptId.
import type { Customer360, ReminderPreviewView, SaveResult } from '../../src/app/sidebar-types';
import {
  colIndex,
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  OWNER,
  rows,
  rpc,
  saveInteraction,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
} from './harness';

const c360 = (env: Env, id: string, user = OWNER) => env.callRpc('customer360', [id], { user }) as Customer360;
const act = (env: Env, req: Record<string, string>, user = OWNER) =>
  env.callRpc('invoiceAction', [req], { user }) as SaveResult;
const version = (env: Env, customerId: string, invoiceId: string) =>
  c360(env, customerId).openInvoices.find((i) => i.id === invoiceId)?.version ?? '';
const auditRows = (env: Env) => rows(env, sheetName('audit'));

function book() {
  // Today 2026-03-02 (harness default). Invoice due 2026-02-10: 20 days overdue.
  const env = newEnv();
  const ids = customerWithInvoice(
    env,
    {
      name: '苏州远航贸易有限公司',
      email: 'ap@yuanhang.example',
      contact: '王敏',
      phone: '13912345678',
      manager: 'am@example.com',
    },
    { issueDate: '2026-01-10', dueDate: '2026-02-10', amount: '12000' },
  );
  return { env, ...ids };
}

describe('per-invoice actions in the customer 360', () => {
  test('dispute stops reminders, clearing it resumes them; both audited', () => {
    const { env, customerId, invoiceId } = book();
    const r = act(env, { invoiceId, action: 'dispute', version: version(env, customerId, invoiceId), lang: 'zh-CN' });
    expect(r).toMatchObject({ ok: true, message: `单据 ${invoiceId} 已标记为争议中，争议解除前不再催收。` });
    expect(c360(env, customerId).openInvoices[0].status).toBe('disputed');
    const preview = rpc<ReminderPreviewView>(env, 'reminderPreview');
    expect(preview.messages).toHaveLength(0);
    expect(preview.skips.map((s) => s.reasonText)).toEqual([expect.stringContaining('争议')]);
    // The status cell reads in words in the sheet.
    const inv = rows(env, sheetName('invoices'))[0];
    expect(inv['状态']).toBe('争议中');

    const again = act(env, { invoiceId, action: 'dispute', version: version(env, customerId, invoiceId) });
    expect(again).toMatchObject({ ok: false, reason: 'validation', message: `单据 ${invoiceId} 已是争议中。` });
    expect(act(env, { invoiceId, action: 'clear-dispute', version: version(env, customerId, invoiceId) }).ok).toBe(
      true,
    );
    expect(rpc<ReminderPreviewView>(env, 'reminderPreview').messages).toHaveLength(1);
    const audit = auditRows(env).filter((a) => a['记录编号'] === invoiceId && a['字段'] === 'status');
    expect(audit.map((a) => [a['操作'], a['原值'], a['新值']])).toEqual([
      ['dispute', 'open', 'disputed'],
      ['clear-dispute', 'disputed', 'open'],
    ]);
  });

  test('promise to pay: a date is required, not in the past; reminders wait until the day, the timeline says when', () => {
    const { env, customerId, invoiceId } = book();
    const v = version(env, customerId, invoiceId);
    const missing = act(env, { invoiceId, action: 'promise', promiseDate: '', version: v, lang: 'en' });
    expect(missing).toMatchObject({ ok: false, reason: 'validation' });
    if (!missing.ok) expect(missing.errors).toEqual([{ field: 'promiseDate', message: missing.message }]);
    expect(missing.message).toBe('Promised date: enter the date the customer promised to pay (yyyy-mm-dd).');
    const past = act(env, { invoiceId, action: 'promise', promiseDate: '2026-03-01', version: v, lang: 'zh-CN' });
    expect(past.message).toBe('承诺付款日：不能早于今天（2026-03-02）。');

    const before = c360(env, customerId);
    // Without the promise: 20 days late, the 15-day stage is due today; the final notice waits the normal
    // 15-day gap from it (catch-up pacing), not its own day.
    expect(before.upcoming?.map((u) => [u.day, u.stage])).toEqual([
      ['2026-03-02', 15],
      ['2026-03-17', 30],
    ]);
    const ok = act(env, { invoiceId, action: 'promise', promiseDate: '2026-03-20', version: v, lang: 'zh-CN' });
    expect(ok).toMatchObject({
      ok: true,
      message: `已记录客户承诺于 2026-03-20 付款（单据 ${invoiceId}），该日之前不催收。`,
    });
    const after = c360(env, customerId);
    expect(after.openInvoices[0]).toMatchObject({ status: 'promised', promiseDate: '2026-03-20' });
    expect(rpc<ReminderPreviewView>(env, 'reminderPreview').messages).toHaveLength(0);
    // The first planned reminder is the day after the promise, at the highest stage then due (lower ones superseded).
    expect(after.upcoming?.map((u) => [u.day, u.stage, u.invoiceIds])).toEqual([['2026-03-21', 30, [invoiceId]]]);
    expect(rows(env, sheetName('invoices'))[0]['承诺付款日']).toBeTruthy();
  });

  test('write-off: admins only; zeroes the outstanding, refreshes the customer balance, audited', () => {
    const { env, customerId, invoiceId } = book();
    const v = version(env, customerId, invoiceId);
    expect(c360(env, customerId, 'clerk@example.com').canWriteOff).toBe(false);
    expect(c360(env, customerId).canWriteOff).toBe(true);
    const refused = act(env, { invoiceId, action: 'write-off', version: v, lang: 'zh-CN' }, 'clerk@example.com');
    expect(refused).toMatchObject({ ok: false, message: '只有管理员可以核销单据（设置中的管理员或表格所有者）。' });
    expect(c360(env, customerId).outstanding).toBe(1_200_000);

    const ok = act(env, { invoiceId, action: 'write-off', version: v, lang: 'zh-CN' });
    expect(ok).toMatchObject({ ok: true, message: `单据 ${invoiceId} 已核销，未收金额 ¥12,000.00 不再计入应收。` });
    const view = c360(env, customerId);
    expect(view.openInvoices).toHaveLength(0);
    expect(view.outstanding).toBe(0);
    const cust = rows(env, sheetName('customers'))[0];
    expect(cust['应收余额']).toBe(0);
    expect(cust['最长逾期天数']).toBe(0);
    const audit = auditRows(env).filter((a) => a['操作'] === 'write-off');
    expect(audit.map((a) => a['字段'])).toEqual(['status', 'outstanding']);
  });

  test('an action on an invoice changed since the 360 was loaded is refused and writes nothing', () => {
    const { env, customerId, invoiceId } = book();
    const stale = version(env, customerId, invoiceId);
    mustSave(savePayment(env, { invoiceId, date: '2026-03-01', amount: '100', method: 'bank' }));
    const before = JSON.stringify(env.values(sheetName('invoices')));
    const r = act(env, { invoiceId, action: 'dispute', version: stale, lang: 'en' });
    expect(r).toMatchObject({ ok: false, reason: 'conflict' });
    expect(r.message).toBe(
      `Nothing changed: invoice ${invoiceId} was modified after you opened this customer. Look at it again, then retry.`,
    );
    expect(JSON.stringify(env.values(sheetName('invoices')))).toBe(before);
  });
});

describe('interactions, timeline and contact details in the 360', () => {
  test('resolve an open interaction: resolution required, then status, resolution and day written and audited', () => {
    const { env, customerId } = book();
    const id = mustSave(
      saveInteraction(env, {
        customerId,
        date: '2026-03-01',
        channel: 'phone',
        type: 'complaint',
        summary: '发票抬头有误',
      }),
    );
    const x = c360(env, customerId).interactions[0];
    expect(x).toMatchObject({ id, status: 'open' });
    const empty = rpc<SaveResult>(env, 'resolveInteraction', {
      id,
      resolution: ' ',
      version: x.version,
      lang: 'zh-CN',
    });
    expect(empty).toMatchObject({ ok: false, message: '处理结果：请填写如何解决（必填）。' });
    const ok = rpc<SaveResult>(env, 'resolveInteraction', {
      id,
      resolution: '已重开发票',
      version: x.version,
      lang: 'zh-CN',
    });
    expect(ok).toMatchObject({ ok: true, message: `服务记录 ${id} 已标记为已解决。` });
    expect(c360(env, customerId).interactions[0]).toMatchObject({
      status: 'resolved',
      resolution: '已重开发票',
      resolvedAt: '2026-03-02',
    });
    const row = rows(env, sheetName('interactions'))[0];
    expect(row['状态']).toBe('已解决');
    expect(row['处理结果']).toBe('已重开发票');
    const again = rpc<SaveResult>(env, 'resolveInteraction', { id, resolution: 'x', version: x.version, lang: 'en' });
    expect(again).toMatchObject({ ok: false, reason: 'conflict' });
    expect(
      auditRows(env)
        .filter((a) => a['操作'] === 'resolve')
        .map((a) => a['字段']),
    ).toEqual(['status', 'resolution', 'resolvedAt']);
  });

  test('timeline: reminders sent (from the log) and the next ones planned; contact details shown', () => {
    const { env, customerId, invoiceId } = book();
    env.clickMenu('runRemindersNow');
    const v = c360(env, customerId);
    expect(v.reminders.map((r) => [r.stage, r.result])).toEqual([
      ['15', 'sent'],
      ['-3,1,7', 'skipped:superseded'],
    ]);
    // Today's stage is sent: only the final notice is left, 15 days after it (catch-up pacing).
    expect(v.upcoming?.map((u) => [u.day, u.stage, u.isFinal, u.invoiceIds])).toEqual([
      ['2026-03-17', 30, true, [invoiceId]],
    ]);
    expect(v.contact).toEqual({
      contact: '王敏',
      phone: '13912345678',
      email: 'ap@yuanhang.example',
      manager: 'am@example.com',
    });
  });
});

describe('one oldest-overdue figure', () => {
  test('360 and the customers sheet (after a save, refresh and rescore) agree', () => {
    const { env, customerId, invoiceId } = book();
    // An old invoice written off (no longer owed) and one typed without a due date (issue date + 30-day terms).
    const old = mustSave(
      saveInvoice(env, { customerId, issueDate: '2024-05-01', dueDate: '2024-06-01', amount: '500' }),
    );
    act(env, { invoiceId: old, action: 'write-off', version: version(env, customerId, old) });
    const sheet = sheetOf(env, sheetName('invoices'));
    const blank = mustSave(saveInvoice(env, { customerId, issueDate: '2025-12-01', amount: '800' }));
    const row = rows(env, sheetName('invoices')).findIndex((r) => r['单据编号'] === blank) + 2;
    sheet.getRange(row, colIndex(env, sheetName('invoices'), '到期日') + 1).setValue('');
    // Due 2025-12-31 by the default terms: 61 days overdue on 2026-03-02 (the open invoice is 20).
    expect(c360(env, customerId).oldestOverdueDays).toBe(61);
    env.clickMenu('refreshLedger');
    const col = () => rows(env, sheetName('customers'))[0]['最长逾期天数'];
    expect(col()).toBe(61);
    env.clickMenu('rescoreCustomers');
    expect(col()).toBe(61);
    expect(c360(env, customerId).oldestOverdueDays).toBe(61);
    expect(invoiceId).toBeTruthy();
  });

  test('the scorecard counts the same days: past 90 by the default terms makes the segment reason say 91', () => {
    const { env, customerId } = book();
    const blank = mustSave(saveInvoice(env, { customerId, issueDate: '2025-11-01', amount: '800' }));
    const sheet = sheetOf(env, sheetName('invoices'));
    const row = rows(env, sheetName('invoices')).findIndex((r) => r['单据编号'] === blank) + 2;
    sheet.getRange(row, colIndex(env, sheetName('invoices'), '到期日') + 1).setValue('');
    env.clickMenu('refreshLedger');
    env.clickMenu('rescoreCustomers');
    // Due 2025-12-01 (issue date + 30-day terms): 91 days on 2026-03-02, in the 360, the sheet and the reasons.
    const v = c360(env, customerId);
    expect(v.oldestOverdueDays).toBe(91);
    expect(rows(env, sheetName('customers'))[0]['最长逾期天数']).toBe(91);
    expect(v.segment).toBe('high-risk');
    expect(v.segmentReason).toBe('最久逾期 91 天，超过 90 天');
  });
});

describe('one oldest-overdue figure in the staff digest', () => {
  test('an invoice typed without a due date is in the finance digest with the days the 360 shows', () => {
    const { env, customerId } = book();
    const sv = rpc<{ version: string }>(env, 'settingsView');
    rpc(env, 'saveSettings', {
      version: sv.version,
      values: { 'reminders.financeRecipients': 'finance@example.com' },
      lang: 'zh-CN',
    });
    const blank = mustSave(saveInvoice(env, { customerId, issueDate: '2025-12-01', amount: '800' }));
    const sheet = sheetOf(env, sheetName('invoices'));
    const row = rows(env, sheetName('invoices')).findIndex((r) => r['单据编号'] === blank) + 2;
    sheet.getRange(row, colIndex(env, sheetName('invoices'), '到期日') + 1).setValue('');
    expect(c360(env, customerId).oldestOverdueDays).toBe(61);
    env.clickMenu('runRemindersNow');
    const digest = env.outbox.find((m: { to: string }) => m.to.includes('finance@example.com')) as
      | { body?: string; htmlBody?: string }
      | undefined;
    expect(digest).toBeDefined();
    const text = String(digest?.body ?? '');
    const line = text.split('\n').find((l) => l.includes(blank));
    expect(line).toBeDefined();
    // "… | INV-000002 | 2025-12-31 | 61 | CNY 800.00 | …": the due day from the terms, and its days overdue.
    expect(line).toMatch(/\| 2025-12-31 \| 61 \|/);
  });
});

describe('manual segment contradicting the grade', () => {
  test('VIP override with a high-risk grade is flagged in the 360 and in the sheet segment reason', () => {
    const { env, customerId } = book();
    // Grades the rules call high-risk include the customer's own (not rated: NR) for this test's settings.
    const sv = rpc<{ version: string }>(env, 'settingsView');
    const saved = rpc<{ ok: boolean }>(env, 'saveSettings', {
      version: sv.version,
      values: { 'segment.highRiskGrades': 'NR, CCC, CC, C' },
      lang: 'zh-CN',
    });
    const v0 = c360(env, customerId);
    const edit = rpc<SaveResult>(env, 'saveCustomer', {
      id: customerId,
      version: v0.version,
      values: { ...v0.form, segmentOverride: 'vip' },
      lang: 'zh-CN',
    });
    expect(edit.ok).toBe(true);
    env.clickMenu('rescoreCustomers');
    const v = c360(env, customerId);
    expect(saved.ok).toBe(true);
    expect(v.grade).toBe('NR');
    expect(v.segment).toBe('vip');
    expect(v.segmentConflict).toBe('手动分类“VIP”与信用等级 NR 矛盾：按分类规则，NR 属于高风险等级。请核实手动分类。');
    expect(rows(env, sheetName('customers'))[0]['分类原因']).toBe(
      '手动指定分类；手动分类“VIP”与信用等级 NR 矛盾：按分类规则，NR 属于高风险等级。请核实手动分类。',
    );
    // With the default rules, a grade C typed into the sheet contradicts the VIP override as well.
    rpc(env, 'saveSettings', {
      version: rpc<{ version: string }>(env, 'settingsView').version,
      values: { 'segment.highRiskGrades': 'CCC, CC, C' },
      lang: 'zh-CN',
    });
    const cs = sheetOf(env, sheetName('customers'));
    cs.getRange(2, colIndex(env, sheetName('customers'), '信用等级') + 1).setValue('C');
    expect(c360(env, customerId).segmentConflict).toContain('与信用等级 C 矛盾');
    // A normal override with an ordinary grade is not flagged.
    cs.getRange(2, colIndex(env, sheetName('customers'), '信用等级') + 1).setValue('A');
    expect(c360(env, customerId).segmentConflict).toBe('');
  });
});
