// Backtest use case (menu *Run backtest* with a prompt for the cut-off, the sidebar's backtest view, tests): reads
// the ledger once, rates every customer as of the cut-off and compares with what happened afterwards — invoice by
// invoice against the naive rule, and customer by customer. The default cut-off is the latest day whose whole
// horizon can already be observed; a cut-off the user typed is used as typed or refused with a message naming the
// field and the rule, never silently replaced.
import { type IsoDay, isIsoDay } from '../domain/day';
import { fill, type Lang, msg, perLang, type Text } from '../domain/i18n';
import { type BacktestReport, backtest, defaultCutoff } from '../domain/scoring/backtest';
import { type BacktestLines, backtestLines, backtestSummary } from '../domain/scoring/backtest-text';
import { buildHistories } from '../domain/scoring/history';
import { type InvoiceBacktestReport, invoiceBacktest, MONOTONE_MIN_INVOICES } from '../domain/scoring/invoice-backtest';
import { SCORING_MSG } from '../domain/scoring/scoring-text';
import { parseScoringSettings } from '../domain/scoring/settings';
import { LedgerError } from '../domain/table';
import type { Clock, LedgerStore, Progress } from './ports';

export interface BacktestOptions {
  /** 'yyyy-MM-dd' before today; empty or absent = the default cut-off. */
  cutoff?: IsoDay;
  horizonDays?: number;
}

export interface BacktestResult {
  /** Customer-level report (the second table). */
  report: BacktestReport;
  /** Invoice-level report with the naive baseline (the headline). */
  invoices: InvoiceBacktestReport;
  /** Multi-line summary for an alert. */
  summary: Text;
  /** The same, as lines per part, for the sidebar. */
  lines: Readonly<Record<Lang, BacktestLines>>;
}

export const CUTOFF_RULE: Text = msg('app/backtest.CUTOFF_RULE');

/** The cut-off to use: the default when `typed` is empty; a LedgerError naming the field and rule when invalid. */
export function resolveCutoff(typed: string | undefined, today: IsoDay, horizon: number, grace: number): IsoDay {
  const v = String(typed ?? '').trim();
  if (v === '') return defaultCutoff(today, horizon, grace);
  if (!isIsoDay(v) || v >= today) {
    throw new LedgerError(perLang((lang) => fill(CUTOFF_RULE[lang], { today })));
  }
  return v;
}

export function runBacktestUseCase(
  deps: { store: LedgerStore; clock: Clock; progress?: Progress; lang?: Lang },
  opts: BacktestOptions = {},
): BacktestResult {
  const { store, clock } = deps;
  const today = clock.today();
  const { params } = parseScoringSettings(store.settings());
  const horizon = opts.horizonDays && opts.horizonDays > 0 ? Math.floor(opts.horizonDays) : params.backtestHorizonDays;
  const cutoff = resolveCutoff(opts.cutoff, today, horizon, params.graceDays);
  if (deps.lang) deps.progress?.step(fill(SCORING_MSG.backtestStarted[deps.lang], { cutoff }));
  const customers = store.read('customers').rows.map((s) => s.record);
  const histories = buildHistories(
    store.read('invoices').rows.map((s) => s.record),
    store.read('payments').rows.map((s) => s.record),
    store.read('interactions').rows.map((s) => s.record),
  );
  const report = backtest(customers, histories, cutoff, today, params, horizon);
  const invoices = invoiceBacktest(customers, histories, cutoff, today, params, horizon);
  const lines = (lang: Lang) => backtestLines(lang, invoices, report, params.graceDays, MONOTONE_MIN_INVOICES);
  const byLang = { 'zh-CN': lines('zh-CN'), en: lines('en'), 'zh-TW': lines('zh-TW') };
  return {
    report,
    invoices,
    summary: perLang((lang) => backtestSummary(lang, byLang[lang])),
    lines: byLang,
  };
}

/** The sidebar's backtest result: the report's lines in the user's language, or the reason it could not run. */
export type BacktestView =
  | { ok: true; cutoff: IsoDay; lines: BacktestLines; beats: boolean | null }
  | { ok: false; message: string };

export function backtestView(deps: { store: LedgerStore; clock: Clock; lang: Lang }, cutoff: string): BacktestView {
  try {
    const r = runBacktestUseCase(deps, { cutoff: String(cutoff ?? '') });
    const { auc, naiveAuc } = r.invoices;
    return {
      ok: true,
      cutoff: r.invoices.cutoff,
      lines: r.lines[deps.lang],
      beats: auc === null || naiveAuc === null ? null : auc > naiveAuc,
    };
  } catch (e) {
    if (e instanceof LedgerError) return { ok: false, message: e.text[deps.lang] };
    throw e;
  }
}
