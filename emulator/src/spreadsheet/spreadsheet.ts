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
        layers: Object.fromEntries(LAYERS.map((k) => [k, s[k].toJSON()])),
        validations: validationsToJSON(s),
      })),
    };
  }

  static fromJSON(core: Core, json: unknown, hooks: SpreadsheetHooks): EmuSpreadsheet {
    const j = JSON.parse(JSON.stringify(json)) as ReturnType<EmuSpreadsheet['toJSON']> & Record<string, any>;
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
      for (const k of LAYERS) (s as any)[k] = Layer.fromJSON(sj.layers?.[k]);
      s.validations = validationsFromJSON(sj.validations);
      ss.sheets.push(s);
    }
    return ss;
  }
}

const LAYERS = ['values', 'formats', 'notes', 'backgrounds', 'fontColors', 'fontWeights', 'hAligns', 'wraps'] as const;

/** Validations as a rule table plus [row, col, rule, dr, dc] cells: one rule often covers thousands of cells. */
function validationsToJSON(s: SheetModel): { rules: ValidationData[]; cells: number[][] } {
  const rules: ValidationData[] = [];
  const index = new Map<ValidationData, number>();
  const cells: number[][] = [];
  for (const [r, c, v] of s.validations.toJSON()) {
    let k = index.get(v.rule);
    if (k === undefined) {
      k = rules.push(v.rule) - 1;
      index.set(v.rule, k);
    }
    cells.push([r, c, k, v.dr, v.dc]);
  }
  return { rules, cells };
}

function validationsFromJSON(j: { rules: ValidationData[]; cells: number[][] } | undefined): Layer<CellValidation> {
  const l = new Layer<CellValidation>();
  for (const [r, c, k, dr, dc] of j?.cells ?? []) l.set(r, c, { rule: j!.rules[k], dr, dc });
  return l;
}
