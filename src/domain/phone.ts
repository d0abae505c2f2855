// Phone numbers as customers write them (PRODUCT.md §1): a CN mobile (1[3-9] + 9 digits, optional +86), a CN
// landline with its area code (010-12345678, 0755-1234567, optional extension), a nationwide service number
// (400-810-8888, 800-820-8820: the hotlines most companies print on their invoices), or an international number
// starting with '+'. Kept as text so leading zeros and '+' survive.
//
// One rule, two engines: the patterns below are written once in the syntax both RE2 (Sheets' REGEXMATCH /
// REGEXREPLACE, used by the in-sheet validation formula) and JavaScript (isValidPhone) read the same way, so the
// sidebar, the sheet reader and the sheet's own validation accept exactly the same text. What a finance user expects:
// - spaces are ignored anywhere, including the no-break space pasted from web pages and e-mail (U+00A0), the
//   ideographic space of a Chinese IME (U+3000), the typographic spaces U+2000–U+200A, tabs and line breaks: exactly
//   the characters of JavaScript's \s / trim(), so "blank" means the same in every layer;
// - brackets and dots typed for readability are ignored, also the full-width （ ） a Chinese IME produces;
// - a leading apostrophe (Sheets' "keep as text" marker, kept when pasted from another sheet) is ignored;
// - a dash may separate digits (138-0013-8000, +44-20-7946-0958) but a landline's dashes must sit where the area
//   code and the extension end;
// - full-width digits (１３８…) and full-width ＋/－ are NOT accepted in a cell: the cell keeps what was typed, and
//   dialers, exports and other systems do not read them as digits. A form normalizes them before validating
//   (normalizePhoneInput), so what a save stores is always half-width.
// Sheets' TRIM is not used: which spaces it removes is not documented; the explicit class below is.

/** The ignored spaces as an RE2 character-class body (\x{…} escapes keep the formula ASCII). Equals JS \s. */
export const SPACE_CLASS =
  '\\t\\n\\v\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

/** Leading spaces + one apostrophe, or any single character of `ignored` (global replace with ''). */
export function ignorablePattern(ignored: string): string {
  return `^[${SPACE_CLASS}]*'|[${ignored}]`;
}

/** An RE2 pattern of this module as a JS RegExp: only the \x{…} escape differs between the two syntaxes. */
export function jsRegExp(re2: string, flags = ''): RegExp {
  return new RegExp(
    re2.replace(/\\x\{([0-9A-Fa-f]{1,4})\}/g, (_m, h: string) => `\\u${h.padStart(4, '0')}`),
    flags,
  );
}

const IGNORED = ignorablePattern(`${SPACE_CLASS}().\\x{FF08}\\x{FF09}`);
const MOBILE = '(\\+?86-?)?1-?[3-9](-?\\d){9}';
// 3-digit area codes are 010 and 020–029; all others have 4 digits (0xxx). Local numbers have 7 or 8 digits.
const LANDLINE = '(\\+?86-?)?(0(10|2\\d)-?[1-9]\\d{7}|0[3-9]\\d{2}-?[1-9]\\d{6,7})(-\\d{1,6})?';
const INTERNATIONAL = '\\+[1-9](-?\\d){6,14}';
// 400 / 800 service numbers: 10 digits, grouped 3-3-4 or 3-4-3 by habit, never with a country code.
const SERVICE = '[48]00(-?\\d){7}';
const PHONE = `^(${MOBILE}|${LANDLINE}|${SERVICE}|${INTERNATIONAL})$`;
const BLANK = `^[${SPACE_CLASS}]*$`;

const IGNORED_JS = jsRegExp(IGNORED, 'g');
const PHONE_JS = jsRegExp(PHONE);

/** The text without the characters the rule ignores. */
function compact(text: string): string {
  return text.replace(IGNORED_JS, '');
}

/**
 * What a form stores for a typed phone: full-width digits and ＋－（） (a Chinese IME's) as half-width, and every run of
 * spaces of any kind (ideographic, no-break…) as one ASCII space, ends trimmed. Applied on save only: a cell typed by
 * hand keeps exactly what was typed, and the sheet's rule and reader judge that text as it is.
 */
export function normalizePhoneInput(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF08\uFF09]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
}

export function isValidPhone(text: string): boolean {
  return PHONE_JS.test(compact(text));
}

/** Digits only (plus a leading '+'), for duplicate detection across formatting differences. */
export function phoneKey(text: string): string {
  const c = compact(text).replace(/-/g, '');
  return c.replace(/^\+?86(?=1[3-9]\d{9}$)/, '');
}

/**
 * Sheets custom formula (cell-relative to `a1`) for data validation: true for a blank cell (only spaces) or a text
 * `isValidPhone` accepts. RE2 has no lookahead, which none of the patterns use.
 */
export function phoneFormula(a1: string): string {
  const text = `${a1}&""`;
  return `=OR(REGEXMATCH(${text},"${BLANK}"),REGEXMATCH(REGEXREPLACE(${text},"${IGNORED}",""),"${PHONE}"))`;
}
