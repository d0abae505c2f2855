// Money as integer minor units (fen/cents). Every sum and comparison happens on integers so totals are exact;
// the sheet holds a plain number (yuan/dollars) that adapters convert at the boundary.

export type Cents = number;

/** Cents from a sheet number (12.34 → 1234), rounding half away from zero to absorb binary noise. */
export function centsFromNumber(n: number): Cents {
  const c = Math.round(Math.abs(n) * 100 + 1e-7);
  return n < 0 ? -c : c;
}

/** Sheet number from cents (1234 → 12.34). */
export function numberFromCents(c: Cents): number {
  return c / 100;
}

/**
 * Parses money typed by a person: "1,234.5", "¥1234.50", "1234", " 12 ". At most two decimals.
 * Returns null when the text is not money.
 */
export function parseMoney(text: string): Cents | null {
  const t = text
    .trim()
    .replace(/^[¥$€£]|^(CNY|RMB|USD|EUR)\s*/i, '')
    .replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const c = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(c)) return null;
  return m[1] ? -c : c;
}

/** "1,234.50" (grouped, two decimals), with an optional currency code prefix: "CNY 1,234.50". */
export function formatMoney(c: Cents, currency?: string): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const units = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = `${neg ? '-' : ''}${units}.${String(abs % 100).padStart(2, '0')}`;
  return currency ? `${currency} ${body}` : body;
}

export function sumCents(values: readonly Cents[]): Cents {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * Money as a customer reads it: CNY as ¥1,234.50, other currencies by their ISO code (USD 1,234.50); a blank
 * currency is shown as a bare number. Used by customer e-mails and statements (formatMoney keeps the code form
 * the sheets and logs were written with).
 */
export function displayMoney(c: Cents, currency: string): string {
  const cur = currency.trim().toUpperCase();
  if (cur === 'CNY' || cur === 'RMB') {
    const body = formatMoney(Math.abs(c));
    return c < 0 ? `-¥${body}` : `¥${body}`;
  }
  return cur ? formatMoney(c, cur) : formatMoney(c);
}
