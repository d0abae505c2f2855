// Saving a customer from the sidebar. Creates get a fresh C-000001-style id computed under the document lock and a
// duplicate check (tax id, e-mail, phone, normalized name) the user may override; edits carry the version they
// were loaded at and are refused, writing nothing, when the row changed since.
import { t } from '../domain/i18n';
import type { Customer, Lang } from '../domain/records';
import { validateInput } from '../domain/validate';
import { changedFields, createdRecord, writeAudit } from './save-audit';
import {
  CUSTOMER_FIELDS,
  customerVersion,
  failure,
  formOf,
  indexRow,
  idsOf,
  nextId,
  saveLang,
  underLock,
} from './save-common';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import { findDuplicates } from './sidebar-search';
import { findRow, keyTable } from './store-reads';
import type { CustomerSave, SaveResult } from './sidebar-types';

export function saveCustomer(services: SidebarServices, save: CustomerSave): SaveResult {
  const { store, clock, identity } = services;
  const lang = saveLang(services, save);
  const editing = Boolean(save?.id);
  const raw = { ...formOf(save), id: editing ? String(save.id) : '' };
  const v = validateInput(editing ? 'customerEdit' : 'customer', raw, lang, { today: clock.today() });
  if (!v.ok) return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: v.errors.length }), v.errors);
  const input = v.value;

  return underLock(services, lang, () => {
    const stamp = clock.nowStamp();
    const user = identity.user();
    if (editing) {
      // The id column to find the row, then that row whole (its version covers every editable field).
      const hit = findRow(store, 'customers', 'id', save.id);
      if (!hit) return failure('not-found', t(lang, SIDEBAR_TEXT.notFoundCustomer, { id: String(save.id) }));
      const current = hit.record;
      if (customerVersion(current) !== save.version) {
        return failure('conflict', t(lang, SIDEBAR_TEXT.conflict, { at: current.updatedAt, by: current.updatedBy }));
      }
      const next: Partial<Customer> = {};
      for (const f of CUSTOMER_FIELDS) (next as Record<string, unknown>)[f] = input[f];
      const audit = changedFields('customers', current.id, current, next, CUSTOMER_FIELDS);
      if (audit.length) {
        const fields = [...audit.map((a) => a.field as keyof Customer & string), 'updatedAt', 'updatedBy'] as const;
        store.update('customers', [{ row: hit.row, record: { ...next, updatedAt: stamp, updatedBy: user } }], fields);
        writeAudit(store, clock, identity, audit);
      }
      const saved = { ...current, ...next, updatedAt: audit.length ? stamp : current.updatedAt };
      return ok(lang, saved);
    }
    // Only the columns the duplicate check and the next id look at.
    const table = keyTable(store, 'customers', ['id', 'name', 'email', 'phone', 'taxId']);
    const rows = table.rows;
    if (save?.confirmDuplicate !== true) {
      const dups = findDuplicates(
        input,
        rows.map((s) => s.record),
      );
      if (dups.length) return failure('duplicate', t(lang, SIDEBAR_TEXT.duplicate), [], dups);
    }
    const id = nextId('C', idsOf(table));
    const record: Partial<Customer> = {
      ...input,
      id,
      outstanding: 0,
      overdue: 0,
      oldestOverdueDays: 0,
      lastPaymentDate: '',
      createdAt: stamp,
      updatedAt: stamp,
      updatedBy: user,
    };
    store.append('customers', [record]);
    writeAudit(store, clock, identity, [createdRecord('customers', id, { ...input, id })]);
    return ok(lang, record as Customer);
  });
}

function ok(lang: Lang, c: Customer): SaveResult {
  return {
    ok: true,
    id: c.id,
    message: t(lang, SIDEBAR_TEXT.savedCustomer, { id: c.id }),
    warnings: [],
    customer: indexRow(c),
  };
}

/** Pauses or resumes reminders for one customer (a 360 action): an edit of one field, with the same version check. */
export function setRemindersPaused(
  services: SidebarServices,
  id: string,
  paused: boolean,
  version: string,
): SaveResult {
  const { store, clock, identity } = services;
  const lang = identity.lang();
  return underLock(services, lang, () => {
    const hit = findRow(store, 'customers', 'id', id);
    if (!hit) return failure('not-found', t(lang, SIDEBAR_TEXT.notFoundCustomer, { id: String(id) }));
    if (customerVersion(hit.record) !== version) {
      return failure(
        'conflict',
        t(lang, SIDEBAR_TEXT.conflict, { at: hit.record.updatedAt, by: hit.record.updatedBy }),
      );
    }
    const value = paused === true;
    const stamp = clock.nowStamp();
    if (hit.record.remindersPaused !== value) {
      store.update(
        'customers',
        [{ row: hit.row, record: { remindersPaused: value, updatedAt: stamp, updatedBy: identity.user() } }],
        ['remindersPaused', 'updatedAt', 'updatedBy'],
      );
      writeAudit(
        store,
        clock,
        identity,
        changedFields('customers', id, hit.record, { remindersPaused: value }, ['remindersPaused']),
      );
    }
    const saved = { ...hit.record, remindersPaused: value, updatedAt: stamp };
    return {
      ok: true,
      id,
      message: t(lang, value ? SIDEBAR_TEXT.pausedOn : SIDEBAR_TEXT.pausedOff, { id }),
      warnings: [],
      customer: indexRow(saved),
    };
  });
}
