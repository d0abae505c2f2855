// The emulator's heart: the virtual clock, the current execution, call counting, auth-mode gating and faults.
// Every emulated service method calls `core.call(...)` first, so benchmarks can count calls and tests can kill an
// execution after any number of calls. Services share one Core per environment.

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

/** What a service call needs; checked against the execution's auth mode (gas-runtime-notes §5, §6). */
export type Capability =
  | 'none' // Utilities, Logger, menus, locale: allowed everywhere
  | 'doc-read' // read the bound spreadsheet
  | 'doc-write' // change the bound spreadsheet
  | 'properties' // PropertiesService
  | 'cache' // CacheService, LockService
  | 'ui' // sidebars, dialogs, alerts (FULL only, and never from a trigger)
  | 'toast' // Spreadsheet.toast
  | 'mail' // MailApp
  | 'fetch' // UrlFetchApp (not in LIMITED or NONE: notes §5)
  | 'triggers' // ScriptApp trigger management
  | 'identity'; // Session.getActiveUser / getEffectiveUser e-mail

/** Apps Script service failures surface as exceptions named "Exception" whose message is the bare text. */
export class ScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Thrown when the emulator ends an execution (fault `killAfterCalls`, or the run-time limit). */
export class ExecutionKilled extends Error {
  constructor(
    message: string,
    readonly reason: 'killed' | 'timeout',
  ) {
    super(message);
    this.name = 'Exception';
  }
}

export interface Execution {
  readonly id: number;
  readonly functionName: string;
  /** The user running the code: the clicking user, or the trigger owner for installable triggers. */
  readonly user: string;
  /** Whether Session.getActiveUser() reveals the user (blank in simple triggers and custom functions). */
  readonly revealActiveUser: boolean;
  readonly authMode: AuthModeName;
  readonly kind: 'manual' | 'menu' | 'rpc' | 'simple-trigger' | 'installable-trigger' | 'custom-function';
  readonly startedAt: number;
  readonly timeLimitMs: number;
  calls: number;
  killAfterCalls?: number;
  killed?: 'killed' | 'timeout';
}

export const TIME_LIMIT_MS = {
  script: 6 * 60 * 1000,
  customFunction: 30 * 1000,
  simpleTrigger: 30 * 1000,
} as const;

const ALLOWED: Record<AuthModeName, ReadonlySet<Capability>> = {
  NONE: new Set<Capability>(['none']),
  LIMITED: new Set<Capability>(['none', 'doc-read', 'doc-write', 'properties', 'cache', 'toast']),
  CUSTOM_FUNCTION: new Set<Capability>(['none', 'doc-read', 'properties', 'cache', 'fetch']),
  FULL: new Set<Capability>([
    'none',
    'doc-read',
    'doc-write',
    'properties',
    'cache',
    'ui',
    'toast',
    'mail',
    'fetch',
    'triggers',
    'identity',
  ]),
};

export class Core {
  /** Virtual wall clock, epoch ms. Only the environment moves it. */
  private clockMs: number;
  /** Virtual time each counted service call takes (models Apps Script round trips). */
  callLatencyMs = 0;
  readonly counts = new Map<string, number>();
  /**
   * Cells each method moved, by `Service.Class.method` (see `cells`): what Apps Script charges for besides the
   * round trip (PRODUCT.md §10, gas-runtime-notes §12). Reset with the call counts.
   */
  readonly cellCounts = new Map<string, { read: number; written: number }>();
  execution: Execution | null = null;
  private nextExecutionId = 1;
  /** Creates Dates in the script's realm (the vm context), so `instanceof Date` holds inside the add-on. */
  dateFactory: (ms: number) => Date = (ms) => new Date(ms);
  /**
   * Creates service exceptions in the script's realm, so `e instanceof Error` holds inside the add-on.
   * The environment sets it when it loads a script; unset, errors are Node-realm ScriptExceptions.
   */
  errorFactory: ((message: string) => Error) | null = null;
  /** Runs before every counted call inside an execution (fault injection, revoked authorization). */
  beforeCall: ((key: string, capability: Capability) => void) | null = null;

  constructor(startMs: number) {
    this.clockMs = startMs;
  }

  now(): number {
    return this.clockMs;
  }

  /** Moves the clock forward (never back during an execution). */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('the clock only moves forward');
    this.clockMs += ms;
  }

  setNow(ms: number): void {
    this.clockMs = ms;
  }

  makeDate(ms: number): Date {
    return this.dateFactory(ms);
  }

  error(message: string): ScriptException {
    return (this.errorFactory ? this.errorFactory(message) : new ScriptException(message)) as ScriptException;
  }

  /**
   * Counts one service call under `key` (e.g. "SpreadsheetApp.Range.getValues"), checks the auth mode allows
   * `capability`, applies the kill / time-limit faults and advances the clock by the call latency.
   */
  call(key: string, capability: Capability = 'none'): void {
    const ex = this.execution;
    if (ex) {
      if (ex.killed) throw new ExecutionKilled(killMessage(ex.killed), ex.killed);
      if (ex.killAfterCalls !== undefined && ex.calls >= ex.killAfterCalls) {
        ex.killed = 'killed';
        throw new ExecutionKilled(killMessage('killed'), 'killed');
      }
      if (this.clockMs - ex.startedAt >= ex.timeLimitMs) {
        ex.killed = 'timeout';
        throw new ExecutionKilled(killMessage('timeout'), 'timeout');
      }
      if (!ALLOWED[ex.authMode].has(capability)) {
        throw this.error(permissionMessage(key, capability, ex.authMode));
      }
      if (this.beforeCall) this.beforeCall(key, capability);
      ex.calls++;
    }
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.callLatencyMs) this.clockMs += this.callLatencyMs;
  }

  beginExecution(init: Omit<Execution, 'id' | 'startedAt' | 'calls'>): Execution {
    if (this.execution) throw new Error(`emulator: execution ${this.execution.functionName} is still running`);
    const ex: Execution = { ...init, id: this.nextExecutionId++, startedAt: this.clockMs, calls: 0 };
    this.execution = ex;
    return ex;
  }

  endExecution(): void {
    this.execution = null;
  }

  /** The e-mail of the user Session.getActiveUser() reports: '' where Apps Script hides it. */
  activeUserEmail(): string {
    const ex = this.execution;
    return ex?.revealActiveUser ? ex.user : '';
  }

  /**
   * Records that the call just counted under `key` moved `n` cells in `direction`: the values that cross between the
   * script and the service (a getter's returned grid, a grid setter's argument, appendRow's row). Called by the
   * services after `call`, once the box is known; n ≤ 0 records nothing.
   */
  cells(key: string, direction: 'read' | 'written', n: number): void {
    if (!(n > 0)) return;
    let c = this.cellCounts.get(key);
    if (!c) {
      c = { read: 0, written: 0 };
      this.cellCounts.set(key, c);
    }
    c[direction] += n;
  }

  /** Cells read and written by calls whose key starts with `prefix`. */
  cellTotals(prefix = ''): { read: number; written: number } {
    const t = { read: 0, written: 0 };
    for (const [k, v] of this.cellCounts) {
      if (!k.startsWith(prefix)) continue;
      t.read += v.read;
      t.written += v.written;
    }
    return t;
  }

  cellsByKey(): Record<string, { read: number; written: number }> {
    return Object.fromEntries(
      [...this.cellCounts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v }]),
    );
  }

  resetCounts(): void {
    this.counts.clear();
    this.cellCounts.clear();
  }

  countsByKey(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Total calls whose key starts with `prefix` (e.g. "SpreadsheetApp."). */
  total(prefix = ''): number {
    let n = 0;
    for (const [k, v] of this.counts) if (k.startsWith(prefix)) n += v;
    return n;
  }
}

export function killMessage(reason: 'killed' | 'timeout'): string {
  return reason === 'timeout' ? 'Exceeded maximum execution time' : 'Execution cancelled.';
}

/** OAuth scopes a capability needs, as Apps Script names them in its permission errors (alternatives: `||`). */
const SCOPES: Partial<Record<Capability, readonly string[]>> = {
  'doc-read': ['spreadsheets.currentonly', 'spreadsheets'],
  'doc-write': ['spreadsheets.currentonly', 'spreadsheets'],
  toast: ['spreadsheets.currentonly', 'spreadsheets'],
  mail: ['script.send_mail'],
  triggers: ['script.scriptapp'],
  ui: ['script.container.ui'],
  identity: ['userinfo.email'],
  fetch: ['script.external_request'],
};
/** Methods whose scope differs from their capability's: opening a file by id needs the full spreadsheets scope. */
const METHOD_SCOPES: Record<string, readonly string[]> = { 'SpreadsheetApp.openById': ['spreadsheets'] };
const SCOPE_BASE = 'https://www.googleapis.com/auth/';
const MORE_INFO =
  'For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';

/**
 * Text for a call the auth mode forbids (emulator/README.md "Permission errors"). A missing scope reads
 * `You do not have permission to call MailApp.sendEmail. Required permissions: https://…/auth/script.send_mail. For
 * more information, see …` — class and method (the last two parts of the key: `SpreadsheetApp.openById`,
 * `Ui.showSidebar`), then the scope, or `(a || b)` when either of several scopes would do. A custom function writing
 * to its read-only document gets the bare method name (`You do not have permission to call setValue`): no scope can
 * grant that.
 */
export function permissionMessage(key: string, capability: Capability = 'none', authMode?: AuthModeName): string {
  const parts = key.split('.');
  const method = parts[parts.length - 1];
  if (authMode === 'CUSTOM_FUNCTION' && (capability === 'doc-write' || capability === 'toast') && parts.length > 2)
    return `You do not have permission to call ${method}`;
  const name = parts.slice(-2).join('.');
  const needed = (METHOD_SCOPES[key] ?? SCOPES[capability] ?? []).map((s) => SCOPE_BASE + s);
  if (!needed.length) return `You do not have permission to call ${name}`;
  const required = needed.length === 1 ? needed[0] : `(${needed.join(' || ')})`;
  return `You do not have permission to call ${name}. Required permissions: ${required}. ${MORE_INFO}`;
}
