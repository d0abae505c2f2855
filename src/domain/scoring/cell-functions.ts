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

export interface CellEnv {
  /** The day of a Date cell in the spreadsheet's time zone, or undefined when `v` is not a Date. */
  dateOf(v: unknown): IsoDay | undefined;
  today(): IsoDay;
  /** Language for error messages (asked only when there is an error). */
  lang(): Lang;
}

type Problem = 'date' | 'number' | 'ratio' | 'score' | 'shape' | 'required';

const PROBLEM_TEXT: Readonly<Record<Problem, { 'zh-CN': string; en: string }>> = {
  date: { 'zh-CN': '必须是日期', en: 'must be a date' },
  number: { 'zh-CN': '必须是不小于 0 的数字', en: 'must be a number ≥ 0' },
  ratio: {
    'zh-CN': '必须是 0 到 1 之间的比例（如 0.95 或 95%）',
    en: 'must be a share between 0 and 1 (e.g. 0.95 or 95%)',
  },
  score: { 'zh-CN': '必须是 300 到 850 之间的评分', en: 'must be a score between 300 and 850' },
  shape: {
    'zh-CN': '必须是单个值，或与第一个区域大小相同的区域',
    en: 'must be a single value or a range the same size as the first range',
  },
  required: { 'zh-CN': '不能为空', en: 'is required' },
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
    : lang === 'zh-CN'
      ? `（第 ${ctx.row} 行${ctx.cols > 1 ? `，第 ${ctx.col} 列` : ''}）`
      : ` (row ${ctx.row}${ctx.cols > 1 ? `, column ${ctx.col}` : ''})`;
  const sep = lang === 'zh-CN' ? '：' : ': ';
  throw new CellFunctionError(`${ctx.fn}${sep}${arg} ${PROBLEM_TEXT[problem][lang]}${where}`);
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
