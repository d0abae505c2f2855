// Menu entry points for scoring: *Rescore customers* and *Run backtest*. Each composes the sheet adapters with the
// use case and turns the result into feedback (toasts, an alert for the backtest; failures become the shared
// localized alert); results are JSON-safe so the sidebar can call the same functions through google.script.run.
import { languageOnly, sessionIdentity, sheetsClock, toastProgress } from '../adapters/runtime';
import { openLedgerStore } from '../adapters/sheet-store';
import { recordAudit } from '../app/audit-log';
import { type BacktestOptions, type BacktestResult, runBacktestUseCase } from '../app/backtest';
import { rescoreCustomers as rescoreUseCase, type RescoreResult } from '../app/rescore';
import type { Lang, Text } from '../domain/i18n';
import { SCORING_MSG } from '../domain/scoring/scoring-text';
import { menuLang, runMenuAction, showAlert } from './menu';

const TITLE: Text = { 'zh-CN': '信用评分', en: 'Credit scoring' };

function context() {
  const store = openLedgerStore();
  const clock = sheetsClock(store.zone);
  const identity = sessionIdentity(languageOnly(store));
  return { store, clock, identity, lang: identity.lang() };
}

/** Scores every customer and writes score, grade, segment, reasons and date in one batch. */
export function rescoreCustomers(): RescoreResult | undefined {
  let lang: Lang = menuLang(true);
  return runMenuAction(
    'rescoreCustomers',
    () => {
      const { store, clock, identity, lang: l } = context();
      lang = l;
      const progress = toastProgress(TITLE[l], store.ss);
      return rescoreUseCase({
        store,
        clock,
        identity,
        progress,
        lang: l,
        source: 'sidebar',
        recordAudit: (rows) => recordAudit(store, rows),
      });
    },
    () => lang,
  );
}

/** Backtest as of a cut-off (default: the latest fully observed one); shows the report and returns it. */
export function runBacktest(options?: BacktestOptions): BacktestResult | undefined {
  let lang: Lang = menuLang(true);
  return runMenuAction(
    'runBacktest',
    () => {
      const { store, clock, lang: l } = context();
      lang = l;
      const result = runBacktestUseCase(
        { store, clock, progress: toastProgress(TITLE[l], store.ss), lang: l },
        options ?? {},
      );
      showAlert(SCORING_MSG.backtestTitle[l], result.summary[l]);
      return result;
    },
    () => lang,
  );
}
