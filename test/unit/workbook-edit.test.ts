import { cellText, editAuditEntry, NOTE_MARK, noteFor, RANGE_CHARS, rangeCells } from '../../src/app/edit-audit';
import { layoutOf, planHeader, ruleFor, runs } from '../../src/app/setup-plan';
import { parseA1 } from '../../src/adapters/edit-event';
import { columnOf } from '../../src/domain/schema';
import { withDefaults } from '../../src/domain/settings';

const dateText = (d: object) => (d as Date).toISOString().slice(0, 10);

describe('onEdit decisions', () => {
  test('notes: invalid typed value flagged (localized), fixed value clears only our note, user notes kept', () => {
    const limit = columnOf('customers', 'creditLimit');
    expect(noteFor(limit, 'lots', '', dateText, 'en')).toBe(
      `${NOTE_MARK}Customer Ledger: Credit limit must be an amount with at most two decimals`,
    );
    expect(noteFor(limit, 12, `${NOTE_MARK}old`, dateText, 'en')).toBe('');
    expect(noteFor(limit, 12, 'my own note', dateText, 'en')).toBeNull();
    expect(noteFor(columnOf('customers', 'type'), '公司?', '', dateText, 'zh-CN')).toBe(
      `${NOTE_MARK}客户台账：客户类型：请选择以下之一：企业、个人`,
    );
    expect(
      noteFor(columnOf('customers', 'birthDate'), new Date('1990-01-01T00:00:00Z'), '', dateText, 'en'),
    ).toBeNull();
    expect(noteFor(undefined, 'x', '', dateText, 'en')).toBeNull();
  });

  test('audit entry: single cell old → new; ranges summarised', () => {
    const base = { role: 'customers' as const, at: '2026-03-02 10:00:00', user: '', ids: ['C-1', 'C-2'] };
    expect(
      editAuditEntry({ ...base, a1: 'B2', rows: 1, cols: 1, field: 'name', oldValue: 'a', newValue: 'b' }, 'en'),
    ).toEqual({
      at: '2026-03-02 10:00:00',
      user: '',
      action: 'edit',
      sheet: 'customers',
      recordId: 'C-1, C-2',
      field: 'name',
      oldValue: 'a',
      newValue: 'b',
      source: 'edit',
    });
    expect(editAuditEntry({ ...base, a1: 'B2:C3', rows: 2, cols: 2 }, 'en').newValue).toBe(
      'Range edit B2:C3: 2 rows × 2 columns',
    );
    expect(cellText(new Date('2026-01-02T00:00:00Z'), (d) => dateText(d))).toBe('2026-01-02');
  });

  test('range audit carries the new values after the summary, cell by cell, in the workbook language', () => {
    const base = { role: 'customers' as const, at: '2026-03-02 10:00:00', user: '', ids: ['C-1'] };
    const values = [
      ['Acme', new Date('2026-01-02T00:00:00Z')],
      ['', 12.5],
    ];
    const en = rangeCells(values, 2, 26, dateText, 'en');
    expect(en).toBe('Z2=Acme; AA2=2026-01-02; Z3=; AA3=12.5');
    expect(editAuditEntry({ ...base, a1: 'Z2:AA3', rows: 2, cols: 2, cells: en }, 'en')).toMatchObject({
      action: 'edit-range',
      field: 'Z2:AA3',
      oldValue: '',
      newValue: 'Range edit Z2:AA3: 2 rows × 2 columns: Z2=Acme; AA2=2026-01-02; Z3=; AA3=12.5',
    });
    expect(rangeCells([['企业', '张三']], 5, 3, dateText, 'zh-CN')).toBe('C5=企业；D5=张三');
  });

  test('range values are bounded: at most 20 cells and a length cap, then "(+k more)"; line breaks flattened', () => {
    const grid = Array.from({ length: 30 }, (_, i) => [`row ${i}`, i]);
    const s = rangeCells(grid, 2, 1, dateText, 'en');
    expect(s.startsWith('A2=row 0; B2=0; A3=row 1; B3=1;')).toBe(true);
    expect(s.endsWith('B11=9… (+40 more)')).toBe(true);
    expect(rangeCells(grid, 2, 1, dateText, 'zh-CN').endsWith('B11=9…（另 40 格）')).toBe(true);
    const long = Array.from({ length: 10 }, () => ['x'.repeat(500), 'a\nb']);
    const cut = rangeCells(long, 1, 1, dateText, 'en');
    expect(cut.length).toBeLessThanOrEqual(RANGE_CHARS + 20);
    expect(cut).toMatch(/^A1=x{59}…; B1=a b; A2=x{59}…;/);
    const listed = cut.split('; ').length;
    expect(cut.endsWith(`(+${20 - listed} more)`)).toBe(true);
  });

  test('A1 parsing', () => {
    expect(parseA1('B2')).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
    expect(parseA1('AA10:AB12')).toEqual({ row: 10, col: 27, rows: 3, cols: 2 });
    expect(parseA1("'客户'!$C$3")).toEqual({ row: 3, col: 3, rows: 1, cols: 1 });
    expect(parseA1('A:A')).toBeNull();
  });
});

describe('setup plan', () => {
  test('missing columns are appended after user columns, never reordering', () => {
    const plan = planHeader('payments', ['Invoice ID', 'mine', '回款编号', '', ''], 'zh-CN');
    expect(plan.header.slice(0, 3)).toEqual(['Invoice ID', 'mine', '回款编号']);
    expect(plan.added.map((c) => c.key)).toEqual([
      'customerId',
      'date',
      'amount',
      'method',
      'reference',
      'recordedBy',
      'notes',
      'receiptId',
    ]);
    expect(plan.header[3]).toBe('客户编号');
    expect(plan.layout.startsWith('invoiceId,,id,customerId')).toBe(true);
    expect(layoutOf(planHeader('payments', [...plan.header, 'extra'], 'en').map)).toBe(plan.layout);
  });

  test('rules per column from the schema (labels in the workbook language, industries from settings)', () => {
    const settings = withDefaults({ industries: '制造业, 金融' });
    expect(ruleFor(columnOf('customers', 'industry')!, 'zh-CN', settings)).toMatchObject({
      kind: 'list',
      values: ['制造业', '金融'],
    });
    expect(ruleFor(columnOf('invoices', 'status')!, 'en', settings)).toMatchObject({
      values: ['Open', 'Disputed', 'Promised', 'Written off', 'Pending approval'],
    });
    expect(ruleFor(columnOf('interactions', 'satisfaction')!, 'en', settings)).toMatchObject({
      kind: 'range',
      min: 1,
      max: 5,
    });
    expect(ruleFor(columnOf('invoices', 'outstanding')!, 'en', settings)).toBeNull();
    expect(runs([5, 1, 2, 3, 7, 8])).toEqual([
      { from: 1, count: 3 },
      { from: 5, count: 1 },
      { from: 7, count: 2 },
    ]);
  });
});
