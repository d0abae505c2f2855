// The add-on menu and the shared menu-action wrapper. onOpen may run in AuthMode.NONE (add-on installed but not yet
// used in this file): then only the user's locale is available, so the menu is built from it alone; in LIMITED and
// FULL the settings' language override applies. Failures of menu actions become a localized alert, never a stack.
import { uiLang } from '../adapters/runtime';
import { openLedgerStore } from '../adapters/sheet-store';
import { type Lang, langFromLocale, type Text, t } from '../domain/i18n';
import { MENU, UI } from '../domain/workbook-i18n';

type MenuKey = keyof typeof MENU;
const GROUPS: ReadonlyArray<readonly MenuKey[]> = [
  ['showSidebar'],
  ['refreshLedger', 'rescoreCustomers', 'runBacktest', 'buildReports'],
  ['previewReminders', 'runRemindersNow', 'enableDailyReminders', 'disableDailyReminders'],
  ['setupWorkbook', 'verifyAuditLog'],
  ['showImport', 'enableWeeklyBackup', 'disableWeeklyBackup'],
];

function localeLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch (_e) {
    return 'en';
  }
}

function isNoneMode(e: { authMode?: unknown } | undefined): boolean {
  if (!e || e.authMode === undefined) return false;
  return String(e.authMode) === 'NONE' || e.authMode === ScriptApp.AuthMode.NONE;
}

/**
 * The UI language for menus and alerts: the settings override when the document is readable, else the locale. It
 * reads the Settings sheet itself (not the mirrored language), so opening the file also re-syncs that mirror.
 */
export function menuLang(noDocument = false): Lang {
  if (noDocument) return localeLang();
  try {
    return uiLang(openLedgerStore().settings());
  } catch (_e) {
    return localeLang();
  }
}

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const lang = menuLang(isNoneMode(e));
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  GROUPS.forEach((group, i) => {
    if (i > 0) menu.addSeparator();
    for (const key of group) menu.addItem(MENU[key][lang], key);
  });
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  runMenuAction('showSidebar', () => {
    const lang = menuLang();
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(UI.sidebarTitle[lang]);
    SpreadsheetApp.getUi().showSidebar(html);
  });
}

/** The message of any error in `lang`: errors carrying `text: Text` (LedgerError and friends) speak it. */
export function errorMessage(err: unknown, lang: Lang): string {
  const text = (err as { text?: Text } | null)?.text;
  if (text && typeof text[lang] === 'string') return text[lang];
  return err instanceof Error ? err.message : String(err);
}

/** Shows an alert, or logs when there is no UI (triggers, RPC). */
export function showAlert(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch (_e) {
    console.log(`${title}: ${message}`);
  }
}

/**
 * Runs a menu action; a failure shows "<action> could not finish: <reason>" in the user's language (no stack
 * trace) and returns undefined. `name` is the menu function name (its caption titles the alert) or any label.
 */
export function runMenuAction<T>(name: string, fn: () => T, lang?: Lang | (() => Lang)): T | undefined {
  try {
    return fn();
  } catch (err) {
    const l = typeof lang === 'function' ? lang() : (lang ?? menuLang());
    const caption = (MENU as Record<string, Text>)[name];
    const action = caption ? caption[l] : name;
    console.error(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    showAlert(t(l, UI.title), t(l, UI.failed, { action, message: errorMessage(err, l) }));
    return undefined;
  }
}
