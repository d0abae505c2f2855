// Everything a user reads about scores, in both languages: reason codes with the customer's value, the NR reason,
// summaries of rescore and backtest runs, and why a record was left out. Reason texts carry the value because
// "max days late" alone does not tell an account manager what to talk about; "Max days late: 45" does.
import { type Catalog, type Lang, t } from '../i18n';
import type { Grade } from '../records';
import type { FactorKey } from './factors';
import type { SkippedRecord } from './history';
import type { Reason } from './scorecard';

export const REASON_TEXT: Catalog<FactorKey> = {
  onTimeShare: { 'zh-CN': '按时回款占比 {value}', en: 'On-time payment share: {value}' },
  avgDaysLate: { 'zh-CN': '平均逾期 {value} 天', en: 'Avg days late: {value}' },
  maxDaysLate: { 'zh-CN': '最长逾期 {value} 天', en: 'Max days late: {value}' },
  overdueRatio: { 'zh-CN': '逾期金额占应收 {value}', en: 'Overdue share of balance: {value}' },
  oldestOverdueDays: { 'zh-CN': '当前最久逾期 {value} 天', en: 'Oldest overdue invoice: {value} days' },
  utilization: { 'zh-CN': '信用额度使用率 {value}', en: 'Credit utilization: {value}' },
  tenureMonths: { 'zh-CN': '合作时长 {value} 个月', en: 'Tenure: {value} months' },
  disputes12m: { 'zh-CN': '近 12 个月争议及投诉 {value} 次', en: 'Disputes and complaints (12 months): {value}' },
};

const PERCENT_FACTORS: ReadonlySet<FactorKey> = new Set(['onTimeShare', 'overdueRatio', 'utilization']);

/** The customer's value as shown in a reason: percents for ratios, one decimal for averages, whole days otherwise. */
export function formatFactorValue(factor: FactorKey, value: number): string {
  if (PERCENT_FACTORS.has(factor)) return `${Math.round(value * 100)}%`;
  if (factor === 'avgDaysLate') return String(Math.round(value * 10) / 10);
  return String(Math.round(value));
}

export function reasonText(lang: Lang, r: Pick<Reason, 'factor' | 'value'>): string {
  return t(lang, REASON_TEXT[r.factor], { value: formatFactorValue(r.factor, r.value) });
}

const SEPARATOR: Readonly<Record<Lang, string>> = { 'zh-CN': '；', en: '; ' };

/** The text written to the customers sheet's scoreReasons column. */
export function reasonsCell(lang: Lang, reasons: ReadonlyArray<Pick<Reason, 'factor' | 'value'>>): string {
  return reasons.map((r) => reasonText(lang, r)).join(SEPARATOR[lang]);
}

export const NR_REASON = {
  'zh-CN': '未评级：近 24 个月已结清 {settled} 张单据，至少需要 {needed} 张',
  en: 'Not rated: {settled} invoice(s) settled in the last 24 months, {needed} needed',
} as const;

export function nrReasonCell(lang: Lang, settled: number, needed: number): string {
  return t(lang, NR_REASON, { settled, needed });
}

export const GRADE_LABEL: Catalog<'NR'> = { NR: { 'zh-CN': '未评级', en: 'Not rated' } };

export const SKIP_TEXT: Catalog<SkippedRecord['reason']> = {
  'bad-date': { 'zh-CN': '日期无效', en: 'invalid date' },
  'bad-amount': { 'zh-CN': '金额无效', en: 'invalid amount' },
  'unknown-customer': { 'zh-CN': '客户不存在', en: 'unknown customer' },
  'unknown-invoice': { 'zh-CN': '单据不存在', en: 'unknown invoice' },
};

export const SCORING_MSG = {
  rescoreStarted: { 'zh-CN': '正在为 {n} 位客户评分…', en: 'Scoring {n} customers…' },
  rescoreDone: {
    'zh-CN': '已评分 {scored} 位客户（未评级 {nr} 位，跳过 {skipped} 行，等级变动 ≥{steps} 级 {changes} 位）',
    en: 'Scored {scored} customers ({nr} not rated, {skipped} rows skipped, {changes} grade changes of {steps}+ steps)',
  },
  settingsProblems: {
    'zh-CN': '设置中有 {n} 项评分参数无效，已使用默认值：{keys}',
    en: '{n} scoring settings are invalid and their defaults were used: {keys}',
  },
  gradeChange: {
    'zh-CN': '{name}（{id}）信用等级 {from} → {to}',
    en: '{name} ({id}) credit grade {from} → {to}',
  },
  backtestStarted: { 'zh-CN': '正在回测（截至 {cutoff}）…', en: 'Running the backtest (cut-off {cutoff})…' },
  backtestTitle: { 'zh-CN': '评分回测', en: 'Score backtest' },
  backtestSummary: {
    'zh-CN':
      '截至 {cutoff} 评分，观察其后 {horizon} 天内到期的单据。\n参与客户 {n} 位，其中逾期 {bad} 位（{rate}）；未评级 {nr} 位，无结果 {none} 位。\nAUC {auc}，KS {ks}。',
    en: 'Scores as of {cutoff}, outcomes of invoices due in the following {horizon} days.\n{n} customers, {bad} of them paid late ({rate}); {nr} not rated, {none} without an outcome.\nAUC {auc}, KS {ks}.',
  },
  backtestGradeLine: {
    'zh-CN': '{grade}：{n} 位，逾期率 {rate}',
    en: '{grade}: {n} customers, late rate {rate}',
  },
  backtestTooFew: {
    'zh-CN': '回测需要截止日后既有按时也有逾期的客户，目前数据不足。',
    en: 'The backtest needs customers with both on-time and late outcomes after the cut-off; there are not enough yet.',
  },
  rescoreAudit: {
    'zh-CN': '评分日 {asOf}：{summary}；等级分布：{grades}',
    en: 'As of {asOf}: {summary}; grades: {grades}',
  },
  listSeparator: { 'zh-CN': '，', en: ', ' },
} as const;

export function gradeLabel(lang: Lang, g: Grade | ''): string {
  return g === 'NR' ? t(lang, GRADE_LABEL.NR) : g;
}
