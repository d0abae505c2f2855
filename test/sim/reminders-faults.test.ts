// Fault injection through the built bundle: a run killed after every possible call count and run again, the
// daily quota with more reminders than it allows, and the 6-minute limit with resumption by the hourly trigger.
import {
  addRows,
  customerMails,
  type Env,
  fireDaily,
  fork,
  OWNER,
  reminderEnv,
  reminderLog,
  setSettings,
} from '../fakes/reminder-sim';

function world(customers: number, opts: { mailQuota?: number; callLatencyMs?: number } = {}): Env {
  const env = reminderEnv(opts);
  setSettings(env, { companyName: 'ACME', 'reminders.financeRecipients': 'fin@example.com' });
  const cs: Array<Record<string, unknown>> = [];
  const is: Array<Record<string, unknown>> = [];
  for (let i = 1; i <= customers; i++) {
    const id = `C-${String(i).padStart(4, '0')}`;
    cs.push({
      id,
      name: `Customer ${i}`,
      email: `c${i}@client.example`,
      language: i % 2 ? 'en' : 'zh-CN',
      status: 'active',
      manager: i % 3 ? 'am@example.com' : '',
    });
    // due yesterday (stage 1) or in three days (stage -3), amounts varied so the order is by size
    is.push({
      id: `I-${i}`,
      customerId: id,
      issueDate: '2026-01-01',
      dueDate: i % 4 ? '2026-03-01' : '2026-03-05',
      amount: 100 + ((i * 37) % 900),
      currency: 'CNY',
      status: 'open',
    });
  }
  addRows(env, 'customers', cs);
  addRows(env, 'invoices', is);
  env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
  env.setNow('2026-03-02T10:00:00+08:00');
  return env;
}

function assertNoDuplicates(env: Env) {
  const to = env.outbox.map((m) => `${m.to}|${m.subject}`);
  expect(new Set(to).size).toBe(to.length);
  const ids = reminderLog(env)
    .filter((r) => r.result === 'sent' || r.result === 'uncertain')
    .map((r) => r.detail);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('killed at any call', () => {
  it('re-run after a kill at call N (N = 1 … until a run completes): no duplicate, everything sent or uncertain', () => {
    const base = world(4);
    const reference = fork(base);
    fireDaily(reference);
    const expected = reference.outbox.map((m) => m.to).sort();
    expect(expected.length).toBeGreaterThanOrEqual(5); // 4 customers + digests
    let completed = false;
    let n = 1;
    for (; !completed && n < 2000; n++) {
      const env = fork(base);
      env.faults.killAfterCalls = n;
      try {
        fireDaily(env);
        completed = true;
      } catch (e) {
        expect(String((e as Error).message)).toMatch(/cancelled/);
      }
      env.advance({ hours: 1 }); // the next hourly firing resumes
      assertNoDuplicates(env);
      const log = reminderLog(env);
      const uncertain = log.filter((r) => r.result === 'uncertain');
      expect(uncertain.length).toBeLessThanOrEqual(1);
      const sent = env.outbox.map((m) => m.to);
      for (const to of expected) {
        if (!sent.includes(to) && !uncertain.some((u) => u.to === to)) throw new Error(`kill at ${n}: ${to} lost`);
      }
      expect(sent.length + uncertain.length).toBeGreaterThanOrEqual(expected.length);
    }
    expect(completed).toBe(true);
    expect(n).toBeGreaterThan(30);
  });
});

describe('concurrent runs', () => {
  it('a run started while another is sending finds the document lock held and sends nothing', () => {
    const env = world(5);
    let nested = 0;
    env.faults.failSend = () => {
      if (nested++ === 0) env.run('runRemindersNow', [], { user: OWNER, kind: 'menu' });
      return false;
    };
    fireDaily(env);
    expect(nested).toBeGreaterThan(1);
    expect(env.ui.alerts().at(-1)?.text).toMatch(/in progress/);
    expect(new Set(customerMails(env).map((m) => m.to)).size).toBe(5);
    assertNoDuplicates(env);
  });
});

describe('failed sends', () => {
  it('are logged as failed and retried on the next run', () => {
    const env = world(3);
    env.faults.failSend = 1;
    fireDaily(env);
    const failed = reminderLog(env).filter((r) => r.result === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].detail).toMatch(/temporarily unavailable/);
    expect(customerMails(env).some((m) => m.to === failed[0].to)).toBe(false);
    delete env.faults.failSend;
    env.advance({ hours: 24 });
    expect(customerMails(env).filter((m) => m.to === failed[0].to)).toHaveLength(1);
    assertNoDuplicates(env);
  });
});

describe('quota and time limit', () => {
  it('quota 100 with 300 due reminders: 100 recipients a day, deferred go first, all sent once over the days', () => {
    const env = world(300, { mailQuota: 100 });
    env.run('disableDailyReminders', [], { user: OWNER, kind: 'menu' });
    setSettings(env, { 'reminders.financeRecipients': '' });
    env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
    const perDay: number[] = [];
    for (let day = 0; day < 5; day++) {
      const before = env.outbox.length;
      env.advance({ hours: 24 });
      perDay.push(env.outbox.length - before);
    }
    const recipients = env.outbox.reduce((n, m) => n + m.to.split(',').length + (m.cc ? m.cc.split(',').length : 0), 0);
    expect(perDay.every((n) => n <= 100)).toBe(true);
    expect(recipients).toBeLessThanOrEqual(500);
    const customers = new Set(customerMails(env).map((m) => m.to));
    expect(customers.size).toBe(300);
    assertNoDuplicates(env);
    const log = reminderLog(env);
    expect(log.some((r) => r.result === 'deferred:quota')).toBe(true);
    // each day's first sends are the ones deferred the day before
    const deferredDay1 = new Set(
      log.filter((r) => r.result === 'deferred:quota' && r.at.startsWith('2026-03-02')).map((r) => r.customerId),
    );
    const sentDay2 = log
      .filter((r) => r.result === 'sent' && r.at.startsWith('2026-03-03') && r.customerId)
      .map((r) => r.customerId);
    expect(sentDay2.length).toBeGreaterThan(0);
    expect(sentDay2.every((c) => deferredDay1.has(c))).toBe(true);
  });

  it('stops before the 6-minute limit and the next hourly firing resumes, with no execution killed', () => {
    const env = world(120, { callLatencyMs: 700, mailQuota: 1000 });
    env.advance({ hours: 6 });
    const runs = env.executions.filter((x) => x.functionName === 'runDailyReminders');
    expect(runs.every((x) => x.error === null)).toBe(true);
    const log = reminderLog(env);
    expect(log.some((r) => r.result === 'deferred:time')).toBe(true);
    expect(new Set(customerMails(env).map((m) => m.to)).size).toBe(120);
    assertNoDuplicates(env);
    const long = runs.map((x) => Date.parse(x.endedAt) - Date.parse(x.startedAt));
    expect(Math.max(...long)).toBeLessThan(6 * 60 * 1000);
  });
});
