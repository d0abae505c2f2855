// A small formula evaluator. getValues of a formula cell, CUSTOM_FORMULA validation and conditional-format rules
// compute: literals, `{a,b;c,d}` array literals, cell and range references (also 'Sheet'!A1 and $-anchored),
// + - * / & % and comparisons (element-wise over arrays), and the functions of formula-functions.ts — every function
// the add-on's own phone, tax-id (SUMPRODUCT checksum) and conditional-format formulas use. Anything else is
// `Unsupported`: getValues then yields '' and a rule counts as satisfied (README). Relative references can be
// shifted (dr, dc) so a rule written for its range's first cell can be evaluated on any cell of the range.

import { columnNumber } from './a1';
import { type CallSite, callFunction, isKnownFunction } from './formula-functions';
import { lex, type Tok } from './formula-lex';
import {
  compare,
  FormulaError,
  isArray,
  lift,
  type Scalar,
  single,
  toBool,
  toNum,
  toText,
  Unsupported,
  type Val,
} from './formula-values';

export { FormulaError, type Scalar, Unsupported };

export interface FormulaContext {
  /** Value of a cell as getValues sees it ('' when empty); sheetName null = the formula's own sheet. */
  value(sheetName: string | null, row: number, col: number): Scalar;
  /** Display text of a cell (for TO_TEXT). */
  display(sheetName: string | null, row: number, col: number): string;
  /** Grid size of a sheet (for open-ended ranges). */
  size(sheetName: string | null): { rows: number; cols: number };
  dr: number;
  dc: number;
  depth: number;
  /** The formula's own cell, 1-based (ROW(), COLUMN()); absent when unknown. */
  self?: { row: number; col: number };
  /** Epoch ms of "now" and the spreadsheet zone (TODAY(), NOW()); absent = TODAY is unsupported. */
  clock?: { now: number; serial(ms: number): number };
}

/**
 * Parsing builds closures (`Node`) and evaluation runs them afterwards, so a Sheets error raised inside an argument
 * never cuts parsing short, and IF/IFERROR evaluate only what they need.
 */
type Node = () => Val;
type Box = { row: number; col: number; numRows: number; numCols: number };

const COMPARE: Record<string, (c: number) => boolean> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};

function binary(l: Node, r: Node, f: (a: Scalar, b: Scalar) => Scalar): Node {
  return () => lift([l(), r()], f);
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly ctx: FormulaContext,
  ) {}

  run(): Node {
    const v = this.comparison();
    if (this.i < this.toks.length) throw new Unsupported('trailing tokens');
    return v;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private eatOp(...ops: string[]): string | null {
    const t = this.peek();
    if (t && t.kind === 'op' && ops.includes(t.text)) {
      this.i++;
      return t.text;
    }
    return null;
  }

  private comparison(): Node {
    let left = this.concat();
    for (let op = this.eatOp('=', '<>', '<', '>', '<=', '>='); op; op = this.eatOp('=', '<>', '<', '>', '<=', '>=')) {
      const test = COMPARE[op];
      left = binary(left, this.concat(), (a, b) => test(compare(a, b)));
    }
    return left;
  }

  private concat(): Node {
    let left = this.additive();
    while (this.eatOp('&')) left = binary(left, this.additive(), (a, b) => toText(a) + toText(b));
    return left;
  }

  private additive(): Node {
    let left = this.term();
    for (let op = this.eatOp('+', '-'); op; op = this.eatOp('+', '-')) {
      const plus = op === '+';
      left = binary(left, this.term(), (a, b) => (plus ? toNum(a) + toNum(b) : toNum(a) - toNum(b)));
    }
    return left;
  }

  private term(): Node {
    let left = this.power();
    for (let op = this.eatOp('*', '/'); op; op = this.eatOp('*', '/')) {
      const times = op === '*';
      left = binary(left, this.power(), (a, b) => {
        if (times) return toNum(a) * toNum(b);
        if (toNum(b) === 0) throw new FormulaError('#DIV/0!');
        return toNum(a) / toNum(b);
      });
    }
    return left;
  }

  private power(): Node {
    let left = this.unary();
    while (this.eatOp('^')) left = binary(left, this.unary(), (a, b) => toNum(a) ** toNum(b));
    return left;
  }

  private unary(): Node {
    if (this.eatOp('-')) {
      const v = this.unary();
      return () => lift([v()], (a) => -toNum(a));
    }
    if (this.eatOp('+')) {
      const v = this.unary();
      return () => lift([v()], (a) => toNum(a));
    }
    let v = this.primary();
    while (this.eatOp('%')) {
      const inner = v;
      v = () => lift([inner()], (a) => toNum(a) / 100);
    }
    return v;
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new Unsupported('unexpected end');
    if (t.kind === 'num') {
      const n = Number(t.text);
      return () => n;
    }
    if (t.kind === 'str' || t.kind === 'bool') {
      const v = t.kind === 'str' ? t.text : t.text === 'TRUE';
      return () => v;
    }
    if (t.kind === 'ref') return () => this.ref(t);
    if (t.kind === 'fn') return this.call(t.text);
    if (t.kind === 'op' && t.text === '(') {
      const v = this.comparison();
      if (!this.eatOp(')')) throw new Unsupported('missing )');
      return v;
    }
    if (t.kind === 'op' && t.text === '{') return this.arrayLiteral();
    throw new Unsupported(t.text);
  }

  /** `{1,2;3,4}`: commas separate columns, semicolons rows (en_US separators). */
  private arrayLiteral(): Node {
    const rows: Node[][] = [[]];
    for (let done = false; !done; ) {
      rows[rows.length - 1].push(this.comparison());
      if (this.eatOp(';')) rows.push([]);
      else if (this.eatOp('}')) done = true;
      else if (!this.eatOp(',')) throw new Unsupported('bad array literal');
    }
    return () => {
      if (rows.some((r) => r.length !== rows[0].length)) throw new FormulaError('#VALUE!');
      return { cells: rows.map((r) => r.map((n) => single(n()))) };
    };
  }

  private corner(text: string, isEnd: boolean, sheet: string | null): { row: number; col: number } {
    const m = /^(\$?)([A-Za-z]+)(?:(\$?)(\d+))?$/.exec(text);
    if (!m) throw new Unsupported(text);
    const col = columnNumber(m[2]) + (m[1] ? 0 : this.ctx.dc);
    const row = m[4] === undefined ? (isEnd ? this.ctx.size(sheet).rows : 1) : +m[4] + (m[3] ? 0 : this.ctx.dr);
    if (row < 1 || col < 1) throw new FormulaError('#REF!');
    return { row, col };
  }

  private box(t: Tok): Box {
    const sheet = t.sheet ?? null;
    const [a, b] = t.text.split(':');
    const start = this.corner(a, false, sheet);
    const end = b === undefined ? start : this.corner(b, true, sheet);
    const r2 = Math.min(end.row, Math.max(start.row, this.ctx.size(sheet).rows));
    return { row: start.row, col: start.col, numRows: r2 - start.row + 1, numCols: end.col - start.col + 1 };
  }

  private ref(t: Tok): Val {
    const sheet = t.sheet ?? null;
    const b = this.box(t);
    if (!t.text.includes(':')) return this.ctx.value(sheet, b.row, b.col);
    const cells: Scalar[][] = [];
    for (let r = b.row; r < b.row + b.numRows; r++) {
      const row: Scalar[] = [];
      for (let c = b.col; c < b.col + b.numCols; c++) row.push(this.ctx.value(sheet, r, c));
      cells.push(row);
    }
    return { cells };
  }

  private args(): { nodes: Node[]; refs: (Tok | null)[] } {
    const nodes: Node[] = [];
    const refs: (Tok | null)[] = [];
    if (this.eatOp(')')) return { nodes, refs };
    do {
      const t = this.peek();
      const next = this.toks[this.i + 1];
      refs.push(t?.kind === 'ref' && (!next || (next.kind === 'op' && /^[,)]$/.test(next.text))) ? t : null);
      nodes.push(this.comparison());
    } while (this.eatOp(','));
    if (!this.eatOp(')')) throw new Unsupported('missing )');
    return { nodes, refs };
  }

  private call(name: string): Node {
    const { nodes, refs } = this.args();
    const arg = (i: number, dflt: Val): Val => (nodes[i] ? nodes[i]() : dflt);
    if (name === 'IF') return () => (toBool(arg(0, false)) ? arg(1, true) : arg(2, false));
    if (name === 'IFERROR' || name === 'ISERROR') {
      return () => {
        let v: Val;
        try {
          v = arg(0, '');
        } catch (e) {
          if (!(e instanceof FormulaError)) throw e;
          return name === 'ISERROR' ? true : arg(1, '');
        }
        return name === 'ISERROR' ? false : v;
      };
    }
    const ctx = this.ctx;
    const site: CallSite = {
      refBox: (i) => (refs[i] ? this.box(refs[i] as Tok) : null),
      refDisplay: (i) => {
        const r = refs[i];
        if (!r) return null;
        const b = this.box(r);
        return ctx.display(r.sheet ?? null, b.row, b.col);
      },
      self: () => ctx.self ?? null,
      today: () => Math.floor(clockOf(ctx).serial(clockOf(ctx).now)),
      now: () => clockOf(ctx).serial(clockOf(ctx).now),
    };
    if (!isKnownFunction(name)) throw new Unsupported(name);
    return () =>
      callFunction(
        name,
        nodes.map((n) => n()),
        site,
      );
  }
}

function clockOf(ctx: FormulaContext): NonNullable<FormulaContext['clock']> {
  if (!ctx.clock) throw new Unsupported('TODAY');
  return ctx.clock;
}

/** Evaluates a formula text ('=…'). Throws Unsupported for anything outside the subset, FormulaError for #errors. */
export function evaluateFormula(formula: string, ctx: FormulaContext): Scalar {
  if (ctx.depth > 50) throw new FormulaError('#REF!');
  const v = new Parser(lex(formula.replace(/^=/, '')), ctx).run()();
  return isArray(v) ? single(v) : v;
}
