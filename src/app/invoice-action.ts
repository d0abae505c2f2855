// Per-invoice actions of the customer 360 (PRODUCT §13): dispute / clear dispute, promise to pay, write off. Under
// the document lock, on a fresh read of that one invoice: refused when the invoice changed since the 360 was
// loaded (its version), write-off only for admins (as approving an invoice), every change audited field by field.
// A write-off also zeroes the invoice's outstanding and refreshes the customer's balance columns in the same save.
import { type InvoiceAction, invoiceActionChange } from '../domain/collections/invoice-actions';
import { isLang, type Text, t, msg } from '../domain/i18n';
import { displayMoney } from '../domain/money';
import type { Invoice, Lang } from '../domain/records';
import { parseReminderSettings } from '../domain/reminders/settings';
import { isAdmin } from './reminder-admin';
import { changedFields, writeAudit } from './save-audit';
import { failure, indexRow, underLock } from './save-common';
import { customerInvoices, refreshCustomerBalances } from './save-invoice';
import type { OwnerLookup } from './settings-view';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import { defaultCurrency } from './sidebar-start';
import type { SidebarServices } from './sidebar-ports';
import type { InvoiceActionRequest, SaveResult } from './sidebar-types';
import { findRow, keyTable, rowsAt } from './store-reads';

export const INVOICE_ACTION_TEXT = {
  disputed: msg('app/invoice-action.INVOICE_ACTION_TEXT.disputed'),
  cleared: msg('app/invoice-action.INVOICE_ACTION_TEXT.cleared'),
  promised: msg('app/invoice-action.INVOICE_ACTION_TEXT.promised'),
  writtenOff: msg('app/invoice-action.INVOICE_ACTION_TEXT.writtenOff'),
  notAdmin: msg('app/invoice-action.INVOICE_ACTION_TEXT.notAdmin'),
  changed: msg('app/invoice-action.INVOICE_ACTION_TEXT.changed'),
} as const satisfies Readonly<Record<string, Text>>;

/** What the 360 was loaded with for one invoice: an action on a changed invoice is refused (no blind overwrite). */
export function invoiceVersion(inv: Invoice): string {
  return [inv.status, inv.promiseDate, inv.amount, inv.paid, inv.outstanding, inv.dueDate, inv.customerId].join('|');
}

const DONE: Record<InvoiceAction, Text> = {
  dispute: INVOICE_ACTION_TEXT.disputed,
  'clear-dispute': INVOICE_ACTION_TEXT.cleared,
  promise: INVOICE_ACTION_TEXT.promised,
  'write-off': INVOICE_ACTION_TEXT.writtenOff,
};

export function mayWriteOff(services: SidebarServices, owner: OwnerLookup | null): boolean {
  const user = services.identity.user();
  const admins = parseReminderSettings(services.store.settings()).admins;
  return isAdmin(user, admins, '') || isAdmin(user, [], owner ? owner() : '');
}

export function invoiceAction(
  services: SidebarServices,
  req: InvoiceActionRequest,
  owner: OwnerLookup | null,
): SaveResult {
  const { store, clock, identity } = services;
  const lang: Lang = isLang(req?.lang) ? req.lang : identity.lang();
  const id = String(req?.invoiceId ?? '');
  const action = String(req?.action ?? '') as InvoiceAction;
  const today = clock.today();
  return underLock(services, lang, () => {
    if (action === 'write-off' && !mayWriteOff(services, owner))
      return failure('validation', t(lang, INVOICE_ACTION_TEXT.notAdmin));
    // The customer column only for a write-off (its balance needs the customer's invoices): a promise or a
    // dispute reads the id column alone.
    const keys = action === 'write-off' ? (['id', 'customerId'] as const) : (['id'] as const);
    const key = keyTable(store, 'invoices', keys).rows.find((s) => s.record.id === id);
    const hit = key ? (rowsAt(store, 'invoices', [key.row])[0] ?? null) : null;
    if (!hit) return failure('not-found', t(lang, SIDEBAR_TEXT.notFoundInvoice, { id }));
    if (String(req?.version ?? '') !== invoiceVersion(hit.record))
      return failure('conflict', t(lang, INVOICE_ACTION_TEXT.changed, { id }));
    const outcome = invoiceActionChange(hit.record, action, String(req?.promiseDate ?? ''), today);
    if (!outcome.ok) {
      const message = t(lang, outcome.text, outcome.params);
      return failure('validation', message, outcome.field ? [{ field: outcome.field, message }] : []);
    }
    const writeOff = action === 'write-off';
    const mine = writeOff ? customerInvoices(store, hit.record.customerId) : [];
    const after: Invoice = {
      ...hit.record,
      ...outcome.change,
      ...(writeOff ? { outstanding: 0, daysOverdue: 0, agingBucket: '' as const, settledDate: '' } : {}),
    };
    const fields = writeOff
      ? (['status', 'outstanding', 'daysOverdue', 'agingBucket', 'settledDate'] as const)
      : (['status', 'promiseDate'] as const);
    store.update('invoices', [{ row: hit.row, record: after }], [...fields]);
    let customer = null;
    if (writeOff) {
      const c = findRow(store, 'customers', 'id', hit.record.customerId);
      if (c)
        customer = refreshCustomerBalances(
          store,
          c,
          mine.map((s) => (s.row === hit.row ? after : s.record)),
          today,
        );
    }
    const audited = writeOff ? (['status', 'outstanding'] as const) : (['status', 'promiseDate'] as const);
    const drafts = changedFields('invoices', id, hit.record, after, [...audited]).map((d) => ({ ...d, action }));
    writeAudit(store, clock, identity, drafts);
    const amount = displayMoney(hit.record.outstanding, hit.record.currency || defaultCurrency(store.settings()));
    return {
      ok: true,
      id,
      message: t(lang, DONE[action], { id, date: after.promiseDate, amount }),
      warnings: [],
      customer: customer ? indexRow(customer) : null,
    };
  });
}
