// Customer saves from the sidebar: ids under the lock, duplicates, validation, conflicts, busy lock, audit rows.
import { customer360 } from '../../src/app/customer-360';
import { saveCustomer, setRemindersPaused } from '../../src/app/save-customer';
import type { SaveFailure, SaveSuccess } from '../../src/app/sidebar-types';
import { OTHER_TAX_ID, sidebarServices, VALID_TAX_ID } from './sidebar-fakes';

const base = {
  name: '上海示例科技有限公司',
  type: 'company',
  email: 'ar@example.cn',
  phone: '13800138000',
  termsDays: '30',
};

describe('saveCustomer: create', () => {
  test('generates C-000001, C-000002 from the fresh read and writes one audit row each', () => {
    const { store, services } = sidebarServices();
    const a = saveCustomer(services, { values: base }) as SaveSuccess;
    const b = saveCustomer(services, {
      values: { ...base, name: 'Other Ltd', email: 'o@example.com', phone: '13900139000' },
    });
    expect(a.ok).toBe(true);
    expect(a.id).toBe('C-000001');
    expect(b.ok && b.id).toBe('C-000002');
    const rows = store.records('customers');
    expect(rows.map((r) => r.id)).toEqual(['C-000001', 'C-000002']);
    expect(rows[0]).toMatchObject({
      name: base.name,
      termsDays: 30,
      updatedBy: 'alice@example.com',
      createdAt: '2026-03-02 09:00:00',
    });
    const audit = store.records('audit');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'create', sheet: 'customers', recordId: 'C-000001', source: 'sidebar' });
  });

  test('an id is never reused: the next id is above the highest existing one, even with gaps', () => {
    const { services } = sidebarServices();
    const { store } = sidebarServices();
    store.append('customers', [
      { id: 'C-000007', name: 'X' },
      { id: 'C-000003', name: 'Y' },
    ]);
    const r = saveCustomer({ ...services, store }, { values: { name: 'Z' } });
    expect(r.ok && r.id).toBe('C-000008');
  });

  test('validation errors are field-level and localized, and nothing is written', () => {
    const en = sidebarServices();
    const r = saveCustomer(en.services, { values: { name: '', email: 'not-an-email', taxId: '123' } }) as SaveFailure;
    expect(r.reason).toBe('validation');
    const fields = r.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'name', 'taxId']);
    expect(r.errors.find((e) => e.field === 'name')?.message).toMatch(/Name.*required/);
    expect(en.store.records('customers')).toHaveLength(0);
    expect(en.store.records('audit')).toHaveLength(0);

    const zh = sidebarServices(undefined, 'zh-CN');
    const z = saveCustomer(zh.services, { values: { name: '', email: 'x' } }) as SaveFailure;
    expect(z.errors.find((e) => e.field === 'name')?.message).toContain('客户名称');
    expect(z.message).toContain('请');
  });

  test.each([
    ['taxId', { taxId: VALID_TAX_ID }, { name: 'B', taxId: VALID_TAX_ID }],
    ['email', { email: 'Same@Example.com' }, { name: 'B', email: 'same@example.com' }],
    ['phone', { phone: '138 0013 8000' }, { name: 'B', phone: '13800138000' }],
    ['name', { name: 'ＡＢＣ 有限公司' }, { name: 'abc有限公司' }],
  ])('duplicate by %s is reported with the existing record; confirming saves anyway', (rule, first, second) => {
    const { store, services } = sidebarServices();
    const a = saveCustomer(services, { values: { name: 'A', ...first } });
    expect(a.ok).toBe(true);
    const d = saveCustomer(services, { values: second }) as SaveFailure;
    expect(d.reason).toBe('duplicate');
    expect(d.duplicates).toEqual([expect.objectContaining({ id: 'C-000001', rule })]);
    expect(store.records('customers')).toHaveLength(1);
    const c = saveCustomer(services, { values: second, confirmDuplicate: true });
    expect(c.ok && c.id).toBe('C-000002');
  });

  test('a busy lock refuses the save with a message and writes nothing', () => {
    const { store, services, lock } = sidebarServices();
    lock.busy = true;
    const r = saveCustomer(services, { values: base }) as SaveFailure;
    expect(r.reason).toBe('busy');
    expect(r.message).toMatch(/wait/i);
    expect(store.records('customers')).toHaveLength(0);
  });
});

describe('saveCustomer: edit', () => {
  function withCustomer() {
    const ctx = sidebarServices();
    saveCustomer(ctx.services, { values: { ...base, taxId: OTHER_TAX_ID } });
    const view = customer360(ctx.store, 'C-000001', ctx.clock.today());
    return { ...ctx, view };
  }

  test('saves the changed fields only, with one audit row per changed field', () => {
    const { store, services, view, clock } = withCustomer();
    clock.time = '10:00:00';
    const r = saveCustomer(services, {
      id: 'C-000001',
      version: view.version,
      values: { ...view.form, contact: '王经理', creditLimit: '5000' },
    });
    expect(r.ok).toBe(true);
    const c = store.records('customers')[0];
    expect(c).toMatchObject({ contact: '王经理', creditLimit: 500000, updatedAt: '2026-03-02 10:00:00' });
    const updates = store.records('audit').filter((a) => a.action === 'update');
    expect(updates.map((a) => a.field).sort()).toEqual(['contact', 'creditLimit']);
    expect(updates.find((a) => a.field === 'creditLimit')).toMatchObject({ oldValue: '', newValue: '500000' });
  });

  test('a stale version is refused as a conflict and nothing is overwritten', () => {
    const { store, services, view } = withCustomer();
    // someone else edits the row after the form was loaded
    store.update('customers', [{ row: 2, record: { contact: 'Bob' } }], ['contact']);
    const r = saveCustomer(services, {
      id: 'C-000001',
      version: view.version,
      values: { ...view.form, contact: 'Mine' },
    });
    expect(r.ok).toBe(false);
    expect((r as SaveFailure).reason).toBe('conflict');
    expect(store.records('customers')[0].contact).toBe('Bob');
    expect(store.records('audit').filter((a) => a.action === 'update')).toHaveLength(0);
  });

  test('pausing reminders from the 360 view writes the flag and an audit row; a stale version conflicts', () => {
    const { store, services, view } = withCustomer();
    const r = setRemindersPaused(services, 'C-000001', true, view.version);
    expect(r.ok).toBe(true);
    expect(store.records('customers')[0].remindersPaused).toBe(true);
    expect(store.records('audit').at(-1)).toMatchObject({
      field: 'remindersPaused',
      oldValue: 'false',
      newValue: 'true',
    });
    const again = setRemindersPaused(services, 'C-000001', false, view.version);
    expect(again.ok).toBe(false);
    expect(store.records('customers')[0].remindersPaused).toBe(true);
  });

  test('an unknown id is reported as not found', () => {
    const { services } = sidebarServices();
    const r = saveCustomer(services, { id: 'C-999999', version: 'x', values: { name: 'A' } });
    expect(r.ok).toBe(false);
    expect((r as SaveFailure).reason).toBe('not-found');
  });
});
