// Conditional formatting (gas-runtime-notes §4): the ConditionalFormatRuleBuilder and the read-only rule with its
// BooleanCondition. Rules are stored per sheet; Sheet.setConditionalFormatRules replaces the whole list.

import type { CfFormat, CfRuleData } from './model';
import { type ArgCodec, restoreArg, storeArg } from './validation';

const K = 'SpreadsheetApp.ConditionalFormatRuleBuilder.';

export class ConditionalFormatRuleBuilder {
  constructor(
    private readonly codec: ArgCodec,
    private data: CfRuleData = { condition: null, format: {}, ranges: [] },
  ) {}

  private when(method: string, type: string, values: unknown[]): this {
    this.codec.core.call(K + method, 'none');
    this.data = { ...this.data, condition: { type, values: values.map((v) => storeArg(this.codec, v)) } };
    return this;
  }

  private fmt(method: string, patch: CfFormat): this {
    this.codec.core.call(K + method, 'none');
    this.data = { ...this.data, format: { ...this.data.format, ...patch } };
    return this;
  }

  whenFormulaSatisfied(f: string) {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [f]);
  }
  whenCellEmpty() {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenNumberBetween(a: number, b: number) {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [a, b]);
  }
  whenNumberNotBetween(a: number, b: number) {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number) {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenTextContains(t: string) {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [t]);
  }
  whenTextDoesNotContain(t: string) {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [t]);
  }
  whenTextEqualTo(t: string) {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [t]);
  }
  whenTextStartsWith(t: string) {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [t]);
  }
  whenTextEndsWith(t: string) {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [t]);
  }
  whenDateAfter(d: unknown) {
    return this.when('whenDateAfter', 'DATE_AFTER', [d]);
  }
  whenDateBefore(d: unknown) {
    return this.when('whenDateBefore', 'DATE_BEFORE', [d]);
  }
  whenDateEqualTo(d: unknown) {
    return this.when('whenDateEqualTo', 'DATE_EQUAL_TO', [d]);
  }
  withCriteria(type: unknown, args: unknown[]) {
    return this.when('withCriteria', String(type), args ?? []);
  }

  setBackground(c: string | null) {
    return this.fmt('setBackground', { background: c });
  }
  setFontColor(c: string | null) {
    return this.fmt('setFontColor', { fontColor: c });
  }
  setBold(b: boolean | null) {
    return this.fmt('setBold', { bold: b });
  }
  setItalic(b: boolean | null) {
    return this.fmt('setItalic', { italic: b });
  }
  setUnderline(b: boolean | null) {
    return this.fmt('setUnderline', { underline: b });
  }
  setStrikethrough(b: boolean | null) {
    return this.fmt('setStrikethrough', { strikethrough: b });
  }

  setRanges(ranges: unknown[]): this {
    this.codec.core.call(`${K}setRanges`, 'none');
    const refs = (ranges ?? []).map((r) => this.codec.refOf(r));
    if (refs.some((r) => r === null)) throw this.codec.core.error('Invalid argument: ranges');
    this.data = { ...this.data, ranges: refs.map((r) => ({ ...(r as NonNullable<typeof r>) })) };
    return this;
  }

  getRanges() {
    this.codec.core.call(`${K}getRanges`, 'none');
    return this.data.ranges.map((r) => this.codec.makeRange(r));
  }

  build(): ConditionalFormatRule {
    this.codec.core.call(`${K}build`, 'none');
    if (this.data.ranges.length === 0)
      throw this.codec.core.error('Conditional format rule must have at least one range.');
    if (!this.data.condition) throw this.codec.core.error('Conditional format rule must have a condition.');
    return new ConditionalFormatRule(this.codec, cloneRule(this.data));
  }

  copy(): ConditionalFormatRuleBuilder {
    this.codec.core.call(`${K}copy`, 'none');
    return new ConditionalFormatRuleBuilder(this.codec, cloneRule(this.data));
  }
}

export function cloneRule(d: CfRuleData): CfRuleData {
  return JSON.parse(JSON.stringify(d)) as CfRuleData;
}

export class ConditionalFormatRule {
  constructor(
    private readonly codec: ArgCodec,
    /** @internal */ readonly data: CfRuleData,
  ) {}

  getRanges() {
    this.codec.core.call('SpreadsheetApp.ConditionalFormatRule.getRanges', 'none');
    return this.data.ranges.map((r) => this.codec.makeRange(r));
  }

  getBooleanCondition(): BooleanCondition | null {
    this.codec.core.call('SpreadsheetApp.ConditionalFormatRule.getBooleanCondition', 'none');
    return this.data.condition ? new BooleanCondition(this.codec, this.data) : null;
  }

  getGradientCondition(): null {
    this.codec.core.call('SpreadsheetApp.ConditionalFormatRule.getGradientCondition', 'none');
    return null;
  }

  copy(): ConditionalFormatRuleBuilder {
    this.codec.core.call('SpreadsheetApp.ConditionalFormatRule.copy', 'none');
    return new ConditionalFormatRuleBuilder(this.codec, cloneRule(this.data));
  }
}

export class BooleanCondition {
  constructor(
    private readonly codec: ArgCodec,
    private readonly data: CfRuleData,
  ) {}

  private get<T>(method: string, v: T): T {
    this.codec.core.call(`SpreadsheetApp.BooleanCondition.${method}`, 'none');
    return v;
  }

  getCriteriaType() {
    return this.get('getCriteriaType', this.data.condition?.type ?? null);
  }
  getCriteriaValues() {
    return this.get(
      'getCriteriaValues',
      (this.data.condition?.values ?? []).map((v) => restoreArg(this.codec, v)),
    );
  }
  getBackground() {
    return this.get('getBackground', this.data.format.background ?? null);
  }
  getFontColor() {
    return this.get('getFontColor', this.data.format.fontColor ?? null);
  }
  getBold() {
    return this.get('getBold', this.data.format.bold ?? null);
  }
  getItalic() {
    return this.get('getItalic', this.data.format.italic ?? null);
  }
  getUnderline() {
    return this.get('getUnderline', this.data.format.underline ?? null);
  }
  getStrikethrough() {
    return this.get('getStrikethrough', this.data.format.strikethrough ?? null);
  }
}
