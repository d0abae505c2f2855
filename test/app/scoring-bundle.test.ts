// Rescore and backtest through the BUILT add-on in the emulator: sheets in, score columns out, the same hand-worked
// numbers as the unit tests, spreadsheet calls bounded whatever the row count, grade drops in the audit log.
import { columnsOf } from '../../src/domain/schema';
import { addRows, type Env, OWNER, reminderEnv, setSettings } from '../fakes/reminder-sim';

function sheetRecords(env: Env, names: string[]): Array<Record<string, unknown>> {
  const name = names.find((n) => {
    try {
      env.values(n);
      return true;
    } catch (_e) {
      return false;
    }
  });
  if (!name) throw new Error(`no sheet ${names.join('/')}`);
  const [head, ...rows] = env.values(name);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
}

const customersOf = (env: Env) => sheetRecords(env, ['Customers', '客户']);

function seed(env: Env, extraCustomers = 0, invoicesEach = 5) {
  addRows(env, 'customers', [
    { id: 'A', name: 'Alpha Ltd', creditLimit: 5000, creditGrade: 'AA', status: 'active' },
    { id: 'B', name: 'Beta Ltd', creditGrade: 'AA', status: 'active' },
    { id: 'C', name: '<b>Gamma</b>', status: 'active' },
    ...Array.from({ length: extraCustomers }, (_, i) => ({ id: `X${i}`, name: `Extra ${i}`, status: 'active' })),
  ]);
  const inv = (id: string, customerId: string, issueDate: string, dueDate: string, amount: number) => ({
    id,
    customerId,
    issueDate,
    dueDate,
    amount,
    currency: 'CNY',
    status: 'open',
  });
  const invoices = [
    inv('A1', 'A', '2025-01-10', '2025-02-09', 1000),
    inv('A2', 'A', '2025-03-01', '2025-03-31', 2000),
    inv('A3', 'A', '2025-06-01', '2025-07-01', 1000),
    inv('A4', 'A', '2026-05-01', '2026-05-31', 1000),
    inv('A5', 'A', '2026-06-15', '2026-07-15', 1000),
    ...[1, 2, 3, 4].map((m) => inv(`B${m}`, 'B', `2026-0${m}-01`, `2026-0${m}-28`, 500)),
  ];
  const pay = (id: string, invoiceId: string, customerId: string, date: string, amount: number) => ({
    id,
    invoiceId,
    customerId,
    date,
    amount,
    method: 'bank',
  });
  const payments = [
    pay('P1', 'A1', 'A', '2025-02-05', 1000),
    pay('P2', 'A2', 'A', '2025-04-15', 2000),
    pay('P3', 'A3', 'A', '2025-08-15', 1000),
    ...[1, 2, 3, 4].map((m) => pay(`PB${m}`, `B${m}`, 'B', `2026-0${m}-28`, 500)),
  ];
  for (let i = 0; i < extraCustomers; i++) {
    for (let k = 0; k < invoicesEach; k++) {
      const month = String(k + 1).padStart(2, '0');
      invoices.push(inv(`X${i}-${k}`, `X${i}`, `2026-${month}-01`, `2026-${month}-20`, 100 + k));
      payments.push(pay(`PX${i}-${k}`, `X${i}-${k}`, `X${i}`, `2026-${month}-${i % 2 ? '25' : '18'}`, 100 + k));
    }
  }
  addRows(env, 'invoices', invoices);
  addRows(env, 'payments', payments);
  addRows(env, 'interactions', [
    { id: 'K1', customerId: 'A', date: '2026-01-10', channel: 'phone', type: 'complaint', summary: 'late delivery' },
  ]);
}

const NOW = '2026-06-30T10:00:00+08:00';

test('rescoreCustomers writes scores, grades, segments and reasons; the grade drop is audited', () => {
  const env = reminderEnv({ now: NOW });
  seed(env);
  // No recency decay: the hand-worked figures of test/unit/scoring-scorecard.test.ts, with the default shrinkage.
  setSettings(env, { 'scoring.recencyHalfLifeDays': '0' });
  env.resetCounts();
  const result = env.run('rescoreCustomers', [], { user: OWNER }) as { scored: number; gradeChanges: unknown[] };
  const calls = env.total('SpreadsheetApp.');
  const counts = env.counts();
  const rows = customersOf(env);
  const byId = (id: string) => rows.find((r) => r['Customer ID'] === id) ?? {};
  const h = (key: string) => columnsOf('customers').find((c) => c.key === key)?.header.en ?? key;
  const [scoreH, gradeH, segH, reasonsH] = ['creditScore', 'creditGrade', 'segment', 'scoreReasons'].map(h);
  expect(byId('A')[scoreH]).toBe(519);
  expect(byId('A')[gradeH]).toBe('CC');
  expect(byId('A')[segH]).toBe('High-risk');
  expect(String(byId('A')[reasonsH])).toBe(
    'On-time payment share: 25% of 4 invoices due; Max days late: 45; Avg days late: 22.5; Overdue share of balance: 50%',
  );
  // B: a perfect record of few invoices, pooled toward the middle (827 without shrinkage)
  expect(byId('B')[scoreH]).toBe(791);
  expect(byId('C')[gradeH]).toBe('NR');
  expect(byId('C')[scoreH]).toBe('');
  expect(result.scored).toBe(3);
  expect(result.gradeChanges).toEqual([{ customerId: 'A', customerName: 'Alpha Ltd', from: 'AA', to: 'CC', steps: 6 }]);
  const audit = sheetRecords(env, ['Audit log', '操作日志']);
  expect(audit.some((r) => Object.values(r).includes('grade-change') && Object.values(r).includes('A'))).toBe(true);
  // one getSheetValues per sheet read (customers, invoices, payments, interactions, settings, the audit header: the
  // hash chain continues from the saved tail or one read of the log), one write for the five score columns and one
  // for the two audit rows (an appendRow each: cheaper than getMaxRows + getRange + setValues). PRODUCT.md §10 asks
  // ≤ 15 in all; today 20 here (two calls per sheet read × 6, two toasts, spreadsheet + zone, getRange + 3 writes):
  // known gap, see the issue #8 report.
  expect(counts['SpreadsheetApp.Range.getValues'] ?? 0).toBe(0);
  expect(counts['SpreadsheetApp.Sheet.getSheetValues']).toBeLessThanOrEqual(6);
  expect(counts['SpreadsheetApp.Range.setValues']).toBe(1);
  expect(counts['SpreadsheetApp.Sheet.appendRow']).toBe(2);
  expect(calls).toBeLessThanOrEqual(20);
  console.log(`rescore (3 customers): ${calls} SpreadsheetApp calls ${JSON.stringify(counts)}`);
});

test('spreadsheet calls do not grow with the number of customers', () => {
  const small = reminderEnv({ now: NOW });
  seed(small, 5, 3);
  small.resetCounts();
  small.run('rescoreCustomers', [], { user: OWNER });
  const big = reminderEnv({ now: NOW });
  seed(big, 1000, 5);
  big.resetCounts();
  const started = process.cpuUsage();
  const result = big.run('rescoreCustomers', [], { user: OWNER }) as { scored: number };
  const cpu = process.cpuUsage(started);
  expect(result.scored).toBe(1003);
  expect(big.total('SpreadsheetApp.')).toBe(small.total('SpreadsheetApp.'));
  console.log(
    `rescore 1,003 customers / 5,009 invoices: ${big.total('SpreadsheetApp.')} SpreadsheetApp calls, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
  );
});

test('runBacktest reports through an alert and returns the report', () => {
  const env = reminderEnv({ now: NOW });
  seed(env, 40, 6);
  const r = env.run('runBacktest', [], { user: OWNER }) as { report: { cutoff: string; customers: number } };
  expect(r.report.cutoff).toBe('2026-03-31');
  const alerts = env.ui.alerts();
  // From the menu (no argument) it asks for the cut-off first; OK with an empty answer takes the default.
  expect(alerts[alerts.length - 2]).toMatchObject({ type: 'prompt', title: 'Score backtest' });
  expect(alerts[alerts.length - 1].text).toContain('customers scored from what was known on 2026-03-31');
  expect(alerts[alerts.length - 1].text).toContain('Naive rule');
});

test('runBacktest from the menu: the typed cut-off is used, a bad one is refused naming the rule, Cancel does nothing', () => {
  const env = reminderEnv({ now: NOW });
  seed(env, 40, 6);
  env.ui.answer({ button: 'OK', text: '2026-02-28' });
  const typed = env.run('runBacktest', [], { user: OWNER }) as { invoices: { cutoff: string; invoices: number } };
  expect(typed.invoices.cutoff).toBe('2026-02-28');
  expect(env.ui.alerts().at(-1)?.text).toContain('known on 2026-02-28');
  env.ui.answer({ button: 'OK', text: '2026-13-01' });
  expect(env.run('runBacktest', [], { user: OWNER })).toBeUndefined();
  expect(env.ui.alerts().at(-1)?.text).toContain(
    'Backtest cut-off: enter a date before today (2026-06-30) as yyyy-mm-dd',
  );
  const before = env.ui.alerts().length;
  env.ui.answer({ button: 'CANCEL', text: '' });
  expect(env.run('runBacktest', [], { user: OWNER })).toBeUndefined();
  expect(env.ui.alerts().length).toBe(before + 1); // the prompt only
});

test('the sidebar RPC backtestRun returns the localized report lines, or the rule a bad cut-off broke', () => {
  const env = reminderEnv({ now: NOW });
  seed(env, 40, 6);
  const ok = env.run('backtestRun', ['2026-02-28'], { user: OWNER }) as {
    ok: boolean;
    cutoff: string;
    lines: { head: string[]; grades: string[]; customers: string[] };
  };
  expect(ok).toMatchObject({ ok: true, cutoff: '2026-02-28' });
  expect(ok.lines.head[1]).toMatch(/Scorecard: AUC .*Naive rule/s);
  expect(ok.lines.customers[0]).toContain('A customer is late when');
  const empty = env.run('backtestRun', [''], { user: OWNER }) as { cutoff: string };
  expect(empty.cutoff).toBe('2026-03-31');
  expect(env.run('backtestRun', ['2027-01-01'], { user: OWNER })).toEqual({
    ok: false,
    message: 'Backtest cut-off: enter a date before today (2026-06-30) as yyyy-mm-dd',
  });
});
