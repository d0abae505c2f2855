// What every emulated service shares inside one environment: the core, the persisted state (plain JSON, so the
// playground can save and restore it) and a few live hooks. Services read the current execution from the core and
// never hold state of their own, so `serialize()` captures everything.
import type { Core } from './core';

export interface MailRecord {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  /** ISO instant of the send (virtual clock). */
  at: string;
  /** The effective user the mail was sent as. */
  from: string;
  /** Attachments (blobs), with their bytes in base64; absent when the message had none. */
  attachments?: Array<{ name: string; contentType: string; size: number; base64: string }>;
}

/** One UrlFetchApp request and what came back (`status` null when it never reached a server). */
export interface FetchRecord {
  at: string;
  from: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  status: number | null;
  response: string;
  error: string | null;
}

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

export interface TriggerSchedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'after' | 'at';
  /** Period count for minutes/hours/days/weeks; delay ms for `after`; epoch ms for `at`. */
  n: number;
  atHour: number | null;
  nearMinute: number | null;
  weekDay: number | null;
  timeZone: string;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  owner: string;
  eventType: TriggerEventType;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet id for spreadsheet triggers; null for clock triggers. */
  sourceId: string | null;
  /** The document the trigger was created in (add-on triggers belong to one file). */
  docId: string | null;
  createdAt: number;
  schedule: TriggerSchedule | null;
  /** Next due instant (epoch ms) for clock triggers; null when a one-off trigger has fired. */
  nextAt: number | null;
}

export interface UiRecord {
  type: 'alert' | 'prompt' | 'sidebar' | 'modal' | 'modeless';
  user: string;
  title: string;
  /** alert/prompt text, or the html content of a sidebar/dialog. */
  text: string;
  html?: string;
  buttons?: string;
  width?: number;
  height?: number;
  /** The button (and text) the scripted answer gave. */
  answer?: { button: string; text: string };
}

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  items?: MenuItem[];
}

export interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuItem[];
}

export interface LogRecord {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: string;
}

export interface ExecutionRecord {
  id: number;
  functionName: string;
  kind: string;
  user: string;
  authMode: string;
  startedAt: string;
  endedAt: string;
  error: string | null;
}

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export interface EnvState {
  version: 1;
  now: number;
  timeZone: string;
  locale: string;
  owner: string;
  users: string[];
  docId: string;
  scriptId: string;
  properties: {
    script: Record<string, string>;
    document: Record<string, Record<string, string>>;
    user: Record<string, Record<string, string>>;
  };
  cache: Record<string, Record<string, CacheEntry>>;
  triggers: TriggerRecord[];
  nextTriggerSeq: number;
  outbox: MailRecord[];
  /** Per user: window start (epoch ms) and recipients used in it. */
  mailUsage: Record<string, { since: number; used: number }>;
  menus: Record<string, MenuRecord>;
  lastMenuUser: string | null;
  ui: UiRecord[];
  toasts: { message: string; title: string; timeoutSeconds: number | null; at: string }[];
  logs: LogRecord[];
  executions: ExecutionRecord[];
  /** Users whose authorization was revoked (ScriptApp.getAuthorizationInfo says REQUIRED). */
  unauthorized: string[];
  spreadsheet: unknown;
  /** UrlFetchApp requests (absent in snapshots made before UrlFetchApp was emulated). */
  fetches?: FetchRecord[];
  /** Per user: window start (epoch ms) and URL fetches used in it. */
  fetchUsage?: Record<string, { since: number; used: number }>;
}

export interface Faults {
  /** Kill the next execution after this many service calls (consumed by the next execution). */
  killAfterCalls?: number;
  /** Fail a MailApp send: a predicate on the message, or the 1-based number of the next send to fail. */
  failSend?: ((msg: MailRecord) => boolean) | number;
  /** A lock held by another (phantom) execution until the fault is cleared. */
  holdLock?: 'document' | 'script';
  /** Overrides the per-user daily recipient quota. */
  mailQuota?: number;
  /** Extra virtual ms every service call takes (clock jumps). */
  clockJumpPerCallMs?: number;
  /** Overrides the per-user daily UrlFetchApp quota. */
  urlFetchQuota?: number;
}

export interface LockHolder {
  execId: number;
  lockId: number;
}

/** The live environment as services see it. */
export interface EnvContext {
  core: Core;
  state: EnvState;
  faults: Faults;
  /** Ids of executions still running (nested runs keep their outer execution alive). */
  running: Set<number>;
  locks: Map<string, LockHolder>;
  /** Project HTML files by name (without `.html`). */
  files: Map<string, string>;
  mailQuota: number;
  addonTriggerRules: boolean;
  /** Answers queued for alerts/prompts. */
  answers: { button: string; text: string }[];
  /** Sends attempted since `faults.failSend` was last set as a number. */
  sendAttempts: number;
  /** UrlFetchApp requests per user per day (consumer accounts: 20,000). */
  urlFetchQuota: number;
  /** Servers registered by the test or the playground, by lower-case host (live, never serialized). */
  httpHandlers: Map<string, import('./url-fetch-app').HttpHandler>;
  hasSpreadsheet(): boolean;
  spreadsheetObject(): unknown;
  /** Evaluates a template function body in the script realm. */
  compileInContext(source: string): (...args: unknown[]) => unknown;
}

/** The user the current execution runs as ('' outside an execution). */
export function currentUser(ctx: EnvContext): string {
  return ctx.core.execution?.user ?? ctx.state.owner;
}

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
