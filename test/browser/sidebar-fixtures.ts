// An emulated workbook for the sidebar tests: the BUILT add-on loaded into the emulator and set up with its own
// setupWorkbook. Until that menu action creates the sheets, a minimal stand-in writes each role's header row
// (the store finds sheets by name in either language), so the sidebar can be tested on its own.
import * as path from 'node:path';
import { createEnvironment } from '../../emulator/src/index';
import type { Role } from '../../src/app/ports';
import { ROLES } from '../../src/app/ports';
import type { Lang } from '../../src/domain/i18n';
import { columnsOf, SHEETS } from '../../src/domain/schema';

export const OWNER = 'owner@example.com';
export const DIST = path.resolve(__dirname, '../../dist');

type Env = ReturnType<typeof createEnvironment>;

interface SheetApi {
  getName(): string;
  getMaxColumns(): number;
  getMaxRows(): number;
  insertRowsAfter(after: number, n: number): unknown;
  insertColumnsAfter(after: number, n: number): unknown;
  getRange(
    r: number,
    c: number,
    nr: number,
    nc: number,
  ): { setValues(v: unknown[][]): unknown; setNumberFormat(f: string): unknown };
}
interface SpreadsheetApi {
  getSheets(): SheetApi[];
  insertSheet(name: string): SheetApi;
}

function api(env: Env): SpreadsheetApi {
  return (env.spreadsheet as unknown as { api(): SpreadsheetApi }).api();
}

export function sheetName(role: Role, lang: Lang): string {
  return SHEETS[role].name[lang];
}

function findSheet(env: Env, role: Role): SheetApi | undefined {
  const names = [SHEETS[role].name['zh-CN'], SHEETS[role].name.en];
  return api(env)
    .getSheets()
    .find((s) => names.includes(s.getName()));
}

/** The name the customers (or any role's) sheet got in this workbook. */
export function roleSheet(env: Env, role: Role): string {
  const s = findSheet(env, role);
  if (!s) throw new Error(`no ${role} sheet`);
  return s.getName();
}

export function ledgerEnv(opts: { locale?: string; lang?: Lang } = {}): Env {
  const env = createEnvironment({ owner: OWNER, locale: opts.locale ?? 'en_US', now: '2026-03-02T09:00:00+08:00' });
  env.loadBuild(DIST);
  try {
    env.run('setupWorkbook', [], { user: OWNER });
  } catch (_e) {
    // reported by the workbook's own tests; the stand-in below keeps the sidebar testable
  }
  const lang = opts.lang ?? 'en';
  for (const role of ROLES) {
    if (findSheet(env, role)) continue;
    const cols = columnsOf(role);
    const sheet = api(env).insertSheet(sheetName(role, lang));
    if (sheet.getMaxColumns() < cols.length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), cols.length - sheet.getMaxColumns());
    sheet.getRange(1, 1, 1000, cols.length).setNumberFormat('@');
    sheet.getRange(1, 1, 1, cols.length).setValues([cols.map((c) => c.header[lang])]);
  }
  return env;
}

/** Writes `n` customers straight into the sheet (fast fixture for the 10,000-customer search budget). */
export function addCustomers(env: Env, n: number): void {
  const name = roleSheet(env, 'customers');
  const sheet = api(env)
    .getSheets()
    .find((s) => s.getName() === name)!;
  const cols = columnsOf('customers');
  const header = (env.values(name)[0] as string[]).map(String);
  const at = (key: string) =>
    header.indexOf(cols.find((c) => c.key === key)!.header.en) >= 0
      ? header.indexOf(cols.find((c) => c.key === key)!.header.en)
      : header.indexOf(cols.find((c) => c.key === key)!.header['zh-CN']);
  const rows: unknown[][] = [];
  const cities = ['上海', '北京', '深圳', 'Hangzhou', 'Chengdu', 'Wuhan'];
  for (let i = 1; i <= n; i++) {
    const row = new Array(header.length).fill('');
    row[at('id')] = `C-${String(i).padStart(6, '0')}`;
    row[at('name')] = i % 2 ? `${cities[i % cities.length]}客户${i}有限公司` : `Customer ${i} Trading Ltd`;
    row[at('contact')] = i % 3 ? `张${i}` : `Contact ${i}`;
    row[at('phone')] = `138${String(i).padStart(8, '0')}`;
    row[at('email')] = `c${i}@example.com`;
    row[at('outstanding')] = (i % 7) * 1000;
    rows.push(row);
  }
  if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}
