// What the sidebar's use cases need from outside, beyond the shared ports: a document lock that serializes saves
// (two users saving at once must never produce the same new id) and the reminder status for the home view.
// Handlers implement these on LockService and the reminders use case; tests use in-memory fakes.
import type { Clock, Identity, LedgerStore } from './ports';
import type { BuildReportsRefusal, BuildReportsResult, ReportCards } from './build-reports';
import type { StatementRequest, StatementResult } from './send-statement';
import type { ReminderPreviewView, ReminderStatusView } from './sidebar-types';

/** A document-wide mutual exclusion. `acquire` waits up to the adapter's timeout; false = another save holds it. */
export interface SaveLock {
  acquire(): boolean;
  release(): void;
}

/** Everything one sidebar call uses, opened fresh per execution (the store caches its reads for that execution). */
export interface SidebarServices {
  store: LedgerStore;
  clock: Clock;
  identity: Identity;
  lock: SaveLock;
  /** Reminder on/off, next run and today's count; null when unavailable (the home view then hides the panel). */
  reminderStatus(): ReminderStatusView | null;
  /** What today's reminder run would send, per customer, and every skip with its reason (a dry run). */
  reminderPreview(): ReminderPreviewView;
  /** Headline figures of the last report build (null before the first); absent where reports are not wired. */
  reportCards?(): ReportCards | null;
  /** Rebuilds the Reports sheet as of a day ('' = today). */
  buildReports?(asOf: string): BuildReportsResult | BuildReportsRefusal;
  /** Sends a statement / confirmation letter now (app/send-statement.ts, composed with the mailer and journal). */
  sendStatement(req: StatementRequest): StatementResult;
}
