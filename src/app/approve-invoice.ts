// An admin approves an invoice held as pending approval (PRODUCT §14): under the document lock, on a fresh read,
// the invoice becomes open — from then on the reminder stages apply — and the change is audited like any edit.
import { t } from '../domain/i18n';
import { parseReminderSettings } from '../domain/reminders/settings';
import type { OwnerLookup } from './settings-view';
import { isAdmin } from './reminder-admin';
import { changedFields, writeAudit } from './save-audit';
import { failure, underLock } from './save-common';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import type { SaveResult } from './sidebar-types';
import { keyTable, rowsAt } from './store-reads';

export function approveInvoice(services: SidebarServices, id: string, owner: OwnerLookup | null): SaveResult {
  const { store, clock, identity } = services;
  const lang = identity.lang();
  return underLock(services, lang, () => {
    const user = identity.user();
    const admins = parseReminderSettings(store.settings()).admins;
    if (!isAdmin(user, admins, '') && !isAdmin(user, [], owner ? owner() : '')) {
      return failure('validation', t(lang, SIDEBAR_TEXT.approveNotAdmin));
    }
    // The id column, then that row whole (PRODUCT.md §10: an action reads key columns, not the whole sheet).
    const key = keyTable(store, 'invoices', ['id']).rows.find((s) => s.record.id === id);
    const hit = key ? (rowsAt(store, 'invoices', [key.row])[0] ?? null) : null;
    if (!hit) return failure('not-found', t(lang, SIDEBAR_TEXT.notFoundInvoice, { id }));
    if (hit.record.status !== 'pending-approval')
      return failure('validation', t(lang, SIDEBAR_TEXT.notPending, { id }));
    const after = { status: 'open' as const };
    store.update('invoices', [{ row: hit.row, record: after }], ['status']);
    const drafts = changedFields('invoices', id, hit.record, after, ['status']).map((d) => ({
      ...d,
      action: 'approve',
    }));
    writeAudit(store, clock, identity, drafts);
    return { ok: true, id, message: t(lang, SIDEBAR_TEXT.approved, { id }), warnings: [], customer: null };
  });
}
