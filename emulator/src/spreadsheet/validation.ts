// Data validation (gas-runtime-notes §2): the DataValidationBuilder / DataValidation API objects, and the check a
// user edit goes through. Script writes never consult these rules (§2, last bullet); only applyUserEdit does.

import type { Core } from '../core';
import { isDateLike } from './cells';
import { msToSerial } from './dates';
import type { GridRef, StoredArg, ValidationData } from './model';

/** How API objects turn stored args back into JS values (Dates in the script realm, Range objects). */
export interface ArgCodec {
  core: Core;
  timeZone(): string;
  makeRange(ref: GridRef): unknown;
  refOf(range: unknown): GridRef | null;
}

export function storeArg(codec: ArgCodec, v: unknown): StoredArg {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (isDateLike(v)) return { date: v.getTime() };
  if (Array.isArray(v)) return v.map((x) => storeArg(codec, x));
  const ref = codec.refOf(v);
  if (ref) return { range: { ...ref } };
  return String(v);
}

export function restoreArg(codec: ArgCodec, a: StoredArg): unknown {
  if (a === null || typeof a !== 'object') return a;
  if (Array.isArray(a)) return a.map((x) => restoreArg(codec, x));
  if ('date' in a) return codec.core.makeDate(a.date);
  return codec.makeRange(a.range);
}

const K = 'SpreadsheetApp.DataValidationBuilder.';

export class DataValidationBuilder {
  constructor(
    private readonly codec: ArgCodec,
    private data: ValidationData = { type: '', values: [], allowInvalid: true, helpText: null },
  ) {}

  private crit(method: string, type: string, values: unknown[]): this {
    this.codec.core.call(K + method, 'none');
    this.data = { ...this.data, type, values: values.map((v) => storeArg(this.codec, v)) };
    return this;
  }

  requireValueInList(values: unknown[], showDropdown = true) {
    return this.crit('requireValueInList', 'VALUE_IN_LIST', [values, showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true) {
    return this.crit('requireValueInRange', 'VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireNumberBetween(a: number, b: number) {
    return this.crit('requireNumberBetween', 'NUMBER_BETWEEN', [a, b]);
  }
  requireNumberNotBetween(a: number, b: number) {
    return this.crit('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', [a, b]);
  }
  requireNumberEqualTo(n: number) {
    return this.crit('requireNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number) {
    return this.crit('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number) {
    return this.crit('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.crit('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number) {
    return this.crit('requireNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.crit('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireDate() {
    return this.crit('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date) {
    return this.crit('requireDateAfter', 'DATE_AFTER', [d]);
  }
  requireDateBefore(d: Date) {
    return this.crit('requireDateBefore', 'DATE_BEFORE', [d]);
  }
  requireDateOnOrAfter(d: Date) {
    return this.crit('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', [d]);
  }
  requireDateOnOrBefore(d: Date) {
    return this.crit('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', [d]);
  }
  requireDateEqualTo(d: Date) {
    return this.crit('requireDateEqualTo', 'DATE_EQUAL_TO', [d]);
  }
  requireDateBetween(a: Date, b: Date) {
    return this.crit('requireDateBetween', 'DATE_BETWEEN', [a, b]);
  }
  requireDateNotBetween(a: Date, b: Date) {
    return this.crit('requireDateNotBetween', 'DATE_NOT_BETWEEN', [a, b]);
  }
  requireTextContains(t: string) {
    return this.crit('requireTextContains', 'TEXT_CONTAINS', [t]);
  }
  requireTextDoesNotContain(t: string) {
    return this.crit('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [t]);
  }
  requireTextEqualTo(t: string) {
    return this.crit('requireTextEqualTo', 'TEXT_EQUAL_TO', [t]);
  }
  requireTextIsEmail() {
    return this.crit('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this.crit('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(f: string) {
    return this.crit('requireFormulaSatisfied', 'CUSTOM_FORMULA', [f]);
  }
  requireCheckbox(...vals: unknown[]) {
    return this.crit('requireCheckbox', 'CHECKBOX', vals);
  }
  withCriteria(type: unknown, args: unknown[]) {
    return this.crit('withCriteria', String(type), args ?? []);
  }

  setAllowInvalid(allow: boolean): this {
    this.codec.core.call(`${K}setAllowInvalid`, 'none');
    this.data = { ...this.data, allowInvalid: !!allow };
    return this;
  }

  setHelpText(text: string): this {
    this.codec.core.call(`${K}setHelpText`, 'none');
    this.data = { ...this.data, helpText: text == null ? null : String(text) };
    return this;
  }

  getCriteriaType() {
    this.codec.core.call(`${K}getCriteriaType`, 'none');
    return this.data.type || null;
  }
  getCriteriaValues() {
    this.codec.core.call(`${K}getCriteriaValues`, 'none');
    return this.data.values.map((v) => restoreArg(this.codec, v));
  }
  getAllowInvalid() {
    this.codec.core.call(`${K}getAllowInvalid`, 'none');
    return this.data.allowInvalid;
  }
  getHelpText() {
    this.codec.core.call(`${K}getHelpText`, 'none');
    return this.data.helpText;
  }

  build(): DataValidation {
    this.codec.core.call(`${K}build`, 'none');
    if (!this.data.type) throw this.codec.core.error('You must specify a criteria type for data validation.');
    return new DataValidation(this.codec, this.data);
  }

  copy(): DataValidationBuilder {
    this.codec.core.call(`${K}copy`, 'none');
    return new DataValidationBuilder(this.codec, { ...this.data });
  }
}

/** A built rule: read-only; `copy()` gives a builder. */
export class DataValidation {
  constructor(
    private readonly codec: ArgCodec,
    /** @internal the stored rule (shared by every cell it was applied to) */
    readonly data: ValidationData,
  ) {}

  getCriteriaType() {
    this.codec.core.call('SpreadsheetApp.DataValidation.getCriteriaType', 'none');
    return this.data.type;
  }
  getCriteriaValues() {
    this.codec.core.call('SpreadsheetApp.DataValidation.getCriteriaValues', 'none');
    return this.data.values.map((v) => restoreArg(this.codec, v));
  }
  getAllowInvalid() {
    this.codec.core.call('SpreadsheetApp.DataValidation.getAllowInvalid', 'none');
    return this.data.allowInvalid;
  }
  getHelpText() {
    this.codec.core.call('SpreadsheetApp.DataValidation.getHelpText', 'none');
    return this.data.helpText;
  }
  copy(): DataValidationBuilder {
    this.codec.core.call('SpreadsheetApp.DataValidation.copy', 'none');
    return new DataValidationBuilder(this.codec, { ...this.data });
  }
}

export interface CheckInput {
  value: number | string | boolean | '';
  display: string;
  isDate: boolean;
  tz: string;
  /** Display texts of a VALUE_IN_RANGE source. */
  rangeTexts(ref: GridRef): string[];
  /** CUSTOM_FORMULA result; null = outside the supported subset (treated as valid). */
  formula(f: string): boolean | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(?:(?:https?|ftp):\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i;

function day(a: StoredArg, tz: string): number {
  const ms = typeof a === 'object' && a !== null && 'date' in a ? a.date : Number(a);
  return Math.floor(msToSerial(ms, tz));
}

/** Whether a (non-empty) entry satisfies a rule. */
export function satisfies(rule: ValidationData, x: CheckInput): boolean {
  const v = rule.values;
  const n = typeof x.value === 'number' ? x.value : Number.NaN;
  const num = (i: number) => Number(v[i]);
  const text = x.display.toLowerCase();
  switch (rule.type) {
    case 'VALUE_IN_LIST':
      return (Array.isArray(v[0]) ? v[0] : []).some((item) => String(item) === x.display);
    case 'VALUE_IN_RANGE': {
      const src = v[0];
      return typeof src === 'object' && src !== null && 'range' in src && x.rangeTexts(src.range).includes(x.display);
    }
    case 'NUMBER_BETWEEN':
      return n >= num(0) && n <= num(1);
    case 'NUMBER_NOT_BETWEEN':
      return n < num(0) || n > num(1);
    case 'NUMBER_EQUAL_TO':
      return n === num(0);
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(n) && n !== num(0);
    case 'NUMBER_GREATER_THAN':
      return n > num(0);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= num(0);
    case 'NUMBER_LESS_THAN':
      return n < num(0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= num(0);
    case 'TEXT_CONTAINS':
      return text.includes(String(v[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(v[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return x.display === String(v[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(x.display);
    case 'TEXT_IS_VALID_URL':
      return URL_RE.test(x.display);
    case 'CHECKBOX':
      if (v.length === 0) return typeof x.value === 'boolean';
      return v.slice(0, 2).some((c) => String(c).toLowerCase() === x.display.toLowerCase());
    case 'CUSTOM_FORMULA':
      return x.formula(String(v[0])) !== false;
    default:
      break;
  }
  if (!rule.type.startsWith('DATE_')) return true; // unknown criteria: accept (README)
  if (!x.isDate || Number.isNaN(n)) return false;
  const d = Math.floor(n);
  switch (rule.type) {
    case 'DATE_IS_VALID_DATE':
      return true;
    case 'DATE_AFTER':
      return d > day(v[0], x.tz);
    case 'DATE_BEFORE':
      return d < day(v[0], x.tz);
    case 'DATE_ON_OR_AFTER':
      return d >= day(v[0], x.tz);
    case 'DATE_ON_OR_BEFORE':
      return d <= day(v[0], x.tz);
    case 'DATE_EQUAL_TO':
      return d === day(v[0], x.tz);
    case 'DATE_BETWEEN':
      return d >= day(v[0], x.tz) && d <= day(v[1], x.tz);
    case 'DATE_NOT_BETWEEN':
      return d < day(v[0], x.tz) || d > day(v[1], x.tz);
    default:
      return true;
  }
}

/** The dialog text Sheets shows when it rejects an entry (the help text when set). */
export function rejectionMessage(rule: ValidationData): string {
  return rule.helpText ?? `Input must satisfy the data validation rule (${rule.type}) of this cell.`;
}
