// Recording a payment from the sidebar: applied to one open invoice, never more than it still owes (unless the
// settings allow overpayment), and the invoice's derived columns (paid, outstanding, settled date, days overdue,
// aging) plus the customer's balances are written in the same save, so the sheet is right at once.
import { settledStatus } from '../domain/derive';
import { t, msg } from '../domain/i18n';
import { displayMoney } from '../domain/money';
import type { Invoice, Payment } from '../domain/records';
import { validateInput } from '../domain/validate';
import { bucketOf, daysOverdueOf } from './customer-360';
import { createdRecord, writeAudit } from './save-audit';
import { failure, formOf, idsOf, indexRow, nextId, saveLang, underLock } from './save-common';
import { customerInvoices, refreshCustomerBalances } from './save-invoice';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import { allowsOverpayment } from './sidebar-start';
import type { RecordSave, SaveResult } from './sidebar-types';
import { findRow, keyTable, rowsAt } from './store-reads';

const ID_TAKEN = msg('app/save-payment.ID_TAKEN');

export const PAYMENT_ID_PREFIX = 'P';

/** An invoice's derived columns after its payments: paid, outstanding, settled date, days overdue, aging. */
export function invoiceAfterPayments(inv: Invoice, payments: readonly Payment[], today: string): Invoice {
  let paid = 0;
  let last = '';
  for (const p of payments) {
    paid += p.amount;
    if (p.date > last) last = p.date;
  }
  const outstanding = inv.status === 'written-off' ? 0 : Math.max(0, inv.amount - paid);
  const next = { ...inv, paid, outstanding, settledDate: outstanding === 0 && paid >= inv.amount ? last : '' };
  const days = daysOverdueOf(next, today);
  return {
    ...next,
    daysOverdue: days,
    agingBucket: bucketOf(days),
    status: settledStatus(inv.status, outstanding, paid, inv.amount),
  };
}

function maxDay(a: string, b: string | undefined): string {
  return !b || a > b ? a : b;
}

const INVOICE_DERIVED = ['paid', 'outstanding', 'settledDate', 'daysOverdue', 'agingBucket'] as const;

export function savePayment(services: SidebarServices, save: RecordSave): SaveResult {
  const { store, clock, identity } = services;
  const lang = saveLang(services, save);
  const today = clock.today();
  const v = validateInput('payment', formOf(save), lang, { today });
  if (!v.ok) return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: v.errors.length }), v.errors);
  const input = v.value;

  return underLock(services, lang, () => {
    const table = keyTable(store, 'invoices', ['id', 'customerId']);
    const key = table.rows.find((s) => s.record.id === input.invoiceId);
    const hit = key ? (rowsAt(store, 'invoices', [key.row])[0] ?? null) : null;
    if (!hit) {
      const duplicated = table.duplicates?.some((s) => s.record.id === input.invoiceId);
      const message = t(lang, duplicated ? SIDEBAR_TEXT.duplicateInvoice : SIDEBAR_TEXT.notFoundInvoice, {
        id: input.invoiceId,
      });
      return failure('not-found', message, [{ field: 'invoiceId', message }]);
    }
    // The id and invoice columns (id check, next id, which rows pay this invoice), then those payments whole.
    const paymentTable = keyTable(store, 'payments', ['id', 'invoiceId']);
    const paying = paymentTable.rows.filter((s) => s.record.invoiceId === hit.record.id).map((s) => s.row);
    const applied = rowsAt(store, 'payments', paying)
      .map((s) => s.record)
      .filter((p) => p.invoiceId === hit.record.id);
    const now = invoiceAfterPayments(hit.record, applied, today);
    if (hit.record.status === 'written-off' || now.outstanding <= 0) {
      const message = t(lang, SIDEBAR_TEXT.invoiceClosed, { id: hit.record.id });
      return failure('validation', message, [{ field: 'invoiceId', message }]);
    }
    if (input.amount > now.outstanding && !allowsOverpayment(store.settings())) {
      const message = t(lang, SIDEBAR_TEXT.overpayment, {
        outstanding: displayMoney(now.outstanding, hit.record.currency),
      });
      return failure('validation', message, [{ field: 'amount', message }]);
    }
    const typedId = input.id.trim();
    const ids = idsOf(paymentTable);
    if (typedId && ids.includes(typedId)) {
      const message = t(lang, ID_TAKEN, { id: typedId });
      return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: 1 }), [{ field: 'id', message }]);
    }
    const id = typedId || nextId(PAYMENT_ID_PREFIX, ids);
    // This customer's invoices as they are now (read before any write, so the key columns are read once).
    const mine = customerInvoices(store, hit.record.customerId);
    const payment: Payment = {
      ...input,
      id,
      customerId: hit.record.customerId,
      recordedBy: identity.user(),
      receiptId: '',
    };
    const after = invoiceAfterPayments(hit.record, [...applied, payment], today);
    store.append('payments', [payment]);
    // The payment that settles it turns 未结清 into 已结清 in the status column too (derive.ts settledStatus).
    const fields = after.status === hit.record.status ? INVOICE_DERIVED : ([...INVOICE_DERIVED, 'status'] as const);
    store.update('invoices', [{ row: hit.row, record: after }], fields);

    const customer = findRow(store, 'customers', 'id', hit.record.customerId);
    const updated = customer
      ? refreshCustomerBalances(
          store,
          customer,
          mine.map((s) => (s.row === hit.row ? after : s.record)),
          today,
          { lastPaymentDate: maxDay(payment.date, customer.record.lastPaymentDate) },
        )
      : null;
    // In the invoice's currency, as the sidebar shows it (no Settings read when the invoice names its currency).
    writeAudit(store, clock, identity, [createdRecord('payments', id, payment, hit.record.currency)]);
    const warnings = after.outstanding === 0 ? [t(lang, SIDEBAR_TEXT.settled, { id: after.id })] : [];
    return {
      ok: true,
      id,
      message: t(lang, SIDEBAR_TEXT.savedPayment, { id }),
      warnings,
      customer: updated ? indexRow(updated) : null,
    };
  });
}
