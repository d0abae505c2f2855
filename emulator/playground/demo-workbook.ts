// Fills an emulated workbook with the demo data the way a team would get there: the add-on's real `setupWorkbook`
// creates the sheets (headers, formats, validation), the rows are written by header through the schema's own
// row mapping (so column order and localized headers never matter), then the add-on's `refreshLedger` and
// `rescoreCustomers` compute the derived columns. Rows are written as a script writes them (one setValues per
// sheet, validation not applied), like an import, and Set up runs once more to repair what the import grew.
import type { Role } from '../../src/app/ports';
import { isTraditional, LANGS, type Lang, msg, t } from '../../src/domain/i18n';
import { toTraditionalDemo } from './demo-traditional';
import { columnsOf, headerOf, roleOfSheetName, sheetOf } from '../../src/domain/schema';
import { WORKBOOK_KEYS } from '../../src/domain/settings';
import { mapHeader, writeRow } from '../../src/domain/table';
import type { Environment } from '../src/environment-actions';
import { zoneOffsetMs } from '../src/spreadsheet/dates';
import type { SheetModel } from '../src/spreadsheet/model';
import { DEFAULT_SIZE, generateDemoWorkbook } from './demo-data';

export interface DemoBuildOptions {
  seed: number;
  invoices?: number;
  customers?: number;
  user: string;
  /** Progress lines for the console. */
  log?: (line: string) => void;
}

export interface DemoBuildReport {
  asOf: string;
  counts: Record<string, number>;
  /** Add-on steps that failed or do not exist yet (the demo is still written). */
  warnings: string[];
}

const DATA_ROLES = ['customers', 'invoices', 'payments', 'interactions'] as const;

export function buildDemoWorkbook(env: Environment, o: DemoBuildOptions): DemoBuildReport {
  const log = o.log ?? (() => {});
  const warnings: string[] = [];
  const step = (fn: string) => {
    if (!env.functions().includes(fn)) {
      warnings.push(`${fn}: not in the build`);
      return;
    }
    try {
      env.run(fn, [], { user: o.user, kind: 'menu' });
    } catch (e) {
      warnings.push(`${fn}: ${(e as Error).message}`);
    }
  };
  log('running setupWorkbook…');
  step('setupWorkbook');
  const ss = env.spreadsheet;
  const customersName = findSheet(env, 'customers')?.name;
  const lang: Lang = LANGS.find((l) => sheetOf('customers').name[l] === customersName) ?? 'zh-CN';
  for (const role of [...DATA_ROLES, 'settings'] as Role[]) {
    if (!findSheet(env, role)) {
      warnings.push(`setupWorkbook did not create the ${role} sheet: created with headers only`);
      const sheet = ss.api().insertSheet(sheetOf(role).name[lang]);
      const width = columnsOf(role).length;
      if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      sheet.getRange(1, 1, 1, width).setValues([columnsOf(role).map((c) => headerOf(c, lang))]);
      sheet.setFrozenRows(1);
    }
  }
  const industries = readSetting(env, WORKBOOK_KEYS.industries)
    ?.split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const today = dayIn(ss.timeZone, env.now());
  log('generating demo rows…');
  const data = generateDemoWorkbook({
    seed: o.seed,
    invoices: o.invoices ?? DEFAULT_SIZE.invoices,
    customers: o.customers ?? (o.invoices === undefined ? DEFAULT_SIZE.customers : undefined),
    asOf: today,
    industries: industries?.length ? industries : undefined,
  });
  const counts: Record<string, number> = {};
  for (const role of DATA_ROLES) {
    const records = inScript(data[role] as unknown as Record<string, unknown>[], lang);
    counts[role] = records.length;
    log(`writing ${records.length} ${role}…`);
    writeRecords(env, role, records, lang);
  }
  writeSetting(env, WORKBOOK_KEYS.companyName, t(lang, DEMO_COMPANY));
  // Demo robots (PRODUCT.md §15): the playground serves both hosts itself (chat-robots.ts); nothing leaves the machine.
  writeSetting(env, 'chat.wecomWebhook', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-ledger-robot');
  writeSetting(env, 'chat.dingtalkWebhook', 'https://oapi.dingtalk.com/robot/send?access_token=demoledger');
  writeSetting(env, 'chat.dingtalkSecret', 'SECdemoLedgerSigningSecret2026');
  // Set up again, as a team would after an import: repair is where the add-on extends its rules to grown sheets.
  log('running setupWorkbook (repair), refreshLedger and rescoreCustomers…');
  step('setupWorkbook');
  step('refreshLedger');
  step('rescoreCustomers');
  tidyTabs(env);
  return { asOf: data.asOf, counts, warnings };
}

const DEMO_COMPANY = msg('playground/demo-workbook.DEMO_COMPANY');

/**
 * A Traditional-Chinese workbook gets its demo rows in Traditional script, and its Chinese-speaking customers write
 * in Traditional too (language zh-TW); other workbooks get the rows as generated.
 */
function inScript(records: Record<string, unknown>[], lang: Lang): Record<string, unknown>[] {
  if (!isTraditional(lang)) return records;
  return records.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'string' ? toTraditionalDemo(v) : v;
    if (out.language === 'zh-CN') out.language = 'zh-TW';
    return out;
  });
}

/**
 * What a person sees first: the new spreadsheet's own empty default tab ("Sheet1", "工作表1") removed — the way a
 * team tidies a file it made for the ledger — and the Customers sheet active. Done through the Spreadsheet API, as a
 * user would, not by editing the model.
 */
function tidyTabs(env: Environment): void {
  if (!env.functions().includes('setupWorkbook')) return; // no ledger was set up: nothing to tidy for
  const api = env.spreadsheet.api();
  for (const sheet of api.getSheets()) {
    const role = roleOfSheetName(sheet.getName());
    if (!role && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && api.getSheets().length > 1)
      api.deleteSheet(sheet);
  }
  const customers = findSheet(env, 'customers');
  if (customers) env.spreadsheet.activeSheetId = customers.id;
}

/** The sheet of a role: by the id the add-on stored if we can see it, else by its name in either language. */
function findSheet(env: Environment, role: Role): SheetModel | undefined {
  return env.spreadsheet.sheets.find((s: SheetModel) => roleOfSheetName(s.name) === role);
}

function writeRecords(env: Environment, role: Role, records: readonly Record<string, unknown>[], lang: Lang): void {
  const model = findSheet(env, role);
  if (!model || records.length === 0) return;
  const sheet = env.spreadsheet.sheetApi(model);
  const width = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const map = mapHeader(role, header);
  const rows = records.map((r) => writeRow(map as never, r as never, lang));
  const start = Math.max(2, sheet.getLastRow() + 1);
  const needed = start + rows.length - 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, map.width).setValues(rows);
}

function settingsTable(env: Environment) {
  const model = findSheet(env, 'settings');
  if (!model) return null;
  const sheet = env.spreadsheet.sheetApi(model);
  const values = sheet.getDataRange().getValues() as unknown[][];
  const map = mapHeader('settings', values[0] ?? []);
  return { sheet, values, key: map.index.key, value: map.index.value };
}

export function readSetting(env: Environment, key: string): string | undefined {
  const t = settingsTable(env);
  if (!t || t.key === undefined || t.value === undefined) return undefined;
  const row = t.values.find((r, i) => i > 0 && String(r[t.key]) === key);
  return row ? String(row[t.value]) : undefined;
}

function writeSetting(env: Environment, key: string, value: string): void {
  const t = settingsTable(env);
  if (!t || t.key === undefined || t.value === undefined) return;
  const i = t.values.findIndex((r, n) => n > 0 && String(r[t.key]) === key);
  if (i > 0 && String(t.values[i][t.value]) === '') t.sheet.getRange(i + 1, t.value + 1).setValue(value);
}

/** The calendar day of an instant in a time zone ('yyyy-MM-dd'). */
export function dayIn(timeZone: string, ms: number): string {
  return new Date(ms + zoneOffsetMs(timeZone, ms)).toISOString().slice(0, 10);
}
