// What the API objects (Spreadsheet, Sheet, Range, rules) share, and the service errors they all raise the same way:
// the range-box checks (gas-runtime-notes §1 "Range errors") and the signature error for wrong argument types.

import { isDateLike } from './cells';
import type { SheetModel, SpreadsheetState } from './model';
import type { ArgCodec } from './validation';

/** What API objects share: the file state, the arg codec and a way to get the Sheet object of a model. */
export interface ApiContext {
  ss: SpreadsheetState;
  codec: ArgCodec;
  sheetApi(model: SheetModel): unknown;
}

/** Throws the Sheets error for a bad box (first failing check wins; the order is [?] in the notes). */
export function checkBox(ctx: ApiContext, sheet: SheetModel, r: number, c: number, nr: number, nc: number): void {
  const err = (m: string) => ctx.codec.core.error(m);
  if (r < 1) throw err('The starting row of the range is too small.');
  if (c < 1) throw err('The starting column of the range is too small.');
  if (nr < 1) throw err('The number of rows in the range must be at least 1.');
  if (nc < 1) throw err('The number of columns in the range must be at least 1.');
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) {
    throw err('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (isDateLike(v)) return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  return '(class)';
}

export function signatureError(ctx: ApiContext, method: string, args: unknown[]): Error {
  return ctx.codec.core.error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}
