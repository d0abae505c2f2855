// One playground session: the emulated environment running the built add-on, its workbook file, and every action
// the page can take (edit a cell, click a menu item, call from the sidebar, move the clock). The workbook is saved
// after every action that may change it, atomically (store.ts).
//
// Alerts and prompts: Apps Script's ui.alert/prompt block until the person answers. The emulator answers from a
// queue, so a menu run is REPLAYED: it runs once with default answers; if it showed a dialog that needs a decision
// (a prompt, or buttons other than a lone OK) the session restores the saved workbook (nothing the run did is
// kept), the page asks the person, and the run starts over with the answers so far queued. Handlers are
// deterministic for a given workbook and clock, so the replay takes the same path. Lone-OK alerts are informative:
// they are shown after the run.
import * as path from 'node:path';
import type { Environment } from '../src/environment-actions';
import { createEnvironment } from '../src/index';
import { cellA1 } from '../src/spreadsheet/a1';
import { zoneOffsetMs } from '../src/spreadsheet/dates';
import type { SheetModel } from '../src/spreadsheet/model';
import { registerChatRobots } from './chat-robots';
import { buildDemoWorkbook, type DemoBuildReport } from './demo-workbook';
import type { ClockReply, DialogInfo, EditReply, RunReply } from './shared/protocol';
import { quarantine, readStore, writeStoreAtomic } from './store';
import { langFromLocale, msg, t } from '../../src/domain/i18n';

const DEMO_TITLE = msg('playground/session.DEMO_TITLE');

export interface SessionOptions {
  /** Repository root (the page's sources live under it). */
  root: string;
  /** The built add-on to run; default <root>/dist. */
  distDir?: string;
  /** Absolute path of the workbook file. */
  storeFile: string;
  fresh?: boolean;
  /** Invoices in a freshly generated workbook (customers follow). */
  size?: number;
  seed?: number;
  user?: string;
  timeZone?: string;
  /** Locale of the spreadsheet and its users for a fresh workbook ('zh_CN' default, 'en_US' for English). */
  locale?: string;
  /** Start of the clock for a fresh workbook (default: now, real time). */
  now?: number;
  log?: (line: string) => void;
}

type Answer = { button: string; text: string };

export class Session {
  env!: Environment;
  /** Bumped by every change; the page refetches what it shows when it moves. */
  version = 1;
  readonly user: string;
  private saved = '';
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly log: (line: string) => void;

  constructor(readonly o: SessionOptions) {
    this.user = o.user ?? 'owner@demo-ledger.cn';
    this.log = o.log ?? (() => {});
  }

  /** Opens the saved workbook, or creates the demo one (first start, `fresh`, or an unreadable file). */
  start(): DemoBuildReport | null {
    let text = this.o.fresh ? null : readStore(this.o.storeFile);
    if (text !== null) {
      try {
        this.env = this.makeEnv(text);
      } catch (e) {
        this.log(
          `could not read ${this.o.storeFile} (${(e as Error).message}); moved to ${quarantine(this.o.storeFile)}`,
        );
        text = null;
      }
    }
    let report: DemoBuildReport | null = null;
    if (text === null) {
      this.env = this.makeEnv();
      report = buildDemoWorkbook(this.env, {
        seed: this.o.seed ?? 20261120,
        invoices: this.o.size,
        user: this.user,
        log: this.log,
      });
    }
    this.env.openAsUser(this.user);
    this.dirty = true;
    this.flush();
    return report;
  }

  private makeEnv(state?: string): Environment {
    const env = state
      ? createEnvironment({ state })
      : createEnvironment({
          now: this.o.now ?? startOfWorkday(Date.now(), this.o.timeZone ?? 'Asia/Shanghai'),
          timeZone: this.o.timeZone ?? 'Asia/Shanghai',
          locale: this.o.locale ?? 'zh_CN',
          owner: this.user,
          spreadsheetName: t(langFromLocale(this.o.locale ?? 'zh_CN'), DEMO_TITLE),
        });
    env.loadBuild(this.o.distDir ?? path.join(this.o.root, 'dist'));
    registerChatRobots(env);
    return env;
  }

  /**
   * Records a change: moves the version at once and saves the workbook right after the reply has gone out
   * (coalesced, so a burst of edits on a 50,000-row workbook costs one save, not one each).
   */
  persist(): void {
    this.version++;
    this.dirty = true;
    if (!this.timer) this.timer = setTimeout(() => this.flush(), 20);
  }

  /** Saves now if anything changed since the last save (also on exit, and before a menu run needs a restore point). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.saved = this.env.serialize();
    writeStoreAtomic(this.o.storeFile, this.saved);
    this.dirty = false;
  }

  sheetById(id: number): SheetModel {
    const s = this.env.spreadsheet.sheetById(id) as SheetModel | undefined;
    if (!s) throw new Error(`no sheet ${id}`);
    return s;
  }

  edit(sheetId: number, row: number, col: number, value: string): EditReply {
    const sheet = this.sheetById(sheetId);
    const r = this.env.userEdit(sheet.name, cellA1(row + 1, col + 1), [[value]], { user: this.user });
    if (!r.accepted) return { ok: false, rejected: r.message, version: this.version };
    this.persist();
    return { ok: true, version: this.version };
  }

  runMenu(functionName: string, answers: Answer[]): RunReply {
    this.flush();
    const before = this.saved;
    this.env.ui.clearAnswers();
    for (const a of answers) this.env.ui.answer(a);
    const uiStart = this.env.ui.shown().length;
    const sidebarsStart = this.env.ui.sidebars().length;
    let error: string | undefined;
    try {
      this.env.clickMenu(functionName, { user: this.user });
    } catch (e) {
      error = (e as Error).message;
    }
    this.env.ui.clearAnswers();
    const dialogs = this.env.ui
      .shown()
      .slice(uiStart)
      .filter((d) => d.type === 'alert' || d.type === 'prompt')
      .map(
        (d): DialogInfo => ({
          type: d.type as DialogInfo['type'],
          title: d.title,
          text: d.text,
          buttons: d.buttons ?? 'OK',
          answer: d.answer,
        }),
      );
    const k = dialogs.findIndex((d, i) => i >= answers.length && (d.type === 'prompt' || d.buttons !== 'OK'));
    if (k >= 0) {
      this.env = this.makeEnv(before);
      this.saved = before;
      const prior = dialogs.slice(0, k).map((d) => d.answer ?? { button: 'OK', text: '' });
      return {
        ok: true,
        pending: { ...dialogs[k], index: k, prior },
        dialogs: [],
        sidebarShown: false,
        version: this.version,
      };
    }
    this.persist();
    return {
      ok: error === undefined,
      error,
      dialogs,
      sidebarShown: this.env.ui.sidebars().length > sidebarsStart,
      version: this.version,
    };
  }

  rpc(fn: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; error: string; name: string } {
    try {
      const value = this.env.callRpc(fn, args, { user: this.user });
      return { ok: true, value };
    } catch (e) {
      const err = e as Error;
      return { ok: false, error: err.message, name: err.name };
    } finally {
      this.persist();
    }
  }

  open(): RunReply {
    this.env.openAsUser(this.user);
    this.persist();
    return { ok: true, dialogs: [], sidebarShown: false, version: this.version };
  }

  advance(ms: number): ClockReply {
    const { fired } = this.env.advance(ms);
    this.persist();
    return { now: this.env.now(), fired, version: this.version };
  }

  /** Sets the clock to a wall time ('yyyy-MM-ddTHH:mm') in the spreadsheet's zone; forward moves fire triggers. */
  setLocal(local: string): ClockReply {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
    if (!m) throw new Error(`bad time ${local}`);
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    const tz = this.env.spreadsheet.timeZone as string;
    const target = wall - zoneOffsetMs(tz, wall - zoneOffsetMs(tz, wall));
    if (target >= this.env.now()) return this.advance(target - this.env.now());
    this.env.setNow(target);
    this.persist();
    return { now: this.env.now(), fired: [], version: this.version };
  }

  activate(sheetId: number): void {
    this.env.spreadsheet.activeSheetId = this.sheetById(sheetId).id;
    this.dirty = true;
  }
}

/** 09:00 of the current day in `timeZone`: a fresh demo opens at the start of a working day. */
export function startOfWorkday(ms: number, timeZone: string): number {
  const off = zoneOffsetMs(timeZone, ms);
  const day = Math.floor((ms + off) / 86400000) * 86400000;
  return day + 9 * 3600000 - off;
}
