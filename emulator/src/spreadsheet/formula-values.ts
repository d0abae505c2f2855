// Values inside the formula evaluator and Sheets' coercions between them: scalars, arrays (a range read or a `{…}`
// literal) and error values. Scalar operators and functions lift over arrays element by element, which is what
// SUMPRODUCT(MID(x,ROW($A$1:$A$17),1)…) in the add-on's tax-id rule relies on.

export type Scalar = number | string | boolean;
export interface ArrayVal {
  cells: Scalar[][];
}
export type Val = Scalar | ArrayVal;

export class Unsupported extends Error {}
/** A Sheets error value ('#DIV/0!', '#VALUE!', '#REF!', '#N/A'); getValues returns its text ([?] in notes §1). */
export class FormulaError extends Error {}

export function isArray(v: Val): v is ArrayVal {
  return typeof v === 'object';
}

/** The top-left element: what a single cell shows of an array (implicit intersection is not emulated). */
export function single(v: Val): Scalar {
  if (typeof v === 'object') return v.cells[0]?.[0] ?? '';
  return v;
}

export function toNum(v: Val): number {
  const s = single(v);
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s === '') return 0;
  const n = Number(s);
  if (s.trim() !== '' && Number.isFinite(n)) return n;
  throw new FormulaError('#VALUE!');
}

export function toText(v: Val): string {
  const s = single(v);
  return typeof s === 'boolean' ? (s ? 'TRUE' : 'FALSE') : String(s);
}

export function toBool(v: Val): boolean {
  const s = single(v);
  if (typeof s === 'boolean') return s;
  if (typeof s === 'number') return s !== 0;
  if (s === '') return false;
  const u = s.toUpperCase();
  if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
  throw new FormulaError('#VALUE!');
}

export function flat(args: Val[]): Scalar[] {
  const out: Scalar[] = [];
  for (const a of args) {
    if (typeof a === 'object') for (const row of a.cells) out.push(...row);
    else out.push(a);
  }
  return out;
}

/** Sheets orders numbers < text < booleans; text compares case-insensitively (`"a"="A"` is TRUE). */
export function compare(a: Scalar, b: Scalar): number {
  const rank = (x: Scalar) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  // An empty cell equals 0, '' and FALSE alike.
  if (a === '' && typeof b !== 'string') a = typeof b === 'number' ? 0 : false;
  if (b === '' && typeof a !== 'string') b = typeof a === 'number' ? 0 : false;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = toText(a).toLowerCase();
  const sb = toText(b).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function dims(v: Val): [number, number] {
  return typeof v === 'object' ? [v.cells.length, v.cells[0]?.length ?? 0] : [1, 1];
}

function at(v: Val, r: number, c: number, rows: number, cols: number): Scalar {
  if (typeof v !== 'object') return v;
  const row = v.cells[rows === 1 ? 0 : r] ?? v.cells[0];
  return row[cols === 1 ? 0 : c] ?? row[0];
}

/**
 * Applies a scalar function element-wise when any argument is an array (arrays of one row/column/cell broadcast
 * along the other dimension); sizes that cannot be matched give #VALUE!.
 */
export function lift(args: Val[], f: (...xs: Scalar[]) => Scalar): Val {
  if (!args.some(isArray)) return f(...(args as Scalar[]));
  let rows = 1;
  let cols = 1;
  for (const a of args) {
    const [r, c] = dims(a);
    if (r !== 1) {
      if (rows !== 1 && rows !== r) throw new FormulaError('#VALUE!');
      rows = r;
    }
    if (c !== 1) {
      if (cols !== 1 && cols !== c) throw new FormulaError('#VALUE!');
      cols = c;
    }
  }
  const cells: Scalar[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < cols; c++) {
      const xs = args.map((a) => {
        const [ar, ac] = dims(a);
        return at(a, r, c, ar, ac);
      });
      row.push(f(...xs));
    }
    cells.push(row);
  }
  return { cells };
}
