import { recordAudit, verifyAudit } from '../../src/app/audit-log';
import { refreshLedger, refreshLedgerRows, refreshSummary } from '../../src/app/refresh-ledger';
import type { Customer, Invoice, Payment } from '../../src/domain/records';
import { MemoryStore } from '../fakes/memory-store';

const silent = {
  steps: [] as string[],
  step(m: string) {
    this.steps.push(m);
  },
};

function ledger() {
  return new MemoryStore({
    customers: [
      {
        id: 'C-000001',
        name: '华东贸易',
        termsDays: 30,
        outstanding: 0,
        overdue: 0,
        oldestOverdueDays: 0,
        lastPaymentDate: '',
      } as Partial<Customer>,
      {
        id: 'C-000002',
        name: 'Acme',
        termsDays: null,
        outstanding: 999,
        overdue: 0,
        oldestOverdueDays: 0,
        lastPaymentDate: '',
      } as Partial<Customer>,
    ],
    invoices: [
      {
        id: '0000611365',
        customerId: 'C-000001',
        issueDate: '2026-01-01',
        dueDate: '2026-01-31',
        amount: 120000,
        status: 'open',
        paid: 0,
        outstanding: 0,
        settledDate: '',
        daysOverdue: 0,
        agingBucket: '',
      } as Partial<Invoice>,
      {
        id: 'INV-2',
        customerId: 'C-000002',
        issueDate: '2026-02-20',
        dueDate: '',
        amount: 5000,
        status: 'open',
        paid: 0,
        outstanding: 5000,
        settledDate: '',
        daysOverdue: 0,
        agingBucket: 'current',
      } as Partial<Invoice>,
    ],
    payments: [
      {
        id: 'P-000001',
        invoiceId: '0000611365',
        customerId: '',
        date: '2026-02-10',
        amount: 20000,
      } as Partial<Payment>,
    ],
  });
}

describe('refreshLedger (use case)', () => {
  test('one read per sheet, one batched write per sheet, only changed rows; summary in both languages', () => {
    const store = ledger();
    const r = refreshLedger(store, '2026-03-02', silent, 'zh-CN');
    expect(store.reads).toBe(3);
    expect(store.writes).toBe(2);
    expect(r).toMatchObject({ invoices: 2, customers: 2, invoicesChanged: 1, customersChanged: 2, issues: [] });
    // 01-31 → 03-02 = 30 days; 120000 − 20000 outstanding
    expect(store.records('invoices')[0]).toMatchObject({
      paid: 20000,
      outstanding: 100000,
      daysOverdue: 30,
      agingBucket: '1-30',
    });
    expect(store.records('customers')[0]).toMatchObject({
      outstanding: 100000,
      overdue: 100000,
      oldestOverdueDays: 30,
      lastPaymentDate: '2026-02-10',
    });
    expect(store.records('customers')[1]).toMatchObject({ outstanding: 5000, overdue: 0 });
    expect(refreshSummary(r, 'en')).toBe(
      'Ledger refreshed as of 2026-03-02: 2 invoices (1 changed), 2 customers (2 changed).',
    );
    expect(refreshSummary(r, 'zh-CN')).toMatch(/^台账已刷新（截至 2026-03-02）/);
    expect(silent.steps.length).toBe(2);
    const again = refreshLedger(store, '2026-03-02', silent, 'en');
    expect(again).toMatchObject({ invoicesChanged: 0, customersChanged: 0 });
    expect(store.writes).toBe(2);
  });

  test('the rows a refresh hands back are what reading the sheets again gives (the reminder run reuses them)', () => {
    const store = ledger();
    const { result, rows } = refreshLedgerRows(store, '2026-03-02', silent, 'en');
    expect(result).toMatchObject({ invoicesChanged: 1, customersChanged: 2 });
    expect(rows.asOf).toBe('2026-03-02');
    expect(rows.customers).toEqual(store.read('customers').rows);
    expect(rows.invoices).toEqual(store.read('invoices').rows);
    expect(rows.customers[0].record).toMatchObject({ outstanding: 100000, lastPaymentDate: '2026-02-10' });
  });

  test('rows with bad values are reported in the summary, never fatal', () => {
    const store = ledger();
    store.issues.push({
      role: 'invoices',
      row: 7,
      field: 'amount',
      message: { 'zh-CN': '金额：请输入金额', 'zh-TW': '金額：請輸入金額', en: 'Amount must be an amount' },
    });
    const r = refreshLedger(store, '2026-03-02', silent, 'en');
    expect(refreshSummary(r, 'en')).toContain('Receivables row 7: Amount must be an amount');
  });

  test('invoices of unknown customers and payments of unknown invoices are computed but reported', () => {
    const store = ledger();
    store.append('invoices', [
      { id: 'X-1', customerId: 'C-404', issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 500, status: 'open' },
    ]);
    store.append('payments', [{ id: 'P-9', invoiceId: 'NOPE', customerId: 'C-000001', date: '2026-02-01', amount: 1 }]);
    const r = refreshLedger(store, '2026-03-02', silent, 'en');
    expect(r.issues.map((i) => [i.role, i.field])).toEqual([
      ['invoices', 'customerId'],
      ['payments', 'invoiceId'],
    ]);
    expect(refreshSummary(r, 'en')).toContain('Customer ID "C-404" does not exist in the customers sheet');
    expect(refreshSummary(r, 'zh-CN')).toContain('单据编号“NOPE”在应收账款表中不存在');
    expect(store.records('invoices').find((i) => i.id === 'X-1')).toMatchObject({ outstanding: 500 });
  });
});

describe('recordAudit / verifyAudit (use case)', () => {
  test('entries chain across calls; tampering is located', () => {
    const store = new MemoryStore();
    recordAudit(store, [
      {
        at: '2026-03-02 10:00:00',
        user: 'a@x.com',
        action: 'create',
        sheet: 'customers',
        recordId: 'C-000001',
        source: 'sidebar',
      },
    ]);
    recordAudit(store, [
      {
        at: '2026-03-02 10:01:00',
        user: 'a@x.com',
        action: 'update',
        sheet: 'customers',
        recordId: 'C-000001',
        field: 'name',
        oldValue: 'A',
        newValue: 'B',
        source: 'sidebar',
      },
      {
        at: '2026-03-02 10:02:00',
        user: 'b@x.com',
        action: 'update',
        sheet: 'customers',
        recordId: 'C-000001',
        field: 'email',
        oldValue: '',
        newValue: 'x@y.com',
        source: 'sidebar',
      },
    ]);
    expect(verifyAudit(store)).toEqual({ ok: true, rows: 3 });
    store.tables.audit[1] = { row: 3, record: { ...store.tables.audit[1].record, newValue: 'C' } };
    expect(verifyAudit(store)).toEqual({ ok: false, row: 3, rows: 3 });
  });

  test('a row that no longer reads (issue) counts as altered', () => {
    const store = new MemoryStore();
    recordAudit(store, [
      { at: '2026-03-02 10:00:00', action: 'x', source: 'edit' },
      { at: '2026-03-02 10:00:01', action: 'y', source: 'edit' },
    ]);
    store.issues.push({ role: 'audit', row: 2, field: 'at', message: { 'zh-CN': '', 'zh-TW': '', en: '' } });
    store.tables.audit.shift();
    expect(verifyAudit(store)).toEqual({ ok: false, row: 2, rows: 2 });
  });
});
