// The benchmark's view of the emulator: an environment running the built add-on (or the naive script), loaded
// with the generated rows by ONE setValues per sheet outside any execution, and the few user actions the
// benchmark performs. Everything the benchmark needs from the emulator goes through here.
import * as fs from 'node:fs';
import type { Role } from '../src/app/ports';
import { findColumn, roleOfSheetName } from '../src/domain/schema';
import { createEnvironment, type Environment } from '../emulator/src/index';
import type { DemoWorkbook } from '../emulator/playground/demo-data';
import { DATA_ROLES, headersOf, recordsOf, rowsFor } from './workbook-rows';

export interface EnvOptions {
  dist: string;
  /** Virtual "now" (ISO instant): the workbook's as-of day, after the default reminder hour. */
  now: string;
  timeZone: string;
  naiveScript: string;
}

/** No quota in the way: the benchmark measures the whole day's work, not the quota's deferral. */
export const BENCH_MAIL_QUOTA = 1_000_000;
const OWNER = 'owner@example.com';

export interface BenchEnv {
  run(fn: string): unknown;
  rpc(fn: string, args?: unknown[]): unknown;
  customFunction(name: string, args: unknown[]): unknown;
  /** A Date of the script's realm, as Sheets passes date cells to a custom function. */
  scriptDate(ms: number): Date;
  /** Writes the generated rows into the data sheets (uncounted: resets the call counter afterwards). */
  loadRows(wb: DemoWorkbook, withDerived: boolean): void;
  /** Turns the daily reminders on as the owner (uncounted). */
  prepareDailyRun(): void;
  /** Moves the clock an hour so the hourly trigger fires once; throws when it did not run cleanly. */
  fireDailyRun(): unknown;
  counts(): Record<string, number>;
  /** Cells read and written since resetCounts (the emulator's cell counter). */
  cells(): { read: number; written: number };
  resetCounts(): void;
  /** Adds a tab of plain-text cells, as File → Import leaves an ERP export (uncounted: resets the counter). */
  addTab(name: string, grid: string[][]): void;
}

function emulator(o: EnvOptions): Environment {
  return createEnvironment({
    now: o.now,
    timeZone: o.timeZone,
    locale: 'zh_CN',
    owner: OWNER,
    mailQuota: BENCH_MAIL_QUOTA,
  });
}

/**
 * Grows the grid when needed (Sheets never grows it on getRange), gives every data cell its column's number
 * format (as setup does, so '@' text columns keep ids and phones as text) and writes `rows` below the header.
 */
function writeBelowHeader(sheet: any, role: Role, headers: readonly unknown[], rows: unknown[][]): void {
  if (!rows.length) return;
  const need = rows.length + 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  headers.forEach((h, i) => {
    const col = findColumn(role, h);
    if (col) sheet.getRange(2, i + 1, rows.length, 1).setNumberFormat(col.format);
  });
  sheet.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
}

function wrap(env: Environment, loadRows: BenchEnv['loadRows']): BenchEnv {
  return {
    run: (fn) => env.run(fn, [], { kind: 'menu' }),
    rpc: (fn, args = []) => env.callRpc(fn, args),
    customFunction: (name, args) => env.runCustomFunction(name, args),
    scriptDate: (ms) => env.core.makeDate(ms),
    loadRows,
    prepareDailyRun() {
      env.run('enableDailyReminders', [], { kind: 'menu' });
      env.resetCounts();
    },
    fireDailyRun() {
      const { fired } = env.advance({ hours: 1 });
      const run = fired.find((f) => f.handler === 'runDailyReminders');
      if (!run)
        throw new Error(`the hourly trigger did not fire (fired: ${fired.map((f) => f.handler).join(', ') || 'none'})`);
      if (run.error) throw new Error(run.error);
      return run;
    },
    counts: () => env.counts(),
    cells: () => env.cells('SpreadsheetApp.'),
    resetCounts: () => env.resetCounts(),
    addTab(name, grid) {
      const sheet = env.spreadsheet.api().insertSheet(name);
      const width = grid[0].length;
      if (grid.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
      if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      const range = sheet.getRange(1, 1, grid.length, width);
      range.setNumberFormat('@');
      range.setValues(grid);
      env.resetCounts();
    },
  };
}

/** The built add-on, bound to an empty spreadsheet; `loadRows` fills the sheets setup created. */
export function openAddonEnv(o: EnvOptions): BenchEnv {
  const env = emulator(o).loadBuild(o.dist);
  return wrap(env, (wb, withDerived) => {
    for (const sheet of env.spreadsheet.api().getSheets()) {
      const role = roleOfSheetName(sheet.getName());
      if (!role || !(DATA_ROLES as readonly string[]).includes(role)) continue;
      const lastColumn = sheet.getLastColumn();
      const headers = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
      const records = recordsOf(wb, role as (typeof DATA_ROLES)[number], withDerived);
      writeBelowHeader(sheet, role, headers, rowsFor(role, headers, records, 'zh-CN', o.timeZone));
    }
    env.resetCounts();
  });
}

/** The naive tutorial script, bound to a spreadsheet holding just the sheets it reads, with the same rows. */
export function openNaiveEnv(o: EnvOptions): BenchEnv {
  const env = emulator(o).loadScript(fs.readFileSync(o.naiveScript, 'utf8'));
  return wrap(env, (wb, withDerived) => {
    const ss = env.spreadsheet.api();
    for (const role of ['customers', 'invoices'] as const) {
      const headers = headersOf(role, 'zh-CN');
      const name = role === 'customers' ? '客户' : '应收账款';
      const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
      if (sheet.getMaxColumns() < headers.length) {
        sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
      }
      sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
      writeBelowHeader(
        sheet,
        role,
        headers,
        rowsFor(role, headers, recordsOf(wb, role, withDerived), 'zh-CN', o.timeZone),
      );
    }
    env.resetCounts();
  });
}
