// Conformance of the formula evaluator on the add-on's OWN rule formulas: the phone and tax-id custom-formula
// validations (gas-runtime-notes §2: CUSTOM_FORMULA rules, relative references per cell of the rule's range) and the
// conditional-format formulas (§4: rules in array order, relative to the range's first cell). The formula texts are
// copied here on purpose: the last test fails when the add-on's builders drift from them, so the emulator is
// re-checked against the new text.

import fc from 'fast-check';
import { Core } from '../../emulator/src/core';
import {
  applyUserEdit,
  createSpreadsheetApp,
  EmuSpreadsheet,
  evaluateConditionalFormats,
  readValues,
} from '../../emulator/src/spreadsheet';
import { phoneFormula, isValidPhone } from '../../src/domain/phone';
import { isValidTaxId, taxIdCheckChar, taxIdFormula } from '../../src/domain/tax-id';

// phoneFormula('K2') and taxIdFormula('L2') as src/domain/phone.ts and src/domain/tax-id.ts build them.
const PHONE_K2 = `=OR(REGEXMATCH(K2&"","^[\\t\\n\\v\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*$"),REGEXMATCH(REGEXREPLACE(K2&"","^[\\t\\n\\v\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*'|[\\t\\n\\v\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}().\\x{FF08}\\x{FF09}]",""),"^((\\+?86-?)?1-?[3-9](-?\\d){9}|(\\+?86-?)?(0(10|2\\d)-?[1-9]\\d{7}|0[3-9]\\d{2}-?[1-9]\\d{6,7})(-\\d{1,6})?|[48]00(-?\\d){7}|\\+[1-9](-?\\d){6,14})$"))`;
const TAX_L2 = `=OR(REGEXMATCH(L2&"","^[\\t\\n\\v\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*$"),IF(REGEXMATCH(REGEXREPLACE(L2&"","^[\\t\\n\\v\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*'|[\\t\\n\\v\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]",""),"^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{10}$"),EXACT(RIGHT(UPPER(REGEXREPLACE(L2&"","[^0-9A-Za-z]","")),1),MID("0123456789ABCDEFGHJKLMNPQRTUWXY",MOD(31-MOD(SUMPRODUCT((FIND(MID(UPPER(REGEXREPLACE(L2&"","[^0-9A-Za-z]","")),ROW($A$1:$A$17),1),"0123456789ABCDEFGHJKLMNPQRTUWXY")-1)*{1;3;9;27;19;26;16;17;20;29;25;13;8;24;10;30;28}),31),31)+1,1)),FALSE))`;
// src/adapters/sheet-setup-format.ts conditionalFormats(): invoices (daysOverdue in column K) and customers
// (segment in column F), relative to the body range's first row (1 on a new sheet: the header).
const OVERDUE_CF = '=AND(N("customer-ledger")=0,N($K1)>0)';
const RISK_CF = '=AND(N("customer-ledger")=0,OR($F1="高风险",$F1="High-risk",$F1="high-risk"))';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function setup(now = '2026-03-01T00:00:00Z', timeZone = 'Asia/Shanghai') {
  const core = new Core(Date.parse(now));
  const hooks = { getUi: () => ({}), onToast: () => {} };
  const file = new EmuSpreadsheet(core, { name: 'Ledger', timeZone, locale: 'zh_CN', hooks });
  file.setOwner('owner@example.com');
  const app = createSpreadsheetApp(core, () => file, hooks) as any;
  const sheet = app.getActiveSpreadsheet().getSheets()[0];
  return { core, file, app, sheet };
}

/** The add-on's way: one rule for the column range starting at row 2, formula written for its first cell. */
function withRule(formula: string, a1Range: string) {
  const s = setup();
  s.sheet
    .getRange(a1Range)
    .setNumberFormat('@')
    .setDataValidation(s.app.newDataValidation().requireFormulaSatisfied(formula).setHelpText('bad').build());
  // allowInvalid stays true as in the add-on: the entry is kept and flagged (notes §2).
  const flagged = (a1: string, text: string) =>
    applyUserEdit(s.file, 'Sheet1', a1, [[text]], 'clerk@example.com').invalid.length > 0;
  return { ...s, flagged };
}

describe("the add-on's custom-formula validations (gas-runtime-notes §2)", () => {
  test('phone rule: relative K2 is evaluated against each edited row', () => {
    const { flagged } = withRule(PHONE_K2, 'K2:K50');
    expect(flagged('K2', '138 0013 8000')).toBe(false);
    expect(flagged('K37', '+86 138-0013-8000')).toBe(false);
    expect(flagged('K9', '010-12345678')).toBe(false);
    expect(flagged('K9', '0755-1234567-12')).toBe(false);
    expect(flagged('K9', '+44 20 7946 0958')).toBe(false);
    expect(flagged('K10', '12345')).toBe(true);
    expect(flagged('K11', '1380013800')).toBe(true);
    expect(flagged('K12', 'call me')).toBe(true);
    // Sheets' regexes are RE2, whose \s is [\t\n\f\r ] only (github.com/google/re2/wiki/Syntax), so the rule names
    // the no-break and ideographic spaces with RE2's \x{…} escapes; the emulator must read those as code points.
    expect(flagged('K13', '\u00a013800138000')).toBe(false);
    expect(flagged('K13', '138\u30000013\u30008000')).toBe(false);
    expect(flagged('K13', '\t13800138000')).toBe(false);
    expect(flagged('K14', '１３８００１３８０００')).toBe(true); // full-width digits are not accepted
    // Typed with the text marker: Sheets stores 13800138000 as text ([E] notes §1), the rule sees no apostrophe.
    expect(flagged('K15', "'13800138000")).toBe(false);
  });

  test('phone rule agrees with the domain check isValidPhone on generated inputs', () => {
    const { flagged } = withRule(PHONE_K2, 'K2:K50');
    const digits = fc.stringMatching(/^[0-9]{0,13}$/);
    const phoneish = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('', '+86', '86', '+', '0', '010-', '0755-', '+86-'),
          digits,
          fc.constantFrom('', '-12', ' '),
        )
        .map((p) => p.join('')),
      fc.tuple(fc.constantFrom('13', '15', '19', '12'), fc.stringMatching(/^[0-9]{9}$/)).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(phoneish, fc.integer({ min: 2, max: 50 }), (text, row) => {
        fc.pre(text.trim() !== '');
        expect(flagged(`K${row}`, text)).toBe(!isValidPhone(text));
      }),
      { numRuns: 300 },
    );
  });

  test('tax-id rule: SUMPRODUCT/MID/ROW/FIND/array-literal checksum matches the mod-31 check character', () => {
    const { flagged } = withRule(TAX_L2, 'L2:L50');
    const valid = `91350100M000100Y4${taxIdCheckChar('91350100M000100Y4')}`;
    expect(isValidTaxId(valid)).toBe(true);
    expect(flagged('L5', valid)).toBe(false);
    expect(flagged('L6', valid.toLowerCase())).toBe(false); // UPPER in the formula, normalizeTaxId in the domain
    const wrong = valid.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(valid[17]) + 1) % 31];
    expect(flagged('L7', wrong)).toBe(true);
    expect(flagged('L8', valid.slice(0, 17))).toBe(true); // length
    expect(flagged('L9', `${valid.slice(0, 16)}I${valid[17]}`)).toBe(true); // I is outside the alphabet
  });

  test('tax-id rule agrees with isValidTaxId on generated codes (half of them with a correct check character)', () => {
    const { flagged } = withRule(TAX_L2, 'L2:L50');
    const sym = fc.constantFrom(...ALPHABET.split(''), 'I', 'O', 'z');
    const code = fc.tuple(fc.array(sym, { minLength: 16, maxLength: 18 }), fc.boolean()).map(([cs, fix]) => {
      const body = cs.join('');
      return fix && body.length >= 17 ? body.slice(0, 17) + taxIdCheckChar(body.slice(0, 17)) : body;
    });
    fc.assert(
      fc.property(code, (text) => {
        expect(flagged('L3', text)).toBe(!isValidTaxId(text));
      }),
      { numRuns: 300 },
    );
  });

  test('the copied texts are what the add-on builds today', () => {
    expect(phoneFormula('K2')).toBe(PHONE_K2);
    expect(taxIdFormula('L2')).toBe(TAX_L2);
  });
});

describe('formula functions used by rules and cells (gas-runtime-notes §1 formulas on read, §2)', () => {
  test('N, VALUE, FIND, SUMPRODUCT, ROW, array literals, IF laziness, IFERROR, comparisons', () => {
    const { sheet, file } = setup();
    sheet.getRange('A1:A3').setValues([[2], ['x'], [true]]);
    const formulas: [string, unknown][] = [
      ['=N(A1)+N(A2)+N(A3)+N("customer-ledger")', 3],
      ['=VALUE("1,234.5")+VALUE("50%")', 1235],
      ['=FIND("c","abcabc",4)', 6],
      ['=SUMPRODUCT({1;2;3}*{4;5;6})', 32],
      ['=SUMPRODUCT({1,2},{3,4})', 11],
      ['=SUMPRODUCT(ROW(A1:A4))', 10],
      ['=ROW()*100+COLUMN()', 805],
      ['=IF(TRUE,1,1/0)', 1],
      ['=IFERROR(FIND("z","abc"),-1)', -1],
      ['=ISERROR(1/0)', true],
      ['=AND(A1>1,"b">"A",2<"1",NOT(A1=3))', true],
      ['=MOD(-7,3)&"|"&2^10', '2|1024'],
      ['=OR(TRUE,1/0)', '#DIV/0!'],
      ['=VLOOKUP(1,A:A,1,0)', ''],
    ];
    sheet.getRange(2, 5, formulas.length, 1).setValues(formulas.map(([f]) => [f]));
    const got = readValues(file, 'Sheet1')
      .slice(1, 1 + formulas.length)
      .map((r) => r[4]);
    expect(got).toEqual(formulas.map(([, v]) => v));
  });

  test("TODAY() is the virtual clock's day in the spreadsheet time zone, not UTC", () => {
    // 2026-03-01T20:00Z is already 2 March in Shanghai, still 1 March in UTC.
    const { sheet, core } = setup('2026-03-01T20:00:00Z', 'Asia/Shanghai');
    sheet.getRange('A1').setValue('=TODAY()');
    const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86400000;
    expect(sheet.getRange('A1').getValue()).toBe(serial('2026-03-02'));
    core.advance(4 * 3600000); // 2026-03-02T00:00Z: 08:00 in Shanghai, still the same day there
    expect(sheet.getRange('A1').getValue()).toBe(serial('2026-03-02'));
    core.advance(16 * 3600000); // 16:00Z = midnight in Shanghai
    expect(sheet.getRange('A1').getValue()).toBe(serial('2026-03-03'));
  });
});

describe("conditional formats of the add-on's rules (gas-runtime-notes §4)", () => {
  function sheetWithRules() {
    const s = setup();
    const { app, sheet } = s;
    const body = sheet.getRange('A1:L6');
    const overdue = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(OVERDUE_CF)
      .setBackground('#fce8e6')
      .setRanges([body])
      .build();
    const risk = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(RISK_CF)
      .setBackground('#fde2c8')
      .setFontColor('#000000')
      .setRanges([body])
      .build();
    sheet.setConditionalFormatRules([overdue, risk]);
    return s;
  }

  test('whole rows are formatted where the anchored column holds an overdue count or a high-risk label', () => {
    const { sheet, file } = sheetWithRules();
    sheet.getRange('K1').setValue('逾期天数'); // header: N(text) = 0, never formatted
    sheet.getRange('K2:K6').setValues([[5], [0], [''], ["'3"], [12]]);
    sheet.getRange('F3:F4').setValues([['High-risk'], ['高风险']]);
    const cells = evaluateConditionalFormats(file, 'Sheet1');
    const rows = (bg: string) => [...new Set(cells.filter((c) => c.background === bg).map((c) => c.row))];
    // Row 5 holds the TEXT '3': N() of text is 0, so it is not overdue. Row 3: the first rule does not hold, the second does.
    expect(rows('#fce8e6')).toEqual([2, 6]);
    expect(rows('#fde2c8')).toEqual([3, 4]);
    expect(cells.filter((c) => c.row === 2)).toHaveLength(12); // every column of the body range A:L
    expect(cells.find((c) => c.row === 3)).toEqual({ row: 3, col: 1, background: '#fde2c8', fontColor: '#000000' });
  });

  test('rules apply in array order: the first that holds wins; the row window limits the work', () => {
    const { sheet, file } = sheetWithRules();
    sheet.getRange('K4').setValue(9);
    sheet.getRange('F4').setValue('high-risk');
    expect(
      evaluateConditionalFormats(file, 'Sheet1')
        .filter((c) => c.row === 4)
        .map((c) => c.background),
    ).toEqual(new Array(12).fill('#fce8e6'));
    expect(evaluateConditionalFormats(file, 'Sheet1', { from: 5, count: 2 })).toEqual([]);
  });

  test('built-in conditions render too; a formula outside the subset formats nothing', () => {
    const { app, sheet, file } = setup();
    const r = sheet.getRange('A1:A4');
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenFormulaSatisfied('=VLOOKUP(A1,Z:Z,1,0)').setBold(true).setRanges([r]).build(),
      app.newConditionalFormatRule().whenNumberGreaterThan(10).setBold(true).setRanges([r]).build(),
      app.newConditionalFormatRule().whenTextContains('acme').setItalic(true).setRanges([r]).build(),
    ]);
    sheet.getRange('A1:A4').setValues([[11], [10], ['ACME Ltd'], ['']]);
    expect(evaluateConditionalFormats(file, 'Sheet1')).toEqual([
      { row: 1, col: 1, bold: true },
      { row: 3, col: 1, italic: true },
    ]);
  });
});
