// Set up / repair workbook on SpreadsheetApp (PRODUCT.md §2). Creates missing sheets, appends missing header cells
// (never reorders or rewrites the user's), and for each new or damaged sheet applies number formats, validation
// rules, protections and conditional formats to the columns the add-on owns, keeping user columns' formats and rules.
// Costs a bounded number of calls whatever the row count: grids are read and written whole, identical rules are built
// once, and a sheet whose layout matches the last setup is only checked, not rebuilt.
import type { Progress, Role } from '../app/ports';
import { type HeaderPlan, ownedColumns, planHeader } from '../app/setup-plan';
import type { AuditDraftEntry } from '../domain/audit-chain';
import type { AuditAnchor } from '../domain/audit-seal';
import type { AuditEntry } from '../domain/records';
import { everyLang, type Lang, t } from '../domain/i18n';
import { roleOfSheetName, sheetOf } from '../domain/schema';
import { ALL_SETTINGS, WORKBOOK_KEYS, withDefaults } from '../domain/settings';
import { defaultIn, type SettingsMap } from '../domain/settings-def';
import { mapHeader, readRow, writeRow } from '../domain/table';
import { SETUP } from '../domain/workbook-i18n';
import { openingEntries, writeAnchor } from './audit-anchor';
import { appendAuditTail } from './audit-tail';
import { restoreCoverage } from './sheet-coverage';
import { applyRules, applyWidths, conditionalFormats, protect, type Rule, RuleFactory } from './sheet-setup-format';
import { readWorkbookProps, type WorkbookProps, writeWorkbookProps } from './workbook-props';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Bump when formats/rules change, so existing workbooks get them on the next repair. */
export const SETUP_VERSION = 5;
/** Grid of a sheet made by insertSheet (gas-runtime-notes §1: 1000 × 26), so new sheets need no size calls. */
const NEW_ROWS = 1000;
const NEW_COLS = 26;
/** After this sheet a "how far" toast is shown (the summary alert is the "done"). */
const HALFWAY: Role = 'invoices';
/** Sheets that get their schema column widths when created (see createSheet). */
const SIZED_ON_CREATE: readonly Role[] = ['settings'];
const ORDER: readonly Role[] = ['settings', 'customers', 'invoices', 'payments', 'interactions', 'reminders', 'audit'];

export interface SetupOutcome {
  created: Role[];
  repaired: Role[];
  addedColumns: Array<{ role: Role; headers: string[] }>;
  settingsAdded: number;
  /** Whether the setup's audit entry was written as the first row of a new audit log. */
  auditWritten: boolean;
}

/**
 * Creates or repairs every sheet. `firstAudit` is the setup's own audit entry: it becomes row 2 of a new audit sheet
 * (no extra calls), or is appended to the existing log at the end.
 */
export function setupSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
  progress: Progress,
  firstAudit: (soFar: SetupOutcome) => Partial<AuditDraftEntry>,
): SetupOutcome {
  const docProps = PropertiesService.getDocumentProperties();
  const props = readWorkbookProps(docProps);
  const wbLang = props.lang ?? lang;
  const found = locateSheets(ss, props);
  const out: SetupOutcome = { created: [], repaired: [], addedColumns: [], settingsAdded: 0, auditWritten: false };
  const next: WorkbookProps = {
    sheets: {},
    lang: wbLang,
    layout: {},
    version: SETUP_VERSION,
    grid: { ...props.grid },
  };
  const rules = new RuleFactory();
  // The anchor of a new audit sheet's first row, written once the row is (audit-anchor.ts openingEntries).
  let anchor: AuditAnchor | null = null;
  const sealFirst = (drafts: Array<Partial<AuditDraftEntry>>): AuditEntry[] => {
    const opened = openingEntries(docProps, props.sheets.audit !== undefined, drafts);
    anchor = opened.anchor;
    return opened.entries;
  };
  // A new workbook's rules (the industry dropdown) use the defaults its Settings sheet gets: in its language.
  let settings: SettingsMap = withDefaults({}, wbLang);
  progress.step(t(lang, SETUP.started));
  for (const role of ORDER) {
    const had = found[role];
    if (!had) {
      const sheet = ss.insertSheet(sheetOf(role).name[wbLang]);
      next.sheets[role] = sheet.getSheetId();
      next.grid![role] = NEW_ROWS;
      const plan = planHeader(role, [], wbLang);
      next.layout![role] = plan.layout;
      out.created.push(role);
      if (role === 'audit') out.auditWritten = true;
      const initial = initialRows(role, plan, wbLang, () => sealFirst([firstAudit(out)]));
      createSheet(sheet, role, plan, initial, wbLang, settings, rules);
      if (anchor) writeAnchor(docProps, anchor);
      if (role === HALFWAY)
        progress.step(t(lang, SETUP.progress, { done: ORDER.indexOf(role) + 1, total: ORDER.length }));
      continue;
    }
    const sheet = had.sheet;
    next.sheets[role] = had.id;
    const existing = headerRow(sheet);
    const plan = planHeader(role, existing, wbLang);
    next.layout![role] = plan.layout;
    if (plan.added.length) {
      addHeaderCells(sheet, plan);
      out.addedColumns.push({ role, headers: plan.added.map((c) => c.header[wbLang]) });
    }
    if (role === 'settings') {
      const r = ensureSettingsRows(sheet, plan, wbLang);
      settings = r.settings;
      out.settingsAdded = r.added;
    }
    if (props.layout?.[role] !== plan.layout) {
      out.repaired.push(role);
      const rows = repairLayout(sheet, role, plan, props.layout?.[role], props.version, wbLang, settings, rules);
      if (rows !== undefined) next.grid![role] = rows;
    } else {
      // Same layout: every existing row's formats and rules are checked and restored (sheet-coverage.ts).
      const cover = restoreCoverage(sheet, {
        role,
        plan,
        formattedRows: props.grid?.[role],
        rulesStale: props.version !== SETUP_VERSION,
        lang: wbLang,
        settings,
        rules,
      });
      if (cover) next.grid![role] = cover.rows;
      if (cover?.restored || props.version !== SETUP_VERSION) out.repaired.push(role);
    }
    if (role === HALFWAY)
      progress.step(t(lang, SETUP.progress, { done: ORDER.indexOf(role) + 1, total: ORDER.length }));
  }
  // The language mirror (sheet-store.ts languageSetting) restarts from what setup just saw in Settings; the audit
  // tail is dropped (setup may have written the log): the next audit writer reads the log once.
  next.language = settings[WORKBOOK_KEYS.language] ?? '';
  if (JSON.stringify(props) !== JSON.stringify(next)) writeWorkbookProps(next, docProps);
  // An existing log gets the setup's entry appended, chained and anchored like every other writer's.
  if (!out.auditWritten) appendAuditTail(ss, next, [firstAudit(out)], lang, docProps);
  return out;
}

/** Sheets by stored id (renamed tabs keep working), then by name in either language for the rest. */
function locateSheets(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  props: WorkbookProps,
): Partial<Record<Role, { sheet: Sheet; id: number }>> {
  const found: Partial<Record<Role, { sheet: Sheet; id: number }>> = {};
  for (const role of ORDER) {
    const id = props.sheets[role];
    if (typeof id !== 'number') continue;
    const sheet = ss.getSheetById(id);
    if (sheet) found[role] = { sheet, id };
  }
  const missing = ORDER.filter((r) => !found[r]);
  if (!missing.length) return found;
  const taken = new Set(Object.values(found).map((f) => f!.id));
  const adopt = (role: Role, sheet: Sheet | null) => {
    if (!sheet || found[role]) return;
    const id = sheet.getSheetId();
    if (taken.has(id)) return;
    found[role] = { sheet, id };
    taken.add(id);
  };
  if (missing.length <= 2) {
    // A deleted or never-recorded sheet or two: look them up by name (any language) instead of listing all.
    for (const role of missing) {
      let sheet: Sheet | null = null;
      for (const n of everyLang(sheetOf(role).name)) sheet = sheet ?? ss.getSheetByName(n);
      adopt(role, sheet);
    }
    return found;
  }
  for (const sheet of ss.getSheets()) {
    const role = roleOfSheetName(sheet.getName());
    if (role) adopt(role, sheet);
  }
  return found;
}

/** Row 1 in one call (getSheetValues with -1 reads to the last column); an empty sheet (where -1 throws) has none. */
function headerRow(sheet: Sheet): unknown[] {
  try {
    return (sheet.getSheetValues(1, 1, 1, -1) as unknown[][])[0] ?? [];
  } catch (_e) {
    return [];
  }
}

/** Writes only the appended header cells (bold), growing the grid first when it is too narrow. */
function addHeaderCells(sheet: Sheet, plan: HeaderPlan): void {
  const width = plan.header.length;
  const first = width - plan.added.length;
  const maxCols = sheet.getMaxColumns();
  if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
  sheet
    .getRange(1, first + 1, 1, plan.added.length)
    .setValues([plan.header.slice(first)])
    .setFontWeight('bold');
}

/** Rows a new sheet starts with: the default settings, or the setup's own audit entry (first link of the chain). */
function initialRows(role: Role, plan: HeaderPlan, lang: Lang, firstAudit: () => AuditEntry[]): unknown[][] {
  if (role === 'settings') {
    return ALL_SETTINGS.map((d) =>
      writeRow(plan.map, { key: d.key, value: defaultIn(d, lang), description: d.description[lang] }, lang),
    );
  }
  if (role === 'audit') return firstAudit().map((e) => writeRow(plan.map, e, lang));
  return [];
}

/**
 * A new sheet in one grid: header, initial rows, bold header, formats and validation rules are each written once
 * over the whole 1000-row grid insertSheet makes; then frozen row, protections and conditional formats. Column
 * widths cost a call per run of equal widths (73 runs over the schema): within the 150-call budget only the Settings
 * sheet, read as a document (long descriptions and e-mail templates), gets its schema widths.
 */
function createSheet(
  sheet: Sheet,
  role: Role,
  plan: HeaderPlan,
  initial: unknown[][],
  lang: Lang,
  settings: SettingsMap,
  rules: RuleFactory,
): void {
  const width = plan.header.length;
  if (width > NEW_COLS) sheet.insertColumnsAfter(NEW_COLS, width - NEW_COLS);
  const all = sheet.getRange(1, 1, NEW_ROWS, width);
  const owned = ownedColumns(role, plan.map);
  // Logs and settings hold only text the add-on writes guarded (text-safety.ts) or reads as text: no formats needed.
  if (!sheetOf(role).log && role !== 'settings') {
    const formats = Array.from({ length: NEW_ROWS }, () => new Array<string>(width).fill('general'));
    for (let r = 1; r < NEW_ROWS; r++) for (const { col, index } of owned) formats[r][index] = col.format;
    all.setNumberFormats(formats);
  }
  const values = Array.from({ length: NEW_ROWS }, (_, r) =>
    r === 0 ? plan.header : (initial[r - 1] ?? new Array<unknown>(width).fill('')),
  );
  all.setValues(values);
  all.setFontWeights(
    values.map((_, r) => new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(r === 0 ? 'bold' : 'normal')),
  );
  applyRules(sheet, role, plan, all, 1, NEW_ROWS - 1, null, () => false, lang, settings, rules);
  sheet.setFrozenRows(1);
  if (SIZED_ON_CREATE.includes(role)) applyWidths(sheet, role, plan);
  protect(sheet, role, plan, NEW_ROWS, sheetOf(role).log, undefined);
  conditionalFormats(sheet, role, plan, all, 1, false);
}

/** Settings rows: every known key once, with its default and description; existing values are never touched. */
function ensureSettingsRows(sheet: Sheet, plan: HeaderPlan, lang: Lang): { settings: SettingsMap; added: number } {
  const map = mapHeader('settings', plan.header);
  const values: Record<string, string> = {};
  const data = sheet.getDataRange().getValues() as unknown[][];
  const lastRow = Math.max(1, data.length);
  for (let i = 1; i < data.length; i++) {
    const r = readRow(map, data[i], i + 1, (d) => String(d));
    if (r.kind === 'record' && r.record.key) values[r.record.key.trim()] = r.record.value;
  }
  const missing = ALL_SETTINGS.filter((d) => !(d.key in values));
  if (missing.length) {
    const rows = missing.map((d) =>
      writeRow(map, { key: d.key, value: defaultIn(d, lang), description: d.description[lang] }, lang),
    );
    const maxRows = sheet.getMaxRows();
    if (lastRow + rows.length > maxRows) sheet.insertRowsAfter(maxRows, lastRow + rows.length - maxRows);
    sheet.getRange(lastRow + 1, 1, rows.length, map.width).setValues(rows);
  }
  return { settings: withDefaults(values, lang), added: missing.length };
}

/**
 * An existing sheet whose layout changed (columns moved, added or deleted): header row frozen, and on every row the
 * owned columns get their formats, rules, protection and highlights back; user columns keep theirs. (A sheet with
 * the same layout is checked row by row instead: sheet-coverage.ts.)
 */
function repairLayout(
  sheet: Sheet,
  role: Role,
  plan: HeaderPlan,
  oldLayout: string | undefined,
  version: number | undefined,
  lang: Lang,
  settings: SettingsMap,
  rules: RuleFactory,
): number | undefined {
  const width = plan.header.length;
  const def = sheetOf(role);
  // Header cells setup appends are bolded as they are written (addHeaderCells); moved cells keep their style.
  sheet.setFrozenRows(1);
  if (def.log || role === 'settings') {
    // Logs and settings carry no formats or rules: only the sheet-wide warning protection of logs.
    if (def.log) protect(sheet, role, plan, 0, true, undefined);
    return undefined;
  }
  const maxRows = sheet.getMaxRows();
  if (maxRows < 2) return maxRows;
  const owned = ownedColumns(role, plan.map);
  const body = sheet.getRange(2, 1, maxRows - 1, width);
  // User columns keep their formats and rules: read the grids, change only owned columns, write back.
  const formats = body.getNumberFormats() as string[][];
  for (const row of formats) for (const { col, index } of owned) row[index] = col.format;
  body.setNumberFormats(formats);
  // Rules move with their column in Sheets, so only columns now at a new position (or a new setup version, or with
  // rows that lost theirs) need theirs rebuilt; the others keep what getDataValidations returned.
  const grid = body.getDataValidations() as Array<Array<Rule | null>>;
  const before = (oldLayout ?? '').split(',');
  const kept = (key: string) => {
    const i = plan.map.index[key];
    return version === SETUP_VERSION && before[i] === key && grid.every((r) => r[i]);
  };
  applyRules(sheet, role, plan, body, 2, maxRows - 1, grid, kept, lang, settings, rules);
  protect(sheet, role, plan, maxRows, false, oldLayout ?? '');
  conditionalFormats(sheet, role, plan, body, 2, true);
  return maxRows;
}
