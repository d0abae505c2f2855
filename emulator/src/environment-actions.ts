// What people and Google do to the project, each as the right kind of execution (gas-runtime-notes §5, §7):
// opening the file (simple onOpen, LIMITED or NONE), typing (validation, then simple onEdit and installable
// edit/change triggers), clicking a menu item (FULL), calling from the sidebar (google.script.run rules), a formula
// recalculating (custom function), and time passing (time-driven triggers fire in order, as their owner).
import type { MailRecord, MenuItem, MenuRecord, TriggerRecord, UiRecord } from './context';
import { EnvironmentBase } from './environment';
import { checkRpcArgs, copyRpcResult } from './rpc-values';
import { type ConditionalCell, evaluateConditionalFormats } from './spreadsheet/conditional-eval';
import { applyUserEdit, readDisplayValues, readValues } from './spreadsheet/index';
import { clockEvent, nextFireAfter } from './triggers';
import { httpControls } from './url-fetch-app';

export type Duration = number | { days?: number; hours?: number; minutes?: number; seconds?: number };

const hiddenUser = { getEmail: () => '', toString: () => '' };

function durationMs(d: Duration): number {
  if (typeof d === 'number') return d;
  return (((d.days ?? 0) * 24 + (d.hours ?? 0)) * 60 + (d.minutes ?? 0)) * 60000 + (d.seconds ?? 0) * 1000;
}

function findItem(items: MenuItem[], key: string): MenuItem | null {
  for (const it of items) {
    if (it.items) {
      const f = findItem(it.items, key);
      if (f) return f;
    } else if (!it.separator && (it.caption === key || it.functionName === key)) return it;
  }
  return null;
}

export interface UserEditResult {
  accepted: boolean;
  message?: string;
  invalid: { a1: string; helpText: string | null }[];
  /** Errors thrown by onEdit / installable edit triggers (the user never sees them). */
  errors: string[];
}

export class Environment extends EnvironmentBase {
  /** Everything alerts, prompts, sidebars and dialogs showed; `answer` queues the user's next reply. */
  readonly ui = {
    shown: (): UiRecord[] => this.state.ui,
    alerts: (): UiRecord[] => this.state.ui.filter((u) => u.type === 'alert' || u.type === 'prompt'),
    sidebars: (): UiRecord[] => this.state.ui.filter((u) => u.type === 'sidebar'),
    dialogs: (): UiRecord[] => this.state.ui.filter((u) => u.type === 'modal' || u.type === 'modeless'),
    answer: (a: string | { button: string; text?: string }) => {
      this.ctx.answers.push(typeof a === 'string' ? { button: a, text: '' } : { button: a.button, text: a.text ?? '' });
    },
    /** Drops replies queued with `answer` that no dialog consumed (the playground replays runs from scratch). */
    clearAnswers: (): void => {
      this.ctx.answers.length = 0;
    },
    /** Replies still queued (copies). */
    pendingAnswers: (): { button: string; text: string }[] => this.ctx.answers.map((a) => ({ ...a })),
  };

  /** Servers for UrlFetchApp (`register(host, handler)`) and the record of requests the script made. */
  readonly http = httpControls(this.ctx);

  readonly properties = {
    script: (): Record<string, string> => ({ ...this.state.properties.script }),
    document: (): Record<string, string> => ({ ...(this.state.properties.document[this.state.docId] ?? {}) }),
    user: (email: string): Record<string, string> => ({ ...(this.state.properties.user[email] ?? {}) }),
  };

  get menu(): MenuRecord | null {
    const u = this.state.lastMenuUser;
    return u ? (this.state.menus[u] ?? null) : null;
  }
  menuFor(user: string): MenuRecord | null {
    return this.state.menus[user] ?? null;
  }
  get toasts() {
    return this.state.toasts;
  }
  get outbox(): MailRecord[] {
    return this.state.outbox;
  }
  get triggers(): TriggerRecord[] {
    return this.state.triggers;
  }
  get logs() {
    return this.state.logs;
  }
  get executions() {
    return this.state.executions;
  }
  get owner(): string {
    return this.state.owner;
  }

  now(): number {
    return this.core.now();
  }
  /** Moves the clock without firing triggers. */
  setNow(t: string | number): void {
    const ms = typeof t === 'number' ? t : Date.parse(t);
    if (!Number.isFinite(ms)) throw new Error(`emulator: bad time ${String(t)}`);
    this.core.setNow(ms);
  }
  counts(): Record<string, number> {
    return this.core.countsByKey();
  }
  resetCounts(): void {
    this.core.resetCounts();
  }
  total(prefix = ''): number {
    return this.core.total(prefix);
  }
  /** Cells read and written since the last resetCounts (calls whose key starts with `prefix`). */
  cells(prefix = ''): { read: number; written: number } {
    return this.core.cellTotals(prefix);
  }
  /** Cells read and written by service method, e.g. `{ 'SpreadsheetApp.Range.getValues': { read, written } }`. */
  cellCounts(): Record<string, { read: number; written: number }> {
    return this.core.cellsByKey();
  }
  values(sheetName: string): unknown[][] {
    return readValues(this.spreadsheet, sheetName);
  }
  displayValues(sheetName: string): string[][] {
    return readDisplayValues(this.spreadsheet, sheetName);
  }
  /** Cells the sheet's conditional-format rules format (not counted); `rows` = a window of 1-based rows. */
  conditionalFormats(sheetName: string, rows?: { from: number; count: number }): ConditionalCell[] {
    return evaluateConditionalFormats(this.spreadsheet, sheetName, rows);
  }
  revokeAuthorization(user: string): void {
    if (!this.state.unauthorized.includes(user)) this.state.unauthorized.push(user);
  }
  grantAuthorization(user: string): void {
    this.state.unauthorized = this.state.unauthorized.filter((u) => u !== user);
  }

  /** Runs an execution the environment starts on its own; its error is recorded, never thrown. */
  private background(
    fn: string,
    args: unknown[],
    init: Parameters<EnvironmentBase['execute']>[2],
    clock = false,
  ): string | null {
    if (!this.realm?.fn(fn)) return clock ? `Script function not found: ${fn}` : null;
    try {
      this.execute(fn, args, init, clock ? (ex) => this.clockTriggerRuns.add(ex.id) : undefined);
      return null;
    } catch (e) {
      this.lastError = e as Error;
      return (e as Error).message;
    }
  }

  private installable(type: TriggerRecord['eventType'], event: Record<string, unknown>): string[] {
    const errors: string[] = [];
    for (const t of this.state.triggers.filter((x) => x.eventType === type && x.docId === this.state.docId)) {
      const err = this.background(t.handler, [{ ...event, authMode: 'FULL', triggerUid: t.uid }], {
        user: t.owner,
        authMode: 'FULL',
        kind: 'installable-trigger',
        revealActiveUser: true,
      });
      if (err) errors.push(err);
    }
    return errors;
  }

  /** A user opens the file: simple onOpen (LIMITED, or NONE before the add-on is enabled), then installable ones. */
  openAsUser(user = this.state.owner, opts: { authMode?: 'LIMITED' | 'NONE' } = {}): MenuRecord | null {
    const authMode = opts.authMode ?? 'LIMITED';
    delete this.state.menus[user];
    const event: Record<string, unknown> = { authMode, user: hiddenUser };
    if (authMode !== 'NONE') event.source = this.spreadsheet.api();
    this.background('onOpen', [event], { user, authMode, kind: 'simple-trigger', revealActiveUser: false });
    if (authMode !== 'NONE') this.installable('ON_OPEN', { source: this.spreadsheet.api(), user: hiddenUser });
    this.state.lastMenuUser = user;
    return this.state.menus[user] ?? null;
  }

  /** The add-on is installed from the Marketplace: onInstall runs FULL. */
  install(user = this.state.owner): unknown {
    return this.run('onInstall', [{ authMode: 'FULL' }], { user, kind: 'simple-trigger', authMode: 'FULL' });
  }

  /** Clicks a menu item (by caption or function name) of `user`'s menu; the handler runs FULL as that user. */
  clickMenu(key: string, opts: { user?: string } = {}): unknown {
    const user = opts.user ?? this.state.lastMenuUser ?? this.state.owner;
    const menu = this.state.menus[user];
    if (!menu) throw new Error(`emulator: ${user} has no add-on menu (call env.openAsUser first)`);
    const item = findItem(menu.items, key);
    if (!item?.functionName) throw new Error(`emulator: no menu item "${key}"`);
    return this.run(item.functionName, [], { user, kind: 'menu' });
  }

  /** A user types `values` into `a1` of `sheetName`: validation first, then the edit triggers. */
  userEdit(sheetName: string, a1: string, values: unknown[][] | unknown, opts: { user?: string } = {}): UserEditResult {
    const user = opts.user ?? this.state.owner;
    const grid = Array.isArray(values) ? (values as unknown[][]) : [[values]];
    const r = applyUserEdit(this.spreadsheet, sheetName, a1, grid as (string | number | boolean | null)[][], user);
    if (!r.accepted) return { accepted: false, message: r.message, invalid: r.invalid ?? [], errors: [] };
    const event: Record<string, unknown> = {
      authMode: 'LIMITED',
      range: r.range,
      source: this.spreadsheet.api(),
      user: hiddenUser,
    };
    if (r.value !== undefined) event.value = r.value;
    if (r.oldValue !== undefined) event.oldValue = r.oldValue;
    const errors: string[] = [];
    const err = this.background('onEdit', [event], {
      user,
      authMode: 'LIMITED',
      kind: 'simple-trigger',
      revealActiveUser: false,
    });
    if (err) errors.push(err);
    errors.push(...this.installable('ON_EDIT', { ...event }));
    errors.push(
      ...this.installable('ON_CHANGE', { source: this.spreadsheet.api(), user: hiddenUser, changeType: 'EDIT' }),
    );
    return { accepted: true, message: r.message, invalid: r.invalid ?? [], errors };
  }

  /** google.script.run: illegal arguments fail like the client does; the result is the copy the client gets. */
  callRpc(fnName: string, args: unknown[] = [], opts: { user?: string } = {}): unknown {
    checkRpcArgs(args);
    if (fnName.endsWith('_') || !this.realm?.fn(fnName))
      throw new TypeError(`google.script.run.${fnName} is not a function`);
    const copied = JSON.parse(JSON.stringify(args));
    return copyRpcResult(this.run(fnName, copied, { user: opts.user, kind: 'rpc' }));
  }

  /** Sheets evaluating `=NAME(args)`: case-insensitive name, CUSTOM_FUNCTION mode, 30 s, as the owner. */
  runCustomFunction(name: string, args: unknown[] = []): unknown {
    const fn = this.functions().find((f) => f.toUpperCase() === name.toUpperCase() && !f.endsWith('_'));
    if (!fn) throw new Error(`Unknown function: '${name}'.`);
    return this.execute(fn, args, {
      user: this.state.owner,
      authMode: 'CUSTOM_FUNCTION',
      kind: 'custom-function',
      revealActiveUser: false,
    });
  }

  /** Moves the clock forward, firing due time-driven triggers in order, each as its own FULL execution. */
  advance(d: Duration): { fired: { handler: string; at: string; error: string | null }[] } {
    const target = this.core.now() + durationMs(d);
    const fired: { handler: string; at: string; error: string | null }[] = [];
    for (;;) {
      const due = this.state.triggers
        .filter((t) => t.eventType === 'CLOCK' && t.nextAt !== null && t.nextAt <= target)
        .sort((a, b) => (a.nextAt as number) - (b.nextAt as number) || a.createdAt - b.createdAt)[0];
      if (!due) break;
      const at = due.nextAt as number;
      if (at > this.core.now()) this.core.setNow(at);
      const tz = due.schedule?.timeZone ?? this.state.timeZone;
      const event = clockEvent(at, tz, due.uid);
      due.nextAt = nextFireAfter(due, Math.max(at, this.core.now()));
      const error = this.background(
        due.handler,
        [event],
        { user: due.owner, authMode: 'FULL', kind: 'installable-trigger', revealActiveUser: true },
        true,
      );
      fired.push({ handler: due.handler, at: new Date(at).toISOString(), error });
    }
    if (target > this.core.now()) this.core.setNow(target);
    return { fired };
  }

  /** The whole state as JSON text (spreadsheet included); pass it back as `createEnvironment({ state })`. */
  serialize(): string {
    return JSON.stringify({ ...this.state, now: this.core.now(), spreadsheet: this.spreadsheet.toJSON() });
  }
}
