// The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) that identifies Chinese companies:
// registration authority, entity type, 6-digit region, 9-character organization code, and a check character
// computed modulo 31 over a 31-symbol alphabet (no I, O, S, V, Z).

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Upper-cased, spaces removed: how codes are stored and compared. */
export function normalizeTaxId(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
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
  if (!SHAPE.test(c)) return 'format';
  return taxIdCheckChar(c.slice(0, 17)) === c.charAt(17) ? null : 'checksum';
}

export function isValidTaxId(text: string): boolean {
  return taxIdProblem(text) === null;
}

/**
 * Sheets custom formula checking length, alphabet and the mod-31 check character of the cell at `a1`, for data
 * validation (the sheet cannot call our JavaScript, so the checksum is spelled out with SUMPRODUCT).
 */
export function taxIdFormula(a1: string): string {
  const v = `UPPER(TRIM(${a1}&""))`;
  const chars = `MID(${v},ROW($A$1:$A$17),1)`;
  const sum = `SUMPRODUCT((FIND(${chars},"${ALPHABET}")-1)*{${WEIGHTS.join(';')}})`;
  const check = `MID("${ALPHABET}",MOD(31-MOD(${sum},31),31)+1,1)`;
  return `=OR(${a1}="",AND(LEN(${v})=18,REGEXMATCH(${v},"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"),RIGHT(${v},1)=${check}))`;
}
