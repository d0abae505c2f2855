// Audit rows for sidebar saves: one row per created record, one per changed field of an edit. Written with the
// workbook's recordAudit (it chains the tamper-evident hash), in one append per save.
import type { AuditRaw } from '../domain/audit-text';
import type { AuditEntry } from '../domain/records';
import { recordAudit } from './audit-log';
import type { Clock, Identity, LedgerStore } from './ports';

/**
 * `raw` keeps the values behind oldValue/newValue: recordAudit writes them in display units in the workbook's
 * language (domain/audit-text.ts) when the store knows that language; the plain text here is the fallback.
 */
export type AuditDraft = Omit<AuditEntry, 'hash' | 'at' | 'user' | 'source'> & { raw?: AuditRaw };

/** The currency of a record's money fields, when it has one. */
function currencyOf(...records: object[]): string {
  for (const r of records) {
    const c = (r as { currency?: unknown }).currency;
    if (typeof c === 'string' && c.trim()) return c.trim();
  }
  return '';
}

export function stringifyValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Audit drafts for the fields that differ between `before` and `after` (only the listed fields). */
export function changedFields<T extends object>(
  sheet: string,
  recordId: string,
  before: T,
  after: Partial<T>,
  fields: ReadonlyArray<keyof T & string>,
): AuditDraft[] {
  const out: AuditDraft[] = [];
  for (const f of fields) {
    if (!(f in after)) continue;
    const o = stringifyValue(before[f]);
    const n = stringifyValue(after[f]);
    if (o !== n)
      out.push({
        action: 'update',
        sheet,
        recordId,
        field: f,
        oldValue: o,
        newValue: n,
        raw: { before: before[f], after: after[f], currency: currencyOf(after, before) },
      });
  }
  return out;
}

/**
 * `currency`: the currency of a record that has no currency field of its own (a payment is in its invoice's), so the
 * log need not read the Settings sheet for the workbook's default; '' falls back to that default.
 */
export function createdRecord(sheet: string, recordId: string, record: object, currency = ''): AuditDraft {
  return {
    action: 'create',
    sheet,
    recordId,
    field: '',
    oldValue: '',
    newValue: JSON.stringify(record),
    raw: { record, currency: currencyOf(record) || currency.trim() },
  };
}

/** Stamps and writes the drafts as one batch (no-op when nothing changed). */
export function writeAudit(store: LedgerStore, clock: Clock, identity: Identity, drafts: readonly AuditDraft[]): void {
  if (!drafts.length) return;
  const at = clock.nowStamp();
  const user = identity.user();
  recordAudit(
    store,
    drafts.map((d) => ({ ...d, at, user, source: 'sidebar' as const })),
  );
}
