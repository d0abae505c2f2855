// The spreadsheet functions the evaluator knows: every function the add-on's own validation and conditional-format
// formulas use (src/domain/phone.ts, src/domain/tax-id.ts, src/adapters/sheet-setup-format.ts) plus a few common
// neighbours. Scalar functions lift over arrays (formula-values.ts); aggregates flatten them. A name not listed
// here is Unsupported (getValues '' and a custom-formula rule counts as satisfied: README).

import {
  type ArrayVal,
  flat,
  FormulaError,
  lift,
  type Scalar,
  single,
  toBool,
  toNum,
  toText,
  Unsupported,
  type Val,
} from './formula-values';

/** What a function may ask about where it runs. */
export interface CallSite {
  /** 1-based rows/columns of a plain range argument (ROW, COLUMN), null when the argument is not a reference. */
  refBox(i: number): { row: number; col: number; numRows: number; numCols: number } | null;
  /** Display text of a plain single-cell argument (TO_TEXT), null when not a reference. */
  refDisplay(i: number): string | null;
  /** The formula's own cell (ROW(), COLUMN()), when known. */
  self(): { row: number; col: number } | null;
  /** Today's date serial in the spreadsheet time zone (TODAY). */
  today(): number;
  /** Now as a serial in the spreadsheet time zone (NOW). */
  now(): number;
}

const num = (f: (...xs: number[]) => number) => (args: Val[]) => lift(args, (...xs) => f(...xs.map((x) => toNum(x))));
const text = (f: (s: string, ...rest: Scalar[]) => Scalar) => (args: Val[]) =>
  lift(args, (s, ...rest) => f(toText(s), ...rest));

function column(n: number, first: number): ArrayVal {
  return { cells: Array.from({ length: n }, (_, i) => [first + i]) };
}

function roundTo(n: number, places: number, how: (x: number) => number): number {
  const f = 10 ** places;
  return (how(Math.abs(n) * f + 1e-9) / f) * Math.sign(n);
}

/**
 * A Sheets (RE2) pattern as a JS RegExp. RE2's `\s` is ASCII whitespace only ([\t\n\f\r ]) while JS's also
 * matches NBSP and other Unicode spaces, so a rule such as the add-on's phone formula keeps a no-break space in Sheets.
 * RE2's `\x{10FFFF}` code-point escape (github.com/google/re2/wiki/Syntax) has no meaning in a non-unicode JS
 * RegExp (it would match the letters "x{…}"), so BMP code points become `\uHHHH`; beyond the BMP is Unsupported.
 */
export function re2(pattern: string, flags = ''): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      const hex = next === 'x' ? /^\{([0-9A-Fa-f]+)\}/.exec(pattern.slice(i + 1)) : null;
      if (hex) {
        const cp = parseInt(hex[1], 16);
        if (cp > 0xffff) throw new Unsupported(`regex code point \\x{${hex[1]}}`);
        out += `\\u${cp.toString(16).padStart(4, '0')}`;
        i += hex[0].length;
      } else if (next === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (next === 'S' && !inClass) out += '[^\\t\\n\\f\\r ]';
      else out += ch + next;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return new RegExp(out, flags);
}

type Fn = (args: Val[], site: CallSite) => Val;

const FUNCTIONS: Record<string, Fn> = {
  SUM: (a) => flat(a).reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0),
  SUMPRODUCT: (a) => {
    // Non-numbers count as 0; every array must have the same size.
    const lists = a.map((v) => flat([v]));
    const n = lists[0]?.length ?? 0;
    if (lists.some((l) => l.length !== n)) throw new FormulaError('#VALUE!');
    let s = 0;
    for (let i = 0; i < n; i++) s += lists.reduce((p, l) => p * (typeof l[i] === 'number' ? (l[i] as number) : 0), 1);
    return s;
  },
  MIN: (a) => {
    const ns = flat(a).filter((x): x is number => typeof x === 'number');
    return ns.length ? Math.min(...ns) : 0;
  },
  MAX: (a) => {
    const ns = flat(a).filter((x): x is number => typeof x === 'number');
    return ns.length ? Math.max(...ns) : 0;
  },
  COUNT: (a) => flat(a).filter((x) => typeof x === 'number').length,
  COUNTA: (a) => flat(a).filter((x) => x !== '').length,
  AND: (a) => flat(a).every((x) => toBool(x)),
  OR: (a) => flat(a).some((x) => toBool(x)),
  NOT: (a) => lift([a[0]], (x) => !toBool(x)),
  N: (a) => {
    const s = single(a[0]);
    return typeof s === 'number' ? s : typeof s === 'boolean' ? (s ? 1 : 0) : 0;
  },
  VALUE: (a) =>
    lift([a[0]], (x) => {
      if (typeof x !== 'string') return toNum(x);
      const t = x.trim().replace(/,/g, '');
      const pct = t.endsWith('%');
      const n = Number(pct ? t.slice(0, -1) : t);
      if (t === '' || !Number.isFinite(n)) throw new FormulaError('#VALUE!');
      return pct ? n / 100 : n;
    }),
  LEN: text((s) => s.length),
  // Only the ASCII space: Sheets' TRIM keeps tabs and no-break spaces (JS trim() would drop them).
  TRIM: text((s) => s.replace(/ +/g, ' ').replace(/^ | $/g, '')),
  UPPER: text((s) => s.toUpperCase()),
  LOWER: text((s) => s.toLowerCase()),
  EXACT: (a) => lift(a, (x, y) => toText(x) === toText(y)),
  CONCATENATE: (a) => flat(a).map(toText).join(''),
  LEFT: text((s, n) => s.slice(0, n === undefined ? 1 : toNum(n))),
  RIGHT: text((s, n) => {
    const k = n === undefined ? 1 : toNum(n);
    return k <= 0 ? '' : s.slice(-k);
  }),
  MID: text((s, start, len) => {
    const st = toNum(start);
    const n = toNum(len);
    if (st < 1 || n < 0) throw new FormulaError('#VALUE!');
    return s.substr(st - 1, n);
  }),
  FIND: (a) =>
    lift(a, (needle, hay, start) => {
      const from = start === undefined ? 1 : toNum(start);
      const i = toText(hay).indexOf(toText(needle), from - 1);
      if (from < 1 || i < 0) throw new FormulaError('#VALUE!');
      return i + 1;
    }),
  SUBSTITUTE: (a) => lift(a, (s, from, to) => toText(s).split(toText(from)).join(toText(to))),
  REGEXMATCH: (a) => lift(a, (s, re) => re2(toText(re)).test(toText(s))),
  REGEXREPLACE: (a) => lift(a, (s, re, by) => toText(s).replace(re2(toText(re), 'g'), toText(by))),
  ABS: num(Math.abs),
  INT: num(Math.floor),
  MOD: num((n, d) => {
    if (d === 0) throw new FormulaError('#DIV/0!');
    return n - d * Math.floor(n / d);
  }),
  ROUND: num((n, p) => roundTo(n, p ?? 0, Math.round)),
  ISBLANK: (a) => single(a[0]) === '',
  ISNUMBER: (a) => typeof single(a[0]) === 'number',
  ISTEXT: (a) => typeof single(a[0]) === 'string' && single(a[0]) !== '',
  TO_TEXT: (a, site) => site.refDisplay(0) ?? toText(a[0]),
  TODAY: (_a, site) => site.today(),
  NOW: (_a, site) => site.now(),
  ROW: (a, site) => {
    if (!a.length) return site.self()?.row ?? unsupported('ROW()');
    const b = site.refBox(0);
    if (!b) throw new FormulaError('#N/A');
    return b.numRows === 1 ? b.row : column(b.numRows, b.row);
  },
  COLUMN: (a, site) => {
    if (!a.length) return site.self()?.col ?? unsupported('COLUMN()');
    const b = site.refBox(0);
    if (!b) throw new FormulaError('#N/A');
    return b.numCols === 1 ? b.col : { cells: [Array.from({ length: b.numCols }, (_, i) => b.col + i)] };
  },
};

function unsupported(what: string): never {
  throw new Unsupported(what);
}

/** Whether the evaluator knows `name` (IF, IFERROR and ISERROR are handled by the parser: they are lazy). */
export function isKnownFunction(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name);
}

/** Calls a function on evaluated arguments (a Sheets error in any of them has already been thrown). */
export function callFunction(name: string, args: Val[], site: CallSite): Val {
  const f = FUNCTIONS[name];
  if (!f) throw new Unsupported(name);
  return f(args, site);
}
