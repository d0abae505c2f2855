// One rule, two engines: the domain checks (isValidPhone / isValidTaxId, used by the sidebar and the sheet reader)
// and the Sheets custom formulas (phoneFormula / taxIdFormula, in-sheet data validation) must accept exactly the
// same text. The formulas run in the emulator's formula engine (RE2 semantics of REGEXMATCH/REGEXREPLACE, see
// test/conformance/formula-regex.test.ts), on cell contents generated from valid numbers decorated with every kind
// of separator and whitespace, mutated numbers, and random junk. A blank cell (only spaces) is accepted by the
// formula and is "empty" for the domain (parseField trims), which is why the oracle is `valid || blank`.

import fc from 'fast-check';
import { evaluateFormula, FormulaError, type FormulaContext } from '../../emulator/src/spreadsheet/formula';
import { isValidPhone, phoneFormula, phoneKey } from '../../src/domain/phone';
import { isValidTaxId, normalizeTaxId, taxIdCheckChar, taxIdFormula, taxIdProblem } from '../../src/domain/tax-id';

/** Evaluates a rule written for C5 on a cell holding `text`, as a CUSTOM_FORMULA validation does. */
function accepts(formula: string, text: string): boolean {
  const ctx: FormulaContext = {
    value: (sheet, row, col) => (sheet === null && row === 5 && col === 3 ? text : ''),
    display: (sheet, row, col) => (sheet === null && row === 5 && col === 3 ? text : ''),
    size: () => ({ rows: 1000, cols: 26 }),
    dr: 0,
    dc: 0,
    depth: 0,
  };
  try {
    return evaluateFormula(formula, ctx) === true;
  } catch (e) {
    if (e instanceof FormulaError) return false; // an error result fails validation
    throw e; // Unsupported: the rule would silently pass in the emulator — a test failure
  }
}

const PHONE = phoneFormula('C5');
const TAX = taxIdFormula('C5');
const blank = (s: string) => s.trim() === '';

const SPACES = [' ', '\u00a0', '\u3000', '\t', '\n', '\r\n', '\v', '\f', '\u2009', '\u202f', '\u2028', '\ufeff'];
// Characters a user may put between digits: mostly ignored ones, sometimes ones that matter or make the text invalid.
const separator = (ignored: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...SPACES, '', '', '', '', ...ignored), weight: 30 },
    { arbitrary: fc.constantFrom('-', '--', '\u200b', '．', '/', "'", '_', '(', '.', '（'), weight: 1 },
  );
const PHONE_MARKS = ['(', ')', '.', '（', '）'];
const FULL_WIDTH: Record<string, string> = { '+': '＋', '-': '－' };
for (let d = 0; d <= 9; d++) FULL_WIDTH[String(d)] = String.fromCharCode(0xff10 + d);

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

const mobile = fc
  .tuple(fc.constantFrom('', '+86', '86', '+86-'), fc.constantFrom('3', '5', '8', '9', '2'), digits(9, 9))
  .map(([p, second, rest]) => `${p}1${second}${rest}`);
const landline = fc
  .tuple(
    fc.constantFrom('010', '021', '0755', '0571', '0310'),
    fc.constantFrom('', '-'),
    fc.constantFrom('1', '2', '8', '0'),
    digits(6, 7),
    fc.constantFrom('', '-1', '-123456', '-1234567'),
  )
  .map((p) => p.join(''));
const service = fc
  .tuple(
    fc.constantFrom('400', '800', '300', '401'),
    fc.constantFrom('', '-'),
    digits(3, 3),
    fc.constantFrom('', '-'),
    digits(3, 5),
  )
  .map((p) => p.join(''));
const international = fc
  .tuple(fc.constantFrom('+', '+0', ''), fc.constantFrom('1', '4', '9'), digits(5, 15))
  .map((p) => p.join(''));

/** Randomly spaced, bracketed, apostrophe-prefixed and occasionally full-width. */
function decorate(base: fc.Arbitrary<string>, ignored: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      base,
      fc.array(separator(ignored), { minLength: 40, maxLength: 40 }),
      fc.constantFrom('', '', '', "'", " '", "''", '\u00a0'),
      fc.constantFrom('', ' ', '\u3000', '\n'),
      fc.integer({ min: -1, max: 150 }),
    )
    .map(([s, seps, lead, tail, widen]) => {
      const chars = s.split('').map((c, i) => (i === widen ? (FULL_WIDTH[c] ?? c) : c));
      return lead + chars.map((c, i) => (i % 3 === 1 ? seps[i] : '') + c).join('') + tail;
    });
}

const junkChars = fc.constantFrom(..."0123456789+-()．（） \u00a0\u3000\t'abcXI１２".split(''));
const junk = fc.oneof(fc.string({ unit: junkChars, maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 12 }));

describe('phone: isValidPhone and phoneFormula agree', () => {
  test('on decorated valid numbers, mutated numbers and junk', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(decorate(fc.oneof(mobile, landline, service, international), PHONE_MARKS), junk), (s) => {
        const ok = isValidPhone(s);
        if (ok) valid++;
        expect(accepts(PHONE, s)).toBe(ok || blank(s));
      }),
      { numRuns: 2000 },
    );
    // The generators must reach both outcomes, or the property proves nothing.
    expect(valid).toBeGreaterThan(200);
    expect(valid).toBeLessThan(1800);
  });

  test.each([
    ['138 0013 8000', true],
    ['138\u00a00013\u00a08000', true], // no-break spaces from a web page
    ['138\u30000013\u30008000', true], // ideographic spaces of a Chinese IME
    ['\t+86 (138) 0013.8000\n', true],
    ["'13800138000", true], // Sheets' text marker, e.g. pasted from another sheet
    ['（010）12345678', true], // full-width brackets typed by an IME
    ['138-0013-8000', true],
    ['+44-20-7946-0958', true],
    ['0755-1234567-12', true],
    ['400-810-8888', true], // nationwide service numbers, 3-3-4 or 3-4-3
    ['800 8208 820', true],
    ['4008108888', true],
    ['400-810-888', false], // nine digits
    ['400-810-88888', false], // eleven digits
    ['１３８００１３８０００', false], // full-width digits: retype in half-width
    ['＋8613800138000', false],
    ['138\u200b0013 8000', false], // a zero-width space is not a space
    ['13800138000-', false], // a dash only between digits
    ['138--0013-8000', false],
    ['-+4420 7946 0958', false],
    ["1380013'8000", false],
    ['', false],
  ])('%j → %s in both', (s, ok) => {
    expect(isValidPhone(s)).toBe(ok);
    expect(accepts(PHONE, s)).toBe(ok || s === '');
  });

  test('blank cells (only spaces of any kind) pass the sheet rule; phoneKey ignores the same characters', () => {
    for (const s of ['', ' ', '\u00a0\u3000', '\t\n']) expect(accepts(PHONE, s)).toBe(true);
    expect(phoneKey("'+86\u00a0138\u30000013-8000")).toBe('13800138000');
    expect(phoneKey('（010）1234\u00a05678')).toBe('01012345678');
  });
});

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const body17 = fc
  .tuple(
    fc.array(fc.constantFrom(...ALPHABET), { minLength: 2, maxLength: 2 }),
    digits(6, 6),
    fc.array(fc.constantFrom(...ALPHABET), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, d, b]) => a.join('') + d + b.join(''));
const code = fc
  .tuple(body17, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'AIOZ1a'))
  .map(([b, how, at, sym]) => {
    const good = b + taxIdCheckChar(b);
    if (how === 0) return good.slice(0, at) + sym + good.slice(at + 1); // one symbol replaced
    if (how === 1) return good.toLowerCase();
    if (how === 2) return good.slice(0, at); // too short
    return good;
  });

describe('tax id: isValidTaxId and taxIdFormula agree', () => {
  test('on decorated valid, lower-cased, mutated and truncated codes and junk', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(decorate(code, []), junk), (s) => {
        const ok = isValidTaxId(s);
        if (ok) valid++;
        expect(accepts(TAX, s)).toBe(ok || blank(s));
      }),
      { numRuns: 1500 },
    );
    expect(valid).toBeGreaterThan(150);
    expect(valid).toBeLessThan(1350);
  });

  test.each([
    ['9144030071526726XG', true],
    [' 9144 0300 7152 6726 xg ', true],
    ['9144\u00a00300\u30007152\t6726XG', true],
    ["'9144030071526726XG", true],
    ['９１４４０３００７１５２６７２６ＸＧ', false], // full-width: not a code tax systems read
    ['9144-0300-7152-6726XG', false],
    ['9144030071526726XA', false], // checksum
    ['9144030071526726XI', false], // I is outside the alphabet
  ])('%j → %s in both', (s, ok) => {
    expect(isValidTaxId(s)).toBe(ok);
    expect(accepts(TAX, s)).toBe(ok);
  });

  test('normalizeTaxId stores the code as tax systems read it; problems are still told apart', () => {
    expect(normalizeTaxId("'9144\u00a00300 7152\u30006726xg")).toBe('9144030071526726XG');
    expect(normalizeTaxId('ß')).toBe('ß'); // only ASCII is case-folded, as the formula's shape check implies
    expect(taxIdProblem('9144 0300 7152 6726 X')).toBe('length');
    expect(taxIdProblem('9144030071526726XＧ')).toBe('format');
  });
});
