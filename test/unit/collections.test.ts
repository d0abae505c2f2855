// Pure rules of the collections workflow (issue #16 part A): the one oldest-overdue figure, per-invoice actions,
// split-receipt allocation and checks, the reminder timeline run ahead on the real planner, and a manual segment
// that contradicts the grade.
import { type InvoiceAction, invoiceActionChange } from '../../src/domain/collections/invoice-actions';
import { allocateOldestFirst, checkReceipt, type OpenItem } from '../../src/domain/collections/receipt';
import { t } from '../../src/domain/i18n';
import { displayMoney } from '../../src/domain/money';
import { invoiceDaysOverdue, oldestOverdueDays } from '../../src/domain/overdue';
import { parseReminderSettings } from '../../src/domain/reminders/settings';
import { upcomingReminders } from '../../src/domain/reminders/upcoming';
import { overrideContradictsGrade } from '../../src/domain/scoring/override-conflict';
import { DEFAULT_SEGMENT_RULES } from '../../src/domain/scoring/segment';
import { customer, invoice } from '../fakes/reminder-fakes';

const TODAY = '2026-03-20';

describe('one oldest-overdue rule', () => {
  test('days past due only while money is owed and the invoice is not written off', () => {
    expect(invoiceDaysOverdue({ dueDate: '2026-03-01', outstanding: 100, status: 'open' }, TODAY)).toBe(19);
    expect(invoiceDaysOverdue({ dueDate: '2026-03-01', outstanding: 100, status: 'disputed' }, TODAY)).toBe(19);
    expect(invoiceDaysOverdue({ dueDate: '2026-03-01', outstanding: 0, status: 'open' }, TODAY)).toBe(0);
    expect(invoiceDaysOverdue({ dueDate: '2024-03-01', outstanding: 100, status: 'written-off' }, TODAY)).toBe(0);
    expect(invoiceDaysOverdue({ dueDate: '2026-03-25', outstanding: 100, status: 'open' }, TODAY)).toBe(0);
    expect(invoiceDaysOverdue({ dueDate: '', outstanding: 100, status: 'open' }, TODAY)).toBe(0);
  });
  test('the oldest is the largest of them', () => {
    const list = [
      { dueDate: '2024-01-01', outstanding: 5, status: 'written-off' as const },
      { dueDate: '2026-02-01', outstanding: 5, status: 'open' as const },
      { dueDate: '2026-03-10', outstanding: 5, status: 'promised' as const },
    ];
    expect(oldestOverdueDays(list, TODAY)).toBe(47);
    expect(oldestOverdueDays([], TODAY)).toBe(0);
  });
});

describe('per-invoice actions', () => {
  const open = { id: 'I1', status: 'open' as const, outstanding: 500 };
  const run = (action: InvoiceAction, inv: Partial<typeof open> | { status: string } = {}, date = '') =>
    invoiceActionChange({ ...open, ...inv } as typeof open, action, date, TODAY);
  test.each([
    ['dispute', {}, '', { status: 'disputed' }],
    ['clear-dispute', { status: 'disputed' }, '', { status: 'open' }],
    ['promise', {}, '2026-03-27', { status: 'promised', promiseDate: '2026-03-27' }],
    ['promise', { status: 'disputed' }, '2026-03-20', { status: 'promised', promiseDate: '2026-03-20' }],
    ['write-off', { status: 'pending-approval' }, '', { status: 'written-off' }],
  ] as const)('%s on %j → %j', (action, inv, date, change) => {
    expect(run(action, inv, date)).toEqual({ ok: true, change });
  });
  test.each([
    ['dispute', { status: 'disputed' }, '', 'Invoice I1 is already disputed.'],
    ['clear-dispute', {}, '', 'Invoice I1 is not disputed; nothing to clear.'],
    ['promise', {}, '27/03/2026', 'Promised date: enter the date the customer promised to pay (yyyy-mm-dd).'],
    ['promise', {}, '2026-03-19', 'Promised date: must not be before today (2026-03-20).'],
    ['promise', {}, '2027-03-21', 'Promised date: must be within a year (2027-03-20 at the latest).'],
    ['dispute', { outstanding: 0 }, '', 'Invoice I1 is settled or written off; this action no longer applies.'],
    [
      'write-off',
      { status: 'written-off' },
      '',
      'Invoice I1 is settled or written off; this action no longer applies.',
    ],
    [
      'promise',
      { status: 'pending-approval' },
      '2026-03-27',
      'Invoice I1 is pending approval; an admin must approve it first.',
    ],
  ] as const)('%s on %j refused: %s', (action, inv, date, message) => {
    const r = run(action, inv, date);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('en', r.text, r.params)).toBe(message);
  });
});

describe('split receipt', () => {
  const open: OpenItem[] = [
    { invoiceId: 'B', dueDate: '2026-02-04', outstanding: 250_050, currency: 'CNY' },
    { invoiceId: 'A', dueDate: '2025-12-31', outstanding: 100_000, currency: 'CNY' },
    { invoiceId: 'C', dueDate: '2026-03-03', outstanding: 80_000, currency: 'CNY' },
  ];
  const msg = (amount: number, parts = allocateOldestFirst(amount, open)) => {
    const r = checkReceipt(amount, parts, open, displayMoney);
    return r ? t('en', r.text, r.params) : null;
  };
  test('oldest due first, each invoice taking what it owes', () => {
    expect(allocateOldestFirst(200_000, open)).toEqual([
      { invoiceId: 'A', amount: 100_000 },
      { invoiceId: 'B', amount: 100_000 },
    ]);
    expect(allocateOldestFirst(430_050, open).map((p) => p.amount)).toEqual([100_000, 250_050, 80_000]);
    expect(msg(430_050)).toBeNull();
  });
  test('refusals', () => {
    expect(msg(430_051)).toBe(
      'The receipt of ¥4,300.51 is more than the customer’s total outstanding ¥4,300.50. Check the amount, or handle the excess separately.',
    );
    expect(msg(1_000, [{ invoiceId: 'A', amount: 900 }])).toBe(
      'The amounts allocated add up to ¥9.00, not the receipt’s ¥10.00. Adjust the allocation.',
    );
    expect(msg(100_001, [{ invoiceId: 'A', amount: 100_001 }])).toContain('is more than its outstanding ¥1,000.00');
    expect(msg(10, [{ invoiceId: 'Z', amount: 10 }])).toContain(
      'Invoice Z is not one of this customer’s open invoices',
    );
    expect(msg(10, [])).toBe('Allocate an amount to at least one invoice.');
    const mixed: OpenItem[] = [...open, { invoiceId: 'U', dueDate: '2026-01-01', outstanding: 5_000, currency: 'USD' }];
    const r = checkReceipt(
      6_000,
      [
        { invoiceId: 'A', amount: 1_000 },
        { invoiceId: 'U', amount: 5_000 },
      ],
      mixed,
      displayMoney,
    );
    expect(r && t('en', r.text, r.params)).toBe(
      'One receipt can only be split across invoices in one currency (here: CNY, USD).',
    );
  });
});

describe('reminder timeline', () => {
  const config = parseReminderSettings({ companyName: 'ACME' });
  test('runs the planner ahead: each stage on its day, catch-up paced, nothing for a disputed invoice', () => {
    const c = customer('C1', { email: 'a@example.com' });
    const inv = invoice('I1', 'C1', '2026-03-10', 100_000);
    const plan = upcomingReminders({ from: TODAY, config, customer: c, invoices: [inv], history: [] });
    expect(plan.map((p) => [p.day, p.stage, p.isFinal])).toEqual([
      ['2026-03-20', 7, false],
      ['2026-03-28', 15, false],
      ['2026-04-12', 30, true],
    ]);
    const disputed = invoice('I1', 'C1', '2026-03-10', 100_000, { status: 'disputed' });
    expect(upcomingReminders({ from: TODAY, config, customer: c, invoices: [disputed], history: [] })).toEqual([]);
  });
  test('a promise moves the next reminder to the day after the promised day', () => {
    const c = customer('C1', { email: 'a@example.com' });
    const inv = invoice('I1', 'C1', '2026-03-10', 100_000, { status: 'promised', promiseDate: '2026-04-01' });
    const plan = upcomingReminders({ from: TODAY, config, customer: c, invoices: [inv], history: [] });
    expect(plan[0]).toMatchObject({ day: '2026-04-02', stage: 15 });
  });
});

describe('manual segment against the grade', () => {
  test.each([
    ['vip', 'C', true],
    ['normal', 'CCC', true],
    ['vip', 'A', false],
    ['high-risk', 'AAA', false],
    ['', 'C', false],
  ] as const)('%s with grade %s → %s', (override, grade, flagged) => {
    expect(overrideContradictsGrade(override, grade, DEFAULT_SEGMENT_RULES)).toBe(flagged);
  });
});
