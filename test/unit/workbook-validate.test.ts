import { inputFields, inputSchema, validateInput } from '../../src/domain/validate';

const today = '2026-11-22';

describe('validateInput', () => {
  test('non-text values sent over google.script.run are refused by field, never stringified or crashing', () => {
    const hostile = { toString: 1 };
    for (const name of [{ a: 1 }, ['x'], hostile]) {
      const r = validateInput('customer', { name, type: 'company' } as never, 'en');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
      if (!r.ok) expect(r.errors.find((e) => e.field === 'name')?.message).toMatch(/must be text/);
    }
    const zh = validateInput('customer', { name: { a: 1 }, type: 'company' } as never, 'zh-CN');
    expect(zh.ok === false && zh.errors.find((e) => e.field === 'name')?.message).toMatch(/应为文本/);
  });

  test('invoice: money to cents, dates ISO, enum canonical from a zh label, due date defaulted from terms', () => {
    const r = validateInput(
      'invoice',
      { customerId: 'C-000001', issueDate: '2024/1/5', amount: '¥1,234.5', status: '争议中' },
      'zh-CN',
      { termsDays: 45, defaultCurrency: 'usd', today },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        id: '',
        customerId: 'C-000001',
        contractNo: '',
        project: '',
        issueDate: '2024-01-05',
        dueDate: '2024-02-19',
        amount: 123450,
        currency: 'USD',
        status: 'disputed',
        promiseDate: '',
        notes: '',
      },
    });
  });

  test('invoice: due before issue, required and money rules, messages name the field in the asked language', () => {
    const bad = validateInput('invoice', { customerId: '', issueDate: '2024-01-05', amount: '0' }, 'en');
    expect(bad).toEqual({
      ok: false,
      errors: [
        { field: 'customerId', message: 'Customer ID is required' },
        { field: 'amount', message: 'Amount must be greater than 0' },
      ],
    });
    const due = validateInput(
      'invoice',
      { customerId: 'C', issueDate: '2024-01-05', dueDate: '2024-01-04', amount: '1' },
      'zh-CN',
    );
    expect(due).toEqual({ ok: false, errors: [{ field: 'dueDate', message: '到期日：不能早于开票日期' }] });
    const money = validateInput('invoice', { customerId: 'C', issueDate: '2024-01-05', amount: '1.234' }, 'en');
    expect(money.ok ? [] : money.errors.map((e) => e.message)).toEqual([
      'Amount must be an amount with at most two decimals',
    ]);
  });

  test('customer: e-mail, phone, tax id, birth date in the past, terms range, enum in either language', () => {
    const r = validateInput(
      'customer',
      {
        name: '张三',
        type: 'Individual',
        phone: '12345',
        email: 'x@y',
        taxId: '9144030071526726XA',
        birthDate: '2026-11-22',
        termsDays: '400',
        status: 'sleeping',
      },
      'en',
      { today },
    );
    expect(r.ok).toBe(false);
    const byField = Object.fromEntries((r.ok ? [] : r.errors).map((e) => [e.field, e.message]));
    expect(byField).toEqual({
      phone: expect.stringContaining('Phone must be a CN mobile'),
      email: 'Email must be a valid e-mail address',
      taxId: 'Tax ID: the check character is wrong',
      birthDate: 'Birth date must be in the past',
      termsDays: 'Payment terms (days) must be between 0 and 365',
      status: 'Status must be one of: Prospect, Active, Inactive',
    });
  });

  test('customer: a phone typed with full-width digits, ＋ and IME spaces is stored half-width, spaces collapsed', () => {
    const save = (phone: string) => {
      const r = validateInput('customer', { name: '华东贸易', phone }, 'zh-CN', { today });
      return r.ok ? r.value.phone : r.errors;
    };
    expect(save('１３８\u3000００１３\u3000８０００')).toBe('138 0013 8000');
    expect(save('＋８６\u00a0１３８００１３８０００')).toBe('+86 13800138000');
    expect(save('（０１０）１２３４５６７８')).toBe('(010)12345678');
    expect(save('４００－８１０－８８８８')).toBe('400-810-8888');
    expect(save('１２３')).toEqual([{ field: 'phone', message: expect.stringContaining('400/800 服务号码') }]);
  });

  test('customer: defaults (terms 30, status active), checkbox, creditLimit empty is null, formula text kept as text', () => {
    const r = validateInput(
      'customer',
      { name: '=HYPERLINK("http://x")', remindersPaused: true, creditLimit: '' },
      'en',
      {
        today,
      },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('=HYPERLINK("http://x")');
    expect(r.value.termsDays).toBe(30);
    expect(r.value.status).toBe('active');
    expect(r.value.creditLimit).toBeNull();
    expect(r.value.remindersPaused).toBe(true);
    expect(r.value.id).toBe('');
  });

  test('customerEdit requires the id; create does not', () => {
    const edit = validateInput('customerEdit', { name: 'A' }, 'zh-CN');
    expect(edit).toEqual({ ok: false, errors: [{ field: 'id', message: '客户编号：必填' }] });
  });

  test('text over 50,000 characters and names over 200 are refused', () => {
    const r = validateInput('customer', { name: 'x'.repeat(201), notes: 'y'.repeat(50001) }, 'en');
    expect(r.ok ? [] : r.errors).toEqual([
      { field: 'name', message: 'Name must be at most 200 characters' },
      { field: 'notes', message: 'Notes must be at most 50000 characters' },
    ]);
  });

  test('payment: not in the future; no customerId / recordedBy fields', () => {
    expect(inputFields('payment').map((c) => c.key)).not.toContain('customerId');
    const r = validateInput('payment', { invoiceId: 'INV-1', date: '2026-11-23', amount: '10', method: '现金' }, 'en', {
      today,
    });
    expect(r).toEqual({ ok: false, errors: [{ field: 'date', message: 'Date cannot be in the future' }] });
    const ok = validateInput(
      'payment',
      { invoiceId: 'INV-1', date: '2026-11-22', amount: '10', method: '现金' },
      'en',
      {
        today,
      },
    );
    expect(ok).toEqual({
      ok: true,
      value: { id: '', invoiceId: 'INV-1', date: '2026-11-22', amount: 1000, method: 'cash', reference: '', notes: '' },
    });
  });

  test('interaction: satisfaction 1–5, summary required', () => {
    const r = validateInput('interaction', { customerId: 'C-1', date: '2026-01-01', satisfaction: '6' }, 'zh-CN');
    expect(r.ok ? [] : r.errors).toEqual([
      { field: 'summary', message: '摘要：必填' },
      { field: 'satisfaction', message: '满意度：必须在 1 到 5 之间' },
    ]);
  });

  test('the raw zod schema is usable directly', () => {
    const s = inputSchema('interaction', 'en');
    expect(s.safeParse({ customerId: 'C-1', date: '2026-01-01', summary: 'hi' }).success).toBe(true);
    expect(s.safeParse({}).success).toBe(false);
  });
});
