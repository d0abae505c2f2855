// Export files written by the sidebar (sidebar/src/export-file.ts) read back with the import's own reader: every
// cell survives (numbers as numbers, ids with leading zeros, Chinese text, formula-looking text), and a multi-sheet
// workbook yields the sheet named like the import's target.
import { unzipSync } from 'fflate';
import type { ExportSheet } from '../../src/app/import-types';
import { unguard } from '../../src/domain/import-values';
import { toCsv, toCsvFile, toXlsx } from '../../sidebar/src/export-file';
import { readFileTable } from '../../sidebar/src/file-table';

const CUSTOMERS: ExportSheet = {
  role: 'customers',
  name: '客户',
  header: ['客户编号', '客户名称', '信用额度', '暂停催收', '备注'],
  rows: [
    ['0001', '北京华星科技有限公司', 500000, false, '=HYPERLINK("http://x","y")'],
    ['C-000002', 'Shanghai "Far Sail" Trading, Ltd.', 1234.5, true, 'line 1\nline 2'],
    ['C-000003', '<b>&amp;</b>', '', false, '+86 138'],
  ],
};
const INVOICES: ExportSheet = {
  role: 'invoices',
  name: '应收账款',
  header: ['单据编号', '客户编号', '开票日期', '金额'],
  rows: [['0000611365', '0001', '2024-01-05', 12345.6]],
};

test('XLSX round trip: the sheet named like the target, every cell as written', () => {
  const bytes = toXlsx([CUSTOMERS, INVOICES]);
  const customers = readFileTable('backup.xlsx', bytes, ['客户', 'Customers']);
  expect(customers).toEqual({ ok: true, header: CUSTOMERS.header, rows: CUSTOMERS.rows });
  const invoices = readFileTable('backup.xlsx', bytes, ['应收账款', 'Receivables']);
  expect(invoices).toEqual({ ok: true, header: INVOICES.header, rows: INVOICES.rows });
  const names = Object.keys(unzipSync(bytes));
  expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']));
});

test('CSV: UTF-8 with BOM, quoted where needed, formula-looking text guarded and read back unguarded', () => {
  const bytes = toCsv(CUSTOMERS);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const t = readFileTable('客户.csv', bytes);
  if (!t.ok) throw new Error(t.code);
  expect(t.header).toEqual(CUSTOMERS.header);
  expect(t.rows[0][4]).toBe(`'=HYPERLINK("http://x","y")`);
  expect(unguard(String(t.rows[0][4]))).toBe('=HYPERLINK("http://x","y")');
  expect(t.rows[1][1]).toBe('Shanghai "Far Sail" Trading, Ltd.');
  expect(t.rows[1][4]).toBe('line 1\nline 2');
  expect(t.rows.map((r) => r[0])).toEqual(['0001', 'C-000002', 'C-000003']);
});

test('several sheets as CSV come zipped, one file per sheet', () => {
  const out = toCsvFile([CUSTOMERS, INVOICES]);
  expect(out.ext).toBe('zip');
  expect(Object.keys(unzipSync(out.bytes))).toEqual(['客户.csv', '应收账款.csv']);
  expect(toCsvFile([INVOICES]).ext).toBe('csv');
});
