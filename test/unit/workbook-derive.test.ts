import { agingBucket, deriveCustomers, deriveInvoices, effectiveDueDate } from '../../src/domain/derive';
import type { Customer, Invoice, Payment } from '../../src/domain/records';

const inv = (p: Partial<Invoice>): Invoice =>
  ({ id: '', customerId: 'C1', issueDate: '', dueDate: '', amount: 0, status: 'open', ...p }) as Invoice;
const pay = (invoiceId: string, date: string, amount: number, customerId = ''): Payment =>
  ({ id: `P-${invoiceId}-${date}`, invoiceId, customerId, date, amount }) as Payment;
const cust = (id: string): Customer => ({ id, termsDays: 30 }) as Customer;

// Hand-checked fixture, as of 2026-03-10 (see the comments for the arithmetic).
const asOf = '2026-03-10';
const invoices = [
  inv({ id: 'I1', issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 100000 }),
  inv({ id: 'I2', issueDate: '2026-01-15', amount: 50000 }), // due = 01-15 + 30 = 02-14
  inv({ id: 'I3', dueDate: '2025-12-01', amount: 80000, status: 'written-off' }),
  inv({ id: 'I4', dueDate: '2025-11-30', amount: 25050 }),
  inv({ id: 'I5', customerId: 'C2', dueDate: '2026-03-20', amount: 10000 }),
];
const payments = [
  pay('I1', '2026-02-05', 30000),
  pay('I1', '2026-02-20', 70000),
  pay('I2', '2026-03-01', 20000),
  pay('I4', '2026-03-11', 50), // after the as-of day: not counted yet
];

describe('derived invoice columns', () => {
  const d = deriveInvoices(invoices, payments, asOf, () => 30);
  test('paid, outstanding, settled date, days overdue and aging bucket', () => {
    expect(d).toEqual([
      // covered by its payments: reads paid (issue #16), not open with nothing outstanding
      { paid: 100000, outstanding: 0, settledDate: '2026-02-20', daysOverdue: 0, agingBucket: '', status: 'paid' },
      // Feb 14 → Mar 10: 14 days to Feb 28 + 10 = 24
      { paid: 20000, outstanding: 30000, settledDate: '', daysOverdue: 24, agingBucket: '1-30', status: 'open' },
      // written off: nothing outstanding, never overdue, and stays written off
      { paid: 0, outstanding: 0, settledDate: '', daysOverdue: 0, agingBucket: '', status: 'written-off' },
      // Nov 30 → Mar 10: 31 + 31 + 28 + 10 = 100
      { paid: 0, outstanding: 25050, settledDate: '', daysOverdue: 100, agingBucket: '90+', status: 'open' },
      { paid: 0, outstanding: 10000, settledDate: '', daysOverdue: 0, agingBucket: 'current', status: 'open' },
    ]);
  });

  test('customer rollups: outstanding, overdue, oldest overdue days, last payment', () => {
    const merged = invoices.map((i, k) => ({ ...i, ...d[k] }));
    expect(deriveCustomers([cust('C1'), cust('C2'), cust('C3')], merged, payments, asOf)).toEqual([
      { outstanding: 55050, overdue: 55050, oldestOverdueDays: 100, lastPaymentDate: '2026-03-01' },
      { outstanding: 10000, overdue: 0, oldestOverdueDays: 0, lastPaymentDate: '' },
      { outstanding: 0, overdue: 0, oldestOverdueDays: 0, lastPaymentDate: '' },
    ]);
  });

  test('paid follows the payments: open/promised settle, paid reopens when owed, disputed and pending stay', () => {
    const full = [pay('X', '2026-02-01', 10000)];
    const status = (s: Invoice['status'], paid = full) =>
      deriveInvoices([inv({ id: 'X', dueDate: '2026-02-01', amount: 10000, status: s })], paid, asOf)[0].status;
    expect(status('open')).toBe('paid');
    expect(status('promised')).toBe('paid');
    expect(status('disputed')).toBe('disputed');
    expect(status('pending-approval')).toBe('pending-approval');
    expect(status('paid', [])).toBe('open');
    expect(status('paid', [pay('X', '2026-02-01', 9999)])).toBe('open');
    expect(status('open', [pay('X', '2026-03-11', 10000)])).toBe('open'); // paid after the as-of day
  });

  test('the as-of day decides: a day later the payment counts and days grow by one', () => {
    const next = deriveInvoices(invoices, payments, '2026-03-11', () => 30);
    expect(next[3]).toMatchObject({ paid: 50, outstanding: 25000, daysOverdue: 101 });
    expect(next[1].daysOverdue).toBe(25);
  });

  test('bucket edges and due-date defaults', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map((n) => agingBucket(n, 1))).toEqual([
      'current',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
    ]);
    expect(agingBucket(10, 0)).toBe('');
    expect(effectiveDueDate({ dueDate: '', issueDate: '2024-02-15' }, null)).toBe('2024-03-16');
    expect(effectiveDueDate({ dueDate: '', issueDate: '' }, 30)).toBe('');
  });
});
