// Conformance of the emulated SpreadsheetApp: addressing, extents, grid size, setValues shapes, row/column
// structure, call counting and auth modes. Each test cites the gas-runtime-notes section it follows.

import { Core } from '../../emulator/src/core';
import { createSpreadsheetApp, EmuSpreadsheet } from '../../emulator/src/spreadsheet';

function setup(timeZone = 'Asia/Shanghai') {
  const core = new Core(Date.parse('2026-03-01T00:00:00Z'));
  const toasts: unknown[] = [];
  const hooks = { getUi: () => ({ ui: true }), onToast: (t: unknown) => toasts.push(t) };
  const file = new EmuSpreadsheet(core, { name: 'Ledger', timeZone, locale: 'zh_CN', hooks });
  const app = createSpreadsheetApp(core, () => file, hooks) as any;
  const ss = app.getActiveSpreadsheet();
  return { core, file, app, ss, sheet: ss.getSheets()[0], toasts };
}

function errorOf(f: () => unknown): { name: string; message: string } {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an exception');
}

describe('addressing (gas-runtime-notes §1 "Addressing")', () => {
  test('1-based coordinates: (1,1) is A1, getValues arrays are 0-based', () => {
    const { sheet } = setup();
    sheet.getRange('B3').setValue('x');
    expect(sheet.getRange(3, 2).getValue()).toBe('x');
    const r = sheet.getRange(2, 2, 2, 1);
    expect(r.getA1Notation()).toBe('B2:B3');
    expect(r.getValues()).toEqual([[''], ['x']]);
  });

  test('all four numeric overloads and A1 / R1C1', () => {
    const { sheet } = setup();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange('R2C3:R5C4').getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange('$A$1:B2').getNumRows()).toBe(2);
  });

  test('open-ended "B1:B" and "A2:2" are valid; a bare "B" throws Range not found', () => {
    const { sheet } = setup();
    const col = sheet.getRange('B1:B');
    expect([col.getRow(), col.getColumn(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 2, 1000, 1]);
    const row = sheet.getRange('A2:2');
    expect([row.getRow(), row.getNumRows(), row.getNumColumns()]).toEqual([2, 1, 26]);
    const e = errorOf(() => sheet.getRange('B'));
    expect(e.name).toBe('Exception');
    expect(e.message).toBe('Range not found');
  });

  test('Spreadsheet.getRange takes a Sheet!A1 prefix, quoted names too', () => {
    const { ss } = setup();
    ss.insertSheet('客户 Customers');
    ss.getRange("'客户 Customers'!A1").setValue(7);
    expect(ss.getSheetByName('客户 Customers').getRange('A1').getValue()).toBe(7);
    expect(errorOf(() => ss.getRange('Nope!A1')).message).toBe('Range not found');
  });

  test('Range.getCell is relative to the range; offset moves it', () => {
    const { sheet } = setup();
    const r = sheet.getRange('C3:E5');
    expect(r.getCell(2, 3).getA1Notation()).toBe('E4');
    expect(r.offset(1, -1, 1, 1).getA1Notation()).toBe('B4');
    expect(r.getLastRow()).toBe(5);
    expect(r.getLastColumn()).toBe(5);
  });
});

describe('range errors (gas-runtime-notes §1 "Range errors", exact text)', () => {
  test('the four bad-box errors', () => {
    const { sheet } = setup();
    expect(errorOf(() => sheet.getRange(0, 1)).message).toBe('The starting row of the range is too small.');
    expect(errorOf(() => sheet.getRange(1, 0)).message).toBe('The starting column of the range is too small.');
    expect(errorOf(() => sheet.getRange(1, 1, 0, 1)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(errorOf(() => sheet.getRange(1, 1, 1, 0)).message).toBe(
      'The number of columns in the range must be at least 1.',
    );
  });

  test('getRange(1,1,getLastRow(),…) on an empty sheet throws the "at least 1" error', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(errorOf(() => sheet.getRange(1, 1, sheet.getLastRow(), 3)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
  });

  test('the grid never grows by addressing: coordinates error past getMaxRows/getMaxColumns', () => {
    const { sheet } = setup();
    const msg = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(errorOf(() => sheet.getRange(1001, 1)).message).toBe(msg);
    expect(errorOf(() => sheet.getRange(1, 27)).message).toBe(msg);
    expect(errorOf(() => sheet.getRange(999, 1, 3, 1).setValues([[1], [2], [3]])).message).toBe(msg);
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertRowsAfter(1000, 2);
    sheet.getRange(999, 1, 3, 1).setValues([[1], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getLastRow()).toBe(1001);
  });
});

describe('setValues shape (gas-runtime-notes §1 "setValues / setValue")', () => {
  test('row mismatch text', () => {
    const { sheet } = setup();
    expect(errorOf(() => sheet.getRange(1, 1, 526, 1).setValues([[1]])).message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 526.',
    );
  });

  test('column mismatch text; ragged rows report the short row', () => {
    const { sheet } = setup();
    expect(errorOf(() => sheet.getRange(1, 1, 1, 4).setValues([[1, 2, 3, 4, 5]])).message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(errorOf(() => sheet.getRange(1, 1, 2, 7).setValues([[1, 2, 3, 4, 5, 6, 7], [1]])).message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 7.',
    );
  });

  test('a 1-D row gives the signature error; nothing is written', () => {
    const { sheet } = setup();
    const e = errorOf(() => sheet.getRange(1, 1, 1, 4).setValues([1, 2, 3, null]));
    expect(e.message).toBe(
      "The parameters (number,number,number,null) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('a cell over 50,000 characters is refused with the exact text', () => {
    const { sheet } = setup();
    expect(errorOf(() => sheet.getRange('A1').setValue('x'.repeat(50001))).message).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    sheet.getRange('A1').setValue('x'.repeat(50000));
    expect(sheet.getRange('A1').getValue()).toHaveLength(50000);
  });
});

describe('extents (gas-runtime-notes §1 "Extent methods")', () => {
  test("empty cells read as ''; empty sheet: lastRow/lastColumn 0, dataRange A1 with [['']]", () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    const dr = sheet.getDataRange();
    expect(dr.getA1Notation()).toBe('A1');
    expect(dr.getValues()).toEqual([['']]);
  });

  test('lastRow/lastColumn follow content; inserting blank rows does not change them', () => {
    const { sheet } = setup();
    sheet.getRange('C4').setValue('x');
    sheet.getRange('B2').setValue(1);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
    sheet.insertRowsAfter(4, 10);
    expect(sheet.getLastRow()).toBe(4);
  });

  test('a new sheet is 1000 × 26 and becomes active; getIndex is 1-based', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Invoices');
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getActiveSheet().getName()).toBe('Invoices');
    expect(s.getIndex()).toBe(2);
    const first = ss.insertSheet('First', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getSheets().map((x: any) => x.getName())).toEqual(['First', 'Sheet1', 'Invoices']);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });
});

describe('sheets (gas-runtime-notes §1 "Sheets")', () => {
  test('duplicate names: setName and insertSheet throw the same text ([?] assumed identical)', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Payments');
    const text = 'A sheet with the name "Sheet1" already exists. Please enter another name.';
    expect(errorOf(() => s.setName('Sheet1')).message).toBe(text);
    expect(errorOf(() => ss.insertSheet('Sheet1')).message).toBe(text);
  });

  test('getSheetByName is null when absent; getSheetById finds by stable id; deleteSheet', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Logs');
    const id = s.getSheetId();
    s.setName('Audit');
    expect(ss.getSheetByName('Logs')).toBeNull();
    expect(ss.getSheetById(id).getName()).toBe('Audit');
    ss.deleteSheet(s);
    expect(ss.getSheetById(id)).toBeNull();
  });

  test('appendRow writes after the last row, =values become formulas; a full grid grows by one row ([?] Q2)', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['a', 1]]);
    sheet.appendRow(['b', 2, '=B1+B2']);
    expect(sheet.getRange('A2:C2').getValues()).toEqual([['b', 2, 3]]);
    expect(sheet.getRange('C2').getFormula()).toBe('=B1+B2');
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['c']);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange('A3').getValue()).toBe('c');
  });

  test('deleting all non-frozen rows throws the exact text', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(errorOf(() => sheet.deleteRows(2, 999)).message).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(sheet.getFrozenRows()).toBe(1);
  });

  test('inserting and deleting rows/columns shifts values, notes, formats and validations', () => {
    const { sheet, app } = setup();
    const rule = app.newDataValidation().requireNumberBetween(0, 10).build();
    sheet.getRange('B2').setValue(5).setNote('n').setNumberFormat('0.00').setDataValidation(rule);
    sheet.insertRowsBefore(2, 3);
    sheet.insertColumnsAfter(1, 1);
    const moved = sheet.getRange('C5');
    expect(moved.getValue()).toBe(5);
    expect(moved.getNote()).toBe('n');
    expect(moved.getNumberFormat()).toBe('0.00');
    expect(moved.getDataValidation().getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
    expect(sheet.getRange('B2').getValue()).toBe('');
    sheet.deleteRow(1);
    sheet.deleteColumn(1);
    expect(sheet.getRange('B4').getDisplayValue()).toBe('5.00');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1002, 26]);
  });

  test('column widths, frozen rows, named ranges shift with inserts', () => {
    const { ss, sheet } = setup();
    sheet.setColumnWidth(2, 180);
    expect(sheet.getColumnWidth(2)).toBe(180);
    expect(sheet.getColumnWidth(3)).toBe(100);
    ss.setNamedRange('Totals', sheet.getRange('B2:B3'));
    sheet.insertRowsBefore(1, 2);
    sheet.insertColumnsBefore(1, 1);
    expect(ss.getRangeByName('Totals').getA1Notation()).toBe('C4:C5');
    expect(ss.getRangeByName('Sheet1!Totals').getA1Notation()).toBe('C4:C5');
    expect(sheet.getColumnWidth(3)).toBe(180);
    expect(ss.getRangeByName('Nope')).toBeNull();
    expect(errorOf(() => ss.removeNamedRange('Nope')).name).toBe('Exception');
    ss.removeNamedRange('Totals');
    expect(ss.getNamedRanges()).toEqual([]);
  });
});

describe('spreadsheet basics (gas-runtime-notes §1 "Formats, frozen rows, named ranges, flush")', () => {
  test('id, name, url, zone and locale; toast defaults (null timeout = 5 s, negative = until dismissed)', () => {
    const { ss, toasts, file } = setup();
    expect(ss.getId()).toBe(file.id);
    expect(ss.getUrl()).toContain(file.id);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    ss.setSpreadsheetTimeZone('America/Los_Angeles');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/Los_Angeles');
    expect(errorOf(() => ss.setSpreadsheetTimeZone('Mars/Base')).name).toBe('Exception');
    ss.toast('done', '客户台账', null);
    ss.toast('forever', 't', -1);
    expect(toasts).toEqual([
      { message: 'done', title: '客户台账', timeoutSeconds: 5 },
      { message: 'forever', title: 't', timeoutSeconds: null },
    ]);
  });

  test('developer metadata and owner', () => {
    const { ss, file } = setup();
    expect(ss.getOwner()).toBeNull();
    file.setOwner('boss@example.com');
    expect(ss.getOwner().getEmail()).toBe('boss@example.com');
    ss.addDeveloperMetadata('schemaVersion', '3');
    const md = ss.getDeveloperMetadata();
    expect(md.map((m: any) => [m.getKey(), m.getValue()])).toEqual([['schemaVersion', '3']]);
    md[0].setValue('4');
    expect(ss.getDeveloperMetadata()[0].getValue()).toBe('4');
    md[0].remove();
    expect(ss.getDeveloperMetadata()).toEqual([]);
  });
});

describe('cell formatting and clearing (gas-runtime-notes §1 "Formats"; §2 "Removal")', () => {
  test('backgrounds, font weights/colours, notes, alignment, wrap; clear variants', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B1');
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['normal', 'normal']]);
    r.setValues([['h1', 'h2']])
      .setFontWeight('bold')
      .setBackground('#eeeeee')
      .setFontColor('#333333');
    r.setNotes([['n1', null]])
      .setHorizontalAlignment('center')
      .setWrap(false);
    sheet
      .getRange('B1')
      .setFontWeights([['normal']])
      .setBackgrounds([[null]]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(r.getBackgrounds()).toEqual([['#eeeeee', '#ffffff']]);
    expect([r.getFontColor(), r.getHorizontalAlignment(), r.getWrap()]).toEqual(['#333333', 'center', false]);
    expect(r.getNotes()).toEqual([['n1', '']]);
    r.clear({ contentsOnly: true });
    expect(r.getValues()).toEqual([['', '']]);
    expect(r.getFontWeight()).toBe('bold');
    r.setValue('x').clear();
    expect([r.getValue(), r.getFontWeight(), r.getBackground()]).toEqual(['', 'normal', '#ffffff']);
    expect(r.getNote()).toBe('n1'); // notes are comments-only (clear({commentsOnly}))
    r.clear({ commentsOnly: true });
    expect(r.getNote()).toBe('');
  });

  test('active sheet, locale, index-only insertSheet', () => {
    const { ss } = setup();
    const first = ss.getSheetByName('Sheet1');
    const other = ss.insertSheet(0);
    expect(ss.getActiveSheet().getName()).toBe(other.getName());
    expect(other.getIndex()).toBe(1);
    ss.setActiveSheet(first);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(ss.getSpreadsheetLocale()).toBe('zh_CN');
    ss.setSpreadsheetLocale('en_US');
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
  });
});

describe('sheet extras (task brief: minimal recording)', () => {
  test('charts are recorded with their ranges; hidden columns and tab colour are kept', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType('COLUMN')
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(1, 4, 0, 0)
      .build();
    sheet.insertChart(chart);
    const charts = sheet.getCharts();
    expect(charts.map((c: any) => c.getRanges().map((r: any) => r.getA1Notation()))).toEqual([['A1:B5']]);
    sheet.removeChart(charts[0]);
    expect(sheet.getCharts()).toEqual([]);
    sheet.hideColumns(3, 2);
    expect([2, 3, 4, 5].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, true, false]);
    sheet.setTabColor('#ff0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
  });
});

describe('call counting and auth modes (core.ts; gas-runtime-notes §5, §6)', () => {
  test('every service method is counted under SpreadsheetApp.<Class>.<method>; flush too', () => {
    const { core, app, sheet } = setup();
    core.resetCounts();
    const r = sheet.getRange(1, 1, 2, 2);
    r.setValues([
      [1, 2],
      [3, 4],
    ]);
    r.getValues();
    sheet.appendRow([5, 6]);
    app.flush();
    expect(core.countsByKey()).toEqual({
      'SpreadsheetApp.Range.getValues': 1,
      'SpreadsheetApp.Range.setValues': 1,
      'SpreadsheetApp.Sheet.appendRow': 1,
      'SpreadsheetApp.Sheet.getRange': 1,
      'SpreadsheetApp.flush': 1,
    });
  });

  test('custom functions (CUSTOM_FUNCTION) may read but not write', () => {
    const { core, sheet } = setup();
    sheet.getRange('A1').setValue(42);
    core.beginExecution({
      functionName: 'DAYS_OVERDUE',
      user: 'u@example.com',
      revealActiveUser: false,
      authMode: 'CUSTOM_FUNCTION',
      kind: 'custom-function',
      timeLimitMs: 30000,
    });
    try {
      expect(sheet.getRange('A1').getValue()).toBe(42);
      const e = errorOf(() => sheet.getRange('A1').setValue(1));
      expect(e.message).toBe('You do not have permission to call setValue');
      expect(sheet.getRange('A1').getValue()).toBe(42);
    } finally {
      core.endExecution();
    }
  });

  test('AuthMode NONE cannot open the document; getUi stays allowed', () => {
    const { core, app } = setup();
    core.beginExecution({
      functionName: 'onOpen',
      user: 'u@example.com',
      revealActiveUser: false,
      authMode: 'NONE',
      kind: 'simple-trigger',
      timeLimitMs: 30000,
    });
    try {
      expect(errorOf(() => app.getActiveSpreadsheet()).message).toMatch(
        /^You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet\. Required permissions: /,
      );
      expect(app.getUi()).toEqual({ ui: true });
    } finally {
      core.endExecution();
    }
  });
});

describe('getSheetValues (G/apps-script/reference/spreadsheet/sheet#getSheetValues: "-1 … the very last row or column that has data")', () => {
  test('same output as getRange(...).getValues() for explicit sizes', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 2, 3).setValues([
      ['a', 'b', 'c'],
      [1, 2, 3],
    ]);
    expect(sheet.getSheetValues(1, 1, 2, 2)).toEqual(sheet.getRange(1, 1, 2, 2).getValues());
  });

  test('-1 reaches the last row and column with data, in one counted call', () => {
    const { core, sheet } = setup();
    sheet.getRange(1, 1, 3, 2).setValues([
      ['h1', 'h2'],
      ['x', ''],
      ['', 'y'],
    ]);
    core.resetCounts();
    expect(sheet.getSheetValues(2, 1, -1, -1)).toEqual([
      ['x', ''],
      ['', 'y'],
    ]);
    expect(core.total('SpreadsheetApp.')).toBe(1);
  });

  test('on an empty sheet -1 leaves no rows and throws the "at least 1" error (stricter reading, [?])', () => {
    const { sheet } = setup();
    expect(errorOf(() => sheet.getSheetValues(1, 1, -1, -1)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
  });
});
