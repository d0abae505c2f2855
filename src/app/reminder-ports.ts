// Ports of the reminder feature, beyond the shared ones in ports.ts: the mailer, the document lock, the durable
// run state and send journal (document properties), the add-on's trigger and who may administer it. Adapters in
// src/adapters implement them on MailApp, LockService, PropertiesService and ScriptApp; tests use named fakes.
import type { IsoDay } from '../domain/day';
import type { Text } from '../domain/i18n';

export interface OutgoingMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  /** Sender display name. */
  name: string;
  replyTo: string;
}

export interface Mailer {
  /** Recipients still sendable today (MailApp.getRemainingDailyQuota). */
  remainingQuota(): number;
  /** Sends or throws; a throw after the mail left is possible, which is why the journal exists. */
  send(mail: OutgoingMail): void;
}

/** The document lock: overlapping runs (trigger + menu, two firings) must never send at the same time. */
export interface RunLock {
  tryAcquire(waitMs: number): boolean;
  release(): void;
}

/** Where the daily run stands; saved after each step so the next hourly firing knows whether to resume. */
export interface RunState {
  day: IsoDay;
  done: boolean;
  startedAt: string;
  finishedAt: string;
  /** Why the last execution stopped: '' (finished), 'time', 'quota'. */
  stoppedFor: '' | 'time' | 'quota';
  sent: number;
  failed: number;
  skipped: number;
  deferred: number;
  uncertain: number;
  executions: number;
  /**
   * Staff digests (plan ids) whose send failed in the last execution: the next firing retries them, once
   * (`digestRetried` marks that the retry happened, so a second failure is only logged).
   */
  digestRetry?: string[];
  digestRetried?: boolean;
}

/**
 * One send, recorded durably around MailApp.sendEmail: `inflight` BEFORE the send, `sent` (or `failed`) AFTER.
 * A run killed in between leaves `inflight`, which recovery logs as `uncertain` and never sends again.
 */
export interface JournalEntry {
  id: string;
  state: 'inflight' | 'sent' | 'failed';
  at: string;
  customerId: string;
  /** Parallel comma lists, as in the log columns. */
  invoiceIds: string;
  stage: string;
  to: string;
  cc: string;
  subject: string;
  /** Lower stages logged as skipped:superseded once this send is done: [invoiceId, 'stage,stage']. */
  superseded: Array<[string, string]>;
  error?: string;
}

export interface EnabledInfo {
  /** The account whose trigger sends the reminders. */
  by: string;
  at: string;
}

/** Durable state in document properties (survives a killed execution; visible to every user of the file). */
export interface ReminderStateStore {
  loadState(): RunState | null;
  saveState(state: RunState): void;
  journal(): JournalEntry[];
  putJournal(entry: JournalEntry): void;
  removeJournal(ids: readonly string[]): void;
  enabled(): EnabledInfo | null;
  setEnabled(info: EnabledInfo | null): void;
  /**
   * The durable send record's stored chunks (send-record.ts), in order; [] when none. Optional: a store without it
   * leaves the log and the last-stage columns as the only memory of what was sent.
   */
  sendRecord?(): string[];
  /** Replaces the stored chunks (unchanged ones need not be rewritten). */
  saveSendRecord?(chunks: readonly string[]): void;
  /** The last failed run of the hourly trigger (reminder-failure.ts); null once a run got through. */
  failure?(): RunFailure | null;
  setFailure?(failure: RunFailure | null): void;
}

/** A run of the hourly trigger that could not work (e.g. a damaged workbook), as the sidebar and admins see it. */
export interface RunFailure {
  /** 'yyyy-MM-dd HH:mm:ss' in the spreadsheet's zone. */
  at: string;
  /** What is wrong and what to do, in both languages. */
  text: Text;
  /** The day the admins were last e-mailed about it ('' = never): at most one e-mail per day. */
  mailedDay: IsoDay | '';
}

export interface TriggerInfo {
  id: string;
  handler: string;
  /** Time-driven (CLOCK) trigger. */
  clock: boolean;
}

/** The current user's triggers of this add-on in this document. */
export interface TriggerManager {
  list(): TriggerInfo[];
  createHourly(handler: string): string;
  remove(id: string): void;
}

/** Who runs the code and who owns the file (the owner is always an admin). */
export interface Accounts {
  /** The effective user: the trigger's owner in a trigger run, the clicking user otherwise. */
  effectiveUser(): string;
  owner(): string;
}
