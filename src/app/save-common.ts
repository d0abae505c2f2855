// Shared mechanics of every sidebar save: the document lock, new ids from the fresh read under that lock, record
// versions for conflict detection, the compact index row, and uniform localized failures.
import { nextIdInSeries } from '../domain/id-series';
import { isLang, t } from '../domain/i18n';
import type { Customer, Lang } from '../domain/records';
import type { Table } from './ports';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import type { DuplicateHit, FieldError, IndexRow, SaveFailure, SaveFailureReason, SaveResult } from './sidebar-types';

/** The customer fields a user edits (everything else is derived or stamped). */
export const CUSTOMER_FIELDS = [
  'name',
  'type',
  'contact',
  'phone',
  'email',
  'address',
  'industry',
  'region',
  'birthDate',
  'occupation',
  'taxId',
  'manager',
  'creditLimit',
  'termsDays',
  'language',
  'remindersPaused',
  'status',
  'segmentOverride',
  'notes',
  // Without these the edit form would send them empty and an edit would wipe the customer's ratios.
  'debtRatio',
  'currentRatio',
] as const satisfies ReadonlyArray<keyof Customer>;

export function failure(
  reason: SaveFailureReason,
  message: string,
  errors: FieldError[] = [],
  duplicates: DuplicateHit[] = [],
): SaveFailure {
  return { ok: false, reason, message, errors, duplicates };
}

/** A save's form values as sent, or {} when the payload is not an object (the client is not trusted). */
export function formOf(save: { values?: unknown } | null | undefined): Record<string, unknown> {
  const v = save && typeof save === 'object' ? save.values : undefined;
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {};
}

/** The language of a save's messages: the sidebar's (validated), else the identity's. */
export function saveLang(services: SidebarServices, save: { lang?: unknown } | null | undefined): Lang {
  return isLang(save?.lang) ? save.lang : services.identity.lang();
}

/**
 * Runs a save under the document lock. Everything that decides ids or compares versions must happen inside,
 * on a read made after the lock was taken, or two users could both pass the check.
 */
export function underLock(services: SidebarServices, lang: Lang, save: () => SaveResult): SaveResult {
  if (!services.lock.acquire()) return failure('busy', t(lang, SIDEBAR_TEXT.busy));
  try {
    return save();
  } catch (e) {
    const text = userText(e, lang);
    if (text !== null) return failure('setup', text);
    throw e;
  } finally {
    services.lock.release();
  }
}

/**
 * The localized text of an error the user can act on (the workbook's LedgerError carries `text: {zh-CN, en}`, e.g.
 * a missing sheet or column with the advice to run Set up / repair); null for anything else.
 */
export function userText(e: unknown, lang: Lang): string | null {
  const text = e && typeof e === 'object' ? (e as { text?: unknown }).text : undefined;
  if (text && typeof text === 'object' && typeof (text as Record<string, unknown>)[lang] === 'string') {
    return (text as Record<Lang, string>)[lang];
  }
  return null;
}

/**
 * Every id of a sheet, rows typed with a duplicate id included: they are not counted, but a new id must not
 * repeat them nor a typed id match them.
 */
export function idsOf(table: Table<{ id: string }>): string[] {
  return [...table.rows, ...(table.duplicates ?? [])].map((s) => s.record.id);
}

/** Next id: continues the series of the sheet's latest id (see id-series.ts), `PREFIX-000001` on an empty sheet. */
export function nextId(prefix: string, existing: Iterable<string>): string {
  return nextIdInSeries(prefix, existing);
}

/**
 * A customer's version: its last stamp plus a fingerprint of the editable fields. The fingerprint catches edits
 * that left no stamp (a hand edit the simple trigger could not stamp, or two saves within the same second).
 */
export function customerVersion(c: Customer): string {
  const fields = CUSTOMER_FIELDS.map((f) => {
    const v = c[f];
    return v === null || v === undefined ? '' : String(v);
  });
  return `${c.updatedAt || '-'}#${fnv1a(fields.join('\u0001'))}`;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function indexRow(c: Customer): IndexRow {
  return [
    c.id,
    c.name,
    c.phone,
    c.email,
    c.contact,
    c.segmentOverride || c.segment || '',
    c.outstanding || 0,
    c.creditLimit ?? -1,
    c.termsDays ?? -1,
    c.status || '',
  ];
}
