// Per-invoice actions of the customer 360 (PRODUCT §13): dispute / clear dispute, promise to pay, write off. Under
// the document lock, on a fresh read of that one invoice: refused when the invoice changed since the 360 was
// loaded (its version), write-off only for admins (as approving an invoice), every change audited field by field.
// A write-off also zeroes the invoice's outstanding and refreshes the customer's balance columns in the same save.
import { type InvoiceAction, invoiceActionChange } from '../domain/collections/invoice-actions';
import { isLang, type Text, t } from '../domain/i18n';
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
  disputed: {
    'zh-CN': '单据 {id} 已标记为争议中，争议解除前不再催收。',
    en: 'Invoice {id} marked as disputed; no reminders until the dispute is cleared.',
  },
  cleared: {
    'zh-CN': '单据 {id} 的争议已解除，恢复正常催收。',
    en: 'Dispute on invoice {id} cleared; reminders resume as usual.',
  },
  promised: {
    'zh-CN': '已记录客户承诺于 {date} 付款（单据 {id}），该日之前不催收。',
    en: 'Promise to pay invoice {id} by {date} recorded; no reminders before that day.',
  },
  writtenOff: {
    'zh-CN': '单据 {id} 已核销，未收金额 {amount} 不再计入应收。',
    en: 'Invoice {id} written off; its outstanding {amount} no longer counts as receivable.',
  },
  notAdmin: {
    'zh-CN': '只有管理员可以核销单据（设置中的管理员或表格所有者）。',
    en: 'Only admins can write off invoices (the admins in Settings, or the spreadsheet owner).',
  },
  changed: {
    'zh-CN': '操作未执行：单据 {id} 在您打开客户视图之后已被修改。请查看最新内容后再操作。',
    en: 'Nothing changed: invoice {id} was modified after you opened this customer. Look at it again, then retry.',
  },
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
    const key = keyTable(store, 'invoices', ['id', 'customerId']).rows.find((s) => s.record.id === id);
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
