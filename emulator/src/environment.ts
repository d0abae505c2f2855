// One emulated Apps Script project bound to one spreadsheet: the services, the vm realm running the add-on, and
// the execution runner (auth modes, time limits, faults, lock release; gas-runtime-notes §5, §10). User actions
// (open, edit, menu click, sidebar call, clock advance) live in environment-actions.ts on top of this class.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCacheService } from './cache-service';
import type { EnvContext, EnvState, Faults } from './context';
import { type EnvironmentOptions, initialState } from './environment-options';
import { type AuthModeName, Core, type Execution, ExecutionKilled, TIME_LIMIT_MS } from './core';
import { createHtmlService } from './html-service';
import { createLockService, releaseLocksOf } from './lock-service';
import { createLogger } from './logger';
import { createMailApp } from './mail-app';
import { createPropertiesService } from './properties-service';
import { createScriptApp } from './script-app';
import { createSession } from './session';
import { createSpreadsheetApp, EmuSpreadsheet, type SpreadsheetHooks } from './spreadsheet/index';
import { createUi } from './ui';
import { createUrlFetchApp } from './url-fetch-app';
import { createUtilities } from './utilities';
import { createRealm, type ScriptRealm } from './vm-loader';

export interface RunOptions {
  user?: string;
  authMode?: AuthModeName;
  kind?: Execution['kind'];
  /** Whether Session.getActiveUser() reveals the user (default: FULL runs only). */
  revealActiveUser?: boolean;
}

/** A script error surfaced to the caller of env.run: same name and message as inside the script. */
export class ScriptError extends Error {
  constructor(
    message: string,
    name: string,
    readonly scriptStack: string,
  ) {
    super(message);
    this.name = name;
  }
}

export type { EnvironmentOptions };

export class EnvironmentBase {
  readonly core: Core;
  protected readonly ctx: EnvContext;
  protected realm: ScriptRealm | null = null;
  private source: { code: string; filename: string } | null = null;
  /** Whether each execution starts from fresh globals, as in Apps Script (option `freshGlobals`). */
  readonly freshGlobals: boolean;
  /** The bound spreadsheet file (its script-facing object is `spreadsheet.api()`). */
  readonly spreadsheet: EmuSpreadsheet;
  /** Fault injection; see README. `killAfterCalls` applies to the next execution only. */
  readonly faults: Faults;
  protected readonly clockTriggerRuns = new Set<number>();
  protected globals: Record<string, unknown>;
  /** Errors of executions the environment started on its own (triggers, onOpen, onEdit), newest last. */
  lastError: Error | null = null;

  constructor(options: EnvironmentOptions = {}) {
    const state: EnvState =
      options.state === undefined
        ? initialState(options)
        : // One private copy (a string parses into one); the spreadsheet part is then adopted without another copy.
          JSON.parse(typeof options.state === 'string' ? options.state : JSON.stringify(options.state));
    this.core = new Core(state.now);
    this.core.callLatencyMs = options.callLatencyMs ?? 0;
    this.freshGlobals = options.freshGlobals ?? true;
    const faultTarget: Faults = {};
    const env = this;
    this.faults = new Proxy(faultTarget, {
      set(t, k, v) {
        (t as any)[k] = v;
        if (k === 'failSend') env.ctx.sendAttempts = 0;
        return true;
      },
    });
    this.ctx = {
      core: this.core,
      state,
      faults: this.faults,
      running: new Set(),
      locks: new Map(),
      files: new Map(),
      mailQuota: options.mailQuota ?? 100,
      urlFetchQuota: options.urlFetchQuota ?? 20000,
      httpHandlers: new Map(),
      addonTriggerRules: options.addonTriggerRules ?? true,
      answers: [],
      sendAttempts: 0,
      hasSpreadsheet: () => true,
      spreadsheetObject: () => this.spreadsheet,
      compileInContext: (body) => {
        if (!this.realm) throw new Error('emulator: no script loaded');
        return this.realm.compile(body);
      },
    };
    const hooks: SpreadsheetHooks = {
      getUi: () => {
        const ex = this.core.execution;
        if (ex && (ex.kind === 'custom-function' || this.clockTriggerRuns.has(ex.id)))
          throw this.core.error('Cannot call SpreadsheetApp.getUi() from this context.');
        return createUi(this.ctx);
      },
      onToast: (t) => state.toasts.push({ ...t, at: new Date(this.core.now()).toISOString() }),
    };
    this.spreadsheet =
      state.spreadsheet === null
        ? new EmuSpreadsheet(this.core, {
            id: state.docId,
            owner: state.owner,
            name: options.spreadsheetName ?? '客户台账 Customer Ledger',
            timeZone: state.timeZone,
            locale: state.locale,
            hooks,
          })
        : EmuSpreadsheet.fromJSON(this.core, state.spreadsheet, hooks);
    // The live spreadsheet is the truth from here on (serialize() writes it again); don't keep the parsed copy.
    state.spreadsheet = null;
    this.core.beforeCall = (_key, capability) => {
      const ex = this.core.execution;
      if (this.faults.clockJumpPerCallMs) this.core.advance(this.faults.clockJumpPerCallMs);
      if (
        ex?.authMode === 'FULL' &&
        state.unauthorized.includes(ex.user) &&
        !['none', 'properties', 'cache'].includes(capability)
      )
        throw this.core.error('Authorization is required to perform that action.');
    };
    const { Logger, console } = createLogger(this.ctx);
    this.globals = {
      SpreadsheetApp: createSpreadsheetApp(this.core, () => this.spreadsheet, hooks),
      ScriptApp: createScriptApp(this.ctx),
      MailApp: createMailApp(this.ctx),
      PropertiesService: createPropertiesService(this.ctx),
      CacheService: createCacheService(this.ctx),
      LockService: createLockService(this.ctx),
      Session: createSession(this.ctx),
      Utilities: createUtilities(this.ctx),
      HtmlService: createHtmlService(this.ctx),
      UrlFetchApp: createUrlFetchApp(this.ctx),
      Logger,
      console,
    };
  }

  protected get state(): EnvState {
    return this.ctx.state;
  }

  /** Loads project source into a fresh bare-V8 realm (replacing any earlier script); `html` adds project files. */
  loadScript(code: string, html: Record<string, string> = {}, filename = 'Code.js'): this {
    for (const [name, text] of Object.entries(html)) this.ctx.files.set(name.replace(/\.html$/, ''), text);
    this.source = { code, filename };
    // Global-scope statements run at the start of every execution in Apps Script. Here they run once outside any
    // execution (to learn the entry points); with `freshGlobals` (the default) every execution then gets a new
    // realm (see execute()); with `freshGlobals: false` this realm is reused and its globals persist.
    this.realm = this.newRealm();
    return this;
  }

  private newRealm(): ScriptRealm {
    const realm = createRealm(this.globals, () => this.core.now());
    this.core.dateFactory = realm.makeDate;
    this.core.errorFactory = realm.makeError;
    if (this.source) realm.load(this.source.code, this.source.filename);
    return realm;
  }

  /** Loads a build directory: every .js/.gs file (alphabetically), every .html file as a project file. */
  loadBuild(distDir = 'dist'): this {
    const dir = path.resolve(distDir);
    const names = fs.readdirSync(dir).sort();
    const html: Record<string, string> = {};
    for (const n of names) if (n.endsWith('.html')) html[n.slice(0, -5)] = fs.readFileSync(path.join(dir, n), 'utf8');
    const code = names
      .filter((n) => n.endsWith('.js') || n.endsWith('.gs'))
      .map((n) => fs.readFileSync(path.join(dir, n), 'utf8'))
      .join('\n;\n');
    const manifest = path.join(dir, 'appsscript.json');
    if (fs.existsSync(manifest)) {
      const tz = JSON.parse(fs.readFileSync(manifest, 'utf8')).timeZone;
      if (typeof tz === 'string') this.state.timeZone = tz;
    }
    return this.loadScript(code, html);
  }

  /** Names of the project's top-level functions (what menus, triggers and google.script.run can call). */
  functions(): string[] {
    return this.realm ? this.realm.functionNames() : [];
  }

  /** A global of the script realm (for tests that inspect the bare context). */
  evaluate(expression: string): unknown {
    if (!this.realm) throw new Error('emulator: no script loaded');
    return this.realm.compile(`return (${expression});`)();
  }

  protected intoRealm(v: unknown): unknown {
    return this.realm ? convertDates(v, this.realm.makeDate) : v;
  }

  /** One execution of `fnName`: begins, runs, ends (releasing locks); script errors are rethrown as ScriptError. */
  run(fnName: string, args: unknown[] = [], opts: RunOptions = {}): unknown {
    const authMode = opts.authMode ?? 'FULL';
    const kind = opts.kind ?? 'manual';
    const user = opts.user ?? this.state.owner;
    return this.execute(fnName, args, {
      user,
      authMode,
      kind,
      revealActiveUser: opts.revealActiveUser ?? authMode === 'FULL',
    });
  }

  protected execute(
    fnName: string,
    args: unknown[],
    init: { user: string; authMode: AuthModeName; kind: Execution['kind']; revealActiveUser: boolean },
    onBegin?: (ex: Execution) => void,
  ): unknown {
    const fn = this.realm?.fn(fnName);
    if (!this.realm) throw new Error('emulator: no script loaded (call env.loadScript or env.loadBuild)');
    if (!fn) throw new ScriptError(`Script function not found: ${fnName}`, 'Exception', '');
    const outer = this.core.execution;
    this.core.execution = null;
    const timeLimitMs =
      init.kind === 'custom-function'
        ? TIME_LIMIT_MS.customFunction
        : init.kind === 'simple-trigger'
          ? TIME_LIMIT_MS.simpleTrigger
          : TIME_LIMIT_MS.script;
    const killAfterCalls = this.faults.killAfterCalls;
    delete this.faults.killAfterCalls;
    const ex = this.core.beginExecution({ functionName: fnName, ...init, timeLimitMs, killAfterCalls });
    this.ctx.running.add(ex.id);
    onBegin?.(ex);
    const outerRealm = this.realm;
    const started = this.core.now();
    let error: Error | null = null;
    try {
      let target = fn;
      if (this.freshGlobals) {
        // The project's global code runs inside this execution, under its auth mode (notes §5).
        this.realm = this.newRealm();
        target = this.realm.fn(fnName) ?? fn;
      }
      const result = target(...args.map((a) => this.intoRealm(a)));
      if (ex.killed)
        throw new ExecutionKilled(
          ex.killed === 'timeout' ? 'Exceeded maximum execution time' : 'Execution cancelled.',
          ex.killed,
        );
      return result;
    } catch (e) {
      error = toScriptError(e);
      throw error;
    } finally {
      this.ctx.running.delete(ex.id);
      this.clockTriggerRuns.delete(ex.id);
      releaseLocksOf(this.ctx, ex.id);
      this.core.endExecution();
      this.core.execution = outer;
      if (this.freshGlobals && outerRealm && this.realm !== outerRealm) {
        this.realm = outerRealm;
        this.core.dateFactory = outerRealm.makeDate;
        this.core.errorFactory = outerRealm.makeError;
      }
      this.state.executions.push({
        id: ex.id,
        functionName: fnName,
        kind: init.kind,
        user: init.user,
        authMode: init.authMode,
        startedAt: new Date(started).toISOString(),
        endedAt: new Date(this.core.now()).toISOString(),
        error: error ? `${error.name}: ${error.message}` : null,
      });
    }
  }
}

/** Dates made in Node (test arguments) become Dates of the script realm, so `instanceof Date` holds inside. */
function convertDates(v: unknown, makeDate: (ms: number) => Date): unknown {
  if (v instanceof Date) return makeDate(v.getTime());
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const c = convertDates(v[i], makeDate);
      if (c !== v[i]) {
        out ??= v.slice();
        out[i] = c;
      }
    }
    return out ?? v;
  }
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    let out: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(v)) {
      const c = convertDates(x, makeDate);
      if (c !== x) {
        out ??= { ...(v as Record<string, unknown>) };
        out[k] = c;
      }
    }
    return out ?? v;
  }
  return v;
}

function toScriptError(e: unknown): Error {
  if (e instanceof ScriptError) return e;
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as Error;
    return new ScriptError(String(err.message), String(err.name ?? 'Error'), String(err.stack ?? ''));
  }
  return new ScriptError(String(e), 'Error', '');
}
