// Phone numbers as customers write them (PRODUCT.md §1): a CN mobile (1[3-9] + 9 digits, optional +86), a CN
// landline with its area code (010-12345678, 0755-1234567, optional extension), or an international number starting
// with '+'. Kept as text so leading zeros and '+' survive; the same rules back the sheet's custom-formula validation.

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
// 3-digit area codes are 010 and 020–029; all others have 4 digits (0xxx). Local numbers have 7 or 8 digits.
const LANDLINE = /^(?:\+?86-?)?(?:0(?:10|2\d)-?[1-9]\d{7}|0[3-9]\d{2}-?[1-9]\d{6,7})(?:-\d{1,6})?$/;
const INTERNATIONAL = /^\+[1-9]\d{6,14}$/;

/** Spaces, dots and brackets people type for readability are ignored; dashes matter only for landline layout. */
function compact(text: string): string {
  return text.trim().replace(/[\s().]/g, '');
}

export function isValidPhone(text: string): boolean {
  const c = compact(text);
  if (!c) return false;
  if (MOBILE.test(c.replace(/-/g, ''))) return true;
  if (LANDLINE.test(c)) return true;
  return c.startsWith('+') && INTERNATIONAL.test(c.replace(/-/g, ''));
}

/** Digits only (plus a leading '+'), for duplicate detection across formatting differences. */
export function phoneKey(text: string): string {
  const c = compact(text).replace(/-/g, '');
  return c.replace(/^\+?86(?=1[3-9]\d{9}$)/, '');
}

/**
 * Sheets custom formula (cell-relative to `a1`) accepting the same numbers as `isValidPhone`, for data validation.
 * Sheets' RE2 has no lookahead, which none of the patterns above use.
 */
export function phoneFormula(a1: string): string {
  const c = `REGEXREPLACE(TRIM(${a1}&""),"[\\s().]","")`;
  const mobile = `REGEXMATCH(SUBSTITUTE(${c},"-",""),"^(\\+?86)?1[3-9]\\d{9}$")`;
  const land = `REGEXMATCH(${c},"^(\\+?86-?)?(0(10|2\\d)-?[1-9]\\d{7}|0[3-9]\\d{2}-?[1-9]\\d{6,7})(-\\d{1,6})?$")`;
  const intl = `REGEXMATCH(SUBSTITUTE(${c},"-",""),"^\\+[1-9]\\d{6,14}$")`;
  return `=OR(${a1}="",${mobile},${land},${intl})`;
}
