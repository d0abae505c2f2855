// A deliberately tiny formula evaluator. getValues of a formula cell computes: literals, cell references (also
// 'Sheet'!A1 and $-anchored), + - * / & and comparisons, and SUM/MIN/MAX/COUNT/COUNTA/IF/AND/OR/NOT/LEN/TRIM/UPPER/
// LOWER/ISBLANK/ISNUMBER/TO_TEXT/REGEXMATCH/REGEXREPLACE/SUBSTITUTE/LEFT/RIGHT/MID/MOD/ABS/ROUND — enough for the
// add-on's phone-number rule. No array formulas (so the tax-id checksum rule is not evaluated). Anything else is `Unsupported`: getValues then yields '' and a
// CUSTOM_FORMULA validation treats the input as valid (README). Relative references can be shifted (dr, dc) so a
// validation rule written for its first cell can be checked on any cell of its range.

import { columnNumber, splitSheet } from './a1';

export type Scalar = number | string | boolean;
interface RangeVal {
  cells: Scalar[][];
}
type Val = Scalar | RangeVal;

export class Unsupported extends Error {}
/** A Sheets error value ('#DIV/0!', '#VALUE!', '#REF!'); getValues returns its text ([?] in notes §1). */
export class FormulaError extends Error {}

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
}

const TOKEN =
  /\s*(?:('(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})(?![\w(])|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|([A-Za-z_][\w.]*)\s*\(|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/&=<>(),%^:]))/iy;

interface Tok {
  kind: 'ref' | 'num' | 'str' | 'fn' | 'bool' | 'op';
  text: string;
  sheet?: string | null;
}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported(src);
    pos = TOKEN.lastIndex;
    if (m[2]) out.push({ kind: 'ref', text: m[2], sheet: m[1] ? splitSheet(`${m[1]}A1`).sheetName : null });
    else if (m[3]) out.push({ kind: 'num', text: m[3] });
    else if (m[4]) out.push({ kind: 'str', text: m[4].slice(1, -1).replace(/""/g, '"') });
    else if (m[5]) out.push({ kind: 'fn', text: m[5].toUpperCase() });
    else if (m[6]) out.push({ kind: 'bool', text: m[6].toUpperCase() });
    else out.push({ kind: 'op', text: m[7] });
  }
  return out;
}

function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  if (typeof v === 'string') {
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n)) return n;
    throw new FormulaError('#VALUE!');
  }
  return toNum(single(v));
}

function single(v: Val): Scalar {
  if (typeof v === 'object') return v.cells[0]?.[0] ?? '';
  return v;
}

function toText(v: Val): string {
  const s = single(v);
  return typeof s === 'boolean' ? (s ? 'TRUE' : 'FALSE') : String(s);
}

function toBool(v: Val): boolean {
  const s = single(v);
  if (typeof s === 'boolean') return s;
  if (typeof s === 'number') return s !== 0;
  if (s === '') return false;
  const u = s.toUpperCase();
  if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
  throw new FormulaError('#VALUE!');
}

function flat(args: Val[]): Scalar[] {
  const out: Scalar[] = [];
  for (const a of args) {
    if (typeof a === 'object') for (const row of a.cells) out.push(...row);
    else out.push(a);
  }
  return out;
}

function compare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = toText(a).toLowerCase();
  const sb = toText(b).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly ctx: FormulaContext,
  ) {}

  run(): Val {
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

  private comparison(): Val {
    let left = this.concat();
    for (let op = this.eatOp('=', '<>', '<', '>', '<=', '>='); op; op = this.eatOp('=', '<>', '<', '>', '<=', '>=')) {
      const c = compare(single(left), single(this.concat()));
      left = { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op] as boolean;
    }
    return left;
  }

  private concat(): Val {
    let left = this.additive();
    while (this.eatOp('&')) left = toText(left) + toText(this.additive());
    return left;
  }

  private additive(): Val {
    let left = this.term();
    for (let op = this.eatOp('+', '-'); op; op = this.eatOp('+', '-')) {
      const r = toNum(this.term());
      left = op === '+' ? toNum(left) + r : toNum(left) - r;
    }
    return left;
  }

  private term(): Val {
    let left = this.unary();
    for (let op = this.eatOp('*', '/'); op; op = this.eatOp('*', '/')) {
      const r = toNum(this.unary());
      if (op === '/' && r === 0) throw new FormulaError('#DIV/0!');
      left = op === '*' ? toNum(left) * r : toNum(left) / r;
    }
    return left;
  }

  private unary(): Val {
    if (this.eatOp('-')) return -toNum(this.unary());
    if (this.eatOp('+')) return toNum(this.unary());
    let v = this.primary();
    while (this.eatOp('%')) v = toNum(v) / 100;
    return v;
  }

  private primary(): Val {
    const t = this.toks[this.i++];
    if (!t) throw new Unsupported('unexpected end');
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'str') return t.text;
    if (t.kind === 'bool') return t.text === 'TRUE';
    if (t.kind === 'ref') return this.ref(t);
    if (t.kind === 'fn') return this.call(t.text);
    if (t.kind === 'op' && t.text === '(') {
      const v = this.comparison();
      if (!this.eatOp(')')) throw new Unsupported('missing )');
      return v;
    }
    throw new Unsupported(t.text);
  }

  private corner(text: string, isEnd: boolean, sheet: string | null): { row: number; col: number } {
    const m = /^(\$?)([A-Za-z]+)(?:(\$?)(\d+))?$/.exec(text);
    if (!m) throw new Unsupported(text);
    const col = columnNumber(m[2]) + (m[1] ? 0 : this.ctx.dc);
    const row = m[4] === undefined ? (isEnd ? this.ctx.size(sheet).rows : 1) : +m[4] + (m[3] ? 0 : this.ctx.dr);
    if (row < 1 || col < 1) throw new FormulaError('#REF!');
    return { row, col };
  }

  private ref(t: Tok): Val {
    const sheet = t.sheet ?? null;
    const [a, b] = t.text.split(':');
    const start = this.corner(a, false, sheet);
    if (b === undefined) return this.ctx.value(sheet, start.row, start.col);
    const end = this.corner(b, true, sheet);
    const cells: Scalar[][] = [];
    const r2 = Math.min(end.row, this.ctx.size(sheet).rows);
    for (let r = start.row; r <= r2; r++) {
      const row: Scalar[] = [];
      for (let c = start.col; c <= end.col; c++) row.push(this.ctx.value(sheet, r, c));
      cells.push(row);
    }
    return { cells };
  }

  private args(): { vals: Val[]; refs: (Tok | null)[] } {
    const vals: Val[] = [];
    const refs: (Tok | null)[] = [];
    if (this.eatOp(')')) return { vals, refs };
    do {
      const t = this.peek();
      const next = this.toks[this.i + 1];
      refs.push(t?.kind === 'ref' && (!next || (next.kind === 'op' && /^[,)]$/.test(next.text))) ? t : null);
      vals.push(this.comparison());
    } while (this.eatOp(','));
    if (!this.eatOp(')')) throw new Unsupported('missing )');
    return { vals, refs };
  }

  private call(name: string): Val {
    const { vals: a, refs } = this.args();
    const nums = () => flat(a).filter((x): x is number => typeof x === 'number');
    switch (name) {
      case 'SUM':
        return flat(a).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
      case 'MIN':
        return nums().length ? Math.min(...nums()) : 0;
      case 'MAX':
        return nums().length ? Math.max(...nums()) : 0;
      case 'COUNT':
        return nums().length;
      case 'COUNTA':
        return flat(a).filter((x) => x !== '').length;
      case 'IF':
        return toBool(a[0]) ? (a[1] ?? true) : (a[2] ?? false);
      case 'AND':
        return flat(a).every((x) => toBool(x));
      case 'OR':
        return flat(a).some((x) => toBool(x));
      case 'NOT':
        return !toBool(a[0]);
      case 'LEN':
        return toText(a[0]).length;
      case 'TRIM':
        return toText(a[0]).trim().replace(/\s+/g, ' ');
      case 'UPPER':
        return toText(a[0]).toUpperCase();
      case 'LOWER':
        return toText(a[0]).toLowerCase();
      case 'ABS':
        return Math.abs(toNum(a[0]));
      case 'ROUND': {
        const f = 10 ** (a[1] === undefined ? 0 : toNum(a[1]));
        return Math.round(toNum(a[0]) * f) / f;
      }
      case 'ISBLANK':
        return single(a[0]) === '';
      case 'ISNUMBER':
        return typeof single(a[0]) === 'number';
      case 'TO_TEXT': {
        const r = refs[0];
        if (r) {
          const c = this.corner(r.text.split(':')[0], false, r.sheet ?? null);
          return this.ctx.display(r.sheet ?? null, c.row, c.col);
        }
        return toText(a[0]);
      }
      case 'REGEXREPLACE':
        return toText(a[0]).replace(new RegExp(toText(a[1]), 'g'), toText(a[2]));
      case 'SUBSTITUTE':
        return toText(a[0]).split(toText(a[1])).join(toText(a[2]));
      case 'LEFT':
        return toText(a[0]).slice(0, a[1] === undefined ? 1 : toNum(a[1]));
      case 'RIGHT': {
        const n = a[1] === undefined ? 1 : toNum(a[1]);
        return n <= 0 ? '' : toText(a[0]).slice(-n);
      }
      case 'MID':
        return toText(a[0]).substr(toNum(a[1]) - 1, toNum(a[2]));
      case 'MOD': {
        const d = toNum(a[1]);
        if (d === 0) throw new FormulaError('#DIV/0!');
        const n = toNum(a[0]);
        return n - d * Math.floor(n / d);
      }
      case 'REGEXMATCH':
        return new RegExp(toText(a[1])).test(toText(a[0]));
      default:
        throw new Unsupported(name);
    }
  }
}

/** Evaluates a formula text ('=…'). Throws Unsupported for anything outside the subset, FormulaError for #errors. */
export function evaluateFormula(formula: string, ctx: FormulaContext): Scalar {
  if (ctx.depth > 50) throw new FormulaError('#REF!');
  const v = new Parser(lex(formula.replace(/^=/, '')), ctx).run();
  return single(v);
}
