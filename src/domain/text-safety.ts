// Keeping user text inert in a spreadsheet (PRODUCT.md §7). Sheets parses a written string as if typed
// (USER_ENTERED): "=…" becomes a formula, "+86…" or "0012" a number, "2024-1-5" a date. The sheet adapter writes such
// strings with a leading apostrophe, which Sheets consumes and which makes the cell plain text; reading returns the
// text without it. Numbers, dates and booleans the add-on owns are written as real values, never through here.

/** Text that would be evaluated as a formula if written raw (formula injection: = + - @). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * Whether Sheets could reinterpret this text when written: formula prefixes, an existing apostrophe (which would be
 * consumed), anything with a digit (numbers, dates, times, phone numbers, ids with leading zeros) and booleans.
 */
export function needsTextGuard(text: string): boolean {
  return text !== '' && (/^[=+\-@']/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text));
}

/** The value to write so the cell holds exactly `text`. */
export function guardText(text: string): string {
  return needsTextGuard(text) ? `'${text}` : text;
}

/** HTML-escapes user data for sidebars, alerts rendered as HTML and e-mails. */
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
