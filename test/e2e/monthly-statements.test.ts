// Monthly statements (issue #16, PRODUCT.md §13) through the built add-on: customers with 月度对账单 / 月度询证函 ticked
// get a statement of account (or a balance confirmation letter) for the month just ended, from the daily run on the
// month's first working day (or the settings day), once per period, through the reminders' quota, journal and log;
// a run killed at any service call and run again never sends a second letter.
import {
  type Env,
  headerRow,
  mustSave,
  newEnv,
  rows,
  saveCustomer,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
} from './harness';

const STATEMENT = /对账单（2026-03-01 至 2026-03-31）|statement of account/i;
const CONFIRMATION = /询证函|balance confirmation/i;

const lettersTo = (env: Env, to: string) =>
  env.outbox.filter(
    (m: { to: string; subject: string }) => m.to === to && /对账单|询证函|statement|confirmation/i.test(m.subject),
  );

function setSetting(env: Env, key: string, value: string) {
  const name = sheetName('settings');
  const data = env.values(name) as unknown[][];
  const r = data.findIndex((row) => row[0] === key);
  expect(r).toBeGreaterThan(0);
  sheetOf(env, name)
    .getRange(r + 1, 2)
    .setValue(value);
}

/** Three customers: a monthly statement, a monthly confirmation (English), and one that did not opt in. */
function book(now: string) {
  const env = newEnv({ now });
  setSetting(env, 'companyName', '华东精密机械有限公司');
  const add = (name: string, email: string, extra: Record<string, string | boolean>) => {
    const id = mustSave(saveCustomer(env, { name, email, type: 'company', status: 'active', ...extra }));
    // Due long after April 1st: no reminder stage is due, so the outbox holds only the letters.
    const inv = mustSave(
      saveInvoice(env, { customerId: id, issueDate: '2026-03-05', dueDate: '2026-06-30', amount: '8000' }),
    );
    return { id, inv };
  };
  const a = add('苏州远航', 'ap@yuanhang.example', { monthlyStatement: true });
  const b = add('Harbor Ltd', 'ap@harbor.example', { monthlyConfirmation: true, language: 'en' });
  add('宁波港联', 'fin@ganglian.example', {});
  return { env, a, b };
}

describe('monthly statements for customers who opt in', () => {
  test('setup adds the opt-in column at the end of the customers sheet', () => {
    const env = newEnv();
    expect(headerRow(env, sheetName('customers')).slice(-2)).toEqual(['月度对账单', '月度询证函']);
  });

  test('sent on the first working day for the month just ended, once; the log says so', () => {
    const { env, a } = book('2026-03-31T10:00:00+08:00');
    mustSave(savePayment(env, { invoiceId: a.inv, date: '2026-03-20', amount: '3000', method: 'bank' }));
    env.clickMenu('enableDailyReminders');
    env.advance({ hours: 1 });
    expect(lettersTo(env, 'ap@yuanhang.example')).toHaveLength(0); // March 31st: not due yet
    env.advance({ hours: 21 }); // April 1st, 08:00: before the run's hour
    // Paid in April: belongs to April's statement, not March's.
    mustSave(savePayment(env, { invoiceId: a.inv, date: '2026-04-01', amount: '1000', method: 'bank' }));
    env.advance({ hours: 2 }); // Wednesday April 1st, the first working day
    const zh = lettersTo(env, 'ap@yuanhang.example');
    expect(zh).toHaveLength(1);
    expect(zh[0].subject).toMatch(STATEMENT);
    expect(zh[0].body).toContain('¥3,000.00');
    expect(zh[0].body).toContain('¥5,000.00'); // the balance at March 31st, before April's payment
    const en = lettersTo(env, 'ap@harbor.example');
    expect(en).toHaveLength(1);
    expect(en[0].subject).toMatch(CONFIRMATION);
    expect(en[0].subject).toContain('2026-03-31');
    expect(lettersTo(env, 'fin@ganglian.example')).toHaveLength(0);
    const log = rows(env, sheetName('reminders')).filter((r) => r['结果'] === 'sent');
    expect(log.map((r) => r['催收阶段']).sort()).toEqual(['confirmation', 'statement']);
    // The following days of April send nothing more.
    env.advance({ days: 3 });
    expect(lettersTo(env, 'ap@yuanhang.example')).toHaveLength(1);
    expect(lettersTo(env, 'ap@harbor.example')).toHaveLength(1);
  });

  test('a settings day moves it; a run that missed that day sends on the next run of the month', () => {
    const { env } = book('2026-04-01T10:00:00+08:00');
    setSetting(env, 'reminders.statementDay', '5');
    env.run('runRemindersNow', []);
    expect(lettersTo(env, 'ap@yuanhang.example')).toHaveLength(0);
    env.clickMenu('enableDailyReminders');
    env.advance({ days: 5 }); // April 6th: the 5th was skipped by nobody, the run of the 6th still sends once
    expect(lettersTo(env, 'ap@yuanhang.example')).toHaveLength(1);
  });

  test('once per period even when people clear the reminder log (the record in document properties)', () => {
    const { env } = book('2026-04-01T10:00:00+08:00');
    env.clickMenu('enableDailyReminders');
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    expect(lettersTo(env, 'ap@yuanhang.example')).toHaveLength(1);
    const log = sheetOf(env, sheetName('reminders'));
    log.deleteRows(2, log.getLastRow() - 1);
    env.advance({ days: 1 });
    env.run('runRemindersNow', []);
    expect(lettersTo(env, 'ap@yuanhang.example')).toHaveLength(1);
    expect(lettersTo(env, 'ap@harbor.example')).toHaveLength(1);
  });

  test('the mail quota defers a letter to the next run; never a second one', () => {
    const { env } = book('2026-04-01T10:00:00+08:00');
    env.clickMenu('enableDailyReminders');
    env.faults.mailQuota = 1;
    env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    expect(lettersTo(env, 'ap@yuanhang.example').length + lettersTo(env, 'ap@harbor.example').length).toBe(1);
    expect(rows(env, sheetName('reminders')).some((r) => r['结果'] === 'deferred:quota')).toBe(true);
    env.faults.mailQuota = undefined as unknown as number;
    env.advance({ days: 1 });
    expect(lettersTo(env, 'ap@yuanhang.example')).toHaveLength(1);
    expect(lettersTo(env, 'ap@harbor.example')).toHaveLength(1);
  });

  test('killed at service calls of the run and run again: never a second letter', () => {
    const clean = book('2026-04-01T10:00:00+08:00').env;
    clean.clickMenu('enableDailyReminders');
    clean.resetCounts();
    clean.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
    const total = Object.values(clean.counts() as Record<string, number>).reduce((x, y) => x + y, 0);
    expect(lettersTo(clean, 'ap@yuanhang.example')).toHaveLength(1);
    const problems: string[] = [];
    for (let k = 1; k < total; k += 3) {
      const { env } = book('2026-04-01T10:00:00+08:00');
      env.clickMenu('enableDailyReminders');
      env.faults.killAfterCalls = k;
      try {
        env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
      } catch (_e) {
        // the kill itself
      }
      env.faults.killAfterCalls = undefined as unknown as number;
      env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
      env.advance({ days: 1 });
      for (const to of ['ap@yuanhang.example', 'ap@harbor.example']) {
        const n = lettersTo(env, to).length;
        if (n > 1) problems.push(`kill@${k}: ${to} got ${n}`);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
