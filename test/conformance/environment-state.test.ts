// Conformance of the environment's own surface: the reply queue of alerts/prompts (env.ui.clearAnswers) and
// snapshots (serialize / createEnvironment({state})) keeping cells, formats and per-cell validation offsets, in the
// current row-array form and in the older per-cell form (gas-runtime-notes §2: a rule written for its range's first
// cell still applies per row after a restore).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function ask() { var ui = SpreadsheetApp.getUi(); return String(ui.alert('Sure?', ui.ButtonSet.YES_NO)); }
function fill() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange('A1:C3').setValues([[1, 'x', true], ['2026-03-01', '=A1*2', ''], ["'007", 3.5, 'z']]);
  sh.getRange('B2:B40').setNumberFormat('@');
  sh.getRange('B2:B40').setDataValidation(SpreadsheetApp.newDataValidation()
    .requireFormulaSatisfied('=OR(B2="",LEN(B2)=ROW())').build());
}`;

test('ui.clearAnswers drops queued replies; pendingAnswers shows the queue', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.ui.answer('NO');
  env.ui.answer({ button: 'YES', text: 'ignored' });
  expect(env.ui.pendingAnswers()).toEqual([
    { button: 'NO', text: '' },
    { button: 'YES', text: 'ignored' },
  ]);
  env.ui.clearAnswers();
  expect(env.ui.pendingAnswers()).toEqual([]);
  expect(env.run('ask')).toBe('YES'); // no queued reply: the first button of the set
  env.ui.answer('NO');
  expect(env.run('ask')).toBe('NO');
});

function flaggedAfter(state: string, a1: string, text: string) {
  const env = createEnvironment({ state }).loadScript(SCRIPT);
  return env.userEdit('Sheet1', a1, [[text]]).invalid.length > 0;
}

test('a snapshot restores values, formats and relative validation offsets; restore + serialize is stable', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('fill');
  const snap = env.serialize();
  const copy = createEnvironment({ state: snap });
  expect(copy.values('Sheet1')).toEqual(env.values('Sheet1'));
  expect(copy.displayValues('Sheet1')).toEqual(env.displayValues('Sheet1'));
  expect(copy.serialize()).toBe(snap);
  // The rule was set on B2:B40 for B2: at B7 the formula reads B7 and ROW() is 7.
  expect(flaggedAfter(snap, 'B7', 'seven!')).toBe(true);
  expect(flaggedAfter(snap, 'B7', 'abcdefg')).toBe(false);
  expect(flaggedAfter(snap, 'B3', 'abc')).toBe(false);
});

test('older snapshots (per-cell layer triples, validation cells with dr/dc) still load', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('fill');
  const snap = JSON.parse(env.serialize());
  for (const s of snap.spreadsheet.sheets) {
    const triples = (rows: unknown[][] | null[]) => {
      const out: unknown[] = [];
      for (const [r, row] of rows.entries())
        for (const [c, v] of (row ?? []).entries()) if (v !== null) out.push([r, c, v]);
      return out;
    };
    s.layers = Object.fromEntries(Object.entries(s.layerRows).map(([k, rows]) => [k, triples(rows as unknown[][])]));
    delete s.layerRows;
    const { rules, anchors, rows } = s.validations;
    const cells: number[][] = [];
    for (const [r, row] of (rows as ((number | null)[] | null)[]).entries()) {
      for (const [c, a] of (row ?? []).entries()) {
        if (a === null) continue;
        const [k, r0, c0] = anchors[a];
        cells.push([r, c, k, r - r0, c - c0]);
      }
    }
    s.validations = { rules, cells };
  }
  const old = JSON.stringify(snap);
  expect(createEnvironment({ state: old }).values('Sheet1')).toEqual(env.values('Sheet1'));
  expect(flaggedAfter(old, 'B9', 'abc')).toBe(true);
  expect(flaggedAfter(old, 'B9', '123456789')).toBe(false);
  const again = JSON.parse(createEnvironment({ state: old }).serialize()).spreadsheet.sheets[0];
  expect(again.validations).toEqual(JSON.parse(env.serialize()).spreadsheet.sheets[0].validations);
  expect(again.layerRows.formats).toEqual(JSON.parse(env.serialize()).spreadsheet.sheets[0].layerRows.formats);
});
