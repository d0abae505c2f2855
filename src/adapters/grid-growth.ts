// Growing a ledger sheet's grid when appends run past its last row. A grid never grows by itself when addressed
// beyond it (gas-runtime-notes §1), so the store inserts rows in chunks. Inserted rows inherit the number formats and
// validation rules of the row above them (the Sheets InsertDimension rule; emulator/src/spreadsheet/README.md
// "Inserted rows inherit"), cell-relative phone / tax-id formulas included, so nothing is copied here; what does not
// follow are range-based settings ending at the old last row: our conditional formats and derived-column protections
// are re-laid over the new height. A chunk costs about 10 calls once per GROW_CHUNK appended rows.
import type { Role } from '../app/ports';
import { planHeader } from '../app/setup-plan';
import type { Lang } from '../domain/i18n';
import { sheetOf } from '../domain/schema';
import { conditionalFormats, protect } from './sheet-setup-format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows added per growth: the same order of size as the 1000-row grid of a new sheet. */
export const GROW_CHUNK = 500;

/**
 * Inserts at least `need` rows after `maxRows` (they inherit the last row's formats and rules); returns the new grid
 * height. `header` is the sheet's row 1 as read.
 */
export function growGrid(
  sheet: Sheet,
  role: Role,
  header: readonly unknown[],
  maxRows: number,
  need: number,
  lang: Lang,
): number {
  const rows = Math.max(need, GROW_CHUNK);
  sheet.insertRowsAfter(maxRows, rows);
  const height = maxRows + rows;
  // Logs are protected sheet-wide (the protection covers new rows) and, like Settings, carry no highlights.
  if (sheetOf(role).log || role === 'settings' || maxRows < 2) return height;
  const plan = planHeader(role, header, lang);
  const width = plan.header.length;
  if (!width) return height;
  protect(sheet, role, plan, height, false, plan.layout);
  conditionalFormats(sheet, role, plan, sheet.getRange(2, 1, height - 1, width), 2, true);
  return height;
}
