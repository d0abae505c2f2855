// The `Range` the add-on sees: a 1-based box on one sheet. Every method counts one service call (doc-read or
// doc-write) before doing anything. Texts of the range/setValues/cell-size errors follow gas-runtime-notes §1.

import { boxA1 } from './a1';
import { type ApiContext, checkBox, signatureError } from './api-context';
import { displayAt, MAX_CELL_CHARS, readBox, readDisplayBox, writeGrid } from './cells';
import type { GridRef, SheetModel } from './model';
import { DEFAULT_NUMBER_FORMAT } from './number-format';
import { isFormula } from './parse';
import { blockingProtection, PROTECTED_CELL_MESSAGE, Protection } from './protection';
import { DataValidation } from './validation';

const MAX_CHARS = MAX_CELL_CHARS;

export class EmuRange {
  constructor(
    private readonly ctx: ApiContext,
    /** @internal */ readonly sheet: SheetModel,
    /** @internal */ readonly row: number,
    /** @internal */ readonly col: number,
    /** @internal */ readonly nr: number,
    /** @internal */ readonly nc: number,
  ) {}

  /** @internal */
  ref(): GridRef {
    return { sheetId: this.sheet.id, row: this.row, col: this.col, numRows: this.nr, numCols: this.nc };
  }

  /** Counts the call and, for getters that return cell data, the cells returned (`cells`: 'box' = nr × nc). */
  private r(method: string, cells: 'box' | 1 | 0 = 0): void {
    const key = `SpreadsheetApp.Range.${method}`;
    this.ctx.codec.core.call(key, 'doc-read');
    this.ctx.codec.core.cells(key, 'read', cells === 'box' ? this.nr * this.nc : cells);
  }

  /** Counts the call and the cells it sends: a grid setter's nr × nc ('box'), a single-value setter's one value. */
  private w(method: string, cells: 'box' | 1 | 0 = 0): void {
    const key = `SpreadsheetApp.Range.${method}`;
    this.ctx.codec.core.call(key, 'doc-write');
    this.ctx.codec.core.cells(key, 'written', cells === 'box' ? this.nr * this.nc : cells);
    this.checkProtection();
  }

  private checkProtection(): void {
    const user = this.ctx.codec.core.execution?.user ?? null;
    if (blockingProtection(this.ctx.ss, this.sheet, this.ref(), user)) {
      throw this.ctx.codec.core.error(PROTECTED_CELL_MESSAGE);
    }
  }

  /** Calls f(row0, col0) for every cell (0-based sheet coordinates). */
  private each(f: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.nr; i++) for (let j = 0; j < this.nc; j++) f(this.row - 1 + i, this.col - 1 + j, i, j);
  }

  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.nr; i++) {
      const row: T[] = new Array(this.nc);
      for (let j = 0; j < this.nc; j++) row[j] = f(this.row - 1 + i, this.col - 1 + j);
      out.push(row);
    }
    return out;
  }

  private checkShape(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data)) throw signatureError(this.ctx, `Range.${method}`, [data]);
    if (data.some((row) => !Array.isArray(row))) throw signatureError(this.ctx, `Range.${method}`, data);
    const err = (what: string, has: number, want: number) =>
      this.ctx.codec.core.error(
        `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${has} but the range has ${want}.`,
      );
    if (data.length !== this.nr) throw err('rows', data.length, this.nr);
    const bad = (data as unknown[][]).find((row) => row.length !== this.nc);
    if (bad) throw err('columns', bad.length, this.nc);
    return data as unknown[][];
  }

  private setLayer<T>(
    layer: 'formats' | 'notes' | 'backgrounds' | 'fontColors' | 'fontWeights' | 'hAligns' | 'wraps',
    data: unknown[][],
    conv: (v: unknown) => T | undefined,
  ): this {
    this.each((r, c, i, j) => this.sheet[layer].set(r, c, conv(data[i][j]) as never));
    return this;
  }

  getRow() {
    this.r('getRow');
    return this.row;
  }
  getColumn() {
    this.r('getColumn');
    return this.col;
  }
  getNumRows() {
    this.r('getNumRows');
    return this.nr;
  }
  getNumColumns() {
    this.r('getNumColumns');
    return this.nc;
  }
  getLastRow() {
    this.r('getLastRow');
    return this.row + this.nr - 1;
  }
  getLastColumn() {
    this.r('getLastColumn');
    return this.col + this.nc - 1;
  }
  getA1Notation() {
    this.r('getA1Notation');
    return boxA1({ row: this.row, col: this.col, numRows: this.nr, numCols: this.nc });
  }
  getSheet() {
    this.r('getSheet');
    return this.ctx.sheetApi(this.sheet);
  }
  getGridId() {
    this.r('getGridId');
    return this.sheet.id;
  }

  getCell(row: number, column: number): EmuRange {
    this.r('getCell');
    if (row < 1 || column < 1 || row > this.nr || column > this.nc)
      throw this.ctx.codec.core.error('Cell reference out of range');
    return new EmuRange(this.ctx, this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    this.r('offset');
    const nr = numRows ?? this.nr;
    const nc = numColumns ?? this.nc;
    checkBox(this.ctx, this.sheet, this.row + rowOffset, this.col + columnOffset, nr, nc);
    return new EmuRange(this.ctx, this.sheet, this.row + rowOffset, this.col + columnOffset, nr, nc);
  }

  getValues() {
    this.r('getValues', 'box');
    return readBox(this.ctx.ss, this.sheet, this.row - 1, this.col - 1, this.nr, this.nc);
  }
  getValue() {
    this.r('getValue', 1);
    return readBox(this.ctx.ss, this.sheet, this.row - 1, this.col - 1, 1, 1)[0][0];
  }
  getDisplayValues() {
    this.r('getDisplayValues', 'box');
    return readDisplayBox(this.ctx.ss, this.sheet, this.row - 1, this.col - 1, this.nr, this.nc);
  }
  getDisplayValue() {
    this.r('getDisplayValue', 1);
    return displayAt(this.ctx.ss, this.sheet, this.row - 1, this.col - 1);
  }

  getFormulas() {
    this.r('getFormulas', 'box');
    return this.grid((r, c) => {
      const v = this.sheet.values.get(r, c);
      return isFormula(v) ? v.f : '';
    });
  }

  getFormula() {
    this.r('getFormula', 1);
    const v = this.sheet.values.get(this.row - 1, this.col - 1);
    return isFormula(v) ? v.f : '';
  }

  isBlank() {
    this.r('isBlank');
    return this.grid((r, c) => this.sheet.values.get(r, c)).every((row) => row.every((v) => v === undefined));
  }

  private write(grid: unknown[][]): this {
    // Indexed loops: the grids are arrays, and for-of over another realm's arrays allocated an iterator result per cell.
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string' && v.length > MAX_CHARS) {
          throw this.ctx.codec.core.error(
            'Your input contains more than the maximum of 50000 characters in a single cell.',
          );
        }
      }
    }
    writeGrid(this.ctx.ss, this.sheet, this.row - 1, this.col - 1, grid);
    return this;
  }

  /** @internal a write already counted by the caller (Sheet.appendRow). */
  putValues(values: unknown[][]): this {
    this.checkProtection();
    return this.write(values);
  }

  setValues(values: unknown[][]): this {
    this.w('setValues', 'box');
    return this.write(this.checkShape('setValues', values));
  }

  setValue(value: unknown): this {
    this.w('setValue', 1);
    return this.write(this.grid(() => value));
  }

  setFormula(formula: string): this {
    this.w('setFormula', 1);
    const f = String(formula);
    return this.write(this.grid(() => (f === '' || f.startsWith('=') ? f : `=${f}`)));
  }

  setFormulas(formulas: string[][]): this {
    this.w('setFormulas', 'box');
    const grid = this.checkShape('setFormulas', formulas);
    return this.write(grid.map((row) => row.map((f) => (f === '' || String(f).startsWith('=') ? f : `=${f}`))));
  }

  getNumberFormat() {
    this.r('getNumberFormat', 1);
    return this.sheet.formats.get(this.row - 1, this.col - 1) ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats() {
    this.r('getNumberFormats', 'box');
    return this.grid((r, c) => this.sheet.formats.get(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(format: string): this {
    this.w('setNumberFormat', 1);
    if (typeof format !== 'string') throw signatureError(this.ctx, 'Range.setNumberFormat', [format]);
    return this.setLayer(
      'formats',
      this.grid(() => format),
      normalFormat,
    );
  }

  setNumberFormats(formats: string[][]): this {
    this.w('setNumberFormats', 'box');
    const grid = this.checkShape('setNumberFormats', formats);
    return this.setLayer('formats', grid, normalFormat);
  }

  getNote() {
    this.r('getNote', 1);
    return this.sheet.notes.get(this.row - 1, this.col - 1) ?? '';
  }
  getNotes() {
    this.r('getNotes', 'box');
    return this.grid((r, c) => this.sheet.notes.get(r, c) ?? '');
  }
  setNote(note: string | null): this {
    this.w('setNote', 1);
    return this.setLayer(
      'notes',
      this.grid(() => note),
      textOrUnset,
    );
  }
  setNotes(notes: (string | null)[][]): this {
    this.w('setNotes', 'box');
    const g = this.checkShape('setNotes', notes);
    return this.setLayer('notes', g, textOrUnset);
  }
  clearNote(): this {
    this.w('clearNote');
    this.sheet.notes.clearBox(this.row - 1, this.col - 1, this.nr, this.nc);
    return this;
  }

  getBackground() {
    this.r('getBackground', 1);
    return this.sheet.backgrounds.get(this.row - 1, this.col - 1) ?? '#ffffff';
  }
  getBackgrounds() {
    this.r('getBackgrounds', 'box');
    return this.grid((r, c) => this.sheet.backgrounds.get(r, c) ?? '#ffffff');
  }
  setBackground(color: string | null): this {
    this.w('setBackground', 1);
    return this.setLayer(
      'backgrounds',
      this.grid(() => color),
      textOrUnset,
    );
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.w('setBackgrounds', 'box');
    const g = this.checkShape('setBackgrounds', colors);
    return this.setLayer('backgrounds', g, textOrUnset);
  }

  getFontWeight() {
    this.r('getFontWeight', 1);
    return this.sheet.fontWeights.get(this.row - 1, this.col - 1) ?? 'normal';
  }
  getFontWeights() {
    this.r('getFontWeights', 'box');
    return this.grid((r, c) => this.sheet.fontWeights.get(r, c) ?? 'normal');
  }
  setFontWeight(weight: string | null): this {
    this.w('setFontWeight', 1);
    return this.setLayer(
      'fontWeights',
      this.grid(() => weight),
      weightOrUnset,
    );
  }
  setFontWeights(weights: (string | null)[][]): this {
    this.w('setFontWeights', 'box');
    const g = this.checkShape('setFontWeights', weights);
    return this.setLayer('fontWeights', g, weightOrUnset);
  }

  getFontColor() {
    this.r('getFontColor', 1);
    return this.sheet.fontColors.get(this.row - 1, this.col - 1) ?? '#000000';
  }
  setFontColor(color: string | null): this {
    this.w('setFontColor', 1);
    return this.setLayer(
      'fontColors',
      this.grid(() => color),
      textOrUnset,
    );
  }
  getHorizontalAlignment() {
    this.r('getHorizontalAlignment', 1);
    return this.sheet.hAligns.get(this.row - 1, this.col - 1) ?? 'general';
  }
  setHorizontalAlignment(a: string | null): this {
    this.w('setHorizontalAlignment', 1);
    return this.setLayer(
      'hAligns',
      this.grid(() => a),
      textOrUnset,
    );
  }
  getWrap() {
    this.r('getWrap', 1);
    return this.sheet.wraps.get(this.row - 1, this.col - 1) ?? true;
  }
  setWrap(wrap: boolean): this {
    this.w('setWrap', 1);
    return this.setLayer(
      'wraps',
      this.grid(() => wrap),
      (v) => (v === null || v === undefined ? undefined : !!v),
    );
  }

  clearContent(): this {
    this.w('clearContent');
    this.sheet.values.clearBox(this.row - 1, this.col - 1, this.nr, this.nc);
    return this;
  }

  clearFormat(): this {
    this.w('clearFormat');
    this.clearFormats();
    return this;
  }

  private clearFormats(): void {
    const s = this.sheet;
    for (const l of [s.formats, s.backgrounds, s.fontColors, s.fontWeights, s.hAligns, s.wraps, s.validations]) {
      l.clearBox(this.row - 1, this.col - 1, this.nr, this.nc);
    }
  }

  /** clear() = contents + formats (+ validations); formatOnly also drops validations (notes §2 "Removal"). */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    this.w('clear');
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const box = [this.row - 1, this.col - 1, this.nr, this.nc] as const;
    if (!any || o.contentsOnly) this.sheet.values.clearBox(...box);
    if (!any || o.formatOnly) this.clearFormats();
    if (o.validationsOnly) this.sheet.validations.clearBox(...box);
    if (o.commentsOnly) this.sheet.notes.clearBox(...box);
    return this;
  }

  clearDataValidations(): this {
    this.w('clearDataValidations');
    this.sheet.validations.clearBox(this.row - 1, this.col - 1, this.nr, this.nc);
    return this;
  }

  getDataValidation(): DataValidation | null {
    this.r('getDataValidation', 1);
    const v = this.sheet.validations.get(this.row - 1, this.col - 1);
    return v ? new DataValidation(this.ctx.codec, v.rule) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    this.r('getDataValidations', 'box');
    return this.grid((r, c) => {
      const v = this.sheet.validations.get(r, c);
      return v ? new DataValidation(this.ctx.codec, v.rule) : null;
    });
  }

  setDataValidation(rule: DataValidation | null): this {
    this.w('setDataValidation', 1);
    if (rule !== null && !(rule instanceof DataValidation))
      throw signatureError(this.ctx, 'Range.setDataValidation', [rule]);
    this.each((r, c, i, j) => this.sheet.validations.set(r, c, rule ? { rule: rule.data, dr: i, dc: j } : undefined));
    return this;
  }

  setDataValidations(rules: (DataValidation | null)[][]): this {
    this.w('setDataValidations', 'box');
    const g = this.checkShape('setDataValidations', rules) as (DataValidation | null)[][];
    this.each((r, c, i, j) => {
      const rule = g[i][j];
      this.sheet.validations.set(r, c, rule ? { rule: rule.data, dr: 0, dc: 0 } : undefined);
    });
    return this;
  }

  /** Always a new protection (notes §3). */
  protect(): Protection {
    this.ctx.codec.core.call('SpreadsheetApp.Range.protect', 'doc-write');
    const data = {
      id: this.ctx.ss.newId(),
      type: 'RANGE' as const,
      ref: this.ref(),
      description: '',
      warningOnly: false,
      editors: [],
      explicitEditors: false,
      domainEdit: false,
      unprotected: [],
    };
    this.ctx.ss.protections.push(data);
    return new Protection(this.ctx.ss, this.ctx.codec, data);
  }

  activate(): this {
    this.r('activate');
    this.ctx.ss.activeSheetId = this.sheet.id;
    return this;
  }
}

function normalFormat(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = String(v);
  return s === '' || s.toLowerCase() === 'general' || s === DEFAULT_NUMBER_FORMAT ? undefined : s;
}

function textOrUnset(v: unknown): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

function weightOrUnset(v: unknown): string | undefined {
  return v === 'bold' ? 'bold' : undefined;
}
