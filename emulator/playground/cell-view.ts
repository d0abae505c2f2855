// What the playground grid draws for a block of rows, read straight from the emulator's sheet model (not through the
// script API, so looking at the grid never counts as a service call): display text with number formats, notes,
// backgrounds, checkboxes and dropdowns, conditional formats, and the red "invalid" flag Sheets shows when a value
// breaks a data-validation rule that only warns. The validity check is the emulator's own (the one user edits use).
import type { GridRef, SheetModel, ValidationData } from '../src/spreadsheet/model';
import { displayAt, formulaHolds, readDisplayBox, scalarAt } from '../src/spreadsheet/cells';
import { isDateFormat } from '../src/spreadsheet/number-format';
import { isFormula } from '../src/spreadsheet/parse';
import type { EmuSpreadsheet } from '../src/spreadsheet/spreadsheet';
import { satisfies } from '../src/spreadsheet/validation';
import type { CellDetail, CellView } from './shared/protocol';

/** Rows [r0, r0 + n) of a sheet (0-based), every column of the grid. */
export function cellViews(ss: EmuSpreadsheet, sheet: SheetModel, r0: number, n: number): (CellView | null)[][] {
  const out: (CellView | null)[][] = [];
  const end = Math.min(sheet.maxRows, r0 + n);
  for (let r = r0; r < end; r++) {
    const row: (CellView | null)[] = [];
    for (let c = 0; c < sheet.maxCols; c++) row.push(cellView(ss, sheet, r, c));
    out.push(row);
  }
  return out;
}

function cellView(ss: EmuSpreadsheet, sheet: SheetModel, r: number, c: number): CellView | null {
  const raw = sheet.values.get(r, c);
  const rule = sheet.validations.get(r, c);
  const note = sheet.notes.get(r, c);
  const bg = sheet.backgrounds.get(r, c);
  const fc = sheet.fontColors.get(r, c);
  const fw = sheet.fontWeights.get(r, c);
  const align = sheet.hAligns.get(r, c);
  const cf = conditionalFormat(ss, sheet, r, c);
  if (raw === undefined && !rule && note === undefined && !bg && !fc && !fw && !cf) return null;
  const view: CellView = { t: raw === undefined ? '' : displayAt(ss, sheet, r, c) };
  if (raw !== undefined && typeof scalarAt(ss, sheet, r, c) === 'number') view.n = true;
  if (note) view.note = note;
  if (bg && bg !== '#ffffff') view.bg = bg;
  if (fc && fc !== '#000000') view.fc = fc;
  if (fw === 'bold') view.bold = true;
  if (align) view.align = align;
  if (cf?.background) view.bg = cf.background;
  if (cf?.fontColor) view.fc = cf.fontColor;
  if (cf?.bold) view.bold = true;
  if (rule) {
    const type = rule.rule.type;
    if (type === 'CHECKBOX') view.check = isChecked(rule.rule, scalarAt(ss, sheet, r, c));
    if (type === 'VALUE_IN_LIST' || type === 'VALUE_IN_RANGE') view.list = true;
    if (raw !== undefined && !valid(ss, sheet, r, c, rule.rule, rule.dr, rule.dc)) view.bad = rule.rule.helpText ?? '';
  }
  return view;
}

function isChecked(rule: ValidationData, v: unknown): boolean {
  if (rule.values.length === 0) return v === true;
  return String(v).toLowerCase() === String(rule.values[0]).toLowerCase();
}

function valid(
  ss: EmuSpreadsheet,
  sheet: SheetModel,
  r: number,
  c: number,
  rule: ValidationData,
  dr: number,
  dc: number,
): boolean {
  const v = scalarAt(ss, sheet, r, c);
  if (v === '') return true;
  return satisfies(rule, {
    value: v,
    display: displayAt(ss, sheet, r, c),
    isDate: isDateFormat(sheet.formats.get(r, c)),
    tz: ss.timeZone,
    rangeTexts: (g) => rangeTexts(ss, g),
    formula: (f) => formulaHolds(ss, sheet, f, dr, dc),
  });
}

function rangeTexts(ss: EmuSpreadsheet, g: GridRef): string[] {
  const src = ss.sheetById(g.sheetId);
  return src ? readDisplayBox(ss, src, g.row - 1, g.col - 1, g.numRows, g.numCols).flat() : [];
}

/** The format of the first conditional rule that holds for the cell (Sheets applies the first match). */
function conditionalFormat(ss: EmuSpreadsheet, sheet: SheetModel, r: number, c: number) {
  for (const rule of sheet.cfRules) {
    const ref = rule.ranges.find(
      (g) =>
        g.sheetId === sheet.id &&
        r + 1 >= g.row &&
        r + 1 < g.row + g.numRows &&
        c + 1 >= g.col &&
        c + 1 < g.col + g.numCols,
    );
    if (!ref || !rule.condition) continue;
    if (conditionHolds(ss, sheet, rule.condition, r, c, r + 1 - ref.row, c + 1 - ref.col)) return rule.format;
  }
  return null;
}

function conditionHolds(
  ss: EmuSpreadsheet,
  sheet: SheetModel,
  cond: { type: string; values: unknown[] },
  r: number,
  c: number,
  dr: number,
  dc: number,
): boolean {
  const v = scalarAt(ss, sheet, r, c);
  const n = typeof v === 'number' ? v : Number.NaN;
  const a = Number(cond.values[0]);
  const text = String(v).toLowerCase();
  const arg = String(cond.values[0] ?? '').toLowerCase();
  switch (cond.type) {
    case 'CUSTOM_FORMULA':
      return formulaHolds(ss, sheet, String(cond.values[0]), dr, dc) === true;
    case 'CELL_EMPTY':
      return v === '';
    case 'CELL_NOT_EMPTY':
      return v !== '';
    case 'NUMBER_GREATER_THAN':
      return n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= a;
    case 'NUMBER_LESS_THAN':
      return n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= a;
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_BETWEEN':
      return n >= a && n <= Number(cond.values[1]);
    case 'TEXT_CONTAINS':
      return text.includes(arg);
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg);
    default:
      return false;
  }
}

/** What the editor and the formula bar need for one cell. */
export function cellDetail(ss: EmuSpreadsheet, sheet: SheetModel, r: number, c: number): CellDetail {
  const raw = sheet.values.get(r, c);
  const rule = sheet.validations.get(r, c)?.rule;
  let input = '';
  if (isFormula(raw)) input = raw.f;
  else if (typeof raw === 'boolean') input = raw ? 'TRUE' : 'FALSE';
  else if (typeof raw === 'number') input = displayAt(ss, sheet, r, c);
  else if (raw !== undefined) input = raw;
  let options: string[] = [];
  if (rule?.type === 'VALUE_IN_LIST' && Array.isArray(rule.values[0])) options = rule.values[0].map(String);
  if (rule?.type === 'VALUE_IN_RANGE') {
    const src = rule.values[0];
    if (src && typeof src === 'object' && 'range' in src) options = rangeTexts(ss, src.range).filter((t) => t !== '');
  }
  return {
    input,
    options,
    help: rule?.helpText ?? '',
    strict: rule ? !rule.allowInvalid : false,
    checkbox: rule?.type === 'CHECKBOX',
  };
}
