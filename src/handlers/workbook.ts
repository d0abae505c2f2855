// Entry points of the workbook feature: Set up / repair, Refresh ledger, Verify audit log and the onEdit trigger.
// Each composes the SpreadsheetApp adapters with a use case and reports back in the user's language.
import { handleEdit } from '../adapters/edit-event';
import { languageOnly, sessionIdentity, sheetsClock, toastProgress, uiLang } from '../adapters/runtime';
import { type SetupOutcome, setupSheets } from '../adapters/sheet-setup';
import { openLedgerStore } from '../adapters/sheet-store';
import { type AuditCheck, verifyAudit } from '../app/audit-log';
import { type RefreshResult, refreshLedger as refreshUseCase, refreshSummary } from '../app/refresh-ledger';
import { type Lang, LIST_SEPARATOR, t } from '../domain/i18n';
import { sheetOf } from '../domain/schema';
import { MENU, REFRESH, SETUP, UI } from '../domain/workbook-i18n';
import { menuLang, runMenuAction, showAlert } from './menu';

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

function setupSummary(o: SetupOutcome, lang: Lang): string {
  const none = t(lang, SETUP.none);
  const created = o.created.map((r) => sheetOf(r).name[lang]).join(t(lang, LIST_SEPARATOR)) || none;
  const columns =
    o.addedColumns.map((a) => `${sheetOf(a.role).name[lang]}: ${a.headers.join(', ')}`).join('; ') || none;
  return t(lang, SETUP.summary, { created, columns, settings: o.settingsAdded });
}

/** Creates or repairs every sheet, logs the setup to the audit log and shows what changed. */
export function setupWorkbook(): SetupOutcome | undefined {
  // Locale (or the language the workbook was set up in): the settings sheet may not exist yet.
  const lang = menuLang(true);
  return runMenuAction(
    'setupWorkbook',
    () => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const tz = ss.getSpreadsheetTimeZone();
      const user = sessionIdentity().user();
      const entry = (o: SetupOutcome) => ({
        at: Utilities.formatDate(new Date(), tz, 'yyyy-MM-dd HH:mm:ss'),
        user,
        action: 'setup',
        newValue: setupSummary(o, 'en'),
        source: 'setup' as const,
      });
      const outcome = setupSheets(ss, lang, toastProgress(t(lang, SETUP.title), ss), entry);
      showAlert(MENU.setupWorkbook[lang], setupSummary(outcome, lang));
      return outcome;
    },
    lang,
  );
}

/** Recomputes all derived columns as of today (spreadsheet time zone) and shows a summary. */
export function refreshLedger(): RefreshResult | undefined {
  let lang: Lang = menuLang(true);
  return runMenuAction(
    'refreshLedger',
    () => {
      const store = openLedgerStore();
      lang = uiLang(languageOnly(store)());
      const clock = sheetsClock(store.zone);
      const result = refreshUseCase(store, clock.today(), toastProgress(t(lang, REFRESH.title), store.ss), lang);
      showAlert(t(lang, REFRESH.title), refreshSummary(result, lang));
      return result;
    },
    () => lang,
  );
}

/** Walks the audit hash chain and names the first altered row. */
export function verifyAuditLog(): AuditCheck | undefined {
  let lang: Lang = menuLang(true);
  return runMenuAction(
    'verifyAuditLog',
    () => {
      const store = openLedgerStore();
      lang = uiLang(languageOnly(store)());
      const check = verifyAudit(store);
      showAlert(MENU.verifyAuditLog[lang], auditMessage(check, lang));
      return check;
    },
    () => lang,
  );
}

/** The verification's finding in the user's language: intact, or the first altered, missing or inserted row. */
function auditMessage(check: AuditCheck, lang: Lang): string {
  if (check.ok) return t(lang, UI.auditOk, { rows: check.rows });
  const vars = { row: check.row, rows: check.rows };
  if (!('kind' in check)) return t(lang, UI.auditBroken, vars);
  if (check.kind === 'altered') return t(lang, UI.auditAltered, vars);
  if (check.kind === 'missing') return t(lang, UI.auditMissing, { ...vars, count: check.count ?? 1 });
  if (check.kind === 'inserted') return t(lang, UI.auditInserted, vars);
  return check.count === undefined
    ? t(lang, UI.auditTruncatedOld, vars)
    : t(lang, UI.auditTruncated, { ...vars, count: check.count, expected: check.rows + check.count });
}
