// Resolving an open service interaction from the customer 360 (PRODUCT §13): the resolution text is required, the
// interaction must still be open and unchanged since the 360 was loaded; status, resolution and resolved day are
// written to that one row and audited field by field.
import { isLang, type Text, t, msg } from '../domain/i18n';
import type { Interaction, Lang } from '../domain/records';
import { MAX_TEXT } from '../domain/schema';
import { changedFields, writeAudit } from './save-audit';
import { failure, underLock } from './save-common';
import type { SidebarServices } from './sidebar-ports';
import type { ResolveInteractionRequest, SaveResult } from './sidebar-types';
import { keyTable, rowsAt } from './store-reads';

export const RESOLVE_TEXT = {
  resolved: msg('app/resolve-interaction.RESOLVE_TEXT.resolved'),
  notFound: msg('app/resolve-interaction.RESOLVE_TEXT.notFound'),
  already: msg('app/resolve-interaction.RESOLVE_TEXT.already'),
  required: msg('app/resolve-interaction.RESOLVE_TEXT.required'),
  tooLong: msg('app/resolve-interaction.RESOLVE_TEXT.tooLong'),
  changed: msg('app/resolve-interaction.RESOLVE_TEXT.changed'),
} as const satisfies Readonly<Record<string, Text>>;

export function interactionVersion(x: Interaction): string {
  return [x.status, x.summary, x.resolution, x.resolvedAt, x.owner, x.customerId].join('|');
}

export function resolveInteraction(services: SidebarServices, req: ResolveInteractionRequest): SaveResult {
  const { store, clock, identity } = services;
  const lang: Lang = isLang(req?.lang) ? req.lang : identity.lang();
  const id = String(req?.id ?? '');
  const resolution = String(req?.resolution ?? '').trim();
  if (!resolution) {
    const message = t(lang, RESOLVE_TEXT.required);
    return failure('validation', message, [{ field: 'resolution', message }]);
  }
  if (resolution.length > MAX_TEXT) {
    const message = t(lang, RESOLVE_TEXT.tooLong, { max: MAX_TEXT });
    return failure('validation', message, [{ field: 'resolution', message }]);
  }
  return underLock(services, lang, () => {
    const key = keyTable(store, 'interactions', ['id']).rows.find((s) => s.record.id === id);
    const hit = key ? (rowsAt(store, 'interactions', [key.row])[0] ?? null) : null;
    if (!hit) return failure('not-found', t(lang, RESOLVE_TEXT.notFound, { id }));
    if (String(req?.version ?? '') !== interactionVersion(hit.record))
      return failure('conflict', t(lang, RESOLVE_TEXT.changed, { id }));
    if (hit.record.status === 'resolved') return failure('validation', t(lang, RESOLVE_TEXT.already, { id }));
    const after: Interaction = { ...hit.record, status: 'resolved', resolution, resolvedAt: clock.today() };
    const fields = ['status', 'resolution', 'resolvedAt'] as const;
    store.update('interactions', [{ row: hit.row, record: after }], [...fields]);
    const drafts = changedFields('interactions', id, hit.record, after, [...fields]).map((d) => ({
      ...d,
      action: 'resolve',
    }));
    writeAudit(store, clock, identity, drafts);
    return { ok: true, id, message: t(lang, RESOLVE_TEXT.resolved, { id }), warnings: [], customer: null };
  });
}
