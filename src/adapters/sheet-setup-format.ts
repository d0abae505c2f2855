// The formatting half of setup/repair: validation rules (built once per distinct rule and shared between columns),
// warning-only protections and conditional formats. Kept apart from sheet-setup.ts, which decides what each sheet
// needs; everything here is a batched write over a whole column range.
import {
  columnLetter,
  type HeaderPlan,
  isCellRelative,
  ownedColumns,
  type RuleSpec,
  ruleFor,
  ruleKey,
  runs,
} from '../app/setup-plan';
import type { Role } from '../app/ports';
import type { Lang } from '../domain/i18n';
import { phoneFormula } from '../domain/phone';
import { columnsOf } from '../domain/schema';
import type { SettingsMap } from '../domain/settings-def';
import { taxIdFormula } from '../domain/tax-id';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** Marks our conditional-format formulas so repair replaces them instead of piling up copies. */
const MARK = 'customer-ledger';

/** Validation rules of owned columns over `range` (rows firstRow…); `existing` keeps user columns' rules. */
export function applyRules(
  sheet: Sheet,
  role: Role,
  plan: HeaderPlan,
  range: GoogleAppsScript.Spreadsheet.Range,
  firstRow: number,
  dataRows: number,
  existing: GoogleAppsScript.Spreadsheet.Range | null,
  kept: (key: string) => boolean,
  lang: Lang,
  settings: SettingsMap,
  rules: Map<string, Rule>,
): void {
  const width = plan.header.length;
  const specs = ownedColumns(role, plan.map)
    .filter((o) => !kept(o.col.key))
    .map((o) => ({ ...o, spec: ruleFor(o.col, lang, settings) }));
  if (!specs.some((x) => x.spec)) return;
  const grid: Array<Array<Rule | null>> = existing
    ? (existing.getDataValidations() as Array<Array<Rule | null>>)
    : Array.from({ length: dataRows + (firstRow === 1 ? 1 : 0) }, () => new Array<Rule | null>(width).fill(null));
  const skip = firstRow === 1 ? 1 : 0; // a grid that starts at the header row leaves the header unvalidated
  for (const { index, spec } of specs) {
    const rule = spec && !isCellRelative(spec) ? sharedRule(rules, spec) : null;
    for (let r = skip; r < grid.length; r++) grid[r][index] = rule;
  }
  range.setDataValidations(grid);
  for (const { index, spec } of specs) {
    if (!spec || !isCellRelative(spec)) continue;
    sheet.getRange(2, index + 1, dataRows, 1).setDataValidation(buildRule(spec, `${columnLetter(index)}2`));
  }
}

function sharedRule(rules: Map<string, Rule>, spec: RuleSpec): Rule {
  const key = ruleKey(spec);
  let rule = rules.get(key);
  if (!rule) {
    rule = buildRule(spec, '');
    rules.set(key, rule);
  }
  return rule;
}

function buildRule(spec: RuleSpec, a1: string): Rule {
  const b = SpreadsheetApp.newDataValidation();
  switch (spec.kind) {
    case 'list':
      // Dropdowns explain themselves; no help text saves a call per rule.
      return b.requireValueInList(spec.values, true).build();
    case 'checkbox':
      return b.requireCheckbox().build();
    case 'money':
      return b.requireNumberGreaterThanOrEqualTo(0).build();
    case 'date':
      return b.requireDate().build();
    case 'email':
      b.requireTextIsEmail();
      break;
    case 'range':
      b.requireNumberBetween(spec.min, spec.max);
      break;
    case 'phone':
      b.requireFormulaSatisfied(phoneFormula(a1));
      break;
    case 'taxId':
      b.requireFormulaSatisfied(taxIdFormula(a1));
      break;
  }
  return b.setHelpText(spec.help).build();
}

/** Warning-only protection: editors get a prompt, and the add-on (running as them) can still write. */
export function protect(
  sheet: Sheet,
  role: Role,
  plan: HeaderPlan,
  maxRows: number,
  log: boolean,
  oldLayout: string | undefined,
) {
  if (log) {
    // Sheet.protect() returns the existing sheet protection, so repeating this never piles up copies.
    sheet.protect().setWarningOnly(true);
    return;
  }
  const isProtected = (key: string) => columnsOf(role).some((c) => c.key === key && c.protect);
  const derivedRuns = (layout: string) =>
    runs(
      layout
        .split(',')
        .map((k, i) => (isProtected(k) ? i : -1))
        .filter((i) => i >= 0),
    );
  const now = derivedRuns(plan.layout);
  if (oldLayout !== undefined) {
    // Ours are the full-height ranges over the derived columns of the previous (or current) layout; no description
    // is stored, which keeps a fresh setup within its call budget.
    const a1 = (r: { from: number; count: number }) => `${columnLetter(r.from)}1:${columnLetter(r.from + r.count - 1)}`;
    const mine = new Set([...derivedRuns(oldLayout), ...now].map(a1));
    for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      const cols = p.getRange().getA1Notation().replace(/\d+$/, '');
      if (mine.has(cols)) p.remove();
    }
  }
  for (const r of now)
    sheet
      .getRange(1, r.from + 1, maxRows, r.count)
      .protect()
      .setWarningOnly(true);
}

/** Overdue invoice rows and high-risk customers, as formulas on the row (either language's label matches). */
export function conditionalFormats(
  sheet: Sheet,
  role: Role,
  plan: HeaderPlan,
  body: GoogleAppsScript.Spreadsheet.Range,
  firstRow: number,
  repair: boolean,
): void {
  let formula = '';
  let color = '';
  // Relative to the range's first row; on a new sheet that is the header, whose text never matches.
  if (role === 'invoices' && plan.map.index.daysOverdue !== undefined) {
    formula = `=AND(N("${MARK}")=0,N($${columnLetter(plan.map.index.daysOverdue)}${firstRow})>0)`;
    color = '#fce8e6';
  } else if (role === 'customers' && plan.map.index.segment !== undefined) {
    const c = `$${columnLetter(plan.map.index.segment)}${firstRow}`;
    formula = `=AND(N("${MARK}")=0,OR(${c}="高风险",${c}="High-risk",${c}="high-risk"))`;
    color = '#fde2c8';
  }
  if (!formula) return;
  const keep = !repair
    ? []
    : sheet.getConditionalFormatRules().filter((r) => {
        const v = r.getBooleanCondition()?.getCriteriaValues()?.[0];
        return !(typeof v === 'string' && v.includes(MARK));
      });
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(color)
    .setRanges([body])
    .build();
  sheet.setConditionalFormatRules([...keep, rule]);
}
