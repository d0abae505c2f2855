// The preview's rows as a person reads them (PRODUCT.md §12): every field of the record as it will be saved, in
// the sidebar's language — money as ¥1,234.50, enums by their label, checkboxes as 是/否 — never cents or codes.
import type { Lang } from '../domain/i18n';
import { importFields } from '../domain/import-mapping';
import type { ImportTarget } from '../domain/import-types';
import { formatMoney } from '../domain/money';
import { enumLabel } from '../domain/schema';
import type { RowOutcome } from './import-plan';
import type { ImportFieldView, PreviewRow } from './import-types';
import { t, msg } from '../domain/i18n';

const YES = msg('app/import-view.YES');

const SYMBOL: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: 'JP¥', HKD: 'HK$' };

export function moneyText(cents: number, currency: string): string {
  const sym = SYMBOL[currency || 'CNY'];
  const body = formatMoney(Math.abs(cents));
  const sign = cents < 0 ? '-' : '';
  return sym ? `${sign}${sym}${body}` : `${sign}${currency} ${body}`;
}

export function fieldViews(target: ImportTarget, lang: Lang): ImportFieldView[] {
  return importFields(target).map((c) => ({
    key: c.key,
    label: c.header[lang],
    required: Boolean(c.required) && c.key !== 'id',
  }));
}

export function previewRow(target: ImportTarget, o: RowOutcome, lang: Lang): PreviewRow {
  const values: Record<string, string> = {};
  const rec = (o.record ?? {}) as Record<string, unknown>;
  const currency = String(rec.currency ?? 'CNY');
  for (const c of importFields(target)) {
    const v = rec[c.key];
    if (v === undefined || v === null || v === '') continue;
    if (c.type === 'money' && typeof v === 'number') values[c.key] = moneyText(v, currency);
    else if (c.type === 'enum') values[c.key] = enumLabel(c, String(v), lang);
    else if (c.type === 'checkbox') values[c.key] = v === true ? t(lang, YES) : '';
    else values[c.key] = String(v);
  }
  if (o.status === 'reject') for (const [k, v] of Object.entries(o.raw)) if (v) values[k] = v;
  return { sourceRow: o.sourceRow, status: o.status, id: o.id, values, errors: o.errors };
}
