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

/** Validation rules of owned columns over `range` (rows firstRow…); `existing` (range or grid read) keeps user columns' rules. */
export function applyRules(
  sheet: Sheet,
  role: Role,
  plan: HeaderPlan,
  range: GoogleAppsScript.Spreadsheet.Range,
  firstRow: number,
  dataRows: number,
  existing: GoogleAppsScript.Spreadsheet.Range | Array<Array<Rule | null>> | null,
  kept: (key: string) => boolean,
  lang: Lang,
  settings: SettingsMap,
  rules: RuleFactory,
): void {
  const width = plan.header.length;
  const specs = ownedColumns(role, plan.map)
    .filter((o) => !kept(o.col.key))
    .map((o) => ({ ...o, spec: ruleFor(o.col, lang, settings) }));
  if (!specs.some((x) => x.spec)) return;
  const grid: Array<Array<Rule | null>> = Array.isArray(existing)
    ? existing
    : existing
      ? (existing.getDataValidations() as Array<Array<Rule | null>>)
      : Array.from({ length: dataRows + (firstRow === 1 ? 1 : 0) }, () => new Array<Rule | null>(width).fill(null));
  const skip = firstRow === 1 ? 1 : 0; // a grid that starts at the header row leaves the header unvalidated
  for (const { index, spec } of specs) {
    const rule = spec && !isCellRelative(spec) ? rules.sharedRule(spec) : null;
    for (let r = skip; r < grid.length; r++) grid[r][index] = rule;
  }
  range.setDataValidations(grid);
  for (const { index, spec } of specs) {
    if (!spec || !isCellRelative(spec)) continue;
    sheet.getRange(2, index + 1, dataRows, 1).setDataValidation(rules.build(spec, `${columnLetter(index)}2`));
  }
}

/**
 * Builds the validation rules of one setup run: each distinct rule once, all from ONE builder. A builder keeps its
 * settings between build() calls and each require…() replaces the criterion (gas-runtime-notes §2), and every rule
 * here sets both criterion and help text, so reusing it saves a newDataValidation() call per rule.
 */
export class RuleFactory {
  private builder?: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  private readonly cache = new Map<string, Rule>();

  /** The rule for `spec`, shared between every column that needs the same one. */
  sharedRule(spec: RuleSpec): Rule {
    const key = ruleKey(spec);
    let rule = this.cache.get(key);
    if (!rule) {
      rule = this.build(spec, '');
      this.cache.set(key, rule);
    }
    return rule;
  }

  /** A rule of its own; `a1` is the first cell of the range a cell-relative formula is applied to. */
  build(spec: RuleSpec, a1: string): Rule {
    this.builder ??= SpreadsheetApp.newDataValidation();
    const b = this.builder;
    switch (spec.kind) {
      case 'list':
        b.requireValueInList(spec.values, true);
        break;
      case 'checkbox':
        b.requireCheckbox();
        break;
      case 'money':
        b.requireNumberGreaterThanOrEqualTo(0);
        break;
      case 'date':
        b.requireDate();
        break;
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
}

/** Sheets' default column width: columns whose schema width equals it need no call. */
const DEFAULT_WIDTH = 100;

/** Schema widths of the owned columns, one setColumnWidths per run of adjacent columns with the same width. */
export function applyWidths(sheet: Sheet, role: Role, plan: HeaderPlan): void {
  const byIndex = new Map(ownedColumns(role, plan.map).map((o) => [o.index, o.col.width]));
  for (let i = 0; i < plan.header.length; ) {
    const w = byIndex.get(i);
    let j = i + 1;
    while (w !== undefined && byIndex.get(j) === w) j++;
    if (w !== undefined && w !== DEFAULT_WIDTH) sheet.setColumnWidths(i + 1, j - i, w);
    i = j;
  }
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
