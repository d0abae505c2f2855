// An emulated workbook for the reminder simulations: the BUILT add-on (dist/Code.js) in the emulator, sheets with
// English headers (setupWorkbook's stand-in until it creates them), and helpers to write ledger rows, read the
// reminder log and the outbox. Rows are written straight into the grid, as a user's typing would land.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEnvironment, type EnvironmentOptions, type MailRecord } from '../../emulator/src/index';
import { ROLES, type Role } from '../../src/app/ports';
import { columnsOf, SHEETS } from '../../src/domain/schema';

export const OWNER = 'owner@example.com';
export const DIST = path.resolve(__dirname, '../../dist');
export type Env = ReturnType<typeof createEnvironment>;

interface RangeApi {
  setValues(v: unknown[][]): unknown;
  setNumberFormat(f: string): unknown;
  getValues(): unknown[][];
}
interface SheetApi {
  getName(): string;
  getLastRow(): number;
  getRange(r: number, c: number, nr?: number, nc?: number): RangeApi;
  getMaxColumns(): number;
  getMaxRows(): number;
  insertColumnsAfter(after: number, n: number): unknown;
  insertRowsAfter(after: number, n: number): unknown;
}
interface SpreadsheetApi {
  getSheets(): SheetApi[];
  insertSheet(name: string): SheetApi;
}

let code: { js: string; html: Record<string, string> } | null = null;

function bundle() {
  if (!code) {
    const html: Record<string, string> = {};
    for (const n of fs.readdirSync(DIST))
      if (n.endsWith('.html')) html[n.slice(0, -5)] = fs.readFileSync(path.join(DIST, n), 'utf8');
    code = { js: fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8'), html };
  }
  return code;
}

function api(env: Env): SpreadsheetApi {
  return (env.spreadsheet as unknown as { api(): SpreadsheetApi }).api();
}

function sheetOf(env: Env, role: Role): SheetApi {
  const names = [SHEETS[role].name['zh-CN'], SHEETS[role].name.en];
  const s = api(env)
    .getSheets()
    .find((x) => names.includes(x.getName()));
  if (!s) throw new Error(`no ${role} sheet`);
  return s;
}

/** A fresh environment with the built add-on and the seven sheets (header rows only). */
export function reminderEnv(options: EnvironmentOptions = {}): Env {
  const env = createEnvironment({ owner: OWNER, locale: 'en_US', now: '2026-03-02T08:00:00+08:00', ...options });
  load(env);
  try {
    env.run('setupWorkbook', [], { user: OWNER });
  } catch (_e) {
    // the workbook's own tests report setup problems; the stand-in below keeps these tests independent
  }
  for (const role of ROLES) {
    const names = [SHEETS[role].name['zh-CN'], SHEETS[role].name.en];
    if (
      api(env)
        .getSheets()
        .some((s) => names.includes(s.getName()))
    )
      continue;
    const cols = columnsOf(role);
    const sheet = api(env).insertSheet(SHEETS[role].name.en);
    if (sheet.getMaxColumns() < cols.length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), cols.length - sheet.getMaxColumns());
    sheet.getRange(1, 1, 1000, cols.length).setNumberFormat('@');
    sheet.getRange(1, 1, 1, cols.length).setValues([cols.map((c) => c.header.en)]);
  }
  return env;
}

export function load(env: Env): Env {
  const b = bundle();
  env.loadScript(b.js, b.html);
  return env;
}

/** A copy of `env` (same sheets, properties, triggers, clock) with the add-on loaded: fast per-iteration worlds. */
export function fork(env: Env, options: EnvironmentOptions = {}): Env {
  return load(createEnvironment({ ...options, state: env.serialize() }));
}

function header(env: Env, role: Role): string[] {
  return (sheetOf(env, role).getRange(1, 1, 1, columnsOf(role).length).getValues()[0] as unknown[]).map(String);
}

function column(env: Env, role: Role, key: string): number {
  const col = columnsOf(role).find((c) => c.key === key);
  if (!col) throw new Error(`no column ${role}.${key}`);
  const h = header(env, role);
  const i = h.findIndex((x) => x === col.header.en || x === col.header['zh-CN']);
  if (i < 0) throw new Error(`no header for ${role}.${key}`);
  return i;
}

/** Appends rows given as { key: value } (money as sheet numbers, days as 'yyyy-MM-dd'). */
export function addRows(env: Env, role: Role, rows: Array<Record<string, unknown>>): void {
  if (!rows.length) return;
  const sheet = sheetOf(env, role);
  const width = header(env, role).length;
  const grid = rows.map((r) => {
    const line = new Array(width).fill('');
    for (const [k, v] of Object.entries(r)) line[column(env, role, k)] = v;
    return line;
  });
  const first = sheet.getLastRow() + 1;
  const need = first + grid.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need + 100);
  sheet.getRange(first, 1, grid.length, width).setValues(grid);
}

/** Sets one field of the row whose id column equals `id`. */
export function setField(env: Env, role: Role, id: string, key: string, value: unknown): void {
  const sheet = sheetOf(env, role);
  const idCol = column(env, role, 'id');
  const values = sheet.getRange(1, 1, sheet.getLastRow(), header(env, role).length).getValues();
  const r = values.findIndex((row, i) => i > 0 && String(row[idCol]) === id);
  if (r < 0) throw new Error(`no ${role} row ${id}`);
  sheet.getRange(r + 1, column(env, role, key) + 1, 1, 1).setValues([[value]]);
}

export function setSettings(env: Env, settings: Record<string, string>): void {
  addRows(
    env,
    'settings',
    Object.entries(settings).map(([key, value]) => ({ key, value, description: '' })),
  );
}

export interface LogRow {
  at: string;
  customerId: string;
  invoiceIds: string;
  stage: string;
  to: string;
  cc: string;
  subject: string;
  result: string;
  detail: string;
}

export function reminderLog(env: Env): LogRow[] {
  const sheet = sheetOf(env, 'reminders');
  const keys = columnsOf('reminders').map((c) => c.key);
  const idx = keys.map((k) => column(env, 'reminders', k));
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet
    .getRange(2, 1, last - 1, header(env, 'reminders').length)
    .getValues()
    .map((row) => Object.fromEntries(keys.map((k, i) => [k, cellText(row[idx[i]])])) as unknown as LogRow);
}

function cellText(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).toISOString();
  return String(v ?? '');
}

export function customerMails(env: Env, domain = '@client.example'): MailRecord[] {
  return env.outbox.filter((m) => m.to.includes(domain));
}

/** The runner as the hourly trigger would call it (FULL, installable, as `user`). */
export function fireDaily(env: Env, user = OWNER): unknown {
  return env.run('runDailyReminders', [{ authMode: 'FULL' }], { user, kind: 'installable-trigger' });
}
