// PRODUCT.md §15 working-day calendar against the built add-on, on the 2026 National Day holiday as the bundled
// `chinese-days` data has it: 10-01…10-07 off, 10-08 (Thu) the first working day, 10-10 (Sat) a 调休 make-up
// working day, 10-11 (Sun) off. With the calendar on, a daily run on a holiday sends nothing; the next working day
// sends the reminders that fell due meanwhile, once; days overdue stay calendar days.
import { customerWithInvoice, type Env, newEnv, sheetName, sheetOf } from './harness';

function setSettings(env: Env, values: Record<string, string>): void {
  const name = sheetName('settings');
  const data = env.values(name) as unknown[][];
  for (const [key, value] of Object.entries(values)) {
    const r = data.findIndex((row) => row[0] === key);
    if (r < 0) throw new Error(`no setting row ${key}`);
    sheetOf(env, name)
      .getRange(r + 1, 2)
      .setValue(value);
  }
}

function dailyRun(env: Env, day: string, time = '09:10'): void {
  env.setNow(`${day}T${time}:00+08:00`);
  env.run('runDailyReminders', [{}], { kind: 'installable-trigger' });
}

function book(calendarOn: boolean) {
  const env = newEnv({ now: '2026-09-28T08:00:00+08:00' });
  if (calendarOn) setSettings(env, { 'calendar.cnWorkdays': 'true' });
  const ids = {
    a: customerWithInvoice(
      env,
      { name: '甲', email: 'a@example.com' },
      { issueDate: '2026-09-01', dueDate: '2026-10-04', amount: '100' },
    ),
    b: customerWithInvoice(
      env,
      { name: '乙', email: 'b@example.com' },
      { issueDate: '2026-09-01', dueDate: '2026-10-09', amount: '100' },
    ),
    c: customerWithInvoice(
      env,
      { name: '丙', email: 'c@example.com' },
      { issueDate: '2026-09-01', dueDate: '2026-10-10', amount: '100' },
    ),
  };
  env.clickMenu('enableDailyReminders');
  return { env, ids };
}

/** Recipients of the mail sent on a day (09:10 in Shanghai is 01:10 UTC, the same calendar day). */
const sentOn = (env: Env, day: string) => env.outbox.filter((m) => m.at.startsWith(day)).map((m) => m.to);

test('calendar on: nothing on 2026-10-01…07; 10-08 sends what fell due, once; later stages paced from it', () => {
  const { env } = book(true);
  for (const d of ['01', '02', '03', '04', '05', '06', '07']) dailyRun(env, `2026-10-${d}`);
  expect(env.outbox).toHaveLength(0);
  // The sidebar's reminder status says so on the holiday, and when the reminders go instead.
  const status = env.callRpc('reminderStatus', []) as { todayCount: number; lines: string[] };
  expect(status.todayCount).toBe(0);
  expect(status.lines.join('\n')).toContain('今天不是工作日（按中国工作日历），不发送催收；2026-10-08 补发。');
  dailyRun(env, '2026-10-08');
  // a: stage 1 fell due 10-05 (holiday); b and c: the 3-days-before notice fell due 10-06 / 10-07 (holidays).
  expect(sentOn(env, '2026-10-08').sort()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  const a = env.outbox.find((m) => m.to === 'a@example.com')!;
  expect(a.subject).toMatch(/4\s*天/); // days overdue are calendar days (10-04 → 10-08)
  dailyRun(env, '2026-10-08', '10:10');
  dailyRun(env, '2026-10-08', '15:10');
  expect(env.outbox).toHaveLength(3);
  dailyRun(env, '2026-10-09');
  expect(env.outbox).toHaveLength(3);
  // A late notice paces the next stage (PRODUCT §13): it waits the normal gap between the two stages from the day the
  // late one went. b's and c's 3-days-before notices went on 10-08, so their stage 1 goes 4 days later, on 10-12
  // (not on 10-10, the 调休 Saturday, nor on Sunday 10-11); a's stage 1 went on 10-08, so its stage 7 goes on 10-14.
  dailyRun(env, '2026-10-10');
  dailyRun(env, '2026-10-11');
  expect(env.outbox).toHaveLength(3);
  dailyRun(env, '2026-10-12');
  expect(sentOn(env, '2026-10-12').sort()).toEqual(['b@example.com', 'c@example.com']);
  dailyRun(env, '2026-10-13');
  expect(env.outbox).toHaveLength(5);
  dailyRun(env, '2026-10-14');
  expect(sentOn(env, '2026-10-14')).toEqual(['a@example.com']);
  expect(env.executions.filter((x: { error: unknown }) => x.error)).toEqual([]);
});

test('calendar off (the default): the holiday run on 2026-10-01 sends as any other day', () => {
  const { env } = book(false);
  dailyRun(env, '2026-10-01'); // a's 3-days-before notice (due 10-04)
  expect(env.outbox.map((m) => m.to)).toEqual(['a@example.com']);
});

test('stage offsets in working days: stage 1 and 7 count working days after the due day', () => {
  const env = newEnv({ now: '2026-09-28T08:00:00+08:00' });
  setSettings(env, { 'calendar.cnWorkdays': 'true', 'calendar.stageDays': 'working', 'reminders.stages': '1,7' });
  customerWithInvoice(
    env,
    { name: '丁', email: 'd@example.com' },
    { issueDate: '2026-09-01', dueDate: '2026-09-30', amount: '100' },
  );
  env.clickMenu('enableDailyReminders');
  const days = ['10-08', '10-09', '10-10', '10-12', '10-13', '10-14', '10-15', '10-16'];
  const log: string[] = [];
  for (const d of days) {
    const before = env.outbox.length;
    dailyRun(env, `2026-${d}`);
    if (env.outbox.length > before) log.push(d);
  }
  // Working days after 09-30: 10-08 (1), 10-09, 10-10 (调休), 10-12, 10-13, 10-14, 10-15 (7).
  expect(log).toEqual(['10-08', '10-15']);
});
