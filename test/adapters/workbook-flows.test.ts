// Refresh, onEdit, the audit log and the menus through the BUILT bundle (dist/) in the emulator.
import { createEnvironment } from '../../emulator/src/index';
import { columnsOf } from '../../src/domain/schema';

type Env = ReturnType<typeof createEnvironment>;

function tab(env: Env, name: string) {
  const s = env.spreadsheet.api().getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
const col = (role: Parameters<typeof columnsOf>[0], key: string) => columnsOf(role).findIndex((c) => c.key === key);

function workbook(now: string, timeZone: string, locale = 'zh_CN'): Env {
  const env = createEnvironment({ now, timeZone, locale });
  env.loadBuild('dist');
  env.openAsUser('owner@example.com');
  env.clickMenu('setupWorkbook');
  return env;
}

function seed(env: Env, names: { customers: string; invoices: string; payments: string }) {
  const c = tab(env, names.customers);
  c.getRange(2, 1, 2, 2).setValues([
    ['C-000001', '华东贸易'],
    ['C-000002', 'Acme'],
  ]);
  const inv = tab(env, names.invoices);
  // id, customerId, contractNo, project, issueDate, dueDate, amount
  inv.getRange(2, 1, 3, 7).setValues([
    ['0000611365', 'C-000001', '', '', '2026-02-01', '2026-03-01', 1200],
    ['INV-2', 'C-000001', '', '', '2026-02-01', '2026-03-08', 300.5],
    ['INV-3', 'C-000002', '', '', '2026-02-01', '2026-03-20', 80],
  ]);
  const pay = tab(env, names.payments);
  pay.getRange(2, 1, 1, 5).setValues([['P-000001', '0000611365', '', '2026-03-05', 200]]);
}

describe('refreshLedger across time zones (today is the spreadsheet zone’s day)', () => {
  // 2026-03-08 23:30 PDT (the day US DST began) is already 2026-03-09 14:30 in Shanghai.
  const instant = '2026-03-08T23:30:00-07:00';
  const cases = [
    { tz: 'America/Los_Angeles', locale: 'en_US', days: [7, 0], oldest: 7 },
    { tz: 'Asia/Shanghai', locale: 'zh_CN', days: [8, 1], oldest: 8 },
  ];
  for (const k of cases) {
    test(`${k.tz}: days overdue ${k.days.join(', ')}`, () => {
      const env = workbook(instant, k.tz, k.locale);
      const en = k.locale === 'en_US';
      const names = en
        ? { customers: 'Customers', invoices: 'Receivables', payments: 'Payments' }
        : { customers: '客户', invoices: '应收账款', payments: '回款' };
      seed(env, names);
      env.resetCounts();
      env.clickMenu('refreshLedger');
      expect(env.total('SpreadsheetApp.')).toBeLessThanOrEqual(15); // PRODUCT.md §10
      const v = env.values(names.invoices);
      expect(v.slice(1).map((r) => r[col('invoices', 'daysOverdue')])).toEqual([...k.days, 0]);
      expect(v.slice(1).map((r) => r[col('invoices', 'outstanding')])).toEqual([1000, 300.5, 80]);
      expect(v.slice(1).map((r) => r[col('invoices', 'paid')])).toEqual([200, 0, 0]);
      expect(v[1][0]).toBe('0000611365');
      const c = env.values(names.customers);
      expect(c[1][col('customers', 'outstanding')]).toBe(1300.5);
      expect(c[1][col('customers', 'oldestOverdueDays')]).toBe(k.oldest);
      const last = c[1][col('customers', 'lastPaymentDate')] as Date;
      expect(
        tab(env, names.customers)
          .getRange(2, col('customers', 'lastPaymentDate') + 1)
          .getDisplayValue(),
      ).toBe('2026-03-05');
      expect(Object.prototype.toString.call(last)).toBe('[object Date]');
      expect(env.ui.alerts().at(-1)?.text).toMatch(en ? /^Ledger refreshed as of 2026-03-0/ : /^台账已刷新/);
      expect(env.toasts.length).toBeGreaterThan(0);
    });
  }
});

describe('onEdit', () => {
  const env = workbook('2026-03-02T09:00:00+08:00', 'Asia/Shanghai');
  tab(env, '客户')
    .getRange(2, 1, 1, 2)
    .setValues([['C-000001', '华东贸易']]);

  test('a one-cell edit stamps updatedAt/updatedBy, is audited old → new, and reads no whole sheet', () => {
    // The first audited edit makes the audit chain's key (once per installation); measure a later one.
    env.userEdit('客户', 'C2', [['企业']]);
    env.resetCounts();
    const r = env.userEdit('客户', 'B2', [['华东贸易有限公司']]);
    expect(r.errors).toEqual([]);
    expect(env.counts()['SpreadsheetApp.Sheet.getDataRange'] ?? 0).toBe(0);
    // 27 calls (23 SpreadsheetApp) before the keyed audit chain; it adds the document lock around the audit append
    // (getDocumentLock, tryLock, releaseLock, and a flush before the release) and the key and anchor
    // (getScriptProperties, two reads, one write), and no longer reads the log's last row (the anchor holds its
    // hash): 33 (22 SpreadsheetApp) today.
    expect(env.total('')).toBeLessThanOrEqual(34);
    expect(env.total('SpreadsheetApp.')).toBeLessThanOrEqual(22);
    const row = env.values('客户')[1];
    expect(row[col('customers', 'updatedAt')]).toBeTruthy();
    const audit = env.values('操作日志').at(-1)!;
    expect(audit.slice(2, 9)).toEqual([
      'edit',
      'customers',
      'C-000001',
      'name',
      '华东贸易',
      '华东贸易有限公司',
      'edit',
    ]);
  });

  test('an invalid typed value gets a localized note, cleared once fixed', () => {
    const amount = col('customers', 'creditLimit') + 1;
    const a1 = `${String.fromCharCode(64 + amount)}2`;
    env.userEdit('客户', a1, [['很多']]);
    const cell = tab(env, '客户').getRange(a1);
    expect(cell.getNote()).toBe('⚠ 客户台账：信用额度：请输入金额（最多两位小数）');
    env.userEdit('客户', a1, [[5000]]);
    expect(cell.getNote()).toBe('');
  });

  test('a paste is audited as a range summary; the audit chain stays valid', () => {
    env.userEdit('客户', 'C2:D3', [
      ['企业', '张三'],
      ['个人', '李四'],
    ]);
    const audit = env.values('操作日志').at(-1)!;
    expect(audit[2]).toBe('edit-range');
    expect(audit[5]).toBe('C2:D3');
    expect(audit[7]).toBe('批量修改 C2:D3：2 行 × 2 列：C2=企业；D2=张三；C3=个人；D3=李四');
    env.clickMenu('verifyAuditLog');
    expect(env.ui.alerts().at(-1)?.text).toMatch(/^操作日志完整/);
  });

  test('editing an audit row is detected and the first altered row is named', () => {
    const log = tab(env, '操作日志');
    const rows = env.values('操作日志').length;
    expect(rows).toBeGreaterThanOrEqual(4);
    log.getRange(3, 8).setValue('forged');
    env.clickMenu('verifyAuditLog');
    expect(env.ui.alerts().at(-1)?.text).toBe(`操作日志第 3 行的内容被修改过（共 ${rows - 1} 行）。`);
  });
});

describe('onEdit never fails', () => {
  test('on a spreadsheet that was never set up, and on a header edit', () => {
    const env = createEnvironment({ locale: 'en_US' });
    env.loadBuild('dist');
    expect(env.userEdit('Sheet1', 'A1', [['anything']]).errors).toEqual([]);
    setupAndEdit(env);
  });
});

function setupAndEdit(env: Env) {
  env.openAsUser('owner@example.com');
  env.clickMenu('setupWorkbook');
  const r = env.userEdit('Customers', 'B1', [['Company name']]);
  expect(r.errors).toEqual([]);
  expect(env.values('Audit log').at(-1)?.slice(2, 8)).toEqual(['edit', 'customers', '', 'B1', 'Name', 'Company name']);
  const d = env.userEdit('Customers', `${String.fromCharCode(65 + col('customers', 'birthDate'))}2`, [['1990-02-03']]);
  expect(d.errors).toEqual([]);
  expect(env.logs.filter((l) => l.level === 'error')).toEqual([]);
}

describe('menus', () => {
  test('AuthMode.NONE: menu from the locale alone, no document or properties access', () => {
    const env = createEnvironment({ locale: 'en_US' });
    env.loadBuild('dist');
    const menu = env.openAsUser('owner@example.com', { authMode: 'NONE' });
    expect(env.lastError).toBeNull();
    const items = (menu?.items ?? []).filter((i) => !i.separator).map((i) => i.functionName);
    expect(items).toEqual([
      'showSidebar',
      'refreshLedger',
      'rescoreCustomers',
      'runBacktest',
      'buildReports',
      'previewReminders',
      'runRemindersNow',
      'enableDailyReminders',
      'disableDailyReminders',
      'setupWorkbook',
      'verifyAuditLog',
      'showImport',
      'enableWeeklyBackup',
      'disableWeeklyBackup',
    ]);
    expect(menu?.items[0].caption).toBe('Open sidebar');
  });

  test('LIMITED with a language override in settings; onInstall builds the same menu', () => {
    const env = workbook('2026-03-02T09:00:00+08:00', 'Asia/Shanghai', 'en_US');
    const s = tab(env, 'Settings');
    const keys = env.values('Settings').map((r) => r[0]);
    s.getRange(keys.indexOf('language') + 1, 2).setValue('zh-CN');
    const menu = env.openAsUser('owner@example.com');
    expect(menu?.items[0].caption).toBe('打开侧边栏');
    env.install('owner@example.com');
    expect(env.lastError).toBeNull();
  });

  test('a failing menu action shows a localized alert without a stack trace', () => {
    const env = createEnvironment({ locale: 'en_US' });
    env.loadBuild('dist');
    env.openAsUser('owner@example.com');
    env.clickMenu('refreshLedger'); // no ledger sheets yet
    const text = env.ui.alerts().at(-1)?.text ?? '';
    expect(text).toBe(
      '"Refresh ledger" could not finish: Sheet "Customers" was not found. Please run Set up / repair workbook.',
    );
    expect(text).not.toMatch(/\bat \w+ \(/);
  });

  test('showSidebar opens the sidebar with a localized title', () => {
    const env = workbook('2026-03-02T09:00:00+08:00', 'Asia/Shanghai');
    env.clickMenu('showSidebar');
    expect(env.ui.sidebars().at(-1)?.title).toBe('客户台账');
  });
});
