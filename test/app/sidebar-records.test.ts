// Invoice, payment and interaction saves from the sidebar, and the customer 360 view built on them.
import { customer360 } from '../../src/app/customer-360';
import { saveCustomer } from '../../src/app/save-customer';
import { saveInteraction } from '../../src/app/save-interaction';
import { saveInvoice } from '../../src/app/save-invoice';
import { savePayment } from '../../src/app/save-payment';
import type { SaveFailure, SaveSuccess } from '../../src/app/sidebar-types';
import { sidebarServices } from './sidebar-fakes';

function ledger(lang: 'en' | 'zh-CN' = 'en') {
  const ctx = sidebarServices(undefined, lang);
  saveCustomer(ctx.services, { values: { name: 'Acme', termsDays: '45', creditLimit: '1000', email: 'ap@acme.com' } });
  return ctx;
}

describe('saveInvoice', () => {
  test('defaults the due date from the customer terms, generates an id and derives the open balance', () => {
    const { store, services } = ledger();
    const r = saveInvoice(services, { values: { customerId: 'C-000001', issueDate: '2026-03-01', amount: '600' } });
    expect(r.ok).toBe(true);
    const inv = store.records('invoices')[0];
    expect(inv).toMatchObject({
      id: 'INV-000001',
      dueDate: '2026-04-15',
      amount: 60000,
      paid: 0,
      outstanding: 60000,
      status: 'open',
      currency: 'CNY',
    });
    expect(store.records('customers')[0].outstanding).toBe(60000);
    expect((r as SaveSuccess).customer?.[6]).toBe(60000);
    expect(store.records('audit').at(-1)).toMatchObject({
      action: 'create',
      sheet: 'invoices',
      recordId: 'INV-000001',
    });
  });

  test('warns (but saves) when outstanding + amount exceeds the credit limit', () => {
    const { store, services } = ledger();
    const a = saveInvoice(services, { values: { customerId: 'C-000001', issueDate: '2026-03-01', amount: '600' } });
    expect(a.ok && a.warnings).toEqual([]);
    const b = saveInvoice(services, { values: { customerId: 'C-000001', issueDate: '2026-03-01', amount: '500' } });
    expect(b.ok).toBe(true);
    expect((b as SaveSuccess).warnings[0]).toMatch(/credit limit.*600\.00.*500\.00.*1,000\.00/);
    // PRODUCT §14: held as pending approval (no reminders) until an admin approves it
    expect((b as SaveSuccess).warnings[1]).toContain('is saved as pending approval');
    expect(store.records('invoices')).toHaveLength(2);
    expect(store.records('invoices')[1].status).toBe('pending-approval');
  });

  test('refuses an unknown customer, a due date before the issue date, and a duplicate typed id', () => {
    const { store, services } = ledger();
    const unknown = saveInvoice(services, { values: { customerId: 'C-404', issueDate: '2026-03-01', amount: '1' } });
    expect((unknown as SaveFailure).errors[0].field).toBe('customerId');
    const due = saveInvoice(services, {
      values: { customerId: 'C-000001', issueDate: '2026-03-01', dueDate: '2026-02-01', amount: '1' },
    }) as SaveFailure;
    expect(due.errors.map((e) => e.field)).toEqual(['dueDate']);
    saveInvoice(services, {
      values: { id: '0000611365', customerId: 'C-000001', issueDate: '2026-03-01', amount: '1' },
    });
    const dup = saveInvoice(services, {
      values: { id: '0000611365', customerId: 'C-000001', issueDate: '2026-03-01', amount: '1' },
    }) as SaveFailure;
    expect(dup.errors.map((e) => e.field)).toEqual(['id']);
    expect(store.records('invoices').map((i) => i.id)).toEqual(['0000611365']);
  });
});

describe('savePayment', () => {
  function withInvoice() {
    const ctx = ledger();
    saveInvoice(ctx.services, {
      values: { customerId: 'C-000001', issueDate: '2026-01-01', dueDate: '2026-01-31', amount: '800' },
    });
    return ctx;
  }

  test('a partial then a final payment update the invoice derived columns at once and settle it', () => {
    const { store, services } = withInvoice();
    const before = store.records('invoices')[0];
    expect(before.daysOverdue).toBe(30);
    const p1 = savePayment(services, {
      values: { invoiceId: 'INV-000001', date: '2026-03-01', amount: '300', method: 'bank' },
    });
    expect(p1.ok && p1.id).toBe('P-000001');
    expect(store.records('invoices')[0]).toMatchObject({
      paid: 30000,
      outstanding: 50000,
      settledDate: '',
      agingBucket: '1-30',
    });
    const p2 = savePayment(services, {
      values: { invoiceId: 'INV-000001', date: '2026-03-02', amount: '500', method: '现金' },
    });
    expect(p2.ok && p2.id).toBe('P-000002');
    expect((p2 as SaveSuccess).warnings[0]).toMatch(/settled/);
    expect(store.records('invoices')[0]).toMatchObject({
      paid: 80000,
      outstanding: 0,
      settledDate: '2026-03-02',
      daysOverdue: 0,
      agingBucket: 'current',
    });
    expect(store.records('payments')[1]).toMatchObject({
      customerId: 'C-000001',
      method: 'cash',
      recordedBy: 'alice@example.com',
    });
    expect(store.records('customers')[0]).toMatchObject({ outstanding: 0, lastPaymentDate: '2026-03-02' });
  });

  test('overpayment is refused on the amount field and nothing is written', () => {
    const { store, services } = withInvoice();
    const r = savePayment(services, {
      values: { invoiceId: 'INV-000001', date: '2026-03-01', amount: '800.01' },
    }) as SaveFailure;
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ field: 'amount', message: expect.stringMatching(/800\.00/) }]);
    expect(store.records('payments')).toHaveLength(0);
    expect(store.records('invoices')[0].paid).toBe(0);
  });

  test('a payment dated in the future or against an unknown invoice is refused', () => {
    const { services } = withInvoice();
    const future = savePayment(services, {
      values: { invoiceId: 'INV-000001', date: '2026-03-03', amount: '1' },
    }) as SaveFailure;
    expect(future.errors.map((e) => e.field)).toEqual(['date']);
    const unknown = savePayment(services, {
      values: { invoiceId: 'INV-9', date: '2026-03-01', amount: '1' },
    }) as SaveFailure;
    expect(unknown.reason).toBe('not-found');
  });
});

describe('saveInteraction and customer360', () => {
  test('an interaction is saved with defaults and shows up in the 360 view with balances and aging', () => {
    const { store, services, clock } = ledger('zh-CN');
    saveInvoice(services, {
      values: { customerId: 'C-000001', issueDate: '2026-01-01', dueDate: '2026-01-20', amount: '100' },
    });
    saveInvoice(services, { values: { customerId: 'C-000001', issueDate: '2026-03-01', amount: '250' } });
    savePayment(services, { values: { invoiceId: 'INV-000001', date: '2026-03-01', amount: '40' } });
    const r = saveInteraction(services, {
      values: {
        customerId: 'C-000001',
        date: '2026-03-02',
        type: '投诉',
        channel: 'phone',
        summary: '发票抬头错误',
        satisfaction: '2',
      },
    });
    expect(r.ok && r.id).toBe('S-000001');
    expect(store.records('interactions')[0]).toMatchObject({
      type: 'complaint',
      status: 'open',
      owner: 'alice@example.com',
    });
    const bad = saveInteraction(services, {
      values: { customerId: 'C-000001', date: '2026-03-02', summary: '', satisfaction: '9' },
    });
    expect((bad as SaveFailure).errors.map((e) => e.field).sort()).toEqual(['satisfaction', 'summary']);

    const v = customer360(store, 'C-000001', clock.today());
    expect(v.found).toBe(true);
    expect(v.outstanding).toBe(6000 + 25000);
    expect(v.overdue).toBe(6000);
    expect(v.oldestOverdueDays).toBe(41);
    expect(v.aging['31-60']).toBe(6000);
    expect(v.aging.current).toBe(25000);
    expect(v.openInvoices.map((i) => i.id)).toEqual(['INV-000001', 'INV-000002']);
    expect(v.payments).toHaveLength(1);
    expect(v.interactions[0].summary).toBe('发票抬头错误');
    expect(v.form.creditLimit).toBe('1000.00');
    expect(customer360(store, 'C-404', clock.today()).found).toBe(false);
  });
});

describe('batched store access per save', () => {
  test('each save reads a sheet at most once per role and writes each sheet at most once', () => {
    const { store, services } = ledger();
    saveInvoice(services, { values: { customerId: 'C-000001', issueDate: '2026-01-01', amount: '100' } });
    const cases: Array<[string, () => unknown, number, number]> = [
      ['customer', () => saveCustomer(services, { values: { name: 'Budget' } }), 2, 2],
      [
        'invoice',
        () => saveInvoice(services, { values: { customerId: 'C-000001', issueDate: '2026-01-01', amount: '1' } }),
        3,
        3,
      ],
      [
        'payment',
        () => savePayment(services, { values: { invoiceId: 'INV-000001', date: '2026-03-01', amount: '1' } }),
        4,
        4,
      ],
      [
        'interaction',
        () => saveInteraction(services, { values: { customerId: 'C-000001', date: '2026-03-01', summary: 'x' } }),
        3,
        2,
      ],
    ];
    for (const [name, run, maxReads, maxWrites] of cases) {
      store.reads = 0;
      store.writes = 0;
      expect([name, (run() as { ok: boolean }).ok]).toEqual([name, true]);
      expect({ name, reads: store.reads <= maxReads, writes: store.writes <= maxWrites }).toEqual({
        name,
        reads: true,
        writes: true,
      });
    }
  });
});
