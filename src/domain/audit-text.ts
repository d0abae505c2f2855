// The audit log as people read it (PRODUCT.md §13, issue #16): a changed field by its header, old → new in display
// units — money as ¥1,000.00 (other currencies by ISO code), enums by their label, checkboxes as 是/否, dates as
// dates — in the workbook's language; a created record as "header: value" pairs, never JSON or cents. The values are
// what is hashed into the chain (audit-chain.ts), so a row verifies exactly as it reads.
import type { Role } from '../app/ports';
import { type Catalog, type Lang, t, msg } from './i18n';
import { displayMoney } from './money';
import { type Column, columnOf, columnsOf, enumLabel, SHEETS } from './schema';

/** The raw values behind a draft row, formatted when the row is written (the workbook language is known then). */
export interface AuditRaw {
  /** A created record: every non-empty field of it. */
  record?: object;
  /** A changed field: its value before and after. */
  before?: unknown;
  after?: unknown;
  /** Currency of the record's money fields ('' = the ledger's default). */
  currency?: string;
}

const AUDIT_TEXT = {
  yes: msg('audit-text.AUDIT_TEXT.yes'),
  no: msg('audit-text.AUDIT_TEXT.no'),
  pairSeparator: msg('audit-text.AUDIT_TEXT.pairSeparator'),
  colon: msg('audit-text.AUDIT_TEXT.colon'),
} satisfies Catalog;

const ROLES: ReadonlySet<string> = new Set(Object.keys(SHEETS));

function isRole(sheet: string): sheet is Role {
  return ROLES.has(sheet);
}

/**
 * A currency, or how to find it: the workbook's default currency costs a read of the Settings sheet, so callers pass
 * a function and it is called only when a money value is actually shown.
 */
export type CurrencySource = string | (() => string);
const currencyOf = (c: CurrencySource) => (typeof c === 'function' ? c() : c);

/** One value of a column as the sheet shows it to people. */
export function displayValue(col: Column | undefined, v: unknown, lang: Lang, currency: CurrencySource): string {
  if (v === null || v === undefined || v === '') return '';
  if (!col) return typeof v === 'object' ? '' : String(v);
  switch (col.type) {
    case 'money':
      return typeof v === 'number' ? displayMoney(v, currencyOf(currency) || 'CNY') : String(v);
    case 'enum':
      return enumLabel(col, String(v), lang);
    case 'checkbox':
      return t(lang, v === true || v === 'true' ? AUDIT_TEXT.yes : AUDIT_TEXT.no);
    default:
      return typeof v === 'object' ? '' : String(v);
  }
}

/** The header of a field in the workbook language (the key itself when the sheet has no such column). */
export function fieldLabel(sheet: string, field: string, lang: Lang): string {
  const col = isRole(sheet) ? columnOf(sheet, field) : undefined;
  return col ? col.header[lang] : field;
}

/** "金额：¥1,000.00；到期日：2026-02-01…" for a created record: its non-empty fields in sheet order. */
export function recordSummary(sheet: string, record: object, lang: Lang, currency: CurrencySource): string {
  const rec = record as Record<string, unknown>;
  const cur = typeof rec.currency === 'string' && rec.currency ? rec.currency : currency;
  if (!isRole(sheet)) return '';
  const parts: string[] = [];
  for (const col of columnsOf(sheet)) {
    if (!(col.key in rec)) continue;
    const text = displayValue(col, rec[col.key], lang, cur);
    if (text) parts.push(`${col.header[lang]}${t(lang, AUDIT_TEXT.colon)}${text}`);
  }
  return parts.join(t(lang, AUDIT_TEXT.pairSeparator));
}

/** The draft's field, old and new value as people read them; drafts without raw values are left as they are. */
export function readableAudit<
  D extends { sheet?: string; field?: string; oldValue?: string; newValue?: string; raw?: AuditRaw },
>(draft: D, lang: Lang, defaultCurrency: CurrencySource): Omit<D, 'raw'> {
  const { raw, ...rest } = draft;
  if (!raw) return rest;
  const sheet = draft.sheet ?? '';
  const currency: CurrencySource = raw.currency || defaultCurrency;
  if (raw.record) return { ...rest, newValue: recordSummary(sheet, raw.record, lang, currency) };
  const col = isRole(sheet) && draft.field ? columnOf(sheet, draft.field) : undefined;
  return {
    ...rest,
    field: fieldLabel(sheet, draft.field ?? '', lang),
    oldValue: displayValue(col, raw.before, lang, currency),
    newValue: displayValue(col, raw.after, lang, currency),
  };
}
