// Entry points of the reports feature (PRODUCT.md §11): the menu action, the sidebar's "as of a past day" and cards,
// and the daily trigger's build after the day's reminders (guarded: a report failure never breaks reminders).
import { readReportProps, reportSheetWriter } from '../adapters/report-sheet';
import { languageOnly, sessionIdentity, sheetsClock, uiLang } from '../adapters/runtime';
import { openLedgerStore, type SheetLedgerStore } from '../adapters/sheet-store';
import {
  type BuildReportsRefusal,
  type BuildReportsResult,
  buildReports as buildUseCase,
  type ReportCards,
} from '../app/build-reports';
import type { Clock } from '../app/ports';
import { type Lang, t } from '../domain/i18n';
import { REPORT } from '../domain/reports/report-i18n';
import { menuLang, runMenuAction, showAlert } from './menu';

function build(store: SheetLedgerStore, clock: Clock, asOf = ''): BuildReportsResult | BuildReportsRefusal {
  const writer = reportSheetWriter(store.ss, store.documentProps());
  // The report reads the settings anyway; reading them first makes the workbook language the sheet's current value.
  store.settings();
  return buildUseCase({ store, clock, writer, zone: store.tz }, store.lang, asOf);
}

function summary(r: BuildReportsResult | BuildReportsRefusal, lang: Lang): string {
  if (!r.ok) return r.message;
  const excluded = r.cards.excluded ? t(lang, REPORT.excludedShort, { n: r.cards.excluded }) : '';
  return t(lang, REPORT.done, { asOf: r.cards.asOf, sheet: r.sheetName, excluded }).trim();
}

/** Menu *Build reports*: the Reports sheet as of today, then a localized summary. */
export function buildReports(): BuildReportsResult | BuildReportsRefusal | undefined {
  let lang: Lang = menuLang(true);
  return runMenuAction(
    'buildReports',
    () => {
      const store = openLedgerStore();
      lang = uiLang(languageOnly(store)());
      const r = build(store, sheetsClock(store.zone));
      showAlert(t(lang, REPORT.menuTitle), summary(r, lang));
      return r;
    },
    () => lang,
  );
}

/** Sidebar: rebuild the Reports sheet as of a day ('' = today); a bad day comes back as a localized refusal. */
export function buildReportsAsOf(day: string): BuildReportsResult | BuildReportsRefusal {
  const store = openLedgerStore();
  const lang = sessionIdentity(languageOnly(store)).lang();
  const r = build(store, sheetsClock(store.zone), String(day ?? '').trim());
  return r.ok ? r : { ok: false, message: REPORT.badDay[lang] };
}

/** Sidebar home: the headline figures of the last build (null before the first one): one property read. */
export function reportCards(): ReportCards | null {
  try {
    return readReportProps(PropertiesService.getDocumentProperties()).cards ?? null;
  } catch (_e) {
    return null;
  }
}

/**
 * The daily reports: on the first hourly firing after the day's reminder run finished (status already-done), so the
 * reports get an execution of their own and the reminder run keeps its budget and its time. Built once a day (as of
 * today); a build already made today (menu or trigger) is kept. Never throws: reminders are what the trigger is for;
 * a report failure is logged and the next firing tries again.
 */
export function buildReportsAfterReminders(store: SheetLedgerStore, clock: Clock): void {
  try {
    const today = clock.today();
    const last = readReportProps(store.documentProps()).cards;
    if (last?.asOf === today && last.builtAt.startsWith(today)) return;
    const r = build(store, clock);
    console.log(`Reports: ${r.ok ? `built as of ${r.cards.asOf}` : r.message}`);
  } catch (err) {
    console.error(`Reports: ${err instanceof Error ? err.message : String(err)}`);
  }
}
