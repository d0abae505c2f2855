// One receipt split across several open invoices of one customer (PRODUCT §1 payments, §13): allocated oldest due
// first or as the user chose, written as one payment row per invoice sharing a new receiptId, with the invoices'
// derived columns and the customer's balances, in one save under the lock and one audit batch. All or nothing:
// every check (fields, open invoices, amounts, currency, total outstanding) runs before anything is written. Unlike
// a single payment, a receipt is never allowed to overpay, whatever the overpayment setting: the excess would have
// no invoice to sit on.
import {
  allocateOldestFirst,
  checkReceipt,
  type OpenItem,
  type Part,
  RECEIPT_TEXT,
} from '../domain/collections/receipt';
import { effectiveDueDate } from '../domain/derive';
import { type Text, t, msg } from '../domain/i18n';
import { displayMoney, parseMoney } from '../domain/money';
import type { Invoice, Payment } from '../domain/records';
import { validateInput } from '../domain/validate';
import { isOpenInvoice } from './customer-360';
import { createdRecord, writeAudit } from './save-audit';
import { failure, formOf, idsOf, indexRow, nextId, saveLang, underLock } from './save-common';
import { customerInvoices, refreshCustomerBalances } from './save-invoice';
import { invoiceAfterPayments, PAYMENT_ID_PREFIX } from './save-payment';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import { defaultCurrency } from './sidebar-start';
import type { ReceiptSave, SaveResult } from './sidebar-types';
import { findRow, keyTable, rowsAt } from './store-reads';

export const RECEIPT_ID_PREFIX = 'R';

export const RECEIPT_DONE = {
  saved: msg('app/save-receipt.RECEIPT_DONE.saved'),
  sep: msg('app/save-receipt.RECEIPT_DONE.sep'),
} as const satisfies Readonly<Record<string, Text>>;

const INVOICE_DERIVED = ['paid', 'outstanding', 'settledDate', 'daysOverdue', 'agingBucket'] as const;

export function saveReceipt(services: SidebarServices, save: ReceiptSave): SaveResult {
  const { store, clock, identity } = services;
  const lang = saveLang(services, save);
  const today = clock.today();
  const customerId = String(save?.customerId ?? '');
  const chosen = save?.allocation === 'chosen';
  // The shared fields (date, amount, method, reference, notes) with the payment schema; the invoice comes per part.
  const v = validateInput('payment', { ...formOf(save), invoiceId: 'receipt' }, lang, { today });
  if (!v.ok) return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: v.errors.length }), v.errors);
  const input = v.value;
  const typed: Part[] = [];
  for (const p of Array.isArray(save?.parts) ? save.parts : []) {
    const text = String(p?.amount ?? '').trim();
    if (!text) continue;
    const cents = parseMoney(text);
    const id = String(p?.invoiceId ?? '');
    if (cents === null || cents < 0) {
      const message = t(lang, RECEIPT_TEXT.partAmount, { id, text });
      return failure('validation', message, [{ field: 'allocation', message }]);
    }
    typed.push({ invoiceId: id, amount: cents });
  }

  return underLock(services, lang, () => {
    const customer = findRow(store, 'customers', 'id', customerId);
    if (!customer) {
      const message = t(lang, SIDEBAR_TEXT.notFoundCustomer, { id: customerId });
      return failure('not-found', message, [{ field: 'customerId', message }]);
    }
    // The settings sheet is read only when an invoice has no currency of its own (one read fewer per receipt).
    let fallbackCurrency = '';
    const fallback = () => (fallbackCurrency ||= defaultCurrency(store.settings()));
    const mine = customerInvoices(store, customerId);
    const paymentTable = keyTable(store, 'payments', ['id', 'invoiceId', 'receiptId']);
    const ids = new Set(mine.map((s) => s.record.id));
    const paying = paymentTable.rows.filter((s) => ids.has(s.record.invoiceId)).map((s) => s.row);
    const applied = new Map<string, Payment[]>();
    for (const s of rowsAt(store, 'payments', paying)) {
      const list = applied.get(s.record.invoiceId) ?? [];
      list.push(s.record);
      applied.set(s.record.invoiceId, list);
    }
    const now = new Map<string, { row: number; inv: Invoice }>();
    for (const s of mine)
      now.set(s.record.id, { row: s.row, inv: invoiceAfterPayments(s.record, applied.get(s.record.id) ?? [], today) });
    const open: OpenItem[] = [...now.values()]
      .filter((x) => isOpenInvoice(x.inv))
      .map((x) => ({
        invoiceId: x.inv.id,
        dueDate: effectiveDueDate(x.inv, customer.record.termsDays),
        outstanding: x.inv.outstanding,
        currency: (x.inv.currency || fallback()).toUpperCase(),
      }));
    if (!chosen && new Set(open.map((o) => o.currency)).size > 1) {
      const message = t(lang, RECEIPT_TEXT.mixedCurrency, {
        list: [...new Set(open.map((o) => o.currency))].join(', '),
      });
      return failure('validation', message, [{ field: 'allocation', message }]);
    }
    const parts = chosen ? typed.filter((p) => p.amount > 0) : allocateOldestFirst(input.amount, open);
    const refusal = checkReceipt(input.amount, parts, open, displayMoney);
    if (refusal) {
      const message = t(lang, refusal.text, refusal.params);
      return failure('validation', message, [{ field: refusal.field, message }]);
    }
    const paymentIds = idsOf(paymentTable);
    const receiptId = nextId(
      RECEIPT_ID_PREFIX,
      paymentTable.rows.map((s) => s.record.receiptId).filter((x): x is string => Boolean(x)),
    );
    const user = identity.user();
    const rows: Payment[] = parts.map((p) => {
      const id = nextId(PAYMENT_ID_PREFIX, paymentIds);
      paymentIds.push(id);
      return {
        id,
        invoiceId: p.invoiceId,
        customerId,
        date: input.date,
        amount: p.amount,
        method: input.method,
        reference: input.reference,
        recordedBy: user,
        notes: input.notes,
        receiptId,
      };
    });
    const changed = new Map<number, Invoice>();
    for (const pay of rows) {
      const x = now.get(pay.invoiceId) as { row: number; inv: Invoice };
      changed.set(x.row, invoiceAfterPayments(x.inv, [...(applied.get(pay.invoiceId) ?? []), pay], today));
    }
    store.append('payments', rows);
    store.update(
      'invoices',
      [...changed].map(([row, record]) => ({ row, record })),
      INVOICE_DERIVED,
    );
    const last = customer.record.lastPaymentDate;
    const updated = refreshCustomerBalances(
      store,
      customer,
      mine.map((s) => changed.get(s.row) ?? s.record),
      today,
      { lastPaymentDate: !last || input.date > last ? input.date : last },
    );
    writeAudit(
      store,
      clock,
      identity,
      rows.map((r) => createdRecord('payments', r.id, r, open.find((o) => o.invoiceId === r.invoiceId)?.currency)),
    );
    const currency = open.find((o) => o.invoiceId === parts[0].invoiceId)?.currency ?? fallback();
    const settled = [...changed.values()]
      .filter((i) => i.outstanding === 0)
      .map((i) => t(lang, SIDEBAR_TEXT.settled, { id: i.id }));
    return {
      ok: true,
      id: receiptId,
      message: t(lang, RECEIPT_DONE.saved, {
        receipt: receiptId,
        amount: displayMoney(input.amount, currency),
        n: rows.length,
        ids: rows.map((r) => r.invoiceId).join(t(lang, RECEIPT_DONE.sep)),
      }),
      warnings: settled,
      customer: indexRow(updated),
    };
  });
}
