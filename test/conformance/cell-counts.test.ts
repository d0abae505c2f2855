// The emulator's cell counter (emulator/README.md "What happened": env.cells / env.cellCounts). Apps Script charges
// for the cells a call moves as well as for the call (gas-runtime-notes §12: one batched 4,000-cell setValues vs
// cell-by-cell; PRODUCT.md §10 counts cells read and written). Counted: the values crossing between script and
// service — a getter's returned grid, a grid setter's argument, appendRow's row, one value for single-value
// getters/setters; nothing for extent/geometry calls or clears.
import { createEnvironment } from '../../emulator/src/index';

function env() {
  const e = createEnvironment({ now: '2026-03-02T09:00:00+08:00', timeZone: 'Asia/Shanghai' });
  e.loadScript(`
    function grid() {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var rows = [];
      for (var i = 0; i < 10; i++) rows.push([i, 'x' + i, true]);
      sh.getRange(1, 1, 10, 3).setValues(rows);
    }
    function reads() {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange(1, 1, 10, 3).getValues();
      sh.getRange('A1:B4').getDisplayValues();
      sh.getSheetValues(1, 1, -1, -1);
      sh.getRange(2, 2).getValue();
      sh.getRange(1, 1, 5, 1).getFormulas();
      sh.getRange(1, 1, 2, 2).getNumberFormats();
      sh.getLastRow();
      sh.getRange(1, 1, 10, 3).getNumRows();
    }
    function writes() {
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.appendRow([1, 2, 3, 4]);
      sh.getRange(1, 1, 3, 2).setNumberFormats([['0', '0'], ['0', '0'], ['0', '0']]);
      sh.getRange(1, 1, 100, 3).setNumberFormat('0.00');
      sh.getRange('D1').setValue('v');
      sh.getRange(1, 1, 2, 1).setFormulas([['=1'], ['=2']]);
      sh.getRange(5, 1, 5, 3).clearContent();
    }
  `);
  return e;
}

describe('cells read and written per call (PRODUCT.md §10, gas-runtime-notes §12)', () => {
  test('getters count the cells they return; extent calls count none', () => {
    const e = env();
    e.run('grid');
    e.resetCounts();
    e.run('reads');
    expect(e.cellCounts()).toEqual({
      'SpreadsheetApp.Range.getValues': { read: 30, written: 0 },
      'SpreadsheetApp.Range.getDisplayValues': { read: 8, written: 0 },
      'SpreadsheetApp.Sheet.getSheetValues': { read: 30, written: 0 },
      'SpreadsheetApp.Range.getValue': { read: 1, written: 0 },
      'SpreadsheetApp.Range.getFormulas': { read: 5, written: 0 },
      'SpreadsheetApp.Range.getNumberFormats': { read: 4, written: 0 },
    });
    expect(e.cells()).toEqual({ read: 78, written: 0 });
    expect(e.cells('SpreadsheetApp.Range.')).toEqual({ read: 48, written: 0 });
  });

  test('setters count the cells they send; appendRow its row; a clear none', () => {
    const e = env();
    e.run('grid');
    expect(e.cells()).toEqual({ read: 0, written: 30 });
    e.resetCounts();
    expect(e.cells()).toEqual({ read: 0, written: 0 });
    e.run('writes');
    expect(e.cellCounts()).toEqual({
      'SpreadsheetApp.Sheet.appendRow': { read: 0, written: 4 },
      'SpreadsheetApp.Range.setNumberFormats': { read: 0, written: 6 },
      'SpreadsheetApp.Range.setNumberFormat': { read: 0, written: 1 },
      'SpreadsheetApp.Range.setValue': { read: 0, written: 1 },
      'SpreadsheetApp.Range.setFormulas': { read: 0, written: 2 },
    });
    expect(e.cells()).toEqual({ read: 0, written: 14 });
    // call counts are unchanged by the cell counter
    expect(e.counts()['SpreadsheetApp.Range.clearContent']).toBe(1);
  });

  test('a failed call (bad shape) counts its call but no cells', () => {
    const e = env();
    e.loadScript(`function bad() {
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getSheetValues(1, 1, -1, -1);
    }`);
    e.resetCounts();
    expect(() => e.run('bad')).toThrow('The number of rows in the range must be at least 1.');
    expect(e.counts()['SpreadsheetApp.Sheet.getSheetValues']).toBe(1);
    expect(e.cells()).toEqual({ read: 0, written: 0 });
  });
});
