// Conformance of REGEXMATCH / REGEXREPLACE with RE2, the engine Sheets uses (gas-runtime-notes §2: CUSTOM_FORMULA
// rules; RE2 syntax reference github.com/google/re2/wiki/Syntax, doc/syntax.txt in google/re2). The add-on's phone
// and tax-id rules name the spaces they ignore with RE2's `\x{…}` code-point escape, which a plain JS RegExp reads as
// the letter "x" — the emulator must translate it, or it would judge those rules differently from Sheets.

import { Core } from '../../emulator/src/core';
import { createSpreadsheetApp, EmuSpreadsheet, readValues } from '../../emulator/src/spreadsheet';

function sheetWith(texts: string[]) {
  const core = new Core(Date.parse('2026-03-01T00:00:00Z'));
  const hooks = { getUi: () => ({}), onToast: () => {} };
  const file = new EmuSpreadsheet(core, { name: 'Ledger', timeZone: 'Asia/Shanghai', locale: 'zh_CN', hooks });
  file.setOwner('owner@example.com');
  const app = createSpreadsheetApp(core, () => file, hooks) as any;
  const sheet = app.getActiveSpreadsheet().getSheets()[0];
  sheet
    .getRange(1, 1, texts.length, 1)
    .setNumberFormat('@')
    .setValues(texts.map((t) => [t]));
  /** Each formula evaluated against A1, A2, … (written for row 1, shifted per row as a filled-down column). */
  const column = (formula: (a: string) => string) => {
    sheet.getRange(1, 2, texts.length, 1).setValues(texts.map((_, i) => [formula(`A${i + 1}`)]));
    return readValues(file, 'Sheet1')
      .slice(0, texts.length)
      .map((r) => r[1]);
  };
  return { column };
}

describe('RE2 escapes and classes (github.com/google/re2/wiki/Syntax)', () => {
  test('\\x{hhhh} is a code point, also in classes and ranges; \\x7F is two hex digits', () => {
    const { column } = sheetWith(['a\u00a0b', 'a\u3000b', 'a\u2005b', 'ax{A0}b', 'a b']);
    expect(column((a) => `=REGEXMATCH(${a},"^a\\x{A0}b$")`)).toEqual([true, false, false, false, false]);
    expect(column((a) => `=REGEXREPLACE(${a},"[\\x{A0}\\x{2000}-\\x{200A}\\x{3000}]","")`)).toEqual([
      'ab',
      'ab',
      'ab',
      'ax{A0}b',
      'a b',
    ]);
    expect(column((a) => `=REGEXMATCH(${a},"^a\\x20b$")`)).toEqual([false, false, false, false, true]);
  });

  test('\\s is ASCII whitespace only [\\t\\n\\f\\r ]; \\v (vertical tab) is its own escape', () => {
    const { column } = sheetWith(['a\tb', 'a\u00a0b', 'a\u000bb', 'a\u3000b']);
    expect(column((a) => `=REGEXMATCH(${a},"^a\\sb$")`)).toEqual([true, false, false, false]);
    expect(column((a) => `=REGEXMATCH(${a},"^a[\\v]b$")`)).toEqual([false, false, true, false]);
  });

  test('$ is the end of the text (not before a final newline); x|y prefers x (leftmost-first)', () => {
    const { column } = sheetWith(['123\n', '123', "  '138"]);
    expect(column((a) => `=REGEXMATCH(${a},"^\\d+$")`)).toEqual([false, true, false]);
    expect(column((a) => `=REGEXREPLACE(${a},"^ *'| ","")`)).toEqual(['123\n', '123', '138']);
  });
});
