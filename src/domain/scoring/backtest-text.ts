// What a user reads about a backtest, in both languages: the invoice-level verdict against the naive rule, the
// observed late rate per grade (and whether it rises as grades fall), invoices of not-rated customers, and the
// customer-level view as a second table. Figures are rounded the way a credit report prints them.
import { type Catalog, CLAUSE_SEPARATOR, groupDigits, type Lang, msg, t } from '../i18n';
import type { BacktestReport } from './backtest';
import type { InvoiceBacktestReport } from './invoice-backtest';
import { gradeLabel } from './scoring-text';

export const BACKTEST_TEXT = {
  invoiceHead: msg('scoring/backtest-text.BACKTEST_TEXT.invoiceHead'),
  invoiceFigures: msg('scoring/backtest-text.BACKTEST_TEXT.invoiceFigures'),
  beats: msg('scoring/backtest-text.BACKTEST_TEXT.beats'),
  notBeats: msg('scoring/backtest-text.BACKTEST_TEXT.notBeats'),
  nrLine: msg('scoring/backtest-text.BACKTEST_TEXT.nrLine'),
  gradeTitle: msg('scoring/backtest-text.BACKTEST_TEXT.gradeTitle'),
  gradeLine: msg('scoring/backtest-text.BACKTEST_TEXT.gradeLine'),
  monotone: msg('scoring/backtest-text.BACKTEST_TEXT.monotone'),
  notMonotone: msg('scoring/backtest-text.BACKTEST_TEXT.notMonotone'),
  pair: msg('scoring/backtest-text.BACKTEST_TEXT.pair'),
  customerTitle: msg('scoring/backtest-text.BACKTEST_TEXT.customerTitle'),
  customerHead: msg('scoring/backtest-text.BACKTEST_TEXT.customerHead'),
  customerLine: msg('scoring/backtest-text.BACKTEST_TEXT.customerLine'),
  tooFew: msg('scoring/backtest-text.BACKTEST_TEXT.tooFew'),
  withinNoise: msg('scoring/backtest-text.BACKTEST_TEXT.withinNoise'),
} as const satisfies Catalog;

export const pct = (x: number | null) => (x === null ? '–' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
export const fixed3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const count = groupDigits;

export interface BacktestLines {
  head: string[];
  grades: string[];
  customers: string[];
}

/** The report as lines for an alert or the sidebar. */
export function backtestLines(
  lang: Lang,
  inv: InvoiceBacktestReport,
  cust: BacktestReport,
  graceDays: number,
  monotoneMin: number,
): BacktestLines {
  const T = BACKTEST_TEXT;
  const head = [
    t(lang, T.invoiceHead, {
      cutoff: inv.cutoff,
      horizon: inv.horizonDays,
      grace: graceDays,
      undecided: count(inv.undecided),
    }),
    t(lang, T.invoiceFigures, {
      n: count(inv.invoices),
      bad: count(inv.late),
      rate: pct(inv.lateRate),
      auc: fixed3(inv.auc),
      ks: fixed3(inv.ks),
      naiveAuc: fixed3(inv.naiveAuc),
      naiveKs: fixed3(inv.naiveKs),
    }),
  ];
  if (inv.auc === null || inv.naiveAuc === null) head.push(t(lang, T.tooFew));
  else head.push(t(lang, inv.auc > inv.naiveAuc ? T.beats : T.notBeats));
  head.push(
    t(lang, T.nrLine, { n: count(inv.nrInvoices), rate: pct(inv.nrInvoices ? inv.nrLate / inv.nrInvoices : null) }),
  );
  const grades = inv.byGrade.map((g) =>
    t(lang, T.gradeLine, { grade: gradeLabel(lang, g.grade), n: count(g.invoices), rate: pct(g.lateRate) }),
  );
  // Raw order first; an inversion smaller than the sampling noise is named as such, not hidden (invoice-backtest.ts).
  const pairs = (list: InvoiceBacktestReport['breaks']) =>
    list.map((p) => t(lang, T.pair, { better: p.better, worse: p.worse })).join(t(lang, CLAUSE_SEPARATOR));
  grades.push(
    inv.notMonotone.length === 0
      ? t(lang, T.monotone, { min: monotoneMin })
      : inv.breaks.length === 0
        ? t(lang, T.withinNoise, { min: monotoneMin, pairs: pairs(inv.notMonotone) })
        : t(lang, T.notMonotone, { pairs: pairs(inv.breaks) }),
  );
  const customers = [
    t(lang, T.customerHead, {
      horizon: cust.horizonDays,
      n: count(cust.customers),
      bad: count(cust.late),
      rate: pct(cust.lateRate),
      nr: count(cust.notRated),
      none: count(cust.noOutcome),
      auc: fixed3(cust.auc),
      ks: fixed3(cust.ks),
    }),
    ...cust.byGrade.map((g) =>
      t(lang, T.customerLine, { grade: gradeLabel(lang, g.grade), n: count(g.customers), rate: pct(g.lateRate) }),
    ),
  ];
  return { head, grades, customers };
}

export function backtestSummary(lang: Lang, l: BacktestLines): string {
  return [
    l.head.join('\n'),
    `${t(lang, BACKTEST_TEXT.gradeTitle)}\n${l.grades.join('\n')}`,
    `${t(lang, BACKTEST_TEXT.customerTitle)}\n${l.customers.join('\n')}`,
  ].join('\n\n');
}
