// Cell values of an imported file or tab → the text a form would send for that field (PRODUCT.md §12). ERP and
// Excel exports write the same value many ways: dates as 2024-01-05, 2024/1/5, 2024年1月5日, 05/01/2024 or a
// spreadsheet serial; money as ¥1,234.50, 1234.5元, ＲＭＢ１２３４ or a plain number; ids as numbers that lost their
// text format. This module only normalizes the spelling; the form schemas (validate.ts) still decide what is valid,
// so an imported row passes exactly the rules a typed one does. Pure: Dates were turned into ISO days by the adapter.
import { isIsoDay, isoFromDayNumber } from './day';
import { centsFromNumber, formatMoney } from './money';
import type { Column } from './schema';
import { parseDayText } from './validate-field';
import { halfWidth } from './width';

/** How a source cell arrives: strings, numbers, booleans ('' for empty); date cells already as 'yyyy-MM-dd'. */
export type SourceCell = string | number | boolean | null | undefined;

/** How to read an all-numeric day such as 05/01/2024: day first (China, Europe) or month first (US exports). */
export type DateOrder = 'dmy' | 'mdy';

/** Day 0 of Sheets and Excel serials is 1899-12-30 (day number −25569 from 1970-01-01). */
const SERIAL_EPOCH = -25569;

/** A spreadsheet serial (45296 = 2024-01-05) → ISO day; time-of-day fractions are dropped. */
export function dayFromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return isoFromDayNumber(Math.floor(serial) + SERIAL_EPOCH);
}

/**
 * A day in any common spelling → ISO, or null. Years first are unambiguous (2024-01-05, 2024/1/5, 2024.1.5,
 * 2024年1月5日, 20240105); years last follow `order`. A trailing time (" 00:00:00") is ignored.
 */
export function normalizeDay(cell: SourceCell, order: DateOrder = 'dmy'): string | null {
  if (typeof cell === 'number') return dayFromSerial(cell);
  if (typeof cell !== 'string') return null;
  const text = halfWidth(cell)
    .trim()
    .replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '');
  if (isIsoDay(text)) return text;
  const ymd = parseDayText(text);
  if (ymd) return ymd;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return checkDay(m[1], m[2], m[3]);
  m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(text);
  if (m) return order === 'dmy' ? checkDay(m[3], m[2], m[1]) : checkDay(m[3], m[1], m[2]);
  if (/^\d{5}(\.\d+)?$/.test(text)) return dayFromSerial(Number(text));
  return null;
}

function checkDay(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
}

/**
 * Money text as the form's parser reads it ("1234.50"), from ¥1,234.50 / 1,234.50元 / ＲＭＢ１，２３４ / 人民币 1234 /
 * (1,234.00) / a number cell. Returns the input unchanged when it is not money, so the form rule names the field.
 */
export function normalizeMoney(cell: SourceCell): string {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return String(cell);
    const c = centsFromNumber(cell);
    return formatMoney(c).replace(/,/g, '');
  }
  if (typeof cell !== 'string') return cell === true || cell === false ? String(cell) : '';
  const folded = halfWidth(cell)
    .trim()
    .replace(/^(人民币|RMB|CNY)\s*/i, '')
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/[\s,，]/g, '');
  const paren = /^\((.*)\)$/.exec(folded);
  return paren ? `-${paren[1]}` : folded;
}

/** An id as text, verbatim: a number cell becomes its digits (no exponent, no grouping), text keeps its zeros. */
export function normalizeId(cell: SourceCell): string {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return String(cell);
  return String(cell ?? '').trim();
}

/** Integers typed with grouping or full-width digits ("１，０００", "30天"). */
export function normalizeInteger(cell: SourceCell): string {
  if (typeof cell === 'number') return String(cell);
  return halfWidth(String(cell ?? ''))
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/(天|days?)$/i, '');
}

/** Currency names Chinese ERPs write in the 币别 column, to ISO codes. */
const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  人民币: 'CNY',
  RMB: 'CNY',
  元: 'CNY',
  美元: 'USD',
  港币: 'HKD',
  港元: 'HKD',
  欧元: 'EUR',
  日元: 'JPY',
  英镑: 'GBP',
};

export function normalizeCurrency(cell: SourceCell): string {
  const text = halfWidth(String(cell ?? '')).trim();
  return CURRENCY_NAMES[text.toUpperCase()] ?? CURRENCY_NAMES[text] ?? text;
}

/**
 * The form text for one cell of a column. Dates that cannot be read are passed on as typed, so the schema's date
 * rule rejects them with the field's name; everything else follows the column's type.
 */
export function formText(col: Column, cell: SourceCell, order: DateOrder): string | boolean {
  if (cell === null || cell === undefined) return '';
  switch (col.type) {
    case 'date':
      return normalizeDay(cell, order) ?? String(cell).trim();
    case 'money':
      return normalizeMoney(cell);
    case 'integer':
      return normalizeInteger(cell);
    case 'decimal':
      return typeof cell === 'number' ? String(cell) : halfWidth(String(cell ?? '')).trim();
    case 'checkbox':
      return typeof cell === 'boolean' ? cell : String(cell).trim();
    case 'phone':
    case 'taxId':
      return typeof cell === 'number' ? normalizeId(cell) : halfWidth(String(cell)).trim();
    case 'currency':
      return normalizeCurrency(cell);
    case 'email':
      return halfWidth(String(cell)).trim();
    case 'id':
      return typeof cell === 'string' ? unguard(normalizeId(cell)) : normalizeId(cell);
    default:
      return typeof cell === 'string' ? unguard(cell.trim()) : normalizeId(cell);
  }
}

/**
 * Formula-looking text that a CSV export protected with a leading apostrophe ('=SUM…) is read back without it, so an
 * export re-imports unchanged; the sheet writer guards it again when storing.
 */
export function unguard(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}
