// Rendering conditional formats (gas-runtime-notes §4) for people looking at an emulated sheet (the playground):
// which cells a sheet's rules format, and how. Rules are tried in array order and the first one that holds formats
// the cell. Custom formulas are relative to the top-left cell of the rule's first range, as in Sheets. Not a
// service call (not counted): scripts cannot read rendered formats either.

import { formulaHolds, scalarAt } from './cells';
import { msToSerial } from './dates';
import type { CfFormat, CfRuleData, GridRef, SheetModel, StoredArg } from './model';
import type { SpreadsheetState } from './model';

export interface ConditionalCell extends CfFormat {
  /** 1-based. */
  row: number;
  col: number;
}

function sheetOf(ss: SpreadsheetState, name: string): SheetModel {
  const s = ss.sheetByName(name);
  if (!s) throw new Error(`emulator: no sheet named ${name}`);
  return s;
}

/** Whether a formula can give different results in different columns of one row (else: once per row). */
function dependsOnColumn(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return /(^|[^$A-Za-z_\d])[A-Za-z]{1,3}\$?\d/.test(code) || /\bCOLUMN\s*\(\s*\)/i.test(code);
}

function daySerial(a: StoredArg, tz: string): number | null {
  return a && typeof a === 'object' && 'date' in a ? Math.floor(msToSerial(a.date, tz)) : null;
}

/** A built-in (non-formula) condition on one value; null when the condition type is not rendered. */
function builtIn(type: string, args: StoredArg[], v: string | number | boolean, tz: string): boolean | null {
  const n = typeof v === 'number' ? v : null;
  const [a, b] = args.map((x) => (typeof x === 'number' ? x : Number(x)));
  const text = String(v).toLowerCase();
  const arg = String(args[0] ?? '').toLowerCase();
  switch (type) {
    case 'CELL_EMPTY':
      return v === '';
    case 'CELL_NOT_EMPTY':
      return v !== '';
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Math.min(a, b) && n <= Math.max(a, b);
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Math.min(a, b) || n > Math.max(a, b));
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== a;
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= a;
    case 'NUMBER_LESS_THAN':
      return n !== null && n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= a;
    case 'TEXT_CONTAINS':
      return v !== '' && text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_STARTS_WITH':
      return v !== '' && text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return v !== '' && text.endsWith(arg);
    case 'DATE_EQUAL_TO':
    case 'DATE_BEFORE':
    case 'DATE_AFTER': {
      const d = daySerial(args[0], tz);
      if (n === null || d === null) return null;
      const day = Math.floor(n);
      return type === 'DATE_EQUAL_TO' ? day === d : type === 'DATE_BEFORE' ? day < d : day > d;
    }
    default:
      return null;
  }
}

function inside(g: GridRef, sheetId: number, row: number, col: number): boolean {
  return g.sheetId === sheetId && row >= g.row && row < g.row + g.numRows && col >= g.col && col < g.col + g.numCols;
}

/**
 * Cells of `sheetName` that its conditional-format rules format, with the winning rule's format (only the settings
 * the rule sets). `rows` limits the work to a window of 1-based rows (a visible page of a large sheet). Custom
 * formulas outside the evaluator's subset never match (nothing is drawn rather than a guess).
 */
export function evaluateConditionalFormats(
  ss: SpreadsheetState,
  sheetName: string,
  rows?: { from: number; count: number },
): ConditionalCell[] {
  const sheet = sheetOf(ss, sheetName);
  const rules = sheet.cfRules.filter((r) => r.condition && r.ranges.length);
  const winner = new Map<string, CfRuleData>();
  const lo = rows ? rows.from : 1;
  const hi = rows ? rows.from + rows.count - 1 : sheet.maxRows;
  for (const rule of rules) {
    const cond = rule.condition!;
    const anchor = rule.ranges[0];
    const formula = cond.type === 'CUSTOM_FORMULA' ? String(cond.values[0] ?? '') : null;
    const perColumn = formula !== null && dependsOnColumn(formula);
    for (const g of rule.ranges) {
      if (g.sheetId !== sheet.id) continue;
      const r1 = Math.max(g.row, lo);
      const r2 = Math.min(g.row + g.numRows - 1, hi, sheet.maxRows);
      for (let r = r1; r <= r2; r++) {
        let rowResult: boolean | null | undefined;
        for (let c = g.col; c < g.col + g.numCols; c++) {
          const key = `${r},${c}`;
          if (winner.has(key)) continue;
          // The first range containing the cell decides; a cell in two ranges of one rule is evaluated once.
          if (rule.ranges.find((x) => inside(x, sheet.id, r, c)) !== g) continue;
          let ok: boolean | null;
          if (formula !== null) {
            if (!perColumn && rowResult !== undefined) ok = rowResult;
            else {
              const self = { row: r, col: c };
              ok = formulaHolds(ss, sheet, formula, r - anchor.row, c - anchor.col, self);
              rowResult = ok;
            }
          } else ok = builtIn(cond.type, cond.values, scalarAt(ss, sheet, r - 1, c - 1), ss.timeZone);
          if (ok) winner.set(key, rule);
        }
      }
    }
  }
  const out: ConditionalCell[] = [];
  for (const [key, rule] of winner) {
    const [row, col] = key.split(',').map(Number);
    const cell: ConditionalCell = { row, col };
    for (const [k, v] of Object.entries(rule.format)) if (v !== null && v !== undefined) (cell as any)[k] = v;
    out.push(cell);
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}
