// Reading and writing cell contents the way the Sheets service does: getValues turns date-formatted numbers into
// Dates through the spreadsheet zone and computes formulas; writes convert JS values (USER_ENTERED strings, Dates,
// null/undefined = clear) into stored cells. Shared by Range (script) and applyUserEdit (a person typing).

import { msToSerial, serialToMs } from './dates';
import { evaluateFormula, FormulaError, type FormulaContext, type Scalar, Unsupported } from './formula';
import type { SheetModel, SpreadsheetState } from './model';
import { DATE_FORMAT, DATETIME_FORMAT, formatDisplay, isDateFormat } from './number-format';
import { type Cell, isFormula, isInertText, isSimpleNumber, type Parsed, parseUserEntered } from './parse';

export const MAX_CELL_CHARS = 50000;

// Hot loops use local bindings: in CommonJS (the jest transform) every imported call becomes a getter access.
const inertText = isInertText;
const simpleNumber = isSimpleNumber;
const formulaCell = isFormula;
const dateFormat = isDateFormat;
// …and globals too: jest runs modules in a vm context where each global lookup is an interceptor call.
const toNumber = Number;
const finite = Number.isFinite;

export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Where a formula is evaluated: its own cell (1-based) for ROW()/COLUMN(). */
export interface FormulaSite {
  row: number;
  col: number;
}

function contextFor(
  ss: SpreadsheetState,
  sheet: SheetModel,
  dr: number,
  dc: number,
  depth: number,
  self?: FormulaSite,
): FormulaContext {
  const target = (name: string | null) => (name === null ? sheet : ss.sheetByName(name));
  return {
    dr,
    dc,
    depth,
    self,
    // TODAY()/NOW() read the virtual clock, as wall time in the spreadsheet zone.
    clock: { now: ss.core.now(), serial: (ms) => msToSerial(ms, ss.timeZone) },
    value(name, row, col) {
      const s = target(name);
      if (!s) throw new FormulaError('#REF!');
      return scalarAt(ss, s, row - 1, col - 1, depth + 1);
    },
    display(name, row, col) {
      const s = target(name);
      if (!s) throw new FormulaError('#REF!');
      return displayAt(ss, s, row - 1, col - 1);
    },
    size(name) {
      const s = target(name);
      return { rows: s ? s.maxRows : 0, cols: s ? s.maxCols : 0 };
    },
  };
}

/** Evaluates a formula in the subset; '' when outside it, the error text for #errors. */
export function computeFormula(
  ss: SpreadsheetState,
  sheet: SheetModel,
  f: string,
  depth = 0,
  dr = 0,
  dc = 0,
  self?: FormulaSite,
): Scalar {
  try {
    return evaluateFormula(f, contextFor(ss, sheet, dr, dc, depth, self));
  } catch (e) {
    if (e instanceof FormulaError) return e.message;
    if (e instanceof Unsupported) return '';
    if (e instanceof SyntaxError) return '';
    throw e;
  }
}

/** Whether a CUSTOM_FORMULA rule holds, shifted by (dr, dc) from its first cell; null when outside the subset. */
export function formulaHolds(
  ss: SpreadsheetState,
  sheet: SheetModel,
  f: string,
  dr: number,
  dc: number,
  self?: FormulaSite,
): boolean | null {
  try {
    const v = evaluateFormula(f, contextFor(ss, sheet, dr, dc, 0, self));
    return v === true || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v.toUpperCase() === 'TRUE');
  } catch (e) {
    if (e instanceof FormulaError) return false;
    if (e instanceof Unsupported || e instanceof SyntaxError) return null;
    throw e;
  }
}

/** A cell's value with dates left as serial numbers ('' when empty); 0-based coordinates. */
export function scalarAt(ss: SpreadsheetState, sheet: SheetModel, r: number, c: number, depth = 0): Scalar {
  const v = sheet.values.get(r, c);
  if (v === undefined) return '';
  if (isFormula(v)) return computeFormula(ss, sheet, v.f, depth, 0, 0, { row: r + 1, col: c + 1 });
  return v;
}

export function displayAt(ss: SpreadsheetState, sheet: SheetModel, r: number, c: number): string {
  const v = scalarAt(ss, sheet, r, c);
  return v === '' ? '' : formatDisplay(v, sheet.formats.get(r, c));
}

/** getValues of a box (0-based start): Date for date-formatted numbers, '' for empty. */
export function readBox(
  ss: SpreadsheetState,
  sheet: SheetModel,
  r0: number,
  c0: number,
  nr: number,
  nc: number,
): unknown[][] {
  const out: unknown[][] = new Array(nr);
  const tz = ss.timeZone;
  const values = sheet.values.rows;
  const formats = sheet.formats.rows;
  for (let i = 0; i < nr; i++) {
    const vr = values[r0 + i];
    const fr = formats[r0 + i];
    const row: unknown[] = new Array(nc);
    for (let j = 0; j < nc; j++) {
      let v: unknown = vr === undefined ? undefined : vr[c0 + j];
      if (v === undefined) {
        row[j] = '';
        continue;
      }
      if (typeof v === 'object' && formulaCell(v))
        v = computeFormula(ss, sheet, v.f, 0, 0, 0, { row: r0 + i + 1, col: c0 + j + 1 });
      if (typeof v === 'number' && fr !== undefined && dateFormat(fr[c0 + j])) v = ss.core.makeDate(serialToMs(v, tz));
      row[j] = v;
    }
    out[i] = row;
  }
  return out;
}

export function readDisplayBox(
  ss: SpreadsheetState,
  sheet: SheetModel,
  r0: number,
  c0: number,
  nr: number,
  nc: number,
): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < nr; i++) {
    const row: string[] = new Array(nc);
    for (let j = 0; j < nc; j++) row[j] = displayAt(ss, sheet, r0 + i, c0 + j);
    out.push(row);
  }
  return out;
}

/** Converts one JS value written by a script or a user into a stored cell plus an optional new number format. */
export function toCell(v: unknown, existingFormat: string | undefined, tz: string): Parsed {
  if (v === null || v === undefined) return { value: undefined };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : String(v) };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'string') return parseUserEntered(v, existingFormat);
  if (isDateLike(v)) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return { value: undefined };
    const serial = msToSerial(ms, tz);
    // Sheets gives a Date a date(-time) format only when the cell has none ([?]: midnight → date only).
    const fmt = existingFormat === undefined ? (Number.isInteger(serial) ? DATE_FORMAT : DATETIME_FORMAT) : undefined;
    return { value: serial, format: fmt };
  }
  return parseUserEntered(String(v), existingFormat);
}

/** Writes a JS grid at a 0-based corner with USER_ENTERED conversion (no checks: callers validate first). */
export function writeGrid(
  ss: SpreadsheetState,
  sheet: SheetModel,
  r0: number,
  c0: number,
  grid: readonly unknown[][],
): void {
  const tz = ss.timeZone;
  for (let i = 0; i < grid.length; i++) {
    const src = grid[i];
    const vr = sheet.values.rowForWrite(r0 + i);
    const fr = sheet.formats.rows[r0 + i];
    for (let j = 0; j < src.length; j++) {
      const c = c0 + j;
      const v = src[j];
      while (vr.length < c) vr.push(undefined);
      const fmt = fr === undefined ? undefined : fr[c];
      if (typeof v === 'number' && finite(v)) vr[c] = v;
      else if (typeof v === 'string' && fmt === undefined && inertText(v)) vr[c] = v;
      else if (typeof v === 'string' && fmt === undefined && v !== '' && simpleNumber(v)) vr[c] = toNumber(v);
      else {
        const p = toCell(v, fmt, tz);
        vr[c] = p.value;
        if (p.format !== undefined) sheet.formats.set(r0 + i, c, p.format);
      }
    }
  }
}

export type { Cell };
