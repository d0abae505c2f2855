// Every row formatted and validated (PRODUCT.md §2, §10): a repair run checks the owned columns of every existing
// row of a data sheet, not only the rows setup first formatted. Rows the user added at the bottom, pasted over or
// cleared are found by reading the number-format and validation grids once (two reads whatever the row count) and
// written back in one call each only when something is missing. Rows inserted later inherit the row above's formats
// and rules (emulator/src/spreadsheet/README.md "Inserted rows inherit"), so this is needed only for rows that lost
// them; conditional formats and protections, whose ranges do not grow, are re-laid when the grid height changed.
import type { Role } from '../app/ports';
import { columnLetter, type HeaderPlan, ownedColumns, ruleFor } from '../app/setup-plan';
import type { Lang } from '../domain/i18n';
import { sheetOf } from '../domain/schema';
import type { SettingsMap } from '../domain/settings-def';
import { applyRules, conditionalFormats, protect, type Rule, type RuleFactory } from './sheet-setup-format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets reports an unformatted cell as this pattern; 'general' sets it. */
const DEFAULT_FORMAT = '0.###############';

function sameFormat(a: unknown, b: string): boolean {
  const norm = (f: unknown) => (f === 'general' || f === DEFAULT_FORMAT || f === '' ? 'general' : String(f));
  return norm(a) === norm(b);
}

export interface CoverageInput {
  role: Role;
  plan: HeaderPlan;
  /** Grid height the add-on last formatted (workbook props); another height re-lays highlights and protections. */
  formattedRows: number | undefined;
  /** A new setup version: every owned column's rule is rebuilt, not only missing ones. */
  rulesStale: boolean;
  lang: Lang;
  settings: SettingsMap;
  rules: RuleFactory;
}

/** Restores formats and rules on all rows of a data sheet; returns its grid height and whether anything changed. */
export function restoreCoverage(sheet: Sheet, c: CoverageInput): { rows: number; restored: boolean } | undefined {
  const { role, plan } = c;
  if (sheetOf(role).log || role === 'settings') return undefined;
  const width = plan.header.length;
  if (!width) return undefined;
  // An open-ended range (A2:X) reaches the grid's last row without asking for it (emulator/src/spreadsheet/README.md
  // "open-ended ranges"); the grid read tells the height.
  let body: GoogleAppsScript.Spreadsheet.Range;
  try {
    body = sheet.getRange(`A2:${columnLetter(width - 1)}`);
  } catch (_e) {
    return undefined; // a one-row grid: nothing below the header
  }
  const owned = ownedColumns(role, plan.map);
  const formats = body.getNumberFormats() as string[][];
  const maxRows = formats.length + 1;
  let formatsFixed = false;
  for (const row of formats)
    for (const { col, index } of owned)
      if (!sameFormat(row[index], col.format)) {
        row[index] = col.format;
        formatsFixed = true;
      }
  if (formatsFixed) body.setNumberFormats(formats);
  const grid = body.getDataValidations() as Array<Array<Rule | null>>;
  const missing = new Set<string>();
  for (const { col, index } of owned)
    if (ruleFor(col, c.lang, c.settings) && grid.some((r) => !r[index])) missing.add(col.key);
  const rulesFixed = c.rulesStale || missing.size > 0;
  if (rulesFixed) {
    const kept = (key: string) => !c.rulesStale && !missing.has(key);
    applyRules(sheet, role, plan, body, 2, maxRows - 1, grid, kept, c.lang, c.settings, c.rules);
  }
  const regrown = c.formattedRows !== maxRows;
  if (regrown) {
    protect(sheet, role, plan, maxRows, false, plan.layout);
    conditionalFormats(sheet, role, plan, body, 2, true);
  }
  return { rows: maxRows, restored: formatsFixed || missing.size > 0 || regrown };
}
