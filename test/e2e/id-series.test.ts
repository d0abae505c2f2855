// Through the built bundle: an id typed into the sheet by hand (an imported ERP number) sets the series the next
// sidebar save continues, and a phone typed with full-width digits is stored half-width (PRODUCT.md §13).
import {
  colIndex,
  customerWithInvoice,
  mustSave,
  newEnv,
  rows,
  saveCustomer,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
} from './harness';

describe('ids and phones as a finance team types them', () => {
  test('after INV-2026-02034 typed in the sheet, the next invoice is INV-2026-02035', () => {
    const env = newEnv();
    const { customerId, invoiceId } = customerWithInvoice(
      env,
      { name: '上海乙贸易有限公司', email: 'ar@example.com' },
      { issueDate: '2026-02-01', dueDate: '2026-03-01', amount: '1000' },
    );
    expect(invoiceId).toBe('INV-000001');
    const name = sheetName('invoices');
    const row = rows(env, name).findIndex((r) => r['单据编号'] === invoiceId) + 2;
    sheetOf(env, name)
      .getRange(row, colIndex(env, name, '单据编号') + 1)
      .setValue('INV-2026-02034');
    const next = mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-02', amount: '55', currency: 'CNY' }));
    expect(next).toBe('INV-2026-02035');
  });

  test('a phone typed with full-width digits and IME spaces is saved half-width; a 400 number is accepted', () => {
    const env = newEnv();
    const a = mustSave(
      saveCustomer(env, { type: 'company', name: '甲公司', phone: '１３８\u3000００１３\u3000８０００' }),
    );
    const b = mustSave(saveCustomer(env, { type: 'company', name: '乙公司', phone: '400-810-8888' }));
    const byId = Object.fromEntries(rows(env, sheetName('customers')).map((r) => [r['客户编号'], r['电话']]));
    expect(byId[a]).toBe('138 0013 8000');
    expect(byId[b]).toBe('400-810-8888');
  });
});

describe('payment methods Chinese teams use', () => {
  test('微信, 支付宝 and 承兑汇票 are accepted, stored by their label, and offered by the sheet dropdown', () => {
    const env = newEnv();
    const { invoiceId } = customerWithInvoice(
      env,
      { name: '丙公司', email: 'c@example.com' },
      { issueDate: '2026-02-01', dueDate: '2026-03-01', amount: '300' },
    );
    for (const method of ['微信', 'Alipay', '承兑汇票'])
      mustSave(savePayment(env, { invoiceId, date: '2026-02-10', amount: '100', method }));
    const name = sheetName('payments');
    expect(rows(env, name).map((r) => r['付款方式'])).toEqual(['微信', '支付宝', '承兑汇票']);
    const rule = sheetOf(env, name)
      .getRange(2, colIndex(env, name, '付款方式') + 1)
      .getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual(expect.arrayContaining(['微信', '支付宝', '承兑汇票']));
  });
});
