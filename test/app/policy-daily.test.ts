// PRODUCT §14 through the BUILT add-on: the daily reminder run rescores customers before it plans, so a grade drop
// reaches the manager's digest without anyone running Rescore, high-risk customers are listed there for review with
// the rule that put them there, and the score columns carry the segment reason and the recommendation.
import { columnsOf } from '../../src/domain/schema';
import { addRows, type Env, fireDaily, OWNER, reminderEnv, setSettings } from '../fakes/reminder-sim';

const NOW = '2026-06-30T10:00:00+08:00';

function customersByHeader(env: Env): Array<Record<string, unknown>> {
  const name = ['Customers', '客户'].find((n) => {
    try {
      env.values(n);
      return true;
    } catch (_e) {
      return false;
    }
  })!;
  const [head, ...rows] = env.values(name);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
}
const header = (key: string) => columnsOf('customers').find((c) => c.key === key)!.header.en;

function seed(env: Env) {
  // A was AA at the last rescore; since then it pays everything 40–60 days late and has an invoice 100 days overdue.
  addRows(env, 'customers', [
    {
      id: 'A',
      name: 'Alpha Ltd',
      email: 'ap@alpha.client.example',
      manager: 'am@example.com',
      creditGrade: 'AA',
      status: 'active',
      termsDays: 30,
    },
  ]);
  const invoices = [];
  const payments = [];
  for (let m = 1; m <= 8; m++) {
    const issue = `2025-${String(m + 1).padStart(2, '0')}-01`;
    const due = `2025-${String(m + 2).padStart(2, '0')}-01`;
    invoices.push({ id: `A${m}`, customerId: 'A', issueDate: issue, dueDate: due, amount: 1000, status: 'open' });
    payments.push({
      id: `P${m}`,
      invoiceId: `A${m}`,
      customerId: 'A',
      date: `2025-${String(m + 3).padStart(2, '0')}-${m % 2 ? '10' : '28'}`,
      amount: 1000,
      method: 'bank',
    });
  }
  invoices.push({ id: 'A9', customerId: 'A', issueDate: '2026-02-21', dueDate: '2026-03-22', amount: 5000 });
  addRows(env, 'invoices', invoices);
  addRows(env, 'payments', payments);
}

test('the daily run rescores first: grade drop and high-risk review in the manager digest, no Rescore needed', () => {
  const env = reminderEnv({ now: NOW });
  seed(env);
  setSettings(env, { 'reminders.hour': '0' });
  env.resetCounts();
  env.run('enableDailyReminders', [], { user: OWNER });
  env.resetCounts();
  fireDaily(env);
  // The rescore adds a read of the interactions, one write of the score columns and, on a day with a grade change,
  // one audit append to the run (measured: see the report of issue #17).
  console.log(`daily run with rescore: ${env.total('SpreadsheetApp.')} SpreadsheetApp calls`, env.counts());
  expect(env.lastError).toBeFalsy();
  const [a] = customersByHeader(env);
  expect(a[header('creditGrade')]).not.toBe('AA');
  expect(a[header('segment')]).toBe('High-risk');
  expect(String(a[header('segmentReason')])).toMatch(/high-risk grade|Oldest overdue invoice 100 days/);
  expect(a[header('recommendedTerms')]).toBeLessThanOrEqual(15);
  const digest = env.outbox.filter((m) => m.to.split(',').includes('am@example.com'));
  expect(digest).toHaveLength(1);
  // The digest speaks the digest language (the workbook's at setup: English here); the reason is the sheet's text.
  expect(digest[0].body).toContain(`Alpha Ltd: credit grade dropped from AA to ${a[header('creditGrade')]}`);
  expect(digest[0].body).toContain(`Alpha Ltd: high-risk customer to review (${a[header('segmentReason')]})`);
});
