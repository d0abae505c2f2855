// One value of one column, from what a person typed (a form string or a text cell) to its typed form, by the rules
// the schema gives that column. Shared by the form validators (validate.ts) and the sheet reader (table.ts), so a
// value accepted by a form is exactly a value the sheet reader accepts. Pure: no Apps Script, no DOM, no Date.
import { addDays, dayNumber, type IsoDay, isIsoDay } from './day';
import { type Lang, LIST_SEPARATOR, perLang, t, type Text } from './i18n';
import { parseMoney } from './money';
import { isValidPhone } from './phone';
import { type Column, enumValue, MAX_TEXT } from './schema';
import { normalizeTaxId, taxIdProblem } from './tax-id';
import { VALIDATION, type ValidationRule } from './workbook-i18n';

export type FieldValue = string | number | boolean | null;

export type FieldResult =
  | { ok: true; value: FieldValue }
  | { ok: false; rule: ValidationRule; params?: Record<string, string | number> };

export interface FieldContext {
  /** Today in the spreadsheet's time zone, for 'past' / 'not in the future' rules; rules skipped when absent. */
  readonly today?: IsoDay;
}

const EMAIL = /^[^\s@"'<>(),;:\\]+@[^\s@"'<>(),;:\\]+\.[^\s@"'<>(),;:\\]{2,}$/;

export function isValidEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** The text of a raw form value: strings trimmed, numbers and booleans stringified, null/undefined → ''. */
export function rawText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return '';
}

/**
 * Whether a raw value can be a field at all. The sidebar sends strings; anything else that arrives over
 * google.script.run (objects, arrays, a hostile `{toString: …}`) is refused instead of being stringified.
 */
export function isScalarRaw(raw: unknown): boolean {
  return raw === null || raw === undefined || ['string', 'number', 'boolean'].includes(typeof raw);
}

/** Days typed as 2024-01-05, 2024/1/5, 2024.1.5 or 2024年1月5日 → ISO; null when not a real calendar day. */
export function parseDayText(text: string): IsoDay | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
}

/** The value a column holds when empty: '' for text and days, false for checkboxes, null or 0 for numbers. */
export function emptyValue(col: Column): FieldValue {
  if (col.type === 'checkbox') return false;
  if (col.type === 'money' || col.type === 'integer' || col.type === 'decimal') return col.nullable ? null : 0;
  return '';
}

const TRUE_TEXT = new Set(['true', 'yes', 'y', '1', 'on', '是', '√', '✓', 'x']);
const FALSE_TEXT = new Set(['false', 'no', 'n', '0', 'off', '否', '']);

/** Parses the text of one field. Empty text is `required` or the column's empty value. */
export function parseField(col: Column, raw: unknown, ctx: FieldContext = {}): FieldResult {
  if (col.type === 'checkbox' && typeof raw === 'boolean') return { ok: true, value: raw };
  if (!isScalarRaw(raw)) return { ok: false, rule: 'notText' };
  const text = rawText(raw);
  if (text === '') return col.required ? { ok: false, rule: 'required' } : { ok: true, value: emptyValue(col) };
  switch (col.type) {
    case 'money': {
      const c = parseMoney(text);
      if (c === null) return { ok: false, rule: 'money' };
      if (col.positive && c <= 0) return { ok: false, rule: 'moneyPositive' };
      if (c < 0) return { ok: false, rule: 'moneyNonNegative' };
      return { ok: true, value: c };
    }
    case 'integer': {
      if (!/^[+-]?\d+$/.test(text.replace(/,/g, ''))) return { ok: false, rule: 'integer' };
      return checkRange(col, Number(text.replace(/,/g, '')));
    }
    case 'decimal': {
      // "65", "65.5", "65%" (the percent sign a ratio is often typed with), "1,234.5"
      const m = /^[+-]?\d+(\.\d+)?%?$/.exec(text.replace(/,/g, '').replace(/\s/g, ''));
      if (!m) return { ok: false, rule: 'decimal' };
      return checkDecimal(col, Number.parseFloat(text.replace(/,/g, '').replace(/\s/g, '')));
    }
    case 'date': {
      const day = parseDayText(text);
      if (!day) return { ok: false, rule: 'date' };
      return checkWhen(col, day, ctx);
    }
    case 'enum': {
      const v = enumValue(col, text);
      if (v === undefined) return { ok: false, rule: 'enum' };
      return { ok: true, value: v };
    }
    case 'email':
      return isValidEmail(text) ? { ok: true, value: text } : { ok: false, rule: 'email' };
    case 'phone':
      return isValidPhone(text) ? { ok: true, value: text } : { ok: false, rule: 'phone' };
    case 'taxId': {
      const p = taxIdProblem(text);
      if (p === 'length') return { ok: false, rule: 'taxIdLength' };
      if (p === 'format') return { ok: false, rule: 'taxIdFormat' };
      if (p === 'checksum') return { ok: false, rule: 'taxIdChecksum' };
      return { ok: true, value: normalizeTaxId(text) };
    }
    case 'currency': {
      const c = text.toUpperCase();
      return /^[A-Z]{3}$/.test(c) ? { ok: true, value: c } : { ok: false, rule: 'currency' };
    }
    case 'checkbox': {
      const l = text.toLowerCase();
      if (TRUE_TEXT.has(l)) return { ok: true, value: true };
      if (FALSE_TEXT.has(l)) return { ok: true, value: false };
      return { ok: false, rule: 'checkbox' };
    }
    default: {
      // id, text, longtext, datetime: text as typed; raw strings keep inner spacing, only the ends are trimmed.
      const max = col.maxLength ?? MAX_TEXT;
      if (text.length > max) return { ok: false, rule: 'tooLong', params: { max } };
      return { ok: true, value: text };
    }
  }
}

/** Range check for integers (termsDays 0–365, satisfaction 1–5). */
export function checkRange(col: Column, n: number): FieldResult {
  if (!Number.isSafeInteger(n)) return { ok: false, rule: 'integer' };
  const min = col.min ?? Number.NEGATIVE_INFINITY;
  const max = col.max ?? Number.POSITIVE_INFINITY;
  if (n < min || n > max) return { ok: false, rule: 'range', params: { min: col.min ?? '', max: col.max ?? '' } };
  return { ok: true, value: n };
}

/** Range check for decimals (financial ratios). */
export function checkDecimal(col: Column, n: number): FieldResult {
  if (!Number.isFinite(n)) return { ok: false, rule: 'decimal' };
  const min = col.min ?? Number.NEGATIVE_INFINITY;
  const max = col.max ?? Number.POSITIVE_INFINITY;
  if (n < min || n > max) return { ok: false, rule: 'range', params: { min: col.min ?? '', max: col.max ?? '' } };
  return { ok: true, value: n };
}

/** Date rules relative to today (birth date in the past, receipts not in the future). */
export function checkWhen(col: Column, day: IsoDay, ctx: FieldContext): FieldResult {
  if (ctx.today && col.when === 'past' && !(dayNumber(day) < dayNumber(ctx.today)))
    return { ok: false, rule: 'datePast' };
  if (ctx.today && col.when === 'notFuture' && dayNumber(day) > dayNumber(ctx.today))
    return { ok: false, rule: 'dateNotFuture' };
  return { ok: true, value: day };
}

/** The localized message for a failed field, naming the field (its header in `lang`) and the rule. */
export function fieldMessage(
  col: Column,
  rule: ValidationRule,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const options = (col.options ?? []).map((o) => o.label[lang]).join(t(lang, LIST_SEPARATOR));
  return t(lang, VALIDATION[rule], { field: col.header[lang], options, ...params });
}

/** Both languages of a field message (for RowIssue). */
export function fieldText(col: Column, rule: ValidationRule, params: Record<string, string | number> = {}): Text {
  return perLang((lang) => fieldMessage(col, rule, lang, params));
}

/** Default due date: issue date + payment terms. */
export function defaultDueDate(issue: IsoDay, termsDays: number): IsoDay {
  return addDays(issue, termsDays);
}
