// The tables and the summary `npm run backtest` prints (docs/scoring-model.md quotes them): the full table at the
// default grace, a short one for the second view, and the counts behind "clearly": splits above two standard errors,
// the mean margin per data set, and how many standard errors the mean over the data sets is from zero.
import type { Row } from './backtest';

const f3 = (x: number | null) => (x === null ? '  –  ' : x.toFixed(3));
const margin = (r: Row) =>
  r.auc === null || r.naiveAuc === null
    ? '–'
    : `${r.auc - r.naiveAuc >= 0 ? '+' : '−'}${Math.abs(r.auc - r.naiveAuc).toFixed(3)} ± ${r.marginSe.toFixed(3)}`;
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

const cells = (r: Row) => [
  r.data,
  r.cutoff,
  r.invoices,
  pct(r.lateRate),
  f3(r.auc),
  f3(r.naiveAuc),
  margin(r),
  r.bayesAuc === null || r.naiveAuc === null ? '–' : signed(r.bayesAuc - r.naiveAuc),
  f3(r.oracleAuc),
  f3(r.ks),
  f3(r.naiveKs),
  r.nrInvoices,
  f3(r.customerAuc),
  r.monotone ? 'yes' : 'no',
  r.breaks || 'none',
  r.lateByGrade,
  r.trueByGrade ?? '–',
];
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

export function table(rows: readonly Row[]): string {
  const head =
    '| data | cut-off | invoices | late | AUC | naive AUC | margin ± SE | ceiling margin | oracle AUC | KS | naive KS | NR invoices | customer AUC | strict order | breaks beyond noise | late % by grade | true late % by grade |';
  const sep =
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |';
  return [head, sep, ...rows.map((r) => `| ${cells(r).join(' | ')} |`)].join('\n');
}

/** The second view: the same backtest at another grace (outcomes, naive rule and scorecard all use it). */
export function shortTable(rows: readonly Row[]): string {
  const head =
    '| data | cut-off | invoices | late | AUC | naive AUC | margin ± SE | strict order | breaks beyond noise |';
  const sep = '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |';
  const body = rows.map(
    (r) =>
      `| ${r.data} | ${r.cutoff} | ${r.invoices} | ${pct(r.lateRate)} | ${f3(r.auc)} | ${f3(r.naiveAuc)} | ${margin(r)} | ${r.monotone ? 'yes' : 'no'} | ${r.breaks || 'none'} |`,
  );
  return [head, sep, ...body].join('\n');
}

export interface Summary {
  rows: number;
  wins: number;
  /** Splits where the margin exceeds two bootstrap standard errors. */
  clear: number;
  mean: number;
  worst: number;
  /** Mean margin per data set (its three splits) and the data set's mean standard error. */
  perData: Array<{ data: string; mean: number; se: number }>;
  /** The overall mean margin in standard errors, data sets independent, splits of one data set fully correlated. */
  z: number;
  /** Splits with an inversion of grades beyond sampling noise. */
  withBreaks: number;
  /** Splits (data cut-off: pairs) with an inversion beyond noise when each pair is tested at 5 %. */
  pairBreaks: string[];
  strict: number;
}

export function summarize(rows: readonly Row[]): Summary {
  const m = (r: Row) => (r.auc ?? 0) - (r.naiveAuc ?? 0);
  const margins = rows.map(m);
  const mean = margins.reduce((a, b) => a + b, 0) / margins.length;
  const names = [...new Set(rows.map((r) => r.data))];
  const perData = names.map((data) => {
    const rs = rows.filter((r) => r.data === data);
    const avg = (f: (r: Row) => number) => rs.reduce((a, r) => a + f(r), 0) / rs.length;
    return { data, mean: avg(m), se: avg((r) => r.marginSe) };
  });
  const seMean = Math.sqrt(perData.reduce((a, d) => a + d.se ** 2, 0)) / perData.length;
  const dataMean = perData.reduce((a, d) => a + d.mean, 0) / perData.length;
  return {
    rows: rows.length,
    wins: margins.filter((x) => x > 0).length,
    clear: rows.filter((r) => m(r) > 2 * r.marginSe).length,
    mean,
    worst: Math.min(...margins),
    perData,
    z: dataMean / seMean,
    withBreaks: rows.filter((r) => r.breaks !== '').length,
    pairBreaks: rows
      .filter((r) => r.pairBreaks !== '')
      .map((r) => `${r.data.split(' (')[0]} ${r.cutoff}: ${r.pairBreaks}`),
    strict: rows.filter((r) => r.monotone).length,
  };
}

export const describe = (s: Summary) =>
  [
    `${s.wins} of ${s.rows} backtests: scorecard AUC above the naive rule's; by more than 2 SE on ${s.clear}; margin mean ${s.mean.toFixed(4)}, worst ${s.worst.toFixed(4)}; over the ${s.perData.length} data sets the mean margin is ${s.z.toFixed(1)} SE above 0.`,
    `Mean margin ± SE per data set: ${s.perData.map((d) => `${d.data.split(' (')[0]} ${signed(d.mean)} ± ${d.se.toFixed(3)}`).join(', ')}.`,
    `Grades in strict order of observed late rate on ${s.strict} of ${s.rows}; inversions beyond sampling noise (one-sided, 5 % per report) on ${s.withBreaks}; with each pair at 5 %: ${s.pairBreaks.length ? s.pairBreaks.join('; ') : 'none'}.`,
  ].join('\n');
