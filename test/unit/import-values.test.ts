// PRODUCT.md §12 value spellings: dates, money, ids as ERP and Excel exports write them, normalized to what the form
// schemas read; and header mapping for the column layouts of public AR exports (QuickBooks, Xero, 用友, 金蝶).
import fc from 'fast-check';
import { autoMapping, cleanMapping, headerKey } from '../../src/domain/import-mapping';
import { dayFromSerial, formText, normalizeDay, normalizeId, normalizeMoney } from '../../src/domain/import-values';
import { isoFromDayNumber } from '../../src/domain/day';
import { parseMoney } from '../../src/domain/money';
import { columnOf } from '../../src/domain/schema';
import { halfWidth } from '../../src/domain/width';

describe('dates', () => {
  test.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['２０２４年１月５日', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024-01-05 00:00:00', '2024-01-05'],
    ['2024/1/5 13:45', '2024-01-05'],
    ['45296', '2024-01-05'],
  ])('%s → %s', (text, iso) => {
    expect(normalizeDay(text)).toBe(iso);
  });

  test('serial numbers count from 1899-12-30 like Sheets and Excel (45296 = 2024-01-05, 1 = 1899-12-31)', () => {
    expect(normalizeDay(45296)).toBe('2024-01-05');
    expect(normalizeDay(45296.75)).toBe('2024-01-05');
    expect(dayFromSerial(1)).toBe('1899-12-31');
    expect(dayFromSerial(60)).toBe('1900-02-28');
    expect(dayFromSerial(0)).toBeNull();
  });

  test('day-first or month-first as declared', () => {
    expect(normalizeDay('05/01/2024', 'dmy')).toBe('2024-01-05');
    expect(normalizeDay('05/01/2024', 'mdy')).toBe('2024-05-01');
    expect(normalizeDay('13/01/2024', 'dmy')).toBe('2024-01-13');
    expect(normalizeDay('13/01/2024', 'mdy')).toBeNull();
  });

  test.each(['2024-13-45', '2023-02-29', 'yesterday', '1/5', ''])('%s is not a day', (text) => {
    expect(normalizeDay(text)).toBeNull();
  });

  test('every calendar day round-trips through each spelling', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25000, max: 60000 }), (n) => {
        const iso = isoFromDayNumber(n);
        const [y, m, d] = iso.split('-').map(Number);
        expect(normalizeDay(`${y}/${m}/${d}`)).toBe(iso);
        expect(normalizeDay(`${y}年${m}月${d}日`)).toBe(iso);
        expect(normalizeDay(`${d}/${m}/${y}`, 'dmy')).toBe(y >= 1000 ? iso : null);
        expect(normalizeDay(`${m}/${d}/${y}`, 'mdy')).toBe(y >= 1000 ? iso : null);
      }),
    );
  });
});

describe('money', () => {
  test.each([
    ['¥12,345.60', 1234560],
    ['￥12,345.60', 1234560],
    ['12,345.60元', 1234560],
    ['８８００元', 880000],
    ['ＲＭＢ１，２３４．５', 123450],
    ['人民币 1,000', 100000],
    ['CNY 99.9', 9990],
    ['(1,234.00)', -123400],
    ['1 234.56', 123456],
  ])('%s → %i cents', (text, cents) => {
    expect(parseMoney(normalizeMoney(text))).toBe(cents);
  });

  test('number cells become exact cents (no binary noise)', () => {
    expect(parseMoney(normalizeMoney(12345.6))).toBe(1234560);
    expect(parseMoney(normalizeMoney(0.1 + 0.2))).toBe(30);
  });

  test('text that is not money stays as typed, so the field rule rejects it by name', () => {
    expect(normalizeMoney('坏金额')).toBe('坏金额');
    expect(parseMoney(normalizeMoney('坏金额'))).toBeNull();
  });
});

test('currency names as Chinese ERPs write them', () => {
  const cur = columnOf('invoices', 'currency')!;
  expect(['人民币', 'RMB', 'rmb', '美元', '港币', 'EUR', 'cny'].map((c) => formText(cur, c, 'dmy'))).toEqual([
    'CNY',
    'CNY',
    'CNY',
    'USD',
    'HKD',
    'EUR',
    'cny',
  ]);
});

describe('ids and text', () => {
  test('ids verbatim: text keeps leading zeros, integer cells have no exponent or grouping', () => {
    expect(normalizeId('0000611365')).toBe('0000611365');
    expect(normalizeId(611365)).toBe('611365');
    expect(normalizeId(12345678901234567000)).toBe('12345678901234567168');
  });

  test('formula-looking text passes through as text (the sheet writer stores it inert)', () => {
    const name = columnOf('customers', 'name')!;
    expect(formText(name, '=HYPERLINK("http://x","y")', 'dmy')).toBe('=HYPERLINK("http://x","y")');
  });

  test('full-width digits fold in phones and tax ids, not in names', () => {
    expect(halfWidth('１３８００１３８０００')).toBe('13800138000');
    expect(formText(columnOf('customers', 'phone')!, '１３８００１３８０００', 'dmy')).toBe('13800138000');
    expect(formText(columnOf('customers', 'name')!, 'ＡＢＣ公司', 'dmy')).toBe('ＡＢＣ公司');
    expect(formText(columnOf('customers', 'termsDays')!, '４５天', 'dmy')).toBe('45');
  });
});

describe('header mapping for public AR export layouts', () => {
  test('用友 U8 客户档案', () => {
    const m = autoMapping('customers', [
      '客户编码',
      '客户名称',
      '客户简称',
      '税号',
      '联系人',
      '手机',
      'Email地址',
      '地址',
    ]);
    expect(m).toMatchObject({ id: '客户编码', name: '客户名称', taxId: '税号', contact: '联系人', phone: '手机' });
  });

  test('金蝶 K3 应收单: 价税合计 wins over 金额 when both exist', () => {
    const m = autoMapping('invoices', ['单据编号', '客户', '业务日期', '到期日', '金额', '价税合计', '币别']);
    expect(m).toMatchObject({ id: '单据编号', customerId: '客户', issueDate: '业务日期', dueDate: '到期日' });
    expect(m.amount).toBe('价税合计');
    expect(m.currency).toBe('币别');
  });

  test('QuickBooks A/R detail', () => {
    const m = autoMapping('invoices', [
      'Date',
      'Transaction Type',
      'Num',
      'Customer',
      'Due Date',
      'Amount',
      'Open Balance',
    ]);
    expect(m).toMatchObject({
      id: 'Num',
      customerId: 'Customer',
      issueDate: 'Date',
      dueDate: 'Due Date',
      amount: 'Amount',
    });
  });

  test('Xero invoices export', () => {
    const m = autoMapping('invoices', ['ContactName', 'InvoiceNumber', 'InvoiceDate', 'DueDate', 'Total', 'Currency']);
    expect(m).toMatchObject({
      id: 'InvoiceNumber',
      customerId: 'ContactName',
      issueDate: 'InvoiceDate',
      dueDate: 'DueDate',
      amount: 'Total',
      currency: 'Currency',
    });
  });

  test('the ledger’s own headers in either language map back to themselves (restore of an export)', () => {
    const zh = autoMapping('payments', ['回款编号', '单据编号', '回款日期', '回款金额', '付款方式']);
    expect(zh).toEqual({
      id: '回款编号',
      invoiceId: '单据编号',
      date: '回款日期',
      amount: '回款金额',
      method: '付款方式',
    });
    const en = autoMapping('payments', ['Payment ID', 'Invoice ID', 'Date', 'Amount', 'Method']);
    expect(en).toEqual({ id: 'Payment ID', invoiceId: 'Invoice ID', date: 'Date', amount: 'Amount', method: 'Method' });
  });

  test('headers compare case-, width- and punctuation-insensitively', () => {
    expect(headerKey(' Invoice  No. ')).toBe(headerKey('invoiceno'));
    expect(headerKey('ＩＮＶＯＩＣＥ＃')).toBe(headerKey('Invoice #'));
  });

  test('a mapping from the client keeps only real fields and headers', () => {
    expect(cleanMapping('invoices', ['a', 'b'], { id: 'a', amount: 'zzz', nope: 'b', customerId: 5 })).toEqual({
      id: 'a',
    });
    expect(cleanMapping('invoices', ['a'], 'x')).toBeNull();
  });
});
