// The custom functions' logic (DAYS_OVERDUE, AGING_BUCKET, CREDIT_SCORE, CREDIT_GRADE), free of Apps Script: the
// handler supplies how a Date cell becomes a day (spreadsheet time zone), today, and the language for errors.
// Array-aware the way Sheets users expect: a single value gives a single value; a range gives a range of the same
// shape, computed in one call (one execution per cell would be slow and hit Sheets' rate limits). Other arguments
// are either one value (used for every row) or a range of the same shape. Empty cells give ''. Bad input throws a
// localized message naming the function, the argument and the row, which Sheets shows in the cell's note.
import { dayNumber, type IsoDay, isIsoDay } from '../day';
import { agingBucket as bucketOfDays } from '../derive';
import type { Lang } from '../i18n';
import type { AgingBucket } from '../records';
import type { Factors } from './factors';
import { DEFAULT_CUTOFFS, gradeFor } from './grades';
import { DEFAULT_PARAMS, SCORE_MAX, SCORE_MIN, scoreFactors } from './scorecard';
import { msg, t, type Text } from '../i18n';

export interface CellEnv {
  /** The day of a Date cell in the spreadsheet's time zone, or undefined when `v` is not a Date. */
  dateOf(v: unknown): IsoDay | undefined;
  today(): IsoDay;
  /** Language for error messages (asked only when there is an error). */
  lang(): Lang;
}

type Problem = 'date' | 'number' | 'ratio' | 'score' | 'shape' | 'required';

const PROBLEM_TEXT: Readonly<Record<Problem, Text>> = {
  date: msg('scoring/cell-functions.PROBLEM_TEXT.date'),
  number: msg('scoring/cell-functions.PROBLEM_TEXT.number'),
  ratio: msg('scoring/cell-functions.PROBLEM_TEXT.ratio'),
  score: msg('scoring/cell-functions.PROBLEM_TEXT.score'),
  shape: msg('scoring/cell-functions.PROBLEM_TEXT.shape'),
  required: msg('scoring/cell-functions.PROBLEM_TEXT.required'),
};

// Where in a range the bad value is, and the whole message: `CREDIT_GRADE：score 必须是数字（第 3 行）`.
const PLACE_TEXT = {
  row: msg('scoring/cell-functions.PLACE_TEXT.row'),
  rowColumn: msg('scoring/cell-functions.PLACE_TEXT.rowColumn'),
  error: msg('scoring/cell-functions.PLACE_TEXT.error'),
};

/** Thrown for bad arguments; the message is what the user sees in the cell note. */
export class CellFunctionError extends Error {}

const EMPTY = Symbol('empty');
type Cell<T> = T | typeof EMPTY;

interface Ctx {
  fn: string;
  env: CellEnv;
  row: number;
  col: number;
  /** True when any argument was a range (then errors name the row). */
  grid: boolean;
  cols: number;
}

function fail(ctx: Ctx, arg: string, problem: Problem): never {
  const lang = ctx.env.lang();
  const where = !ctx.grid
    ? ''
    : t(lang, ctx.cols > 1 ? PLACE_TEXT.rowColumn : PLACE_TEXT.row, { row: ctx.row, col: ctx.col });
  throw new CellFunctionError(
    t(lang, PLACE_TEXT.error, { fn: ctx.fn, arg, problem: t(lang, PROBLEM_TEXT[problem]), where }),
  );
}

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

function dayArg(ctx: Ctx, arg: string, v: unknown): Cell<number> {
  if (isEmpty(v)) return EMPTY;
  const fromDate = ctx.env.dateOf(v);
  const iso = fromDate ?? (typeof v === 'string' && isIsoDay(v.trim()) ? v.trim() : undefined);
  const n = iso === undefined ? Number.NaN : dayNumber(iso);
  if (Number.isNaN(n)) fail(ctx, arg, 'date');
  return n;
}

function numArg(ctx: Ctx, arg: string, v: unknown, problem: Problem = 'number'): Cell<number> {
  if (isEmpty(v)) return EMPTY;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(ctx, arg, problem);
  return v;
}

type Args = Readonly<Record<string, unknown>>;

/**
 * Applies `cell` to every position of the first range argument (or once, for all-scalar calls), pairing each
 * position with the same position of other ranges and with the single value of scalar arguments.
 */
function mapCells(fn: string, env: CellEnv, args: Args, cell: (ctx: Ctx, at: Args) => unknown): unknown {
  const names = Object.keys(args);
  const first = names.find((n) => Array.isArray(args[n]));
  if (first === undefined) return cell({ fn, env, row: 1, col: 1, grid: false, cols: 1 }, args);
  const shape = args[first] as unknown[][];
  const cols = shape.reduce((m, r) => Math.max(m, Array.isArray(r) ? r.length : 1), 0);
  for (const n of names) {
    const g = args[n];
    if (n === first || !Array.isArray(g)) continue;
    const same =
      g.length === shape.length && g.every((r, i) => Array.isArray(r) && r.length === (shape[i] as unknown[]).length);
    if (!same) fail({ fn, env, row: 1, col: 1, grid: false, cols: 1 }, n, 'shape');
  }
  const out: unknown[][] = new Array(shape.length);
  const at: Record<string, unknown> = {};
  const ctx: Ctx = { fn, env, row: 0, col: 0, grid: true, cols };
  for (let r = 0; r < shape.length; r++) {
    const row = shape[r] as unknown[];
    const line: unknown[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      for (const n of names) {
        const g = args[n];
        at[n] = Array.isArray(g) ? (g[r] as unknown[])[c] : g;
      }
      ctx.row = r + 1;
      ctx.col = c + 1;
      line[c] = cell(ctx, at);
    }
    out[r] = line;
  }
  return out;
}

export function agingBucketOf(daysOverdue: number): AgingBucket {
  // One definition of the buckets (derive.ts, the sheet's derived column); here the amount is known to be owed.
  return bucketOfDays(daysOverdue, 1) as AgingBucket;
}

/** Days past due, or '' for an empty due date. `today` is asked once per call, only when as_of is empty. */
function overdueCell(today: () => number) {
  return (ctx: Ctx, at: Args): number | '' => {
    const due = dayArg(ctx, 'due_date', at.due_date);
    const outstanding = numArg(ctx, 'outstanding', at.outstanding);
    const asOfCell = dayArg(ctx, 'as_of', at.as_of);
    if (due === EMPTY) return '';
    if (outstanding === 0) return 0;
    const asOf = asOfCell === EMPTY ? today() : asOfCell;
    return asOf > due ? asOf - due : 0;
  };
}

function lazyToday(env: CellEnv): () => number {
  let d: number | undefined;
  return () => {
    if (d === undefined) d = dayNumber(env.today());
    return d;
  };
}

export function daysOverdue(env: CellEnv, due_date: unknown, outstanding: unknown, as_of: unknown): unknown {
  return mapCells('DAYS_OVERDUE', env, { due_date, outstanding, as_of }, overdueCell(lazyToday(env)));
}

export function agingBucket(env: CellEnv, due_date: unknown, outstanding: unknown, as_of: unknown): unknown {
  const days = overdueCell(lazyToday(env));
  return mapCells('AGING_BUCKET', env, { due_date, outstanding, as_of }, (ctx, at) => {
    const d = days(ctx, at);
    return d === '' ? '' : agingBucketOf(d);
  });
}

/**
 * Score from the factors a user can type; the two "current overdue" factors are not arguments and are taken as
 * none (a customer with nothing past due today), so the function answers "what would this history score?".
 */
export function creditScore(env: CellEnv, args: Args): unknown {
  return mapCells('CREDIT_SCORE', env, args, (ctx, at) => {
    const onTime = numArg(ctx, 'on_time_ratio', at.on_time_ratio, 'ratio');
    if (onTime === EMPTY) return '';
    if (onTime > 1) fail(ctx, 'on_time_ratio', 'ratio');
    const required = (name: string) => {
      const v = numArg(ctx, name, at[name]);
      if (v === EMPTY) fail(ctx, name, 'required');
      return v;
    };
    const utilization = numArg(ctx, 'utilization', at.utilization);
    const disputes = numArg(ctx, 'disputes_12m', at.disputes_12m);
    const f: Factors = {
      onTimeShare: onTime,
      avgDaysLate: required('avg_days_late'),
      maxDaysLate: required('max_days_late'),
      overdueRatio: 0,
      oldestOverdueDays: 0,
      utilization: utilization === EMPTY ? null : utilization,
      tenureMonths: required('tenure_months'),
      disputes12m: disputes === EMPTY ? 0 : disputes,
      debtRatio: null,
      currentRatio: null,
    };
    return scoreFactors(f, DEFAULT_PARAMS).score;
  });
}

/** Grade by the default cut-offs: custom functions must not depend on reading the settings sheet. */
export function creditGrade(env: CellEnv, score: unknown): unknown {
  return mapCells('CREDIT_GRADE', env, { score }, (ctx, at) => {
    const v = at.score;
    if (isEmpty(v)) return '';
    if (v === 'NR') return 'NR';
    if (typeof v !== 'number' || !(v >= SCORE_MIN && v <= SCORE_MAX)) fail(ctx, 'score', 'score');
    return gradeFor(v, DEFAULT_CUTOFFS);
  });
}
