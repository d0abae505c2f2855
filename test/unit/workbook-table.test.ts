import { mapHeader, readRow, requireColumns, writeCell, writeRow } from '../../src/domain/table';
import { columnOf } from '../../src/domain/schema';

const dateText = (d: object, kind: 'date' | 'datetime') => {
  const iso = (d as Date).toISOString();
  return kind === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
};

describe('table', () => {
  const header = ['Amount', '单据编号', 'My column', '客户编号', 'issue date', '状态', '到期日', '已收金额'];
  const map = mapHeader('invoices', header);

  test('maps headers in either language and any order; user columns ignored; missing listed', () => {
    expect(map.index).toMatchObject({ amount: 0, id: 1, customerId: 3, issueDate: 4, status: 5, dueDate: 6, paid: 7 });
    expect(map.missing.map((c) => c.key)).toContain('outstanding');
    expect(map.width).toBe(8);
    expect(() => requireColumns(map)).not.toThrow();
    expect(() => requireColumns(map, ['outstanding'])).toThrow(
      /missing the required column "Outstanding".*Set up \/ repair/,
    );
  });

  test('a missing required column names it in both languages', () => {
    const m = mapHeader('invoices', ['单据编号', '客户编号', '金额']);
    try {
      requireColumns(m);
      throw new Error('no throw');
    } catch (e) {
      expect((e as { text: { 'zh-CN': string } }).text['zh-CN']).toBe(
        '工作表“应收账款”缺少必需的列“开票日期”。请运行菜单“设置 / 修复工作簿”。',
      );
    }
  });

  test('reads a row: Date via callback, money to cents, enum labels canonical, ids as text', () => {
    const row = [
      1234.5,
      '0000611365',
      'mine',
      'C-000001',
      new Date('2024-01-05T00:00:00Z'),
      'Disputed',
      '2024/2/1',
      '',
    ];
    const r = readRow(map, row, 2, dateText);
    expect(r.kind).toBe('record');
    if (r.kind !== 'record') return;
    expect(r.record).toMatchObject({
      id: '0000611365',
      amount: 123450,
      issueDate: '2024-01-05',
      dueDate: '2024-02-01',
      status: 'disputed',
      paid: 0,
      outstanding: 0,
      agingBucket: '',
    });
  });

  test('bad typed cell → RowIssue naming the field; bad derived cell reads as empty; blank rows are blank', () => {
    const bad = readRow(map, ['abc', 'I-1', '', 'C-1', '2024-01-05', '', '', ''], 5, dateText);
    expect(bad).toEqual({
      kind: 'issue',
      issue: {
        role: 'invoices',
        row: 5,
        field: 'amount',
        message: {
          'zh-CN': '金额：请输入金额（最多两位小数）',
          'zh-TW': '金額：請輸入金額（最多兩位小數）',
          en: 'Amount must be an amount with at most two decimals',
        },
      },
    });
    const derived = readRow(map, [10, 'I-1', '', 'C-1', '2024-01-05', '', '', 'n/a'], 5, dateText);
    expect(derived.kind === 'record' && derived.record.paid).toBe(0);
    expect(readRow(map, ['', '', 'user text', '', '', '', '', ''], 6, dateText)).toEqual({ kind: 'blank' });
    const missingId = readRow(map, [10, '', '', 'C-1', '2024-01-05', '', '', ''], 7, dateText);
    expect(missingId.kind === 'issue' && missingId.issue.field).toBe('id');
  });

  test('writes: money as number, dates as ISO text, enums as labels, risky text guarded, user cells kept', () => {
    const out = writeRow(
      map,
      { id: '0012', amount: 123450, issueDate: '2024-01-05', status: 'written-off', customerId: '=cmd|calc' },
      'zh-CN',
      ['x', 'x', 'USER', 'x', 'x', 'x', 'x', 'x'],
    );
    expect(out).toEqual([1234.5, "'0012", 'USER', "'=cmd|calc", '2024-01-05', '已核销', 'x', 'x']);
    expect(writeCell(columnOf('customers', 'remindersPaused')!, true, 'en')).toBe(true);
    expect(writeCell(columnOf('customers', 'creditLimit')!, null, 'en')).toBe('');
    expect(writeCell(columnOf('invoices', 'agingBucket')!, '1-30', 'en')).toBe("'1-30 days");
    expect(writeCell(columnOf('invoices', 'agingBucket')!, '1-30', 'en', false)).toBe('1-30 days');
  });

  test('round trip: what is written reads back as the same record (guard stripped as Sheets does)', () => {
    const full = mapHeader('customers', [
      '客户编号',
      '客户名称',
      '客户类型',
      '电话',
      '信用额度',
      '暂停催收',
      '账期(天)',
    ]);
    const rec = {
      id: '007',
      name: '+Acme',
      type: 'company' as const,
      phone: '+8613812345678',
      creditLimit: 100000,
      remindersPaused: true,
      termsDays: 30,
    };
    const cells = writeRow(full, rec, 'en').map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));
    const back = readRow(full, cells, 2, dateText);
    expect(back.kind === 'record' && back.record).toMatchObject(rec);
  });
});
