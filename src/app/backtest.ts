// Backtest use case (menu *Run backtest*, sidebar, tests): reads the ledger once, rates every customer as of a
// cut-off day and compares with what happened afterwards. The default cut-off is the latest day whose whole
// horizon can already be observed, so the figures are never flattered by outcomes that have not happened yet.
import { type IsoDay, isIsoDay } from '../domain/day';
import { fill, type Lang, type Text } from '../domain/i18n';
import { type BacktestReport, backtest, defaultCutoff } from '../domain/scoring/backtest';
import { buildHistories } from '../domain/scoring/history';
import { gradeLabel, SCORING_MSG } from '../domain/scoring/scoring-text';
import { parseScoringSettings } from '../domain/scoring/settings';
import type { Clock, LedgerStore, Progress } from './ports';

export interface BacktestOptions {
  cutoff?: IsoDay;
  horizonDays?: number;
}

export interface BacktestResult {
  report: BacktestReport;
  /** Multi-line summary for an alert or the sidebar. */
  summary: Text;
}

export function runBacktestUseCase(
  deps: { store: LedgerStore; clock: Clock; progress?: Progress; lang?: Lang },
  opts: BacktestOptions = {},
): BacktestResult {
  const { store, clock } = deps;
  const today = clock.today();
  const { params } = parseScoringSettings(store.settings());
  const horizon = opts.horizonDays && opts.horizonDays > 0 ? Math.floor(opts.horizonDays) : params.backtestHorizonDays;
  const cutoff =
    opts.cutoff && isIsoDay(opts.cutoff) && opts.cutoff < today
      ? opts.cutoff
      : defaultCutoff(today, horizon, params.graceDays);
  if (deps.lang) deps.progress?.step(fill(SCORING_MSG.backtestStarted[deps.lang], { cutoff }));
  const customers = store.read('customers').rows.map((s) => s.record);
  const histories = buildHistories(
    store.read('invoices').rows.map((s) => s.record),
    store.read('payments').rows.map((s) => s.record),
    store.read('interactions').rows.map((s) => s.record),
  );
  const report = backtest(customers, histories, cutoff, today, params, horizon);
  return { report, summary: { 'zh-CN': summarize('zh-CN', report), en: summarize('en', report) } };
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 1000) / 10}%`);
const fixed = (x: number | null) => (x === null ? '–' : x.toFixed(3));

export function summarize(lang: Lang, r: BacktestReport): string {
  const head = fill(SCORING_MSG.backtestSummary[lang], {
    cutoff: r.cutoff,
    horizon: r.horizonDays,
    n: r.customers,
    bad: r.late,
    rate: pct(r.lateRate),
    nr: r.notRated,
    none: r.noOutcome,
    auc: fixed(r.auc),
    ks: fixed(r.ks),
  });
  const lines = r.byGrade.map((g) =>
    fill(SCORING_MSG.backtestGradeLine[lang], {
      grade: gradeLabel(lang, g.grade),
      n: g.customers,
      rate: pct(g.lateRate),
    }),
  );
  const tooFew = r.auc === null ? `\n${SCORING_MSG.backtestTooFew[lang]}` : '';
  return `${head}${tooFew}\n\n${lines.join('\n')}`;
}
