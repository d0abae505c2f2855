// Saves read key columns and the rows they find (PRODUCT.md §10), so nothing they remember may outlive a user's
// reordering of the sheet: each execution finds rows afresh by id. A sheet sorted by hand, or a row deleted by a
// user between two saves, must still see each save write the row that carries the id it changed — and no other.
import {
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  rows,
  saveInteraction,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
} from './harness';

const CUSTOMERS = sheetName('customers');
const INVOICES = sheetName('invoices');

function book(n: number): { env: Env; ids: Array<{ customerId: string; invoiceId: string }> } {
  const env = newEnv();
  const ids = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      customerWithInvoice(
        env,
        { name: `排序客户${i}`, email: `s${i}@example.com` },
        { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: String(100 * (i + 1)) },
      ),
    );
  }
  return { env, ids };
}

/** A user's sort: the data rows rewritten in reverse order (the header stays). */
function reverseRows(env: Env, name: string): void {
  const values = env.values(name) as unknown[][];
  const data = values.slice(1).reverse();
  sheetOf(env, name).getRange(2, 1, data.length, data[0].length).setValues(data);
}

const byId = (env: Env, name: string, header: string, id: string) => {
  const hit = rows(env, name).filter((r) => r[header] === id);
  expect(hit).toHaveLength(1);
  return hit[0];
};

describe('saves after users reorder or delete rows', () => {
  test('a sorted sheet: the payment updates the invoice and customer rows that carry its ids', () => {
    const { env, ids } = book(6);
    reverseRows(env, INVOICES);
    reverseRows(env, CUSTOMERS);
    const target = ids[1]; // 200.00 owed; after the sort its rows are neither where they were nor first
    const before = { invoices: rows(env, INVOICES), customers: rows(env, CUSTOMERS) };
    mustSave(savePayment(env, { invoiceId: target.invoiceId, date: '2026-03-01', amount: '50', method: 'bank' }));
    const inv = byId(env, INVOICES, '单据编号', target.invoiceId);
    expect(inv['已收金额']).toBe(50);
    expect(inv['未收金额']).toBe(150);
    expect(byId(env, CUSTOMERS, '客户编号', target.customerId)['应收余额']).toBe(150);
    // Every other row is as it was.
    const others = (
      now: Array<Record<string, unknown>>,
      was: Array<Record<string, unknown>>,
      key: string,
      id: string,
    ) => expect(now.filter((r) => r[key] !== id)).toEqual(was.filter((r) => r[key] !== id));
    others(rows(env, INVOICES), before.invoices, '单据编号', target.invoiceId);
    others(rows(env, CUSTOMERS), before.customers, '客户编号', target.customerId);
  });

  test('a sorted sheet: a new invoice adds to the right customer and continues the id series', () => {
    const { env, ids } = book(5);
    reverseRows(env, INVOICES);
    reverseRows(env, CUSTOMERS);
    const target = ids[3];
    const id = mustSave(saveInvoice(env, { customerId: target.customerId, issueDate: '2026-02-10', amount: '25' }));
    expect(id).toBe('INV-000006');
    expect(byId(env, CUSTOMERS, '客户编号', target.customerId)['应收余额']).toBe(425);
    expect(byId(env, CUSTOMERS, '客户编号', ids[4].customerId)['应收余额']).toBe(500);
  });

  test('a row deleted by a user between two saves: the next save writes the rows that now carry its ids', () => {
    const { env, ids } = book(5);
    mustSave(savePayment(env, { invoiceId: ids[3].invoiceId, date: '2026-03-01', amount: '10', method: 'bank' }));
    // The user deletes the second customer's row and the first invoice's row: everything below moves up one row.
    const customerRow = rows(env, CUSTOMERS).findIndex((r) => r['客户编号'] === ids[1].customerId) + 2;
    sheetOf(env, CUSTOMERS).deleteRow(customerRow);
    const invoiceRow = rows(env, INVOICES).findIndex((r) => r['单据编号'] === ids[0].invoiceId) + 2;
    sheetOf(env, INVOICES).deleteRow(invoiceRow);
    const before = rows(env, CUSTOMERS);
    mustSave(savePayment(env, { invoiceId: ids[3].invoiceId, date: '2026-03-02', amount: '20', method: 'bank' }));
    const inv = byId(env, INVOICES, '单据编号', ids[3].invoiceId);
    expect(inv['已收金额']).toBe(30);
    expect(inv['未收金额']).toBe(370);
    expect(byId(env, CUSTOMERS, '客户编号', ids[3].customerId)['应收余额']).toBe(370);
    // The customer rows around the deleted one are untouched.
    const now = rows(env, CUSTOMERS).filter((r) => r['客户编号'] !== ids[3].customerId);
    expect(now).toEqual(before.filter((r) => r['客户编号'] !== ids[3].customerId));
    // A save for the deleted customer is refused as not found, and writes nothing.
    const interactions = rows(env, sheetName('interactions')).length;
    const gone = saveInteraction(env, {
      customerId: ids[1].customerId,
      date: '2026-03-01',
      type: 'inquiry',
      summary: 'x',
    });
    expect(gone.ok).toBe(false);
    expect(rows(env, sheetName('interactions'))).toHaveLength(interactions);
  });
});
