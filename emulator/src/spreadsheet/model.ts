// The in-memory state of one spreadsheet file: sheets (grid size, per-cell layers), named ranges, protections,
// conditional-format rules, developer metadata. The API objects the add-on sees (spreadsheet.ts, sheet.ts, range.ts)
// are thin views over this state; everything here is plain data so toJSON/fromJSON are straightforward.

import type { Core } from '../core';
import { Layer } from './layer';
import type { Cell } from './parse';

/** A box on one sheet, kept in sheet-id terms so it survives renames and shifts with inserted/deleted rows. */
export interface GridRef {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Criteria values stored JSON-safe: Dates as {date: ms}, ranges as {range: GridRef}. */
export type StoredArg = string | number | boolean | null | { date: number } | { range: GridRef } | StoredArg[];

export interface ValidationData {
  type: string;
  values: StoredArg[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** Per cell: the rule plus the cell's offset from the rule's first cell (shifts relative refs in custom formulas). */
export interface CellValidation {
  rule: ValidationData;
  dr: number;
  dc: number;
}

export interface CfFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  underline?: boolean | null;
  strikethrough?: boolean | null;
}

export interface CfRuleData {
  condition: { type: string; values: StoredArg[] } | null;
  format: CfFormat;
  ranges: GridRef[];
}

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  ref: GridRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  /** False until the script changes editors: until then the protection mirrors file access (notes §3). */
  explicitEditors: boolean;
  domainEdit: boolean;
  unprotected: GridRef[];
}

export interface ChartData {
  id: number;
  type: string | null;
  ranges: GridRef[];
  options: Record<string, unknown>;
  position: [number, number, number, number] | null;
}

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
}

export interface SpreadsheetHooks {
  getUi(): unknown;
  onToast(t: { message: string; title: string; timeoutSeconds: number | null }): void;
}

export class SheetModel {
  maxRows = 1000;
  maxCols = 26;
  values = new Layer<Cell>();
  formats = new Layer<string>();
  notes = new Layer<string>();
  backgrounds = new Layer<string>();
  fontColors = new Layer<string>();
  fontWeights = new Layer<string>();
  hAligns = new Layer<string>();
  wraps = new Layer<boolean>();
  validations = new Layer<CellValidation>();
  frozenRows = 0;
  frozenCols = 0;
  colWidths: (number | null)[] = [];
  hiddenCols: boolean[] = [];
  cfRules: CfRuleData[] = [];
  charts: ChartData[] = [];
  tabColor: string | null = null;

  constructor(
    public id: number,
    public name: string,
  ) {}

  layers(): Layer<unknown>[] {
    return [
      this.values,
      this.formats,
      this.notes,
      this.backgrounds,
      this.fontColors,
      this.fontWeights,
      this.hAligns,
      this.wraps,
      this.validations,
    ] as Layer<unknown>[];
  }

  /** Last row holding a value (1-based), 0 on an empty sheet (notes §1 "Extent methods"). */
  lastRow(): number {
    const rows = this.values.rows;
    for (let r = rows.length - 1; r >= 0; r--) {
      const row = rows[r];
      if (row?.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  lastCol(): number {
    let max = 0;
    for (const row of this.values.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= max; c--) {
        if (row[c] !== undefined) {
          max = c + 1;
          break;
        }
      }
    }
    return max;
  }
}

/** One spreadsheet file in memory (the state behind the `Spreadsheet` the add-on sees). */
export class SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string | null;
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  namedRanges: { name: string; ref: GridRef }[] = [];
  protections: ProtectionData[] = [];
  metadata: MetadataData[] = [];
  nextId = 1;

  constructor(
    readonly core: Core,
    init: { id?: string; name: string; timeZone: string; locale: string; owner?: string | null },
    readonly hooks: SpreadsheetHooks,
  ) {
    this.id = init.id ?? `emu-${Math.floor(core.now()).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.name = init.name;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
    this.owner = init.owner ?? null;
  }

  newId(): number {
    return this.nextId++;
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  activeSheet(): SheetModel | undefined {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  /** Every stored box that must move when rows/columns of a sheet are inserted or deleted. */
  *refs(): Generator<GridRef> {
    for (const n of this.namedRanges) yield n.ref;
    for (const p of this.protections) {
      if (p.type === 'RANGE') yield p.ref;
      yield* p.unprotected;
    }
    for (const s of this.sheets) {
      for (const r of s.cfRules) yield* r.ranges;
      for (const c of s.charts) yield* c.ranges;
    }
  }

  /** Shifts stored boxes: `delta` > 0 inserts at 1-based `at`, < 0 deletes |delta| starting at `at`. */
  shiftRefs(sheetId: number, axis: 'row' | 'col', at: number, delta: number): void {
    const startKey = axis === 'row' ? 'row' : 'col';
    const sizeKey = axis === 'row' ? 'numRows' : 'numCols';
    for (const ref of this.refs()) {
      if (ref.sheetId !== sheetId) continue;
      const start = ref[startKey];
      const end = start + ref[sizeKey] - 1;
      if (delta > 0) {
        if (at <= start) ref[startKey] = start + delta;
        else if (at <= end) ref[sizeKey] += delta;
      } else {
        const dStart = at;
        const dEnd = at - delta - 1;
        const overlap = Math.max(0, Math.min(end, dEnd) - Math.max(start, dStart) + 1);
        const before = Math.max(0, Math.min(start - 1, dEnd) - dStart + 1);
        ref[startKey] = start - before;
        ref[sizeKey] = Math.max(1, ref[sizeKey] - overlap);
      }
    }
  }
}
