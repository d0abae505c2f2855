// A 60-day simulation through the built bundle and the emulator's clock: payments arriving, a promise date, a
// dispute resolved, a paused customer, a late payer caught up after missed stages. Every customer e-mail is
// listed by hand below (day, customer, invoices, stage) and no other may go out. Plus two time zones and the
// spreadsheet-call budget of a run.
import { addDays } from '../../src/domain/day';
import {
  addRows,
  customerMails,
  type Env,
  fireDaily,
  OWNER,
  reminderEnv,
  reminderLog,
  setField,
  setSettings,
} from '../fakes/reminder-sim';

const D0 = '2026-03-02';
const day = (d: number) => addDays(D0, d);

function seed(env: Env) {
  setSettings(env, { companyName: 'ACME', 'reminders.financeRecipients': 'fin@example.com' });
  const c = (id: string, over: Record<string, unknown> = {}) => ({
    id,
    name: `Customer ${id}`,
    email: `${id.toLowerCase()}@client.example`,
    language: 'en',
    status: 'active',
    ...over,
  });
  addRows(env, 'customers', [
    c('C-A'),
    c('C-B'),
    c('C-P'),
    c('C-X'),
    c('C-Z', { remindersPaused: true }),
    c('C-G', { language: 'zh-CN' }),
    c('C-L'),
  ]);
  const inv = (
    id: string,
    customerId: string,
    dueDate: string,
    amount: number,
    over: Record<string, unknown> = {},
  ) => ({
    id,
    customerId,
    issueDate: '2026-01-01',
    dueDate,
    amount,
    currency: 'CNY',
    status: 'open',
    ...over,
  });
  addRows(env, 'invoices', [
    inv('I-A1', 'C-A', day(10), 1000),
    inv('I-B1', 'C-B', day(5), 500),
    inv('I-P1', 'C-P', day(3), 800, { status: 'promised', promiseDate: day(20) }),
    inv('I-X1', 'C-X', day(2), 700, { status: 'disputed' }),
    inv('I-Z1', 'C-Z', day(1), 300),
    inv('I-G1', 'C-G', day(12), 2000),
    inv('I-G2', 'C-G', day(12), 100),
    inv('I-G3', 'C-G', day(30), 400),
    inv('I-L1', 'C-L', '2026-02-10', 900),
  ]);
}

/** Changes people make before the day's run. */
function events(env: Env, d: number) {
  const pay = (id: string, invoiceId: string, customerId: string, amount: number) =>
    addRows(env, 'payments', [{ id, invoiceId, customerId, date: day(d), amount, method: 'bank' }]);
  if (d === 4) pay('P-1', 'I-B1', 'C-B', 500);
  if (d === 12) pay('P-2', 'I-L1', 'C-L', 900);
  if (d === 15) pay('P-3', 'I-G1', 'C-G', 1500);
  if (d === 20) setField(env, 'invoices', 'I-X1', 'status', 'open');
}

const EXPECTED: Array<[number, string, string, string]> = [
  [0, 'C-L', 'I-L1', '15'],
  [2, 'C-B', 'I-B1', '-3'],
  [7, 'C-A', 'I-A1', '-3'],
  [9, 'C-G', 'I-G1, I-G2', '-3'],
  // I-L1's final notice would fall on day 15 (15 days after the catch-up stage 15 of day 0, issue #16); it is paid
  // on day 12, so it never goes.
  [11, 'C-A', 'I-A1', '1'],
  [13, 'C-G', 'I-G1, I-G2', '1'],
  [17, 'C-A', 'I-A1', '7'],
  [19, 'C-G', 'I-G1, I-G2', '7'],
  [20, 'C-X', 'I-X1', '15'],
  [21, 'C-P', 'I-P1', '15'],
  [25, 'C-A', 'I-A1', '15'],
  // One e-mail per customer per run: the upcoming I-G3 is a section of the overdue message (issue #16).
  [27, 'C-G', 'I-G1, I-G2, I-G3', '15, 15, -3'],
  [31, 'C-G', 'I-G3', '1'],
  // Stage 15 went late (after the dispute / the promise): the final notice waits the normal 15 days from it.
  [35, 'C-X', 'I-X1', '30'],
  [36, 'C-P', 'I-P1', '30'],
  [37, 'C-G', 'I-G3', '7'],
  [40, 'C-A', 'I-A1', '30'],
  [42, 'C-G', 'I-G1, I-G2', '30'],
  [45, 'C-G', 'I-G3', '15'],
];

describe('60-day simulation', () => {
  it('sends every expected e-mail on its day and no other', () => {
    const env = reminderEnv();
    seed(env);
    env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
    for (let d = 0; d < 60; d++) {
      events(env, d);
      env.advance({ hours: 24 });
    }
    const log = reminderLog(env);
    const sent = log
      .filter((r) => r.result === 'sent' && r.customerId)
      .map((r) => [r.at.slice(0, 10), r.customerId, r.invoiceIds.split(', ').sort().join(', '), r.stage]);
    const expected = EXPECTED.map(([d, c, i, s]) => [day(d), c, i, s]);
    const key = (x: string[]) => x.join(' | ');
    expect(sent.map(key).sort()).toEqual(expected.map((x) => key(x as string[])).sort());
    const mails = customerMails(env);
    expect(mails).toHaveLength(EXPECTED.length);
    for (const [, c] of EXPECTED) expect(mails.some((m) => m.to === `${c.toLowerCase()}@client.example`)).toBe(true);
    expect(mails.some((m) => m.to === 'c-z@client.example')).toBe(false);
    // cc from the escalation stage on: none here (no manager), the zh-CN customer gets Chinese mail
    expect(mails.filter((m) => m.to === 'c-g@client.example').every((m) => /[\u4e00-\u9fff]/.test(m.subject))).toBe(
      true,
    );
    const skips = (result: string) => log.filter((r) => r.result === result).map((r) => `${r.invoiceIds}@${r.stage}`);
    // A skip is logged when it changes for the invoice, not again at every later stage (issue #16).
    expect(skips('skipped:paused').sort()).toEqual(['I-Z1@-3']);
    expect(skips('skipped:promised').sort()).toEqual(['I-P1@-3']);
    expect(skips('skipped:disputed').sort()).toEqual(['I-X1@-3']);
    // I-L1's paced final notice (day 15) finds it paid on day 12: logged once as paid.
    expect(skips('skipped:paid')).toEqual(['I-B1@1', 'I-L1@30']);
    // Stages passed while a skip reason held (logged once, at -3) are superseded by the stage finally sent.
    expect(skips('skipped:superseded').sort()).toEqual(['I-L1@-3,1,7', 'I-P1@1,7', 'I-X1@1,7']);
    // one finance digest per day while something is overdue, never two on a day
    const digests = env.outbox.filter((m) => m.to === 'fin@example.com').map((m) => m.at.slice(0, 13));
    expect(new Set(digests).size).toBe(digests.length);
    expect(digests.length).toBeGreaterThanOrEqual(55);
  });
});

describe('time zones and cost', () => {
  it.each(['Asia/Shanghai', 'Pacific/Auckland', 'America/Los_Angeles'])(
    'counts days and the hour in the spreadsheet zone (%s)',
    (timeZone) => {
      const start = {
        'Asia/Shanghai': '2026-03-03T08:00:00+08:00',
        'Pacific/Auckland': '2026-03-03T08:00:00+13:00',
        'America/Los_Angeles': '2026-03-03T08:00:00-08:00',
      }[timeZone]!;
      const env = reminderEnv({ timeZone, now: start });
      setSettings(env, { companyName: 'ACME' });
      addRows(env, 'customers', [
        { id: 'C-1', name: 'One', email: 'one@client.example', language: 'en', status: 'active' },
      ]);
      addRows(env, 'invoices', [
        { id: 'I-1', customerId: 'C-1', issueDate: '2026-01-01', dueDate: '2026-03-02', amount: 10, status: 'open' },
      ]);
      env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
      env.advance({ minutes: 59 });
      expect(env.outbox).toHaveLength(0);
      env.advance({ hours: 3 });
      const log = reminderLog(env).filter((r) => r.result === 'sent');
      expect(log.map((r) => [r.at.slice(0, 13), r.stage])).toEqual([['2026-03-03 09', '1']]);
    },
  );

  it('a daily run costs a bounded number of spreadsheet calls, whatever the row count', () => {
    const cost = (n: number) => {
      const env = reminderEnv({ mailQuota: 5000 });
      setSettings(env, { companyName: 'ACME' });
      const cs = [];
      const is = [];
      for (let i = 1; i <= n; i++) {
        cs.push({
          id: `C-${i}`,
          name: `N${i}`,
          email: `c${i}@client.example`,
          status: 'active',
          manager: 'am@example.com',
        });
        is.push({
          id: `I-${i}`,
          customerId: `C-${i}`,
          issueDate: '2026-01-01',
          dueDate: i % 2 ? '2026-03-01' : '2026-01-01',
          amount: 10 + i,
          status: i % 5 ? 'open' : 'disputed',
        });
      }
      addRows(env, 'customers', cs);
      addRows(env, 'invoices', is);
      env.run('enableDailyReminders', [], { user: OWNER, kind: 'menu' });
      env.setNow('2026-03-02T10:00:00+08:00');
      env.resetCounts();
      fireDaily(env);
      expect(customerMails(env).length).toBeGreaterThan(n / 2);
      return env.total('SpreadsheetApp');
    };
    const small = cost(10);
    const large = cost(400);
    expect(small).toBeLessThanOrEqual(35);
    // 400 rows cost what 10 rows cost, plus one mid-run log flush (every 200 sends)
    expect(large - small).toBeLessThanOrEqual(5);
  });
});
