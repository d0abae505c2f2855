// Resolving an open service interaction from the customer 360 (PRODUCT §13): the resolution text is required, the
// interaction must still be open and unchanged since the 360 was loaded; status, resolution and resolved day are
// written to that one row and audited field by field.
import { isLang, type Text, t } from '../domain/i18n';
import type { Interaction, Lang } from '../domain/records';
import { MAX_TEXT } from '../domain/schema';
import { changedFields, writeAudit } from './save-audit';
import { failure, underLock } from './save-common';
import type { SidebarServices } from './sidebar-ports';
import type { ResolveInteractionRequest, SaveResult } from './sidebar-types';
import { keyTable, rowsAt } from './store-reads';

export const RESOLVE_TEXT = {
  resolved: { 'zh-CN': '服务记录 {id} 已标记为已解决。', en: 'Interaction {id} marked as resolved.' },
  notFound: {
    'zh-CN': '找不到服务记录 {id}（可能已被删除）。请刷新客户视图。',
    en: 'Interaction {id} was not found (it may have been deleted). Reload the customer view.',
  },
  already: { 'zh-CN': '服务记录 {id} 已经是已解决状态。', en: 'Interaction {id} is already resolved.' },
  required: {
    'zh-CN': '处理结果：请填写如何解决（必填）。',
    en: 'Resolution: describe how it was resolved (required).',
  },
  tooLong: {
    'zh-CN': '处理结果：不能超过 {max} 个字符。',
    en: 'Resolution: at most {max} characters.',
  },
  changed: {
    'zh-CN': '未保存：服务记录 {id} 在您打开客户视图之后已被修改。请查看最新内容后再操作。',
    en: 'Not saved: interaction {id} was modified after you opened this customer. Look at it again, then retry.',
  },
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
