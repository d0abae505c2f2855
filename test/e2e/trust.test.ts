// Issue #12 (items 1, 2, 5–8) through the BUILT add-on: rows typed by hand with a duplicate id or a due date before
// the issue date are reported and never counted; a deleted required column reaches every sidebar call in the
// workbook's language; a damaged workbook shows in the reminder status and mails the admins once a day; a failed
// staff digest is retried once; the send record in document properties keeps "(invoice, stage) at most once" when
// users clear the log and the last-stage columns.
import {
  colIndex,
  customerWithInvoice,
  type Env,
  lastAlert,
  mustSave,
  newEnv,
  reminderStatus,
  rows,
  rpc,
  savePayment,
  sheetName,
  sheetOf,
  start,
} from './harness';

/** Appends one row typed by hand: values by header text, every other cell empty. */
function typeRow(env: Env, role: Parameters<typeof sheetName>[0], values: Record<string, unknown>): number {
  const name = sheetName(role);
  const head = env.values(name)[0] as string[];
  const sh = sheetOf(env, name);
  const row = sh.getLastRow() + 1;
  sh.getRange(row, 1, 1, head.length).setValues([head.map((h) => (h in values ? values[h] : ''))]);
  return row;
}

interface LogRow {
  customerId: string;
  invoiceIds: string;
  stage: string;
  result: string;
  detail: string;
}

function reminderLog(env: Env): LogRow[] {
  return rows(env, sheetName('reminders')).map((r) => ({
    customerId: String(r['客户编号'] ?? ''),
    invoiceIds: String(r['单据编号'] ?? ''),
    stage: String(r['催收阶段'] ?? ''),
    result: String(r['结果'] ?? ''),
    detail: String(r['详情'] ?? ''),
  }));
}

const failures = (env: Env) => env.executions.filter((x: { error?: unknown }) => x.error);
const mailsTo = (env: Env, address: string) => env.outbox.filter((m) => m.to.split(',').includes(address));

describe('item 1: ids typed on two rows are reported and never both counted', () => {
  test('customers: a pasted row with an existing id and another e-mail takes over no reminder', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const a = customerWithInvoice(
      env,
      { name: '原客户', email: 'a@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '55' },
    );
    typeRow(env, 'customers', { 客户编号: a.customerId, 客户名称: '冒名', 邮箱: 'b@example.com', 状态: '活跃' });
    env.clickMenu('refreshLedger');
    expect(lastAlert(env)).toContain(a.customerId);
    expect(lastAlert(env)).toMatch(/重复/);
    env.clickMenu('runRemindersNow');
    expect(failures(env)).toEqual([]);
    expect(mailsTo(env, 'a@example.com')).toHaveLength(0);
    expect(mailsTo(env, 'b@example.com')).toHaveLength(0);
    const skip = reminderLog(env).find((r) => r.invoiceIds === a.invoiceId);
    expect(skip?.result).toBe('skipped:duplicate-id');
    // The sidebar's search index lists neither row until the duplicate is resolved, and says why.
    const home = start(env);
    expect(home.customers.filter((c) => c[0] === a.customerId)).toHaveLength(0);
    expect(home.dataIssues?.join('\n')).toMatch(new RegExp(`客户 第 \\d+ 行：客户编号 ${a.customerId} .*重复`));
  });

  test('invoices: a pasted invoice id gets none of the other invoice’s payments; both are skipped', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const paid = customerWithInvoice(
      env,
      { name: '已付清', email: 'paid@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '100' },
    );
    mustSave(savePayment(env, { invoiceId: paid.invoiceId, date: '2026-02-01', amount: '100', method: 'bank' }));
    const row = typeRow(env, 'invoices', {
      单据编号: paid.invoiceId,
      客户编号: paid.customerId,
      开票日期: '2026-01-05',
      到期日: '2026-02-05',
      金额: 55,
    });
    env.clickMenu('refreshLedger');
    const alert = lastAlert(env);
    expect(alert).toContain(paid.invoiceId);
    expect(alert).toMatch(/重复/);
    expect(alert).toContain(String(row));
    // The customer's balance counts neither row.
    const c = rows(env, sheetName('customers')).find((r) => r['客户编号'] === paid.customerId);
    expect(c?.['应收余额']).toBe(0);
    env.clickMenu('runRemindersNow');
    expect(mailsTo(env, 'paid@example.com')).toHaveLength(0);
    const skips = reminderLog(env).filter((r) => r.invoiceIds === paid.invoiceId);
    expect(skips.map((r) => r.result)).toEqual(['skipped:duplicate-id']);
    expect(skips[0].detail).toMatch(/编号重复/);
    // A payment against the duplicated id is refused with a message that says why.
    const r = savePayment(env, { invoiceId: paid.invoiceId, date: '2026-03-01', amount: '10', method: 'bank' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/多行/);
  });

  test('payments and interactions: duplicated ids are reported; the invoice is not reminded meanwhile', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const x = customerWithInvoice(
      env,
      { name: '回款重复', email: 'x@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '100' },
    );
    const pid = mustSave(
      savePayment(env, { invoiceId: x.invoiceId, date: '2026-02-01', amount: '40', method: 'bank' }),
    );
    typeRow(env, 'payments', { 回款编号: pid, 单据编号: x.invoiceId, 回款日期: '2026-02-02', 回款金额: 60 });
    env.clickMenu('refreshLedger');
    expect(lastAlert(env)).toContain(pid);
    expect(lastAlert(env)).toMatch(/重复/);
    const inv = rows(env, sheetName('invoices')).find((r) => r['单据编号'] === x.invoiceId);
    expect(inv?.['已收金额']).toBe(0);
    env.clickMenu('runRemindersNow');
    expect(mailsTo(env, 'x@example.com')).toHaveLength(0);
    expect(reminderLog(env).find((r) => r.invoiceIds === x.invoiceId)?.result).toBe('skipped:duplicate-id');

    const iid = 'S-1';
    typeRow(env, 'interactions', { 记录编号: iid, 客户编号: x.customerId, 日期: '2026-02-01', 摘要: '一' });
    typeRow(env, 'interactions', { 记录编号: iid, 客户编号: x.customerId, 日期: '2026-02-02', 摘要: '二' });
    const r = env.clickMenu('rescoreCustomers') as { skipped: Array<{ role: string; message: { 'zh-CN': string } }> };
    const dup = r.skipped.filter((s) => s.role === 'interactions');
    expect(dup).toHaveLength(2);
    expect(dup[0].message['zh-CN']).toContain(iid);
    expect(dup[0].message['zh-CN']).toMatch(/重复/);
  });

  test('a new id never repeats an id typed on two rows', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const a = customerWithInvoice(
      env,
      { name: '甲', email: 'a@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '10' },
    );
    typeRow(env, 'customers', { 客户编号: a.customerId, 客户名称: '甲2' });
    const next = mustSave(rpc(env, 'saveCustomer', { values: { name: '乙', type: 'company' }, lang: 'zh-CN' }));
    expect(next).not.toBe(a.customerId);
  });
});

describe('item 2: a due date typed before the issue date', () => {
  test('is skipped by refresh and reminders and reported like other bad rows', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const good = customerWithInvoice(
      env,
      { name: '客户', email: 'due@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '10', status: 'disputed' },
    );
    const row = typeRow(env, 'invoices', {
      单据编号: 'BACKWARDS',
      客户编号: good.customerId,
      开票日期: '2026-02-20',
      到期日: '2026-02-15',
      金额: 55,
    });
    env.clickMenu('refreshLedger');
    const alert = lastAlert(env);
    expect(alert).toContain(`第 ${row} 行`);
    expect(alert).toMatch(/到期日.*不能早于开票日期/);
    const inv = rows(env, sheetName('invoices')).find((r) => r['单据编号'] === 'BACKWARDS');
    expect(inv?.['逾期天数']).toBe('');
    const c = rows(env, sheetName('customers')).find((r) => r['客户编号'] === good.customerId);
    expect(c?.['应收余额']).toBe(10);
    env.clickMenu('runRemindersNow');
    expect(failures(env)).toEqual([]);
    expect(env.outbox.some((m: { body: string }) => m.body.includes('BACKWARDS'))).toBe(false);
    expect(reminderLog(env).some((r) => r.invoiceIds.includes('BACKWARDS'))).toBe(false);
  });
});

describe('item 5: a deleted required column, asked from the sidebar', () => {
  test.each([
    ['zh_CN', 'zh-CN', /工作表“应收账款-2026”缺少必需的列“金额”.*设置 \/ 修复/],
    ['en_US', 'en', /Sheet "Receivables 2026" is missing the required column "Amount".*Set up \/ repair/],
  ] as const)('%s: customer360, openInvoices and reminderPreview answer like the saves', (locale, lang, text) => {
    const env = newEnv({ locale });
    const { customerId } = customerWithInvoice(
      env,
      { name: 'Keep', email: 'k@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '10' },
    );
    const name = sheetName('invoices', lang);
    const sh = sheetOf(env, name);
    sh.deleteColumn(colIndex(env, name, lang === 'zh-CN' ? '金额' : 'Amount') + 1);
    sh.setName(lang === 'zh-CN' ? '应收账款-2026' : 'Receivables 2026');
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return String((e as Error).message);
      }
      return 'no error';
    };
    expect(message(() => rpc(env, 'customer360', customerId))).toMatch(text);
    expect(message(() => rpc(env, 'openInvoices', customerId))).toMatch(text);
    expect(message(() => rpc(env, 'reminderPreview'))).toMatch(text);
    const save = rpc<{ ok: boolean; message: string }>(env, 'saveInvoice', {
      values: { customerId, issueDate: '2026-03-01', amount: '5' },
      lang,
    });
    expect(save.message).toMatch(text);
  });
});

describe('item 8: the send record in document properties is the authority', () => {
  test('clearing the reminder log rows and the last-stage columns does not let the next run resend', () => {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const ids = [0, 1, 2].map(
      (i) =>
        customerWithInvoice(
          env,
          { name: `客户${i}`, email: `r${i}@example.com` },
          { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: String(100 + i) },
        ).invoiceId,
    );
    env.clickMenu('runRemindersNow');
    expect(env.outbox).toHaveLength(3);
    // A user clears the evidence on the sheets: every log row, and the invoices' last-stage cells.
    const log = sheetOf(env, sheetName('reminders'));
    log.deleteRows(2, log.getLastRow() - 1);
    const inv = sheetName('invoices');
    const stageCol = colIndex(env, inv, '最近催收阶段') + 1;
    const atCol = colIndex(env, inv, '最近催收时间', 'lastReminderAt') + 1;
    const sh = sheetOf(env, inv);
    sh.getRange(2, stageCol, sh.getLastRow() - 1, 1).clearContent();
    if (atCol > 0) sh.getRange(2, atCol, sh.getLastRow() - 1, 1).clearContent();
    expect(rows(env, inv).map((r) => r['最近催收阶段'])).toEqual(['', '', '']);
    env.clickMenu('runRemindersNow');
    expect(failures(env)).toEqual([]);
    expect(env.outbox).toHaveLength(3);
    // The record is compact: one short line per invoice, far below the 9 KB a value may hold.
    const props = env.properties.document() as Record<string, string>;
    const chunks = Object.entries(props).filter(([k]) => k.includes('sent.'));
    expect(chunks).toHaveLength(1);
    for (const id of ids) expect(chunks[0][1].split('\n')).toContain(`15\t${id}`);
    expect(chunks[0][1].length).toBeLessThan(100);
  });
});

function setSetting(env: Env, key: string, value: string) {
  const name = sheetName('settings');
  const data = env.values(name) as unknown[][];
  const r = data.findIndex((row) => row[0] === key);
  expect(r).toBeGreaterThan(0);
  sheetOf(env, name)
    .getRange(r + 1, 2)
    .setValue(value);
}

describe('item 7: a failed staff digest is retried on the next firing, once', () => {
  function digestBook() {
    const env = newEnv({ now: '2026-03-02T09:30:00+08:00' });
    setSetting(env, 'reminders.financeRecipients', 'fin@example.com');
    customerWithInvoice(
      env,
      { name: '逾期', email: 'late@example.com', manager: 'am@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500' },
    );
    env.clickMenu('enableDailyReminders');
    return env;
  }
  const finLog = (env: Env) => reminderLog(env).filter((r) => r.stage === 'digest');

  test('the digest that failed at 10:00 goes out at 11:00; nothing else is sent twice', () => {
    const env = digestBook();
    env.faults.failSend = (m: { to: string }) => m.to === 'fin@example.com';
    env.advance({ hours: 1 }); // 10:30: the day's run
    expect(mailsTo(env, 'late@example.com')).toHaveLength(1);
    expect(mailsTo(env, 'fin@example.com')).toHaveLength(0);
    expect(mailsTo(env, 'am@example.com')).toHaveLength(1);
    env.faults.failSend = undefined as unknown as number;
    env.advance({ hours: 1 }); // 11:30: the retry
    expect(mailsTo(env, 'fin@example.com')).toHaveLength(1);
    env.advance({ hours: 3 });
    expect(mailsTo(env, 'fin@example.com')).toHaveLength(1);
    expect(mailsTo(env, 'late@example.com')).toHaveLength(1);
    expect(mailsTo(env, 'am@example.com')).toHaveLength(1);
    expect(failures(env)).toEqual([]);
  });

  test('a digest that fails again on the retry is not tried a third time that day', () => {
    const env = digestBook();
    env.faults.failSend = (m: { to: string }) => m.to === 'fin@example.com';
    env.advance({ hours: 4 });
    const failed = finLog(env).filter((r) => r.result === 'failed');
    expect(failed).toHaveLength(2);
    expect(mailsTo(env, 'late@example.com')).toHaveLength(1);
  });
});

describe('item 6: a damaged workbook and the hourly trigger', () => {
  test('the sidebar status says what is wrong; the admins get one e-mail per day, not one per hour', () => {
    const env = newEnv({ now: '2026-03-02T09:30:00+08:00' });
    setSetting(env, 'adminEmails', 'boss@example.com');
    customerWithInvoice(
      env,
      { name: '逾期', email: 'late@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500' },
    );
    env.clickMenu('enableDailyReminders');
    const name = sheetName('invoices');
    sheetOf(env, name).deleteColumn(colIndex(env, name, '金额') + 1);
    env.advance({ hours: 6 }); // 10:30 … 15:30: six failing firings
    const notices = () => env.outbox.filter((m: { subject: string }) => /催收未能运行/.test(m.subject));
    expect(notices()).toHaveLength(1);
    expect(notices()[0].to.split(',').sort()).toEqual(['boss@example.com', 'owner@example.com']);
    expect(notices()[0].body).toMatch(/应收账款.*金额.*设置 \/ 修复/);
    expect(mailsTo(env, 'late@example.com')).toHaveLength(0);
    const lines = reminderStatus(env)?.lines.join('\n') ?? '';
    expect(lines).toMatch(/催收无法运行.*应收账款.*金额.*设置 \/ 修复/);
    env.advance({ days: 1 });
    expect(notices()).toHaveLength(2);
    // Repaired: the next firing runs, the status no longer shows the failure, and no further notice goes out.
    env.clickMenu('setupWorkbook');
    const inv = sheetOf(env, name);
    inv.getRange(2, colIndex(env, name, '金额') + 1).setValue(500);
    env.advance({ days: 1 });
    expect(mailsTo(env, 'late@example.com').length).toBeGreaterThan(0);
    expect(reminderStatus(env)?.lines.join('\n')).not.toMatch(/无法运行/);
    expect(notices()).toHaveLength(2);
  });
});
