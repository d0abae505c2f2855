// Logging a service interaction (inquiry, complaint, follow-up, collection call…) for an existing customer.
import { t, msg } from '../domain/i18n';
import type { Interaction } from '../domain/records';
import { validateInput } from '../domain/validate';
import { createdRecord, writeAudit } from './save-audit';
import { failure, formOf, idsOf, nextId, saveLang, underLock } from './save-common';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import type { RecordSave, SaveResult } from './sidebar-types';
import { keyRows, keyTable } from './store-reads';

const ID_TAKEN = msg('app/save-interaction.ID_TAKEN');

export const INTERACTION_ID_PREFIX = 'S';

export function saveInteraction(services: SidebarServices, save: RecordSave): SaveResult {
  const { store, clock, identity } = services;
  const lang = saveLang(services, save);
  const v = validateInput('interaction', formOf(save), lang, { today: clock.today() });
  if (!v.ok) return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: v.errors.length }), v.errors);
  const input = v.value;

  return underLock(services, lang, () => {
    // Only the id column: an interaction changes nothing on the customer's row, so the row itself is not read
    // (one call and a row of cells less; the sidebar keeps its index entry when `customer` is null).
    const known = keyRows(store, 'customers', ['id']).some((s) => s.record.id === input.customerId);
    if (!known) {
      const message = t(lang, SIDEBAR_TEXT.notFoundCustomer, { id: input.customerId });
      return failure('not-found', message, [{ field: 'customerId', message }]);
    }
    const existing = idsOf(keyTable(store, 'interactions', ['id']));
    const typedId = input.id.trim();
    if (typedId && existing.includes(typedId)) {
      const message = t(lang, ID_TAKEN, { id: typedId });
      return failure('validation', t(lang, SIDEBAR_TEXT.validation, { n: 1 }), [{ field: 'id', message }]);
    }
    const id = typedId || nextId(INTERACTION_ID_PREFIX, existing);
    const record: Interaction = {
      ...input,
      id,
      status: input.status || 'open',
      owner: input.owner || identity.user(),
      resolvedAt: input.resolvedAt || (input.status === 'resolved' ? clock.today() : ''),
    };
    store.append('interactions', [record]);
    writeAudit(store, clock, identity, [createdRecord('interactions', id, record)]);
    return {
      ok: true,
      id,
      message: t(lang, SIDEBAR_TEXT.savedInteraction, { id }),
      warnings: [],
      customer: null,
    };
  });
}
