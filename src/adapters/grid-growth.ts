// Growing a ledger sheet's grid when appends run past its last row. A grid never grows by itself when addressed
// beyond it (gas-runtime-notes §1), and rows inserted after the last row carry none of the formats, validation rules,
// conditional formats or protections setup gave the rows above (their ranges end at the old last row). So the store
// grows in chunks and gives the new rows the same treatment: number formats and rules copied from the row above
// (cell-relative phone / tax-id formulas rebuilt for their new first row, since a copied formula would keep pointing
// at the old anchor), and our conditional formats and derived-column protections re-laid over the new height.
// A chunk costs about 35 calls once per GROW_CHUNK appended rows; appends in between pay nothing.
import type { Role } from '../app/ports';
import { columnLetter, isCellRelative, ownedColumns, planHeader, ruleFor } from '../app/setup-plan';
import type { Lang } from '../domain/i18n';
import { sheetOf } from '../domain/schema';
import { conditionalFormats, protect, type Rule, RuleFactory } from './sheet-setup-format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows added per growth: the same order of size as the 1000-row grid of a new sheet. */
export const GROW_CHUNK = 500;

/**
 * Inserts at least `need` rows after `maxRows` and formats them like the rows above; returns the new grid height.
 * `header` is the sheet's row 1 as read.
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
  // Logs are protected sheet-wide (the protection covers new rows) and, like Settings, carry no formats or rules.
  if (sheetOf(role).log || role === 'settings' || maxRows < 2) return height;
  const plan = planHeader(role, header, lang);
  const width = plan.header.length;
  if (!width) return height;
  const above = sheet.getRange(maxRows, 1, 1, width);
  const formats = above.getNumberFormats()[0] as string[];
  const rules = (above.getDataValidations()[0] ?? []) as Array<Rule | null>;
  const relative: Array<{ index: number; spec: NonNullable<ReturnType<typeof ruleFor>> }> = [];
  const owned = ownedColumns(role, plan.map);
  const ours = new Set(owned.map((o) => o.index));
  // A user's own custom-formula rule cannot be copied cell by cell either (its anchor would not move): left off.
  rules.forEach((r, i) => {
    if (r && !ours.has(i) && String(r.getCriteriaType()) === 'CUSTOM_FORMULA') rules[i] = null;
  });
  for (const { col, index } of owned) {
    const spec = ruleFor(col, lang, {});
    if (spec && isCellRelative(spec)) {
      relative.push({ index, spec });
      rules[index] = null;
    }
  }
  const block = sheet.getRange(maxRows + 1, 1, rows, width);
  block.setNumberFormats(Array.from({ length: rows }, () => formats));
  block.setDataValidations(Array.from({ length: rows }, () => rules));
  const factory = new RuleFactory();
  for (const { index, spec } of relative)
    sheet
      .getRange(maxRows + 1, index + 1, rows, 1)
      .setDataValidation(factory.build(spec, `${columnLetter(index)}${maxRows + 1}`));
  protect(sheet, role, plan, height, false, plan.layout);
  conditionalFormats(sheet, role, plan, sheet.getRange(2, 1, height - 1, width), 2, true);
  return height;
}
