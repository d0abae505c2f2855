// The weekly backup from the menu (admins) and from the hourly trigger (runDailyReminders calls
// runWeeklyBackupIfDue after the reminders). It uses the reminders' single hourly trigger instead of a second one
// (an add-on may own one time-driven trigger per user per document): enabling it requires daily reminders on.
import { documentBackupState, mailBackup, utilitiesZip } from '../adapters/backup';
import { documentStateStore } from '../adapters/checkpoint';
import { sheetExportReader } from '../adapters/export-sheets';
import { sessionAccounts } from '../adapters/reminder-accounts';
import { sessionIdentity, sheetsClock } from '../adapters/runtime';
import { openLedgerStore } from '../adapters/sheet-store';
import { BACKUP_TEXT, type BackupOutcome, runBackupIfDue } from '../app/backup';
import { isAdmin } from '../app/reminder-admin';
import { t } from '../domain/i18n';
import { parseReminderSettings } from '../domain/reminders/settings';
import { UI } from '../domain/workbook-i18n';
import { runMenuAction, showAlert } from './menu';

function setBackup(enabled: boolean): void {
  const store = openLedgerStore();
  const identity = sessionIdentity(() => store.settings());
  const lang = identity.lang();
  runMenuAction(
    enabled ? 'enableWeeklyBackup' : 'disableWeeklyBackup',
    () => {
      const config = parseReminderSettings(store.settings());
      const user = identity.user() || sessionAccounts().effectiveUser();
      if (!isAdmin(user, config.admins, sessionAccounts().owner())) {
        showAlert(t(lang, UI.title), t(lang, BACKUP_TEXT.notAdmin));
        return;
      }
      if (enabled && !documentStateStore().enabled()) {
        showAlert(t(lang, UI.title), t(lang, BACKUP_TEXT.needsTrigger));
        return;
      }
      const state = documentBackupState();
      const before = state.load();
      state.save({ enabled, by: user, lastDay: before?.lastDay ?? '' });
      showAlert(t(lang, UI.title), t(lang, enabled ? BACKUP_TEXT.enabled : BACKUP_TEXT.disabled));
    },
    lang,
  );
}

export function enableWeeklyBackup(): void {
  setBackup(true);
}

export function disableWeeklyBackup(): void {
  setBackup(false);
}

/** Called by the hourly trigger after the reminders; a failure is logged and never stops the trigger. */
export function runWeeklyBackupIfDue(): BackupOutcome | 'failed' {
  try {
    const state = documentBackupState();
    if (!state.load()?.enabled) return 'off';
    const store = openLedgerStore();
    const clock = sheetsClock(store.zone);
    const config = parseReminderSettings(store.settings());
    const owner = sessionAccounts().owner();
    const recipients = [...new Set([...config.admins, owner.toLowerCase()].filter(Boolean))];
    const outcome = runBackupIfDue({
      state,
      read: sheetExportReader(store),
      today: () => clock.today(),
      lang: store.lang,
      company: config.companyName,
      recipients: () => recipients,
      zip: utilitiesZip,
      send: mailBackup,
    });
    console.log(`Weekly backup: ${outcome}`);
    return outcome;
  } catch (e) {
    console.error(`Weekly backup failed: ${e instanceof Error ? e.message : String(e)}`);
    return 'failed';
  }
}
