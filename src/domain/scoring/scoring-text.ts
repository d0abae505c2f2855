// Everything a user reads about scores, in both languages: reason codes with the customer's value, the NR reason,
// summaries of rescore and backtest runs, and why a record was left out. Reason texts carry the value because
// "max days late" alone does not tell an account manager what to talk about; "Max days late: 45" does.
import { type Catalog, type Lang, msg, type Text, t } from '../i18n';
import type { Grade } from '../records';
import type { FactorKey } from './factors';
import type { SkippedRecord } from './history';
import type { Reason } from './scorecard';

export const REASON_TEXT: Catalog<FactorKey> = {
  onTimeShare: msg('scoring/scoring-text.REASON_TEXT.onTimeShare'),
  avgDaysLate: msg('scoring/scoring-text.REASON_TEXT.avgDaysLate'),
  maxDaysLate: msg('scoring/scoring-text.REASON_TEXT.maxDaysLate'),
  overdueRatio: msg('scoring/scoring-text.REASON_TEXT.overdueRatio'),
  oldestOverdueDays: msg('scoring/scoring-text.REASON_TEXT.oldestOverdueDays'),
  utilization: msg('scoring/scoring-text.REASON_TEXT.utilization'),
  tenureMonths: msg('scoring/scoring-text.REASON_TEXT.tenureMonths'),
  disputes12m: msg('scoring/scoring-text.REASON_TEXT.disputes12m'),
  debtRatio: msg('scoring/scoring-text.REASON_TEXT.debtRatio'),
  currentRatio: msg('scoring/scoring-text.REASON_TEXT.currentRatio'),
};

const PERCENT_FACTORS: ReadonlySet<FactorKey> = new Set(['onTimeShare', 'overdueRatio', 'utilization']);

/** The customer's value as shown in a reason: percents for ratios, one decimal for averages, whole days otherwise. */
export function formatFactorValue(factor: FactorKey, value: number): string {
  if (PERCENT_FACTORS.has(factor)) return `${Math.round(value * 100)}%`;
  if (factor === 'avgDaysLate') return String(Math.round(value * 10) / 10);
  // debt ratio is typed in percent already (65 = 65 %); a current ratio reads as 1.25
  if (factor === 'debtRatio') return `${Math.round(value * 10) / 10}%`;
  if (factor === 'currentRatio') return (Math.round(value * 100) / 100).toFixed(2);
  return String(Math.round(value));
}

/** The on-time reason with the number of invoices behind it (a share of 3 invoices is not a share of 30). */
export const ON_TIME_OF_TEXT: Text = msg('scoring/scoring-text.ON_TIME_OF_TEXT');

export function reasonText(lang: Lang, r: Pick<Reason, 'factor' | 'value' | 'invoices'>): string {
  const value = formatFactorValue(r.factor, r.value);
  if (r.factor === 'onTimeShare' && r.invoices !== undefined)
    return t(lang, ON_TIME_OF_TEXT, { value, invoices: r.invoices });
  return t(lang, REASON_TEXT[r.factor], { value });
}

const SEPARATOR: Readonly<Record<Lang, string>> = msg('scoring/scoring-text.SEPARATOR');

/** The text written to the customers sheet's scoreReasons column. */
export function reasonsCell(lang: Lang, reasons: ReadonlyArray<Pick<Reason, 'factor' | 'value' | 'invoices'>>): string {
  return reasons.map((r) => reasonText(lang, r)).join(SEPARATOR[lang]);
}

export const NR_REASON = msg('scoring/scoring-text.NR_REASON');

export function nrReasonCell(lang: Lang, settled: number, needed: number): string {
  return t(lang, NR_REASON, { settled, needed });
}

export const GRADE_LABEL: Catalog<'NR'> = { NR: msg('scoring/scoring-text.GRADE_LABEL.NR') };

export const SKIP_TEXT: Catalog<SkippedRecord['reason']> = {
  'bad-date': msg('scoring/scoring-text.SKIP_TEXT.bad-date'),
  'bad-amount': msg('scoring/scoring-text.SKIP_TEXT.bad-amount'),
  'unknown-customer': msg('scoring/scoring-text.SKIP_TEXT.unknown-customer'),
  'unknown-invoice': msg('scoring/scoring-text.SKIP_TEXT.unknown-invoice'),
};

export const SCORING_MSG = {
  rescoreStarted: msg('scoring/scoring-text.SCORING_MSG.rescoreStarted'),
  rescoreDone: msg('scoring/scoring-text.SCORING_MSG.rescoreDone'),
  settingsProblems: msg('scoring/scoring-text.SCORING_MSG.settingsProblems'),
  gradeChange: msg('scoring/scoring-text.SCORING_MSG.gradeChange'),
  backtestStarted: msg('scoring/scoring-text.SCORING_MSG.backtestStarted'),
  backtestTitle: msg('scoring/scoring-text.SCORING_MSG.backtestTitle'),
  backtestSummary: msg('scoring/scoring-text.SCORING_MSG.backtestSummary'),
  backtestGradeLine: msg('scoring/scoring-text.SCORING_MSG.backtestGradeLine'),
  backtestTooFew: msg('scoring/scoring-text.SCORING_MSG.backtestTooFew'),
} as const;

export function gradeLabel(lang: Lang, g: Grade | ''): string {
  return g === 'NR' ? t(lang, GRADE_LABEL.NR) : g;
}
