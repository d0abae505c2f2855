// `npm run backtest`: the invoice-level backtest of the default scorecard against the naive rule ("share of this
// customer's past invoices paid late") on every generator the project has — the playground's demo workbook, the
// benchmark's workbook, and the realistic AR generators in test/unit/scoring-ar-generators.ts (one of which drifts).
// Several cut-offs per data set, so one lucky split cannot carry the result. docs/scoring-model.md quotes the output.
import { generateDemoWorkbook } from '../emulator/playground/demo-data';
import { addDays, dayNumber, type IsoDay } from '../src/domain/day';
import type { Customer, Interaction, Invoice, Payment } from '../src/domain/records';
import { backtest } from '../src/domain/scoring/backtest';
import { buildHistories, type Histories, historyOf } from '../src/domain/scoring/history';
import { invoiceBacktest, invoiceLate, naiveLateShare } from '../src/domain/scoring/invoice-backtest';
import { auc, type Observation } from '../src/domain/scoring/metrics';
import { rateCustomer } from '../src/domain/scoring/rate';
import { DEFAULT_PARAMS, type ScoringParams } from '../src/domain/scoring/scorecard';
import { AR_GENERATORS, generateAr } from '../test/unit/scoring-ar-generators';
import { rng } from '../test/unit/scoring-fixtures';

export interface DataSet {
  name: string;
  today: IsoDay;
  customers: Array<Pick<Customer, 'id' | 'creditLimit' | 'segmentOverride'>>;
  invoices: Invoice[];
  payments: Payment[];
  interactions: Interaction[];
  /** Generated data only: each invoice's true probability of being late (for the oracle's AUC). */
  pLate?: Map<string, number>;
}

const demoAsData = (name: string, wb: ReturnType<typeof generateDemoWorkbook>): DataSet => ({
  name,
  today: wb.asOf,
  customers: wb.customers.map((c) => ({ id: c.id, creditLimit: c.creditLimit, segmentOverride: c.segmentOverride })),
  invoices: wb.invoices as Invoice[],
  payments: wb.payments,
  interactions: wb.interactions,
});

export function dataSets(): DataSet[] {
  return [
    demoAsData('demo (playground, 3,000 invoices)', generateDemoWorkbook()),
    demoAsData(
      'bench (10,000 invoices)',
      generateDemoWorkbook({ seed: 20261120, invoices: 10_000, customers: 2_000, asOf: '2026-11-20' }),
    ),
    ...AR_GENERATORS.map((g) => {
      const l = generateAr(g.options);
      return { name: g.name, today: g.options.today, ...l };
    }),
  ];
}

export interface Row {
  data: string;
  cutoff: IsoDay;
  invoices: number;
  lateRate: number | null;
  auc: number | null;
  naiveAuc: number | null;
  ks: number | null;
  naiveKs: number | null;
  nrInvoices: number;
  customerAuc: number | null;
  monotone: boolean;
  /** AUC of the generator's hidden truth on the same invoices: the best any rule could do (null for the demo data). */
  oracleAuc: number | null;
  /** Bootstrap standard error of AUC − naive AUC (customers resampled). */
  marginSe: number;
  /** Observed late rate per grade, e.g. "AAA 21 · AA 34 · … · NR 60" (percent; grades with no invoice left out). */
  lateByGrade: string;
}

/** One rated customer's outcome invoices: late or not, its score and naive share at the cut-off, the true p. */
interface Cluster {
  score: number;
  naive: number;
  outcomes: Array<{ bad: boolean; p: number }>;
}

/** The backtest's population again, grouped by customer (the unit the bootstrap resamples). */
function clusters(ds: DataSet, h: Histories, cutoff: IsoDay, params: ScoringParams, horizon: number): Cluster[] {
  const from = dayNumber(cutoff);
  const seen = dayNumber(ds.today);
  const out: Cluster[] = [];
  for (const c of ds.customers) {
    const hist = historyOf(h, c.id);
    const outcomes = hist.invoices.flatMap((inv) => {
      if (inv.issue <= from || inv.issue > from + horizon) return [];
      const bad = invoiceLate(inv, seen, params.graceDays);
      return bad === null ? [] : [{ bad, p: ds.pLate?.get(inv.id) ?? 0 }];
    });
    if (outcomes.length === 0) continue;
    const score = rateCustomer(c, hist, cutoff, params).score;
    if (score === null) continue;
    out.push({ score, naive: -(naiveLateShare(hist, from, params.graceDays) ?? 0), outcomes });
  }
  return out;
}

const aucOf = (cs: readonly Cluster[], rank: (c: Cluster, o: Cluster['outcomes'][number]) => number) =>
  auc(cs.flatMap((c) => c.outcomes.map((o): Observation => ({ score: rank(c, o), bad: o.bad })))) ?? 0.5;

/**
 * The ceiling: ranking the same outcome invoices by the probability the generator drew them with. No rule that sees
 * only the ledger can beat it on average. null for the demo data (no hidden truth).
 */
function oracleAuc(ds: DataSet, cs: readonly Cluster[]): number | null {
  return ds.pLate ? aucOf(cs, (_c, o) => -o.p) : null;
}

/**
 * Standard error of (scorecard AUC − naive AUC), by a seeded bootstrap over customers (their invoices move together:
 * resampling invoices would understate the noise). 200 resamples; deterministic.
 */
function marginSe(cs: readonly Cluster[], reps = 200): number {
  const rand = rng(20261203);
  const diffs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const sample = cs.map(() => cs[Math.floor(rand() * cs.length)]);
    diffs.push(aucOf(sample, (c) => c.score) - aucOf(sample, (c) => c.naive));
  }
  const mean = diffs.reduce((a, b) => a + b, 0) / reps;
  return Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (reps - 1));
}

/** Cut-offs 120, 210 and 300 days before the data's "today" (each leaves a 90-day horizon fully observed). */
export function evaluate(ds: DataSet, params: ScoringParams = DEFAULT_PARAMS, backs = [120, 210, 300]): Row[] {
  const h = buildHistories(ds.invoices, ds.payments, ds.interactions);
  return backs.map((back) => {
    const cutoff = addDays(ds.today, -back);
    const r = invoiceBacktest(ds.customers, h, cutoff, ds.today, params, 90);
    const c = backtest(ds.customers, h, cutoff, ds.today, params, 90);
    const cs = clusters(ds, h, cutoff, params, 90);
    return {
      data: ds.name,
      cutoff,
      invoices: r.invoices,
      lateRate: r.lateRate,
      auc: r.auc,
      naiveAuc: r.naiveAuc,
      ks: r.ks,
      naiveKs: r.naiveKs,
      nrInvoices: r.nrInvoices,
      customerAuc: c.auc,
      monotone: r.notMonotone.length === 0,
      oracleAuc: oracleAuc(ds, cs),
      marginSe: marginSe(cs),
      lateByGrade: r.byGrade.map((g) => `${g.grade} ${Math.round((g.lateRate ?? 0) * 100)}`).join(' · '),
    };
  });
}

const f3 = (x: number | null) => (x === null ? '  –  ' : x.toFixed(3));
const margin = (r: Row) =>
  r.auc === null || r.naiveAuc === null
    ? '–'
    : `${r.auc - r.naiveAuc >= 0 ? '+' : '−'}${Math.abs(r.auc - r.naiveAuc).toFixed(3)} ± ${r.marginSe.toFixed(3)}`;
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

export function table(rows: readonly Row[]): string {
  const head =
    '| data | cut-off | invoices | late | AUC | naive AUC | margin ± SE | oracle AUC | KS | naive KS | NR invoices | customer AUC | grades monotone | late % by grade |';
  const sep = '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |';
  const body = rows.map(
    (r) =>
      `| ${r.data} | ${r.cutoff} | ${r.invoices} | ${pct(r.lateRate)} | ${f3(r.auc)} | ${f3(r.naiveAuc)} | ${margin(r)} | ${f3(r.oracleAuc)} | ${f3(r.ks)} | ${f3(r.naiveKs)} | ${r.nrInvoices} | ${f3(r.customerAuc)} | ${r.monotone ? 'yes' : 'no'} | ${r.lateByGrade} |`,
  );
  return [head, sep, ...body].join('\n');
}

export function main(): number {
  const rows = dataSets().flatMap((ds) => evaluate(ds));
  console.log(table(rows));
  const margins = rows.map((r) => (r.auc ?? 0) - (r.naiveAuc ?? 0));
  const wins = margins.filter((m) => m > 0).length;
  const mean = margins.reduce((a, b) => a + b, 0) / margins.length;
  const worst = Math.min(...margins);
  console.log(
    `\n${wins} of ${rows.length} backtests: scorecard AUC above the naive rule's; margin mean ${mean.toFixed(4)}, worst ${worst.toFixed(4)}.`,
  );
  // Fails when the scorecard is behind the naive rule by more than noise anywhere, or not ahead on average.
  return worst < -0.005 || mean <= 0.005 ? 1 : 0;
}
