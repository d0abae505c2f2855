// The options an environment starts from, and the empty state they produce (the defaults are the add-on's home
// market: a zh_CN spreadsheet in Asia/Shanghai).
import type { EnvState } from './context';

export interface EnvironmentOptions {
  /** Start of the virtual clock: ISO instant or epoch ms. Default 2026-03-02T09:00:00+08:00. */
  now?: string | number;
  /** Spreadsheet and script time zone (IANA). Default Asia/Shanghai. */
  timeZone?: string;
  /** Spreadsheet locale and the users' locale, e.g. 'zh_CN' or 'en_US'. Default zh_CN. */
  locale?: string;
  /** The account that owns the file and installs the add-on. */
  owner?: string;
  /** Other accounts that use the file (documentation only: any e-mail may be passed as `user`). */
  users?: string[];
  /** Recipients per user per day (consumer accounts: 100). */
  mailQuota?: number;
  /** UrlFetchApp requests per user per day (consumer accounts: 20,000). */
  urlFetchQuota?: number;
  /** Editor add-on trigger rules (one per type per user per document, at most hourly). Default true. */
  addonTriggerRules?: boolean;
  /** Virtual ms each service call takes. Default 0. */
  callLatencyMs?: number;
  /**
   * Start every execution from fresh script globals, running the project's global code inside it (as Apps Script
   * does: global variables never survive between executions). Default true: it costs ~3–5 ms per execution with
   * the add-on's dist/Code.js. `false` = one realm loaded once, globals persist between executions (an opt-out for
   * speed; it can hide code that relies on globals surviving).
   */
  freshGlobals?: boolean;
  spreadsheetName?: string;
  /** A snapshot from `serialize()` to continue from (other options are then ignored, except the three above). */
  state?: EnvState | string;
}

export function initialState(o: EnvironmentOptions): EnvState {
  const now =
    o.now === undefined
      ? Date.parse('2026-03-02T09:00:00+08:00')
      : typeof o.now === 'number'
        ? o.now
        : Date.parse(o.now);
  if (!Number.isFinite(now)) throw new Error(`emulator: bad 'now' option ${String(o.now)}`);
  return {
    version: 1,
    now,
    timeZone: o.timeZone ?? 'Asia/Shanghai',
    locale: o.locale ?? 'zh_CN',
    owner: o.owner ?? 'owner@example.com',
    users: o.users ?? [],
    docId: '1CustomerLedgerEmulatedSpreadsheet',
    scriptId: '1CustomerLedgerEmulatedScript',
    properties: { script: {}, document: {}, user: {} },
    cache: {},
    triggers: [],
    nextTriggerSeq: 1,
    outbox: [],
    mailUsage: {},
    menus: {},
    lastMenuUser: null,
    ui: [],
    toasts: [],
    logs: [],
    executions: [],
    unauthorized: [],
    spreadsheet: null,
    fetches: [],
    fetchUsage: {},
  };
}
