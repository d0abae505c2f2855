// One spreadsheet file: its state, the API context its objects share, and JSON persistence.
// A new file has one 1000×26 sheet "Sheet1" with sheet id 0, as Sheets creates it (notes §1 "Sheets").

import type { Core } from '../core';
import { Layer } from './layer';
import {
  type CellValidation,
  type GridRef,
  type ValidationData,
  SheetModel,
  SpreadsheetState,
  type SpreadsheetHooks,
} from './model';
import type { ApiContext } from './api-context';
import { EmuRange } from './range';
import { EmuSheet } from './sheet';
import { EmuSpreadsheetApi } from './spreadsheet-api';

type Init = {
  id?: string;
  name: string;
  timeZone: string;
  locale: string;
  hooks: SpreadsheetHooks;
  owner?: string | null;
};

export class EmuSpreadsheet extends SpreadsheetState {
  /** @internal the API context shared by every object of this file */
  readonly ctx: ApiContext;
  private readonly sheetApis = new Map<SheetModel, EmuSheet>();
  private facade: EmuSpreadsheetApi | null = null;

  constructor(core: Core, init: Init, withDefaultSheet = true) {
    super(core, init, init.hooks);
    const ctx: ApiContext = {
      ss: this,
      codec: {
        core,
        timeZone: () => this.timeZone,
        makeRange: (ref: GridRef) => {
          const s = this.sheetById(ref.sheetId);
          if (!s) throw core.error('Range not found');
          return new EmuRange(ctx, s, ref.row, ref.col, ref.numRows, ref.numCols);
        },
        refOf: (r: unknown) => (r instanceof EmuRange ? r.ref() : null),
      },
      sheetApi: (m: SheetModel) => this.sheetApi(m),
    };
    this.ctx = ctx;
    if (withDefaultSheet) this.sheets.push(new SheetModel(0, 'Sheet1'));
  }

  /** The Sheet object for a model (one per model, so identity comparisons in scripts behave). */
  sheetApi(m: SheetModel): EmuSheet {
    let s = this.sheetApis.get(m);
    if (!s) {
      s = new EmuSheet(this.ctx, m);
      s.parentApi = () => this.api();
      this.sheetApis.set(m, s);
    }
    return s;
  }

  /** The `Spreadsheet` object scripts see. */
  api(): EmuSpreadsheetApi {
    if (!this.facade) this.facade = new EmuSpreadsheetApi(this);
    return this.facade;
  }

  setOwner(email: string | null): void {
    this.owner = email;
  }

  /** A JSON-ready view sharing the live row arrays (no copy): stringify it at once, as `serialize()` does. */
  toJSON(): unknown {
    return {
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      owner: this.owner,
      activeSheetId: this.activeSheetId,
      nextId: this.nextId,
      namedRanges: this.namedRanges,
      protections: this.protections,
      metadata: this.metadata,
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        frozenRows: s.frozenRows,
        frozenCols: s.frozenCols,
        colWidths: s.colWidths,
        hiddenCols: s.hiddenCols,
        cfRules: s.cfRules,
        charts: s.charts,
        tabColor: s.tabColor,
        layerRows: Object.fromEntries(LAYERS.map((k) => [k, s[k].toRows()])),
        validations: validationsToJSON(s),
      })),
    };
  }

  /**
   * Restores a `toJSON()` snapshot that went through JSON (as `serialize()` does). The parsed object is ADOPTED, not
   * copied (its row arrays become the sheets' layers): restoring a 50,000-row workbook stays one linear pass. Also
   * reads the older per-cell form (`layers` triples, validation `cells`).
   */
  static fromJSON(core: Core, json: unknown, hooks: SpreadsheetHooks): EmuSpreadsheet {
    const j = json as Record<string, any>;
    const ss = new EmuSpreadsheet(
      core,
      { id: j.id, name: j.name, timeZone: j.timeZone, locale: j.locale, owner: j.owner, hooks },
      false,
    );
    ss.activeSheetId = j.activeSheetId ?? 0;
    ss.nextId = j.nextId ?? 1;
    ss.namedRanges = j.namedRanges ?? [];
    ss.protections = j.protections ?? [];
    ss.metadata = j.metadata ?? [];
    for (const sj of j.sheets ?? []) {
      const s = new SheetModel(sj.id, sj.name);
      Object.assign(s, {
        maxRows: sj.maxRows,
        maxCols: sj.maxCols,
        frozenRows: sj.frozenRows ?? 0,
        frozenCols: sj.frozenCols ?? 0,
        colWidths: sj.colWidths ?? [],
        hiddenCols: sj.hiddenCols ?? [],
        cfRules: sj.cfRules ?? [],
        charts: sj.charts ?? [],
        tabColor: sj.tabColor ?? null,
      });
      for (const k of LAYERS)
        (s as any)[k] = sj.layerRows ? Layer.fromRows(sj.layerRows[k]) : Layer.fromJSON(sj.layers?.[k]);
      s.validations = validationsFromJSON(sj.validations);
      ss.sheets.push(s);
    }
    return ss;
  }
}

const LAYERS = ['values', 'formats', 'notes', 'backgrounds', 'fontColors', 'fontWeights', 'hAligns', 'wraps'] as const;

/**
 * Validations as a rule table, an anchor table (rule + the rule's first cell, so dr/dc need not be stored per cell)
 * and dense rows of anchor indexes: one rule usually covers a whole column of thousands of cells.
 */
interface ValidationsJson {
  rules: ValidationData[];
  anchors?: [number, number, number][];
  rows?: ((number | null)[] | null)[];
  /** Older form: [row, col, rule, dr, dc] per cell. */
  cells?: number[][];
}

function validationsToJSON(s: SheetModel): ValidationsJson {
  const rules: ValidationData[] = [];
  const ruleIndex = new Map<ValidationData, number>();
  const anchors: [number, number, number][] = [];
  const anchorIndex = new Map<string, number>();
  const rows: ((number | null)[] | null)[] = [];
  const src = s.validations.rows;
  for (let r = 0; r < src.length; r++) {
    const row = src[r];
    if (!row) {
      rows.push(null);
      continue;
    }
    const out: (number | null)[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === undefined) {
        out[c] = null;
        continue;
      }
      let k = ruleIndex.get(v.rule);
      if (k === undefined) {
        k = rules.push(v.rule) - 1;
        ruleIndex.set(v.rule, k);
      }
      const key = `${k},${r - v.dr},${c - v.dc}`;
      let a = anchorIndex.get(key);
      if (a === undefined) {
        a = anchors.push([k, r - v.dr, c - v.dc]) - 1;
        anchorIndex.set(key, a);
      }
      out[c] = a;
    }
    rows.push(out);
  }
  return { rules, anchors, rows };
}

function validationsFromJSON(j: ValidationsJson | undefined): Layer<CellValidation> {
  const l = new Layer<CellValidation>();
  if (!j) return l;
  if (j.rows && j.anchors) {
    const anchors = j.anchors;
    l.rows = j.rows.map((row, r) => {
      if (!row) return undefined;
      const out: (CellValidation | undefined)[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) {
        const a = row[c];
        if (a === null || a === undefined) continue;
        const [k, r0, c0] = anchors[a];
        out[c] = { rule: j.rules[k], dr: r - r0, dc: c - c0 };
      }
      return out;
    });
    return l;
  }
  for (const [r, c, k, dr, dc] of j.cells ?? []) l.set(r, c, { rule: j.rules[k], dr, dc });
  return l;
}
