// A person typing or pasting into the grid (not a script): protection and data validation apply here, unlike script
// writes (gas-runtime-notes §2, §3). Not counted as a service call. The result carries what an onEdit event needs:
// `value`/`oldValue` only for a single-cell edit (§5 "Event objects"), as strings of the stored value ([?]).

import { cellA1, parseA1, resolveBox } from './a1';
import { displayAt, formulaHolds, readDisplayBox, readBox, scalarAt, writeGrid } from './cells';
import type { SheetModel } from './model';
import { isDateFormat } from './number-format';
import { type Cell, isFormula } from './parse';
import { blockingProtection, PROTECTED_CELL_MESSAGE } from './protection';
import { EmuRange } from './range';
import type { EmuSpreadsheet } from './spreadsheet';
import { rejectionMessage, satisfies } from './validation';

export interface UserEditResult {
  accepted: boolean;
  message?: string;
  range: object;
  value?: string;
  oldValue?: string;
  invalid: { a1: string; helpText: string | null }[];
}

function sheetOf(ss: EmuSpreadsheet, name: string): SheetModel {
  const s = ss.sheetByName(name);
  if (!s) throw new Error(`emulator: no sheet named ${name}`);
  return s;
}

function asEventString(
  c: Cell | undefined,
  ss: EmuSpreadsheet,
  sheet: SheetModel,
  r: number,
  col: number,
): string | undefined {
  if (c === undefined) return undefined;
  const v = isFormula(c) ? scalarAt(ss, sheet, r, col) : c;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function applyUserEdit(
  ss: EmuSpreadsheet,
  sheetName: string,
  a1: string,
  values: (string | number | boolean | null)[][],
  user: string,
): UserEditResult {
  const sheet = sheetOf(ss, sheetName);
  const ref = parseA1(a1);
  if (!ref) throw new Error(`emulator: bad A1 ${a1}`);
  const at = resolveBox(ref, sheet.maxRows, sheet.maxCols);
  const nr = values.length;
  const nc = Math.max(1, ...values.map((r) => r.length));
  if (at.row + nr - 1 > sheet.maxRows || at.col + nc - 1 > sheet.maxCols)
    throw new Error('emulator: edit outside the grid');
  const range = new EmuRange(ss.ctx, sheet, at.row, at.col, nr, nc);
  const reject = (message: string): UserEditResult => ({ accepted: false, message, range, invalid: [] });
  if (blockingProtection(ss, sheet, { sheetId: sheet.id, row: at.row, col: at.col, numRows: nr, numCols: nc }, user)) {
    return reject(PROTECTED_CELL_MESSAGE);
  }
  const r0 = at.row - 1;
  const c0 = at.col - 1;
  const old: { v: Cell | undefined; f: string | undefined }[][] = [];
  for (let i = 0; i < nr; i++) {
    old.push([]);
    for (let j = 0; j < nc; j++)
      old[i].push({ v: sheet.values.get(r0 + i, c0 + j), f: sheet.formats.get(r0 + i, c0 + j) });
  }
  const grid = values.map((row) => Array.from({ length: nc }, (_, j) => row[j] ?? null));
  writeGrid(ss, sheet, r0, c0, grid);
  const invalid: UserEditResult['invalid'] = [];
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const rule = sheet.validations.get(r0 + i, c0 + j);
      const v = scalarAt(ss, sheet, r0 + i, c0 + j);
      if (!rule || v === '') continue; // clearing a cell is always allowed
      const ok = satisfies(rule.rule, {
        value: v,
        display: displayAt(ss, sheet, r0 + i, c0 + j),
        isDate: isDateFormat(sheet.formats.get(r0 + i, c0 + j)),
        tz: ss.timeZone,
        rangeTexts: (g) => {
          const src = ss.sheetById(g.sheetId);
          return src ? readDisplayBox(ss, src, g.row - 1, g.col - 1, g.numRows, g.numCols).flat() : [];
        },
        formula: (f) => formulaHolds(ss, sheet, f, rule.dr, rule.dc, { row: r0 + i + 1, col: c0 + j + 1 }),
      });
      if (ok) continue;
      if (!rule.rule.allowInvalid) {
        for (let a = 0; a < nr; a++)
          for (let b = 0; b < nc; b++) {
            sheet.values.set(r0 + a, c0 + b, old[a][b].v);
            sheet.formats.set(r0 + a, c0 + b, old[a][b].f);
          }
        return reject(rejectionMessage(rule.rule));
      }
      invalid.push({ a1: cellA1(r0 + i + 1, c0 + j + 1), helpText: rule.rule.helpText });
    }
  }
  const single = nr === 1 && nc === 1;
  return {
    accepted: true,
    range,
    value: single ? asEventString(sheet.values.get(r0, c0), ss, sheet, r0, c0) : undefined,
    oldValue: single ? asEventString(old[0][0].v, ss, sheet, r0, c0) : undefined,
    invalid,
  };
}

/** The data region as getValues returns it ([['']] on an empty sheet); not counted. */
export function readValues(ss: EmuSpreadsheet, sheetName: string): unknown[][] {
  const s = sheetOf(ss, sheetName);
  return readBox(ss, s, 0, 0, Math.max(1, s.lastRow()), Math.max(1, s.lastCol()));
}

export function readDisplayValues(ss: EmuSpreadsheet, sheetName: string): string[][] {
  const s = sheetOf(ss, sheetName);
  return readDisplayBox(ss, s, 0, 0, Math.max(1, s.lastRow()), Math.max(1, s.lastCol()));
}
