// Entry points of the reminder feature: the hourly trigger and the menu actions (the sidebar composes the status and
// preview use cases itself, in handlers/sidebar.ts). The trigger first checks that the authorization has not lapsed
// and that its owner is still the account that enabled the reminders.
import type { Clock, Identity } from '../app/ports';
import {
  type AdminDeps,
  disableDailyReminders as disableUseCase,
  enableDailyReminders as enableUseCase,
  isAdmin,
  isStaleTrigger,
  removeOwnDailyTriggers,
} from '../app/reminder-admin';
import { clearRunFailure, reportRunFailure } from '../app/reminder-failure';
import type { ReminderStateStore } from '../app/reminder-ports';
import { previewReminders as previewUseCase } from '../app/reminder-preview';
import { previewHtml } from '../app/reminder-preview-html';
import { refreshLedgerRows } from '../app/refresh-ledger';
import { type RunDeps, type RunResult, runReminders } from '../app/reminder-run';
import { recordAudit } from '../app/audit-log';
import { GRADE_CHANGE_ACTION, rescoreCustomers } from '../app/rescore';
import { gradeDropsSince } from '../app/rescore-anomalies';
import { t, msg } from '../domain/i18n';
import { parseReminderSettings } from '../domain/reminders/settings';
import { documentStateStore } from '../adapters/checkpoint';
import { documentLock } from '../adapters/lock';
import { mailAppMailer } from '../adapters/mail';
import { sessionAccounts } from '../adapters/reminder-accounts';
import { languageOnly, sessionIdentity, sheetsClock, toastProgress } from '../adapters/runtime';
import { openLedgerStore, type SheetLedgerStore } from '../adapters/sheet-store';
import { authorizationRequired, scriptAppTriggers } from '../adapters/trigger';
import { chatRunHooks } from './chat-alerts';
import { runWeeklyBackupIfDue } from './backup';
import { runMenuAction } from './menu';
import { buildReportsAfterReminders } from './reports';

const MSG = {
  title: msg('handlers/reminders.MSG.title'),
  started: msg('handlers/reminders.MSG.started'),
  finished: msg('handlers/reminders.MSG.finished'),
  previewTitle: msg('handlers/reminders.MSG.previewTitle'),
  done: msg('handlers/reminders.MSG.done'),
  locked: msg('handlers/reminders.MSG.locked'),
  notAdmin: msg('handlers/reminders.MSG.notAdmin'),
} as const;

interface Env {
  store: SheetLedgerStore;
  clock: Clock;
  identity: Identity;
}

function env(): Env {
  const store = openLedgerStore();
  return { store, clock: sheetsClock(store.zone), identity: sessionIdentity(languageOnly(store)) };
}

function runDeps(e: Env, since: () => string): RunDeps {
  return {
    store: e.store,
    clock: e.clock,
    mailer: mailAppMailer(),
    lock: documentLock(() => e.store.wrote),
    state: documentStateStore(),
    // Writes the derived columns as of today (the run recomputes them in memory as well, so it never trusts stale ones).
    refresh: () => refreshLedgerRows(e.store, e.clock.today(), { step: () => undefined }, e.identity.lang()).rows,
    rescore: () => dailyRescore(e),
    gradeDrops: (_day, minSteps) => gradeDropsSince(e.store, since(), minSteps),
    log: (m) => console.log(m),
  };
}

/**
 * The daily run's rescore: the rescore use case on the rows the run already read, one write of the score columns,
 * and audit rows only for grade changes (which the digest's anomaly alerts read); quiet days add no audit write.
 */
function dailyRescore(e: Env): boolean {
  const r = rescoreCustomers({
    store: e.store,
    clock: e.clock,
    identity: e.identity,
    source: 'trigger',
    recordAudit: (rows) => {
      const changes = rows.filter((x) => x.action === GRADE_CHANGE_ACTION);
      if (changes.length) recordAudit(e.store, changes);
    },
  });
  return r.scored > 0;
}

function adminDeps(e: Env): AdminDeps {
  return { ...e, accounts: sessionAccounts(), triggers: scriptAppTriggers(), state: documentStateStore() };
}

function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** The hourly trigger (PRODUCT.md §5): does the day's work once after the configured hour, resumes it if cut. */
export function runDailyReminders(_e?: GoogleAppsScript.Events.TimeDriven): void {
  if (authorizationRequired()) {
    console.log('Reminders: authorization is required again; the trigger exits without running.');
    return;
  }
  const state = documentStateStore();
  const runner = sessionAccounts().effectiveUser();
  if (isStaleTrigger(state, runner)) {
    removeOwnDailyTriggers(scriptAppTriggers());
    console.log(`Reminders: ${runner || 'this account'} is not the enabled sender; its trigger was removed.`);
    return;
  }
  const e = env();
  const prevDay = state.loadState()?.day ?? '';
  // WeCom / DingTalk alerts (PRODUCT.md §15): digests and anomalies from the run, failures of the run itself.
  const chat = chatRunHooks(
    () => e.store.settings(),
    () => e.clock.today(),
  );
  const deps = { ...runDeps(e, () => prevDay || e.clock.today()), onDigest: chat.onDigest };
  let result: RunResult;
  try {
    result = runReminders(deps, 'daily');
  } catch (err) {
    // A damaged workbook fails every hour the same way: say so in the sidebar and to the admins (by e-mail and in
    // the chat group), once a day.
    const before = state.failure?.() ?? null;
    if (!before?.at.startsWith(e.clock.today())) chat.finish({ error: err });
    const failure = reportRunFailure(
      { ...deps, state, lang: e.identity.lang(), recipients: () => failureRecipients(e, state) },
      err,
    );
    console.error(`Reminders: the run failed: ${failure.text.en}`);
    if ((err as { text?: unknown } | null)?.text) return;
    throw err;
  }
  if (result.status === 'done' || result.status === 'partial') clearRunFailure(state);
  chat.finish({ result });
  console.log(`Reminders: ${JSON.stringify(result)}`);
  if (result.status === 'already-done') buildReportsAfterReminders(e.store, e.clock);
  // The weekly backup rides on this single hourly trigger (PRODUCT.md §12).
  runWeeklyBackupIfDue();
}

/** The admins of the settings (when readable), the account that enabled the reminders and the owner. */
function failureRecipients(e: Env, state: ReminderStateStore): string[] {
  const out: string[] = [];
  try {
    out.push(...parseReminderSettings(e.store.settings()).admins);
  } catch (_e) {
    // settings unreadable: the sender and the owner still hear about it
  }
  const by = state.enabled()?.by;
  if (by) out.push(by);
  try {
    out.push(sessionAccounts().owner());
  } catch (_e) {
    // owner unknown in this context
  }
  return out;
}

export function runRemindersNow(): RunResult | undefined {
  const e = env();
  const lang = e.identity.lang();
  return runMenuAction(
    'runRemindersNow',
    () => {
      const config = parseReminderSettings(e.store.settings());
      if (!isAdmin(e.identity.user(), config.admins, sessionAccounts().owner())) {
        ui().alert(t(lang, MSG.title), t(lang, MSG.notAdmin), ui().ButtonSet.OK);
        return undefined;
      }
      const progress = toastProgress(t(lang, MSG.title), e.store.ss);
      progress.step(t(lang, MSG.started));
      const prevDay = documentStateStore().loadState()?.day ?? '';
      const r = runReminders(
        runDeps(e, () => prevDay || e.clock.today()),
        'now',
      );
      if (r.status !== 'locked') progress.step(t(lang, MSG.finished, { sent: r.sent, failed: r.failed }));
      const text =
        r.status === 'locked'
          ? t(lang, MSG.locked)
          : t(lang, MSG.done, {
              sent: r.sent,
              failed: r.failed,
              skipped: r.skipped,
              quota: r.deferredQuota,
              time: r.deferredTime,
            });
      ui().alert(t(lang, MSG.title), text, ui().ButtonSet.OK);
      return r;
    },
    lang,
  );
}

/** Menu dry run: a dialog listing what would be sent and every skip with its reason. */
export function previewReminders(): void {
  const e = env();
  const lang = e.identity.lang();
  runMenuAction(
    'previewReminders',
    () => {
      const p = previewUseCase({ ...e, state: documentStateStore() });
      const html = HtmlService.createHtmlOutput(previewHtml(p, lang)).setWidth(640).setHeight(520);
      ui().showModalDialog(html, t(lang, MSG.previewTitle));
    },
    lang,
  );
}

export function enableDailyReminders(): void {
  const e = env();
  runMenuAction(
    'enableDailyReminders',
    () => {
      const r = enableUseCase(adminDeps(e));
      ui().alert(t(e.identity.lang(), MSG.title), r.message, ui().ButtonSet.OK);
    },
    () => e.identity.lang(),
  );
}

export function disableDailyReminders(): void {
  const e = env();
  runMenuAction(
    'disableDailyReminders',
    () => {
      const r = disableUseCase(adminDeps(e));
      ui().alert(t(e.identity.lang(), MSG.title), r.message, ui().ButtonSet.OK);
    },
    () => e.identity.lang(),
  );
}
