// The sidebar's file reader (sidebar/src/file-table.ts) on fixtures with the layouts of QuickBooks, Xero, 用友 and
// 金蝶 exports, and on every bad input PRODUCT.md §12 names: empty, binary, too large, wrong encoding, merged
// header cells.
import { decodeText, looksBinary, MAX_FILE_BYTES, parseCsv, readFileTable } from '../../sidebar/src/file-table';
import { gbk, KINGDEE_ROWS, QUICKBOOKS_CSV, utf8, xlsx, XERO_CSV, YONYOU_CSV } from '../fixtures/import-files';

function ok(t: ReturnType<typeof readFileTable>) {
  if (!t.ok) throw new Error(`not read: ${t.code}`);
  return t;
}

test('QuickBooks CSV (UTF-8, CRLF, quoted thousands)', () => {
  const t = ok(readFileTable('ar.csv', utf8(QUICKBOOKS_CSV)));
  expect(t.header).toEqual(['Date', 'Transaction Type', 'Num', 'Customer', 'Due Date', 'Amount', 'Open Balance']);
  expect(t.rows[0]).toEqual([
    '01/05/2024',
    'Invoice',
    '1001',
    '北京华星科技有限公司',
    '02/04/2024',
    '1,200.00',
    '1,200.00',
  ]);
  expect(t.rows).toHaveLength(3);
});

test('Xero CSV with a UTF-8 BOM: the BOM is not part of the first header', () => {
  const t = ok(readFileTable('xero.csv', utf8(XERO_CSV, true)));
  expect(t.header[0]).toBe('ContactName');
  expect(t.rows[1]).toEqual(['上海远帆贸易有限公司', 'INV-0043', '2024-01-09', '', '12,000.00', 'CNY']);
});

test('用友 CSV saved by Chinese Excel in GBK decodes to the same text as UTF-8', () => {
  const bytes = gbk(YONYOU_CSV);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  const t = ok(readFileTable('客户档案.csv', bytes));
  expect(t).toEqual(ok(readFileTable('客户档案.csv', utf8(YONYOU_CSV))));
  expect(t.header[1]).toBe('客户名称');
  expect(t.rows[0][0]).toBe('0001');
  expect(t.rows[2][1]).toBe('深圳前海数据服务有限公司，分公司');
});

test('金蝶 XLSX: shared strings, numbers and serial dates, leading zeros kept', () => {
  const t = ok(readFileTable('应收单.xlsx', xlsx(KINGDEE_ROWS)));
  expect(t.header).toEqual(KINGDEE_ROWS[0]);
  expect(t.rows[0]).toEqual(['0000611365', '北京华星科技有限公司', 45296, '2024/2/4', 10925.31, 12345.6, 'CNY']);
  expect(t.rows[1][3]).toBe('');
});

test('CSV quoting: delimiters, doubled quotes and newlines inside quotes; semicolon files', () => {
  expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([
    ['a', 'b'],
    ['x, y', 'say "hi"\nthere'],
  ]);
  expect(parseCsv('a;b;c\n1;2;3')).toEqual([
    ['a', 'b', 'c'],
    ['1', '2', '3'],
  ]);
});

describe('bad files get a code, never a table', () => {
  test('empty file and a file of blank lines', () => {
    expect(readFileTable('a.csv', new Uint8Array())).toEqual({ ok: false, code: 'empty' });
    expect(readFileTable('a.csv', utf8('\r\n\r\n'))).toEqual({ ok: false, code: 'empty' });
  });

  test('binary garbage', () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x & 0xff;
    }
    expect(looksBinary(bytes)).toBe(true);
    expect(readFileTable('garbage.csv', bytes)).toEqual({ ok: false, code: 'binary' });
  });

  test('a file over the size limit (30 MB) is refused before parsing', () => {
    const big = new Uint8Array(30 * 1024 * 1024);
    expect(big.length).toBeGreaterThan(MAX_FILE_BYTES);
    expect(readFileTable('big.csv', big)).toEqual({ ok: false, code: 'tooLarge' });
  });

  test('an encoding that is neither UTF-8 nor GBK: UTF-16 as Excel writes "Unicode text"', () => {
    const text = '客户名称\t金额\r\n北京\t100\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(readFileTable('x.txt', bytes)).toEqual({ ok: false, code: 'encoding' });
    expect(decodeText(new Uint8Array([0xe5, 0xae]))).not.toBe('客');
  });

  test('XLSX: merged header cells, and a file that only claims to be XLSX', () => {
    expect(readFileTable('m.xlsx', xlsx(KINGDEE_ROWS, { merge: 'A1:B1' }))).toEqual({
      ok: false,
      code: 'mergedHeader',
    });
    expect(readFileTable('fake.xlsx', utf8('单据号,金额\n1,2'))).toEqual({ ok: false, code: 'xlsx' });
    expect(readFileTable('broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({
      ok: false,
      code: 'xlsx',
    });
  });
});
