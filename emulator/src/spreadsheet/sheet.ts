// The `Sheet` the add-on sees. Grids never grow by addressing (notes §1): only insertRows*/insertColumns* and
// appendRow on a full grid (our reading of the [?]: it grows by one row, as most scripts in the wild rely on) do.

import { parseA1, resolveBox } from './a1';
import { cloneRule, ConditionalFormatRule } from './conditional';
import { EmbeddedChart, EmbeddedChartBuilder } from './chart';
import type { Layer } from './layer';
import type { ChartData, SheetModel } from './model';
import { Protection } from './protection';
import { type ApiContext, checkBox, signatureError } from './api-context';
import { readBox } from './cells';
import { EmuRange } from './range';

function copyChart(d: ChartData): ChartData {
  return JSON.parse(JSON.stringify(d)) as ChartData;
}

const K = 'SpreadsheetApp.Sheet.';

export class EmuSheet {
  constructor(
    private readonly ctx: ApiContext,
    /** @internal */ readonly model: SheetModel,
  ) {}

  private r(m: string) {
    this.ctx.codec.core.call(K + m, 'doc-read');
  }
  private w(m: string) {
    this.ctx.codec.core.call(K + m, 'doc-write');
  }
  private get s() {
    return this.model;
  }
  private err(m: string) {
    return this.ctx.codec.core.error(m);
  }

  getName() {
    this.r('getName');
    return this.s.name;
  }
  getSheetName() {
    this.r('getSheetName');
    return this.s.name;
  }
  getSheetId() {
    this.r('getSheetId');
    return this.s.id;
  }
  getIndex() {
    this.r('getIndex');
    return this.ctx.ss.sheets.indexOf(this.s) + 1;
  }
  getParent() {
    this.r('getParent');
    return this.parentApi();
  }
  /** @internal set by the spreadsheet facade */
  parentApi: () => unknown = () => null;
  getMaxRows() {
    this.r('getMaxRows');
    return this.s.maxRows;
  }
  getMaxColumns() {
    this.r('getMaxColumns');
    return this.s.maxCols;
  }
  getLastRow() {
    this.r('getLastRow');
    return this.s.lastRow();
  }
  getLastColumn() {
    this.r('getLastColumn');
    return this.s.lastCol();
  }
  getFrozenRows() {
    this.r('getFrozenRows');
    return this.s.frozenRows;
  }
  getFrozenColumns() {
    this.r('getFrozenColumns');
    return this.s.frozenCols;
  }
  getTabColor() {
    this.r('getTabColor');
    return this.s.tabColor;
  }

  setName(name: string): this {
    this.w('setName');
    const n = String(name);
    const clash = this.ctx.ss.sheets.find((x) => x !== this.s && x.name.toLowerCase() === n.toLowerCase());
    if (clash) throw this.err(`A sheet with the name "${n}" already exists. Please enter another name.`);
    this.s.name = n;
    return this;
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): EmuRange {
    this.r('getRange');
    if (typeof a === 'string') {
      const ref = parseA1(a);
      if (!ref || (ref.sheetName !== null && ref.sheetName !== this.s.name)) throw this.err('Range not found');
      const b = resolveBox(ref, this.s.maxRows, this.s.maxCols);
      checkBox(this.ctx, this.s, b.row, b.col, b.numRows, b.numCols);
      return new EmuRange(this.ctx, this.s, b.row, b.col, b.numRows, b.numCols);
    }
    if (typeof a !== 'number' || typeof column !== 'number')
      throw signatureError(
        this.ctx,
        'Sheet.getRange',
        [a, column, numRows, numColumns].filter((x) => x !== undefined),
      );
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    checkBox(this.ctx, this.s, a, column, nr, nc);
    return new EmuRange(this.ctx, this.s, a, column, nr, nc);
  }

  /**
   * Values of the box at (startRow, startColumn). Google's reference: "A -1 value given as the row or column
   * position is equivalent to getting the very last row or column that has data in the sheet" — read here as
   * numRows/numColumns = -1 reaching to the last row/column with data (how scripts use it). On an empty sheet that
   * leaves zero rows, which throws the usual "at least 1" error (stricter reading; [?] in practice).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.r('getSheetValues');
    if ([startRow, startColumn, numRows, numColumns].some((x) => typeof x !== 'number'))
      throw signatureError(this.ctx, 'Sheet.getSheetValues', [startRow, startColumn, numRows, numColumns]);
    const nr = numRows === -1 ? this.s.lastRow() - startRow + 1 : numRows;
    const nc = numColumns === -1 ? this.s.lastCol() - startColumn + 1 : numColumns;
    checkBox(this.ctx, this.s, startRow, startColumn, nr, nc);
    this.ctx.codec.core.cells(`${K}getSheetValues`, 'read', nr * nc);
    return readBox(this.ctx.ss, this.s, startRow - 1, startColumn - 1, nr, nc);
  }

  /** A1 to (lastRow, lastColumn); the single cell A1 on an empty sheet (notes §1 "Extent methods"). */
  getDataRange(): EmuRange {
    this.r('getDataRange');
    return new EmuRange(this.ctx, this.s, 1, 1, Math.max(1, this.s.lastRow()), Math.max(1, this.s.lastCol()));
  }

  /** The data region, written after the last row; '='-values become formulas. */
  appendRow(values: unknown[]): this {
    this.w('appendRow');
    if (!Array.isArray(values)) throw signatureError(this.ctx, 'Sheet.appendRow', [values]);
    this.ctx.codec.core.cells(`${K}appendRow`, 'written', Math.max(1, values.length));
    const row = this.s.lastRow() + 1;
    if (row > this.s.maxRows) this.growRows(this.s.maxRows + 1, 1);
    if (values.length > this.s.maxCols) this.growCols(this.s.maxCols + 1, values.length - this.s.maxCols);
    new EmuRange(this.ctx, this.s, row, 1, 1, Math.max(1, values.length)).putValues([values.length ? values : ['']]);
    return this;
  }

  /**
   * Inserts n rows at row `at`. They inherit the formatting and data validation of the row before them (the first
   * row inherits from the row after it), as Sheets' InsertDimension does (README "Inserted rows inherit").
   */
  private growRows(at: number, n: number): void {
    for (const l of this.s.layers()) l.insertRows(at - 1, n);
    this.s.maxRows += n;
    this.ctx.ss.shiftRefs(this.s.id, 'row', at, n);
    this.inheritRows(at - 1, n);
  }

  /** Copies the neighbour row's formats, colours, weights, alignment, wrap and validation into rows first…first+n-1. */
  private inheritRows(first: number, n: number): void {
    const before = first > 0;
    const src = before ? first - 1 : first + n;
    if (!before && src >= this.s.maxRows) return;
    const s = this.s;
    for (const l of [s.formats, s.backgrounds, s.fontColors, s.fontWeights, s.hAligns, s.wraps] as Layer<unknown>[]) {
      const row = l.rows[src];
      if (!row?.some((v) => v !== undefined)) continue;
      while (l.rows.length < first) l.rows.push(undefined);
      for (let k = 0; k < n; k++) l.rows[first + k] = row.slice();
    }
    const rules = s.validations.rows[src];
    if (!rules?.some((v) => v !== undefined)) return;
    // A custom formula's relative references move with the row, as when the rule's range is extended down (or up).
    while (s.validations.rows.length < first) s.validations.rows.push(undefined);
    for (let k = 0; k < n; k++) {
      const shift = before ? k + 1 : k - n;
      s.validations.rows[first + k] = rules.map((v) => (v ? { rule: v.rule, dr: v.dr + shift, dc: v.dc } : undefined));
    }
  }

  private growCols(at: number, n: number): void {
    for (const l of this.s.layers()) l.insertCols(at - 1, n);
    this.s.colWidths.splice(at - 1, 0, ...new Array(n).fill(null));
    this.s.hiddenCols.splice(at - 1, 0, ...new Array(n).fill(false));
    this.s.maxCols += n;
    this.ctx.ss.shiftRefs(this.s.id, 'col', at, n);
  }

  private checkRowPos(pos: number, n: number): void {
    if (pos < 1 || pos > this.s.maxRows) throw this.err('Those rows are out of bounds.');
    if (n < 1) throw this.err('The number of rows in the range must be at least 1.');
  }

  private checkColPos(pos: number, n: number): void {
    if (pos < 1 || pos > this.s.maxCols) throw this.err('Those columns are out of bounds.');
    if (n < 1) throw this.err('The number of columns in the range must be at least 1.');
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.w('insertRowsAfter');
    this.checkRowPos(afterPosition, howMany);
    this.growRows(afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.w('insertRowsBefore');
    this.checkRowPos(beforePosition, howMany);
    this.growRows(beforePosition, howMany);
    return this;
  }
  insertRows(rowIndex: number, numRows = 1): this {
    this.w('insertRows');
    this.checkRowPos(rowIndex, numRows);
    this.growRows(rowIndex, numRows);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    this.w('insertRowAfter');
    this.checkRowPos(afterPosition, 1);
    this.growRows(afterPosition + 1, 1);
    return this;
  }
  insertRowBefore(beforePosition: number): this {
    this.w('insertRowBefore');
    this.checkRowPos(beforePosition, 1);
    this.growRows(beforePosition, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.w('insertColumnsAfter');
    this.checkColPos(afterPosition, howMany);
    this.growCols(afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.w('insertColumnsBefore');
    this.checkColPos(beforePosition, howMany);
    this.growCols(beforePosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    this.w('insertColumnAfter');
    this.checkColPos(afterPosition, 1);
    this.growCols(afterPosition + 1, 1);
    return this;
  }
  insertColumnBefore(beforePosition: number): this {
    this.w('insertColumnBefore');
    this.checkColPos(beforePosition, 1);
    this.growCols(beforePosition, 1);
    return this;
  }

  private dropRows(pos: number, n: number): void {
    checkBox(this.ctx, this.s, pos, 1, n, 1);
    if (this.s.maxRows - n <= this.s.frozenRows)
      throw this.err('Sorry, it is not possible to delete all non-frozen rows.');
    for (const l of this.s.layers()) l.deleteRows(pos - 1, n);
    this.s.maxRows -= n;
    this.ctx.ss.shiftRefs(this.s.id, 'row', pos, -n);
  }

  private dropCols(pos: number, n: number): void {
    checkBox(this.ctx, this.s, 1, pos, 1, n);
    if (this.s.maxCols - n <= this.s.frozenCols)
      throw this.err('Sorry, it is not possible to delete all non-frozen columns.');
    for (const l of this.s.layers()) l.deleteCols(pos - 1, n);
    this.s.colWidths.splice(pos - 1, n);
    this.s.hiddenCols.splice(pos - 1, n);
    this.s.maxCols -= n;
    this.ctx.ss.shiftRefs(this.s.id, 'col', pos, -n);
  }

  deleteRow(rowPosition: number): this {
    this.w('deleteRow');
    this.dropRows(rowPosition, 1);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): this {
    this.w('deleteRows');
    this.dropRows(rowPosition, howMany);
    return this;
  }
  deleteColumn(columnPosition: number): this {
    this.w('deleteColumn');
    this.dropCols(columnPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): this {
    this.w('deleteColumns');
    this.dropCols(columnPosition, howMany);
    return this;
  }

  setFrozenRows(rows: number): this {
    this.w('setFrozenRows');
    if (rows < 0 || rows >= this.s.maxRows) throw this.err('Sorry, it is not possible to freeze all rows.');
    this.s.frozenRows = rows;
    return this;
  }

  setFrozenColumns(columns: number): this {
    this.w('setFrozenColumns');
    if (columns < 0 || columns >= this.s.maxCols) throw this.err('Sorry, it is not possible to freeze all columns.');
    this.s.frozenCols = columns;
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.r('getColumnWidth');
    return this.s.colWidths[columnPosition - 1] ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.w('setColumnWidth');
    checkBox(this.ctx, this.s, 1, columnPosition, 1, 1);
    this.s.colWidths[columnPosition - 1] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.w('setColumnWidths');
    checkBox(this.ctx, this.s, 1, startColumn, 1, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.s.colWidths[c - 1] = width;
    return this;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.w('hideColumns');
    checkBox(this.ctx, this.s, 1, columnIndex, 1, numColumns);
    for (let c = 0; c < numColumns; c++) this.s.hiddenCols[columnIndex - 1 + c] = true;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.w('showColumns');
    checkBox(this.ctx, this.s, 1, columnIndex, 1, numColumns);
    for (let c = 0; c < numColumns; c++) this.s.hiddenCols[columnIndex - 1 + c] = false;
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.r('isColumnHiddenByUser');
    return !!this.s.hiddenCols[columnPosition - 1];
  }
  setTabColor(color: string | null): this {
    this.w('setTabColor');
    this.s.tabColor = color;
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.w('clear');
    const o = options ?? {};
    const box = [0, 0, this.s.maxRows, this.s.maxCols] as const;
    if (!o.formatOnly || o.contentsOnly) this.s.values.clearBox(...box);
    if (!o.contentsOnly || o.formatOnly)
      for (const l of [
        this.s.formats,
        this.s.backgrounds,
        this.s.fontColors,
        this.s.fontWeights,
        this.s.hAligns,
        this.s.wraps,
      ])
        l.clearBox(...box);
    return this;
  }

  clearContents(): this {
    this.w('clearContents');
    this.s.values.rows = [];
    return this;
  }

  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.r('getConditionalFormatRules');
    return this.s.cfRules.map((d) => new ConditionalFormatRule(this.ctx.codec, cloneRule(d)));
  }

  /** Replaces every rule (notes §4). */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.w('setConditionalFormatRules');
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof ConditionalFormatRule)))
      throw signatureError(this.ctx, 'Sheet.setConditionalFormatRules', [rules]);
    this.s.cfRules = rules.map((r) => cloneRule(r.data));
  }

  clearConditionalFormatRules(): void {
    this.w('clearConditionalFormatRules');
    this.s.cfRules = [];
  }

  /** Returns the existing sheet protection if there is one (notes §3). */
  protect(): Protection {
    this.w('protect');
    const ss = this.ctx.ss;
    let data = ss.protections.find((p) => p.type === 'SHEET' && p.ref.sheetId === this.s.id);
    if (!data) {
      data = {
        id: ss.newId(),
        type: 'SHEET',
        ref: { sheetId: this.s.id, row: 1, col: 1, numRows: this.s.maxRows, numCols: this.s.maxCols },
        description: '',
        warningOnly: false,
        editors: [],
        explicitEditors: false,
        domainEdit: false,
        unprotected: [],
      };
      ss.protections.push(data);
    }
    return new Protection(ss, this.ctx.codec, data);
  }

  getProtections(type: unknown): Protection[] {
    this.r('getProtections');
    const t = String(type);
    return this.ctx.ss.protections
      .filter((p) => p.ref.sheetId === this.s.id && p.type === t)
      .map((p) => new Protection(this.ctx.ss, this.ctx.codec, p));
  }

  activate(): this {
    this.r('activate');
    this.ctx.ss.activeSheetId = this.s.id;
    return this;
  }

  newChart(): EmbeddedChartBuilder {
    this.r('newChart');
    return new EmbeddedChartBuilder(this.ctx, { id: 0, type: null, ranges: [], options: {}, position: null });
  }
  /** Adds a new chart with a new id, also for a chart built from modify() (that makes a copy). */
  insertChart(chart: EmbeddedChart): void {
    this.w('insertChart');
    this.s.charts.push({ ...copyChart(chart.data), id: this.ctx.ss.newId() });
  }
  /**
   * Replaces the chart with the same id on this sheet, keeping the id. A chart not on this sheet throws (the
   * reference is silent; the stricter reading) [?].
   */
  updateChart(chart: EmbeddedChart): void {
    this.w('updateChart');
    const i = this.s.charts.findIndex((c) => c.id === chart.data.id && chart.data.id > 0);
    if (i < 0) throw this.ctx.codec.core.error('The chart could not be found on this sheet.');
    this.s.charts[i] = { ...copyChart(chart.data), id: this.s.charts[i].id };
  }
  getCharts(): EmbeddedChart[] {
    this.r('getCharts');
    return this.s.charts.map((c) => new EmbeddedChart(this.ctx, copyChart(c)));
  }
  removeChart(chart: EmbeddedChart): void {
    this.w('removeChart');
    this.s.charts = this.s.charts.filter((c) => c.id !== chart.data.id);
  }
}
