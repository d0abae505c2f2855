// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) that identifies Chinese companies:
// registration authority, entity type, 6-digit region, 9-character organization code, and a check character
// computed modulo 31 over a 31-symbol alphabet (no I, O, S, V, Z).
//
// Typed the way phones are (phone.ts): spaces of any kind (JS \s, also no-break and ideographic) are ignored
// anywhere, as is a leading apostrophe; ASCII lower case is accepted and stored upper-cased. Full-width characters are
// not codes (the stored text must be what tax systems read). The sheet formula mirrors this with RE2 patterns that
// read the same in JavaScript, and checks the shape before UPPER so only ASCII is ever case-folded (JS and Sheets
// disagree on case-folding odd letters such as 'ß' or the 'ﬀ' ligature).
import { ignorablePattern, jsRegExp, SPACE_CLASS } from './phone';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SYMBOL = '[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]';
const SHAPE = `^${SYMBOL}{2}[0-9]{6}${SYMBOL}{10}$`;
const IGNORED = ignorablePattern(SPACE_CLASS);
const BLANK = `^[${SPACE_CLASS}]*$`;

const SHAPE_JS = jsRegExp(SHAPE);
const IGNORED_JS = jsRegExp(IGNORED, 'g');

/** Spaces and a leading apostrophe removed, ASCII letters upper-cased: how codes are stored and compared. */
export function normalizeTaxId(text: string): string {
  return text.replace(IGNORED_JS, '').replace(/[a-z]+/g, (s) => s.toUpperCase());
}

/** The check character for the first 17 characters, or '' when they contain a symbol outside the alphabet. */
export function taxIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return '';
    sum += v * WEIGHTS[i];
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export type TaxIdProblem = 'length' | 'format' | 'checksum';

/** Why a code is invalid, or null when it is valid. */
export function taxIdProblem(text: string): TaxIdProblem | null {
  const c = normalizeTaxId(text);
  if (c.length !== 18) return 'length';
  if (!SHAPE_JS.test(c)) return 'format';
  return taxIdCheckChar(c.slice(0, 17)) === c.charAt(17) ? null : 'checksum';
}

export function isValidTaxId(text: string): boolean {
  return taxIdProblem(text) === null;
}

/**
 * Sheets custom formula checking the cell at `a1` for data validation: blank (only spaces), or the shape and the
 * mod-31 check character (the sheet cannot call our JavaScript, so the checksum is spelled out with SUMPRODUCT; IF
 * keeps FIND from erring on a symbol outside the alphabet).
 */
export function taxIdFormula(a1: string): string {
  const text = `${a1}&""`;
  // Only evaluated once the shape holds, when every character but the 18 symbols is an ignorable one.
  const v = `UPPER(REGEXREPLACE(${text},"[^0-9A-Za-z]",""))`;
  const chars = `MID(${v},ROW($A$1:$A$17),1)`;
  const sum = `SUMPRODUCT((FIND(${chars},"${ALPHABET}")-1)*{${WEIGHTS.join(';')}})`;
  const check = `MID("${ALPHABET}",MOD(31-MOD(${sum},31),31)+1,1)`;
  const shape = `REGEXMATCH(REGEXREPLACE(${text},"${IGNORED}",""),"${SHAPE}")`;
  return `=OR(REGEXMATCH(${text},"${BLANK}"),IF(${shape},EXACT(RIGHT(${v},1),${check}),FALSE))`;
}
