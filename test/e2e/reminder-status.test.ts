// The sidebar's reminder status counts today's reminders from the columns the plan needs (readPlannerLedger), not
// whole sheets. Exact only if a row a whole-sheet read leaves out (a bad cell typed by hand in any column) is left
// out here too: this workbook has such rows on every sheet the plan reads, and the count must equal the dry run's,
// which reads the sheets whole, and the number worked out by hand.
import { columnOf, headerOf } from '../../src/domain/schema';
import type { Role } from '../../src/app/ports';
import { customerWithInvoice, type Env, mustSave, newEnv, rpc, savePayment, sheetName, sheetOf } from './harness';

/** Sets one cell of the row holding `id`, by field (the zh-CN header), as a user typing over it would. */
function typeOver(env: Env, role: Role, id: string, field: string, value: unknown): void {
  const name = sheetName(role);
  const data = env.values(name) as unknown[][];
  const col = (data[0] as string[]).indexOf(headerOf(columnOf(role, field)!, 'zh-CN'));
  const row = data.findIndex((r) => r[0] === id);
  expect(col).toBeGreaterThanOrEqual(0);
  expect(row).toBeGreaterThan(0);
  const cell = sheetOf(env, name).getRange(row + 1, col + 1);
  // A day pasted over the column's text format stays a Date (the paste brings its own format).
  if (value instanceof Date) cell.setNumberFormat('yyyy-mm-dd');
  cell.setValue(value);
}

/** Appends a copy of the row holding `id` (a second row with the same id, typed by hand). */
function duplicateRow(env: Env, role: Role, id: string): void {
  const name = sheetName(role);
  const data = env.values(name) as unknown[][];
  const row = data.find((r) => r[0] === id) as unknown[];
  const sh = sheetOf(env, name);
  sh.getRange(sh.getLastRow() + 1, 1, 1, row.length).setValues([row]);
}

describe('reminder status count from narrow reads', () => {
  let env: Env;
  const due = { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500' };
  const customer = (n: number) => ({ name: `Late ${n}`, email: `late${n}@example.com` });

  beforeAll(() => {
    env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const c = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => customerWithInvoice(env, customer(n), due));
    // 1: a credit limit that is not money (a column the plan never uses): the row is unreadable, so its invoice has
    // no customer and is skipped.
    typeOver(env, 'customers', c[0].customerId, 'creditLimit', 'lots');
    // 2: a birth date that is not a date: the same.
    typeOver(env, 'customers', c[1].customerId, 'birthDate', 'yesterday');
    // 3: an invoice status no one knows: that invoice is left out, nothing to send.
    typeOver(env, 'invoices', c[2].invoiceId, 'status', 'bogus');
    // 4: paid in full, but the payment's method is unreadable: the payment does not count, the reminder goes.
    const paid = mustSave(savePayment(env, { invoiceId: c[3].invoiceId, date: '2026-02-20', amount: '500' }));
    typeOver(env, 'payments', paid, 'method', 'barter');
    // 5: paid in full, readable: nothing to send.
    mustSave(savePayment(env, { invoiceId: c[4].invoiceId, date: '2026-02-20', amount: '500' }));
    // 6: the invoice id typed on a second row: skipped as a duplicate.
    duplicateRow(env, 'invoices', c[5].invoiceId);
    // 7: free text in columns nobody parses (address, notes): still sent.
    typeOver(env, 'customers', c[6].customerId, 'address', '=1+1 <b>');
    typeOver(env, 'invoices', c[6].invoiceId, 'notes', 12345);
    // 8: untouched: sent.
    // 9: a day pasted into the phone column (Sheets keeps it as a Date): an id-like column refuses it, the row is
    // unreadable, nothing to send.
    typeOver(env, 'customers', c[8].customerId, 'phone', new Date('2026-01-05T00:00:00+08:00'));
  });

  test('equals the dry run over whole sheets, and the count worked out by hand (4, 7, 8)', () => {
    const status = rpc<{ todayCount: number }>(env, 'reminderStatus');
    const preview = rpc<{ messages: Array<{ customerName: string }> }>(env, 'reminderPreview');
    expect(preview.messages.map((m) => m.customerName).sort()).toEqual(['Late 4', 'Late 7', 'Late 8']);
    expect(status.todayCount).toBe(preview.messages.length);
  });
});
