// Menu entry points for scoring: *Rescore customers* and *Run backtest*. Each composes the sheet adapters with the
// use case and turns the result into feedback (toasts, an alert for the backtest; failures become the shared
// localized alert); results are JSON-safe so the sidebar can call the same functions through google.script.run.
import { languageOnly, sessionIdentity, sheetsClock, toastProgress } from '../adapters/runtime';
import { openLedgerStore } from '../adapters/sheet-store';
import { recordAudit } from '../app/audit-log';
import { type BacktestOptions, type BacktestResult, runBacktestUseCase } from '../app/backtest';
import { rescoreCustomers as rescoreUseCase, type RescoreResult } from '../app/rescore';
import { fill, type Lang, type Text, msg } from '../domain/i18n';
import { defaultCutoff } from '../domain/scoring/backtest';
import { SCORING_MSG } from '../domain/scoring/scoring-text';
import { parseScoringSettings } from '../domain/scoring/settings';
import { menuLang, runMenuAction, showAlert } from './menu';

const TITLE: Text = msg('handlers/scoring.TITLE');

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

/**
 * Backtest as of a cut-off. Called with `{ cutoff }` (the sidebar, scripts) it runs at once; from the menu (no
 * argument, or whatever the menu passes) it first asks for the cut-off, offering the default. Shows the report in an
 * alert and returns it; Cancel returns undefined.
 */
export function runBacktest(options?: BacktestOptions): BacktestResult | undefined {
  let lang: Lang = menuLang(true);
  return runMenuAction(
    'runBacktest',
    () => {
      const { store, clock, lang: l } = context();
      lang = l;
      let opts: BacktestOptions = {};
      if (options && typeof options === 'object' && typeof options.cutoff === 'string') opts = options;
      else {
        const typed = askCutoff(l, store, clock.today());
        if (typed === null) return undefined;
        opts = { cutoff: typed };
      }
      const result = runBacktestUseCase({ store, clock, progress: toastProgress(TITLE[l], store.ss), lang: l }, opts);
      showAlert(SCORING_MSG.backtestTitle[l], result.summary[l]);
      return result;
    },
    () => lang,
  );
}

const PROMPT: Text = msg('handlers/scoring.PROMPT');

/** The cut-off the user typed ('' = default), or null when the prompt was cancelled. */
function askCutoff(lang: Lang, store: ReturnType<typeof openLedgerStore>, today: string): string | null {
  const { params } = parseScoringSettings(store.settings());
  const dflt = defaultCutoff(today, params.backtestHorizonDays, params.graceDays);
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(SCORING_MSG.backtestTitle[lang], fill(PROMPT[lang], { dflt }), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  return answer.getResponseText().trim();
}
