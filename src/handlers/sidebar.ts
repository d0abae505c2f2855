// Wires the sidebar's RPC (src/rpc.ts) to Apps Script: each google.script.run call opens a fresh ledger store
// (it caches its reads for that one execution), the spreadsheet-zone clock, the session identity, the document
// lock and the reminder status. Kept out of rpc.ts so the sidebar's type-check never sees Apps Script types.
import { documentStateStore } from '../adapters/checkpoint';
import { documentLock } from '../adapters/lock';
import { languageOnly, sessionIdentity, sheetsClock } from '../adapters/runtime';
import { sessionAccounts } from '../adapters/reminder-accounts';
import { openLedgerStore } from '../adapters/sheet-store';
import { previewReminders, reminderStatus } from '../app/reminder-preview';
import { sendStatement } from '../app/send-statement';
import { mailAppMailer } from '../adapters/mail';
import type { SidebarServices } from '../app/sidebar-ports';
import { provideChatTest, provideSettingsOwner, provideSidebarServices } from '../rpc';
import { sendChatTest } from './chat-alerts';
import { buildReportsAsOf, reportCards } from './reports';

/** How long a save waits for another user's save before answering "busy" (saves take well under a second). */
export const SAVE_LOCK_WAIT_MS = 10000;

export function openSidebarServices(): SidebarServices {
  const store = openLedgerStore();
  const clock = sheetsClock(store.zone);
  const identity = sessionIdentity(languageOnly(store));
  const lock = documentLock(() => store.wrote);
  return {
    store,
    clock,
    identity,
    lock: { acquire: () => lock.tryAcquire(SAVE_LOCK_WAIT_MS), release: () => lock.release() },
    reminderStatus: () =>
      reminderStatus({ store, clock, identity, state: documentStateStore(), quota: mailAppMailer().remainingQuota }),
    reminderPreview: () => previewReminders({ store, clock, identity, state: documentStateStore() }),
    reportCards,
    buildReports: buildReportsAsOf,
    sendStatement: (req) =>
      sendStatement(
        {
          store,
          clock,
          identity,
          lock: { acquire: () => lock.tryAcquire(SAVE_LOCK_WAIT_MS), release: () => lock.release() },
          mailer: mailAppMailer(),
          state: documentStateStore(),
          owner: () => sessionAccounts().owner(),
        },
        req,
      ),
  };
}

provideSidebarServices(openSidebarServices);
// The spreadsheet owner is always an admin of the settings (PRODUCT.md §7), whatever adminEmails says.
provideSettingsOwner(() => sessionAccounts().owner());
// The settings view's chat test button posts through UrlFetchApp (PRODUCT.md §15).
provideChatTest((settings, lang, stamp) => sendChatTest(settings, lang, stamp));
