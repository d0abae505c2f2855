// PRODUCT.md §2 and §10: formats and validation cover every row of every sheet, not the first 1,000. Rows added at the
// bottom inherit the row above (emulator/src/spreadsheet/README.md "Inserted rows inherit"); rows that lost their
// formats (a workbook grown before that, pasted or cleared rows) get them back from Set up / repair within 150 calls.
import { colIndex, customerWithInvoice, type Env, mustSave, newEnv, saveInvoice, sheetName, sheetOf } from './harness';

const INVOICES = sheetName('invoices');

/** Fills the Receivables sheet to `last` rows the way the playground's demo does: grow the grid, write values. */
function fillTo(env: Env, last: number, customerId: string): void {
  const sheet = sheetOf(env, INVOICES);
  const width = sheet.getLastColumn();
  const id = colIndex(env, INVOICES, '单据编号');
  const cust = colIndex(env, INVOICES, '客户编号');
  const issue = colIndex(env, INVOICES, '开票日期');
  const amount = colIndex(env, INVOICES, '金额');
  const status = colIndex(env, INVOICES, '状态');
  const start = sheet.getLastRow() + 1;
  if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  const rows = Array.from({ length: last - start + 1 }, (_, k) => {
    const r = new Array(width).fill('');
    r[id] = `INV-${String(start + k).padStart(6, '0')}`;
    r[cust] = customerId;
    r[issue] = '2026-01-05';
    r[amount] = 100;
    r[status] = '未结清';
    return r;
  });
  sheet.getRange(start, 1, rows.length, width).setValues(rows);
}

function cellFormat(env: Env, row: number, col: number): string {
  return sheetOf(env, INVOICES)
    .getRange(row, col + 1)
    .getNumberFormat();
}

function hasRule(env: Env, row: number, col: number): boolean {
  return (
    sheetOf(env, INVOICES)
      .getRange(row, col + 1)
      .getDataValidation() !== null
  );
}

describe('every row formatted and validated', () => {
  test('rows past 1,000 and a sidebar save at row 3,002 keep text ids, money format and the status list', () => {
    const env = newEnv();
    const { customerId } = customerWithInvoice(
      env,
      { name: '远行贸易', email: 'a@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '55' },
    );
    fillTo(env, 3001, customerId);
    const id = colIndex(env, INVOICES, '单据编号');
    const amount = colIndex(env, INVOICES, '金额');
    const status = colIndex(env, INVOICES, '状态');
    for (const row of [1001, 2500, 3001]) {
      expect([cellFormat(env, row, id), cellFormat(env, row, amount), hasRule(env, row, status)]).toEqual([
        '@',
        '#,##0.00',
        true,
      ]);
    }
    mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-01', amount: '12.50', currency: 'CNY' }));
    const sheet = sheetOf(env, INVOICES);
    expect(sheet.getLastRow()).toBe(3002);
    expect([cellFormat(env, 3002, id), cellFormat(env, 3002, amount), hasRule(env, 3002, status)]).toEqual([
      '@',
      '#,##0.00',
      true,
    ]);
    // The row the add-on never wrote carries the same status list as row 2.
    const list = (row: number) =>
      sheet
        .getRange(row, status + 1)
        .getDataValidation()
        ?.getCriteriaValues()[0];
    expect(list(2999)).toEqual(list(2));
  });

  test('Set up / repair restores formats and rules on rows that lost them, within 150 calls', () => {
    const env = newEnv();
    const { customerId } = customerWithInvoice(
      env,
      { name: '远行贸易', email: 'a@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '55' },
    );
    fillTo(env, 3000, customerId);
    const sheet = sheetOf(env, INVOICES);
    // Rows 1,001–3,000 lose every format and rule (grown before rows inherited, or pasted over as plain values).
    sheet.getRange(1001, 1, 2000, sheet.getLastColumn()).clearFormat();
    const id = colIndex(env, INVOICES, '单据编号');
    const amount = colIndex(env, INVOICES, '金额');
    const status = colIndex(env, INVOICES, '状态');
    expect(hasRule(env, 2500, status)).toBe(false);
    env.resetCounts();
    env.clickMenu('setupWorkbook');
    const calls = Object.values(env.counts() as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(calls).toBeLessThanOrEqual(150);
    expect([cellFormat(env, 2500, id), cellFormat(env, 2500, amount), hasRule(env, 2500, status)]).toEqual([
      '@',
      '#,##0.00',
      true,
    ]);
    const idCol = String.fromCharCode(65 + id);
    expect(env.userEdit(INVOICES, `${idCol}2500`, [['0000611365']]).accepted).toBe(true);
    expect(sheet.getRange(2500, id + 1).getValue()).toBe('0000611365');
    // A repair with nothing missing is a cheap check.
    env.resetCounts();
    env.clickMenu('setupWorkbook');
    expect(Object.values(env.counts() as Record<string, number>).reduce((a, b) => a + b, 0)).toBeLessThan(60);
  });
});
