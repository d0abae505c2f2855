// What a user reads about a backtest, in both languages: the invoice-level verdict against the naive rule, the
// observed late rate per grade (and whether it rises as grades fall), invoices of not-rated customers, and the
// customer-level view as a second table. Figures are rounded the way a credit report prints them.
import { type Catalog, type Lang, t } from '../i18n';
import type { BacktestReport } from './backtest';
import type { InvoiceBacktestReport } from './invoice-backtest';
import { gradeLabel } from './scoring-text';

export const BACKTEST_TEXT = {
  invoiceHead: {
    'zh-CN':
      '单据级回测：按 {cutoff} 当日已知数据评分，观察其后 {horizon} 天内开具的单据；到期日加宽限 {grace} 天仍未结清即为逾期（至今未结清且已过该日的也计为逾期，尚未到该日的 {undecided} 张暂不计入）。',
    en: 'Invoice-level backtest: customers scored from what was known on {cutoff}; outcomes are the invoices issued in the following {horizon} days, late when not paid by the due date + {grace} grace days (still open past that day counts as late; {undecided} not yet at that day are left out).',
  },
  invoiceFigures: {
    'zh-CN':
      '已评级客户的单据 {n} 张，逾期 {bad} 张（{rate}）。\n评分卡：AUC {auc}，KS {ks}。\n简单规则（客户截止日前已结清单据的逾期占比）：AUC {naiveAuc}，KS {naiveKs}。',
    en: '{n} invoices of rated customers, {bad} of them late ({rate}).\nScorecard: AUC {auc}, KS {ks}.\nNaive rule (the customer’s share of invoices settled before the cut-off that were late): AUC {naiveAuc}, KS {naiveKs}.',
  },
  beats: { 'zh-CN': '评分卡的排序优于简单规则。', en: 'The scorecard ranks better than the naive rule.' },
  notBeats: {
    'zh-CN': '评分卡的排序没有优于简单规则，请检查评分参数。',
    en: 'The scorecard does not rank better than the naive rule; review the scoring settings.',
  },
  nrLine: {
    'zh-CN': '未评级客户的单据 {n} 张，逾期率 {rate}（不计入 AUC/KS）。',
    en: '{n} invoices belong to not-rated customers, late rate {rate} (not in AUC/KS).',
  },
  gradeTitle: { 'zh-CN': '各等级单据逾期率：', en: 'Late rate of invoices by grade:' },
  gradeLine: { 'zh-CN': '{grade}：{n} 张，逾期率 {rate}', en: '{grade}: {n} invoices, late rate {rate}' },
  monotone: {
    'zh-CN': '等级越低，实际逾期率越高（单据不少于 {min} 张的等级）。',
    en: 'Observed late rates rise as grades fall (grades with at least {min} invoices).',
  },
  notMonotone: {
    'zh-CN': '注意：等级与实际逾期率不一致：{pairs}。',
    en: 'Note: grades are not in order of observed late rate: {pairs}.',
  },
  pair: { 'zh-CN': '{better} 的逾期率高于 {worse}', en: '{better} is late more often than {worse}' },
  customerTitle: { 'zh-CN': '客户级视图：', en: 'Customer-level view:' },
  customerHead: {
    'zh-CN':
      '其后 {horizon} 天内到期的单据有任一逾期即记该客户为逾期。参与客户 {n} 位，逾期 {bad} 位（{rate}）；未评级 {nr} 位，无结果 {none} 位。AUC {auc}，KS {ks}。',
    en: 'A customer is late when an invoice due in the following {horizon} days was paid late. {n} customers, {bad} late ({rate}); {nr} not rated, {none} without an outcome. AUC {auc}, KS {ks}.',
  },
  customerLine: { 'zh-CN': '{grade}：{n} 位，逾期率 {rate}', en: '{grade}: {n} customers, late rate {rate}' },
  tooFew: {
    'zh-CN': '截止日后的单据中按时与逾期须都有，目前数据不足以计算 AUC。',
    en: 'The invoices after the cut-off must include both on-time and late ones; there are not enough yet for an AUC.',
  },
} as const satisfies Catalog;

export const pct = (x: number | null) => (x === null ? '–' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
export const fixed3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

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
  grades.push(
    inv.notMonotone.length === 0
      ? t(lang, T.monotone, { min: monotoneMin })
      : t(lang, T.notMonotone, {
          pairs: inv.notMonotone
            .map((p) => t(lang, T.pair, { better: p.better, worse: p.worse }))
            .join(lang === 'zh-CN' ? '；' : '; '),
        }),
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
