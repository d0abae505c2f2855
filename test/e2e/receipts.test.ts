// One receipt split across several invoices (PRODUCT.md §1 payments.receiptId, §13; issue #16 part A), through the
// built add-on's `saveReceipt` rpc: oldest due first or amounts chosen per invoice, one payment row per invoice
// sharing a receiptId, invoices and customer balances updated, one audit batch, all or nothing, and a receipt above
// the customer's total outstanding refused with a clear message. Setup / repair adds the receiptId column.
import type { Customer360, SaveResult } from '../../src/app/sidebar-types';
import {
  colIndex,
  customerWithInvoice,
  type Env,
  headerRow,
  mustSave,
  newEnv,
  rows,
  rpc,
  saveInvoice,
  sheetName,
  sheetOf,
} from './harness';

const receipt = (env: Env, req: Record<string, unknown>) => rpc<SaveResult>(env, 'saveReceipt', req);

function book() {
  const env = newEnv();
  const { customerId, invoiceId: a } = customerWithInvoice(
    env,
    { name: '杭州明远科技有限公司', email: 'fin@mingyuan.example' },
    { issueDate: '2025-12-01', dueDate: '2025-12-31', amount: '1000' },
  );
  const b = mustSave(
    saveInvoice(env, { customerId, issueDate: '2026-01-05', dueDate: '2026-02-04', amount: '2500.50' }),
  );
  const c = mustSave(saveInvoice(env, { customerId, issueDate: '2026-02-01', dueDate: '2026-03-03', amount: '800' }));
  return { env, customerId, a, b, c };
}

const values = (amount: string) => ({ date: '2026-03-01', amount, method: 'wechat', reference: 'WX20260301' });

describe('split receipt', () => {
  test('oldest due first: one payment row per invoice sharing the receiptId; invoices and balance updated', () => {
    const { env, customerId, a, b, c } = book();
    const r = receipt(env, { customerId, values: values('2000'), allocation: 'oldest', lang: 'zh-CN' });
    expect(r).toMatchObject({
      ok: true,
      id: 'R-000001',
      message: `已登记收款 R-000001：¥2,000.00，分配到 2 张单据（${a}、${b}）。`,
      warnings: [`单据 ${a} 已结清。`],
    });
    const pays = rows(env, sheetName('payments'));
    expect(pays.map((p) => [p['单据编号'], p['回款金额'], p['收款单号'], p['付款方式'], p['客户编号']])).toEqual([
      [a, 1000, 'R-000001', '微信', customerId],
      [b, 1000, 'R-000001', '微信', customerId],
    ]);
    const v = rpc<Customer360>(env, 'customer360', customerId);
    expect(v.openInvoices.map((i) => [i.id, i.outstanding])).toEqual([
      [b, 150_050],
      [c, 80_000],
    ]);
    expect(v.outstanding).toBe(230_050);
    expect(rows(env, sheetName('customers'))[0]['应收余额']).toBe(2300.5);
    const audit = rows(env, sheetName('audit')).filter((x) => x['工作表'] === 'payments');
    expect(audit.map((x) => x['记录编号'])).toEqual(pays.map((p) => p['回款编号']));
    // A second receipt gets the next receipt id.
    const second = receipt(env, { customerId, values: values('10'), allocation: 'oldest', lang: 'en' });
    expect(second).toMatchObject({ ok: true, id: 'R-000002' });
    expect(second.message).toBe(`Receipt R-000002 recorded: ¥10.00 across 1 invoice (${b}).`);
    expect(c).toBeTruthy();
  });

  test('amounts chosen per invoice', () => {
    const { env, customerId, a, c } = book();
    const r = receipt(env, {
      customerId,
      values: values('1300'),
      allocation: 'chosen',
      parts: [
        { invoiceId: a, amount: '500' },
        { invoiceId: c, amount: '800' },
      ],
      lang: 'zh-CN',
    });
    expect(r.ok).toBe(true);
    expect(rows(env, sheetName('payments')).map((p) => [p['单据编号'], p['回款金额']])).toEqual([
      [a, 500],
      [c, 800],
    ]);
  });

  test.each([
    [
      'more than the total outstanding',
      { values: values('5000'), allocation: 'oldest' },
      '回款金额 ¥5,000.00 超过该客户未结清合计 ¥4,300.50，请核对金额，或将多出部分另行处理。',
    ],
    [
      'chosen amounts not adding up to the receipt',
      { values: values('1300'), allocation: 'chosen', parts: 'A500' },
      '各单据分配合计 ¥500.00 与回款金额 ¥1,300.00 不一致，请调整分配。',
    ],
    [
      'more than one invoice still owes',
      { values: values('1300'), allocation: 'chosen', parts: 'A1300' },
      '分配金额 ¥1,300.00 超过未收金额 ¥1,000.00',
    ],
  ])('refused, nothing written: %s', (_name, req, message) => {
    const { env, customerId, a } = book();
    const parts = (req as { parts?: string }).parts;
    const body = {
      ...req,
      customerId,
      lang: 'zh-CN',
      parts: parts ? [{ invoiceId: a, amount: parts.slice(1) }] : undefined,
    };
    const before = JSON.stringify([env.values(sheetName('payments')), env.values(sheetName('invoices'))]);
    const r = receipt(env, body);
    expect(r.ok).toBe(false);
    expect(r.message).toContain(message);
    expect(JSON.stringify([env.values(sheetName('payments')), env.values(sheetName('invoices'))])).toBe(before);
  });

  test('a receipt with a bad date or amount gets the field messages of the payment form', () => {
    const { env, customerId } = book();
    const r = receipt(env, {
      customerId,
      values: { date: '2026-03-09', amount: 'abc', method: 'bank' },
      allocation: 'oldest',
      lang: 'en',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field).sort()).toEqual(['amount', 'date']);
  });

  test('Set up / repair adds the receiptId column at the end of the payments sheet', () => {
    const env = newEnv({ locale: 'en_US' });
    const name = sheetName('payments', 'en');
    expect(headerRow(env, name).slice(-1)).toEqual(['Receipt ID']);
    const sh = sheetOf(env, name);
    sh.deleteColumn(colIndex(env, name, 'Receipt ID') + 1);
    expect(headerRow(env, name)).not.toContain('Receipt ID');
    env.clickMenu('setupWorkbook');
    expect(headerRow(env, name)).toContain('Receipt ID');
  });
});

describe('cost of the collections actions (PRODUCT.md §10: touch only what changes)', () => {
  /** `n` customers with one invoice each, then the measured customer with two more. */
  function wide(n: number) {
    const env = newEnv();
    for (let i = 0; i < n; i++)
      customerWithInvoice(
        env,
        { name: `客户${i}`, email: `c${i}@example.com` },
        { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '1000' },
      );
    const { customerId, invoiceId } = customerWithInvoice(
      env,
      { name: '被测客户', email: 'm@example.com' },
      { issueDate: '2025-12-01', dueDate: '2025-12-31', amount: '1000' },
    );
    mustSave(saveInvoice(env, { customerId, issueDate: '2026-01-05', dueDate: '2026-02-04', amount: '2000' }));
    return { env, customerId, invoiceId };
  }
  const measure = (env: Env, fn: () => void) => {
    env.resetCounts();
    fn();
    return { calls: env.total('SpreadsheetApp.') as number, cells: env.cells('SpreadsheetApp.').read as number };
  };
  const sheetCells = (env: Env, role: Parameters<typeof sheetName>[0]) => {
    const v = env.values(sheetName(role));
    return v.length * (v[0]?.length ?? 0);
  };

  test('a split receipt and an invoice action: calls do not grow with rows; key columns, not whole sheets', () => {
    const small = wide(2);
    const large = wide(40);
    const runReceipt = (w: ReturnType<typeof wide>) => () =>
      expect(receipt(w.env, { customerId: w.customerId, values: values('1200'), allocation: 'oldest' }).ok).toBe(true);
    const runAction = (w: ReturnType<typeof wide>) => () => {
      const v = rpc<Customer360>(w.env, 'customer360', w.customerId).openInvoices[0];
      w.env.resetCounts();
      const r = rpc<SaveResult>(w.env, 'invoiceAction', { invoiceId: v.id, action: 'dispute', version: v.version });
      expect(r.ok).toBe(true);
    };
    // The first save after setup reads the audit log once; measure the steady state.
    runReceipt(small)();
    runReceipt(large)();
    const rs = measure(small.env, runReceipt(small));
    const rl = measure(large.env, runReceipt(large));
    expect(rl.calls).toBe(rs.calls);
    const whole = (['customers', 'invoices', 'payments'] as const).reduce((n, r) => n + sheetCells(large.env, r), 0);
    expect(rl.cells).toBeLessThan(whole / 2);
    const as = measure(small.env, runAction(small));
    const al = measure(large.env, runAction(large));
    expect(al.calls).toBe(as.calls);
    expect(al.cells).toBeLessThan(sheetCells(large.env, 'invoices') / 2);
    // For the report: the numbers behind these checks.
    console.log(
      `receipt: ${rl.calls} spreadsheet calls, ${rl.cells} of ${whole} cells; action: ${al.calls} calls, ${al.cells} cells`,
    );
  });

  test('a receipt over invoices rows apart writes those rows without reading the Receivables sheet whole', () => {
    const env = newEnv();
    const { customerId, invoiceId: first } = customerWithInvoice(
      env,
      { name: '分散客户', email: 'spread@example.com' },
      { issueDate: '2025-12-01', dueDate: '2025-12-31', amount: '1000' },
    );
    for (let i = 0; i < 30; i++)
      customerWithInvoice(
        env,
        { name: `中间客户${i}`, email: `m${i}@example.com` },
        { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500' },
      );
    const second = mustSave(
      saveInvoice(env, { customerId, issueDate: '2026-01-05', dueDate: '2026-02-04', amount: '2000' }),
    );
    const tail = rpc<SaveResult>(env, 'saveReceipt', { customerId, values: values('1'), allocation: 'oldest' });
    expect(tail.ok).toBe(true);
    const before = rows(env, sheetName('invoices'));
    const invoices = env.values(sheetName('invoices'));
    env.resetCounts();
    mustSave(receipt(env, { customerId, values: values('1500'), allocation: 'oldest' }));
    // Far fewer cells than the Receivables sheet alone: its key columns and the customer's rows only.
    expect(env.cells('SpreadsheetApp.').read).toBeLessThan(invoices.length * invoices[0].length);
    const after = rows(env, sheetName('invoices'));
    const paid = (id: string) => after.find((r) => r['单据编号'] === id)?.['已收金额'];
    expect(paid(first)).toBe(1000);
    expect(paid(second)).toBe(501);
    // The rows between them are as they were.
    const others = (list: Array<Record<string, unknown>>) =>
      list.filter((r) => r['单据编号'] !== first && r['单据编号'] !== second);
    expect(others(after)).toEqual(others(before));
  });
});
