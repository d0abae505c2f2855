// The audit log in display units (issue #16): old → new as the sheet shows them, never cents or JSON.
import { displayValue, readableAudit, recordSummary } from '../../src/domain/audit-text';
import { columnOf } from '../../src/domain/schema';

describe('audit values as people read them', () => {
  test('money as ¥ (ISO code otherwise), enums by label, checkboxes as yes/no, dates as dates', () => {
    expect(displayValue(columnOf('customers', 'creditLimit'), 100000, 'zh-CN', 'CNY')).toBe('¥1,000.00');
    expect(displayValue(columnOf('invoices', 'amount'), 123450, 'en', 'USD')).toBe('USD 1,234.50');
    expect(displayValue(columnOf('invoices', 'status'), 'disputed', 'zh-CN', 'CNY')).toBe('争议中');
    expect(displayValue(columnOf('invoices', 'status'), 'paid', 'en', 'CNY')).toBe('Paid');
    expect(displayValue(columnOf('customers', 'remindersPaused'), true, 'zh-CN', 'CNY')).toBe('是');
    expect(displayValue(columnOf('customers', 'remindersPaused'), false, 'en', 'CNY')).toBe('No');
    expect(displayValue(columnOf('invoices', 'dueDate'), '2026-02-01', 'en', 'CNY')).toBe('2026-02-01');
    expect(displayValue(columnOf('customers', 'creditLimit'), null, 'en', 'CNY')).toBe('');
  });

  test('an update row: the field by its header, old → new in display units', () => {
    const row = readableAudit(
      {
        action: 'update',
        sheet: 'customers',
        recordId: 'C-000001',
        field: 'creditLimit',
        oldValue: '100000',
        newValue: '250000',
        raw: { before: 100000, after: 250000 },
      },
      'zh-CN',
      'CNY',
    );
    expect(row).toEqual({
      action: 'update',
      sheet: 'customers',
      recordId: 'C-000001',
      field: '信用额度',
      oldValue: '¥1,000.00',
      newValue: '¥2,500.00',
    });
  });

  test('a created record: its non-empty fields as "header: value", in the record’s currency', () => {
    const text = recordSummary(
      'invoices',
      { id: 'INV-1', customerId: 'C-1', amount: 500000, currency: 'USD', status: 'open', notes: '' },
      'en',
      'CNY',
    );
    expect(text).toBe('Invoice ID: INV-1; Customer ID: C-1; Amount: USD 5,000.00; Currency: USD; Status: Open');
    expect(text).not.toMatch(/[{}"]|500000/);
    expect(recordSummary('payments', { id: 'P-1', amount: 100, method: 'bank' }, 'zh-CN', 'CNY')).toMatch(
      /^回款编号：P-1；.*¥1\.00/,
    );
  });

  test('a draft without raw values is left as written', () => {
    const d = { action: 'setup', sheet: '', field: '', oldValue: '', newValue: '已创建' };
    expect(readableAudit(d, 'en', 'CNY')).toEqual(d);
  });
});
