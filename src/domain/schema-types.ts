// The vocabulary of the workbook schema (schema.ts): column types, their default number formats and widths, and the
// small builders schema.ts uses to declare every column in one line.
import type { Role } from '../app/ports';
import { type Text, verbatim } from './i18n';

export type ColumnType =
  | 'id'
  | 'text'
  | 'longtext'
  | 'money'
  | 'integer'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'email'
  | 'phone'
  | 'taxId'
  | 'currency'
  | 'checkbox'
  /** A number with decimals in a range (financial ratios); read as a plain number, never as money. */
  | 'decimal';

export interface EnumOption {
  /** Canonical value, as in records.ts. */
  readonly value: string;
  readonly label: Text;
  /** Older labels still read as this value (a workbook written by an earlier version keeps working). */
  readonly aliases?: readonly string[];
}

export interface Column {
  readonly key: string;
  readonly header: Text;
  readonly type: ColumnType;
  /** A data row without it is reported and skipped; forms require it. */
  readonly required: boolean;
  readonly options?: readonly EnumOption[];
  /** Sheets number format pattern applied at setup. */
  readonly format: string;
  readonly width: number;
  /** Computed by the add-on, never typed by users. */
  readonly derived: boolean;
  /** Warning-only protection at setup. */
  readonly protect: boolean;
  /** Empty number cells read as null instead of 0. */
  readonly nullable?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Money must be > 0 (else ≥ 0). */
  readonly positive?: boolean;
  readonly maxLength?: number;
  /** Date rule relative to today: birth dates are in the past, receipts not in the future. */
  readonly when?: 'past' | 'notFuture';
  /** Raw text a form uses when the field is left empty. */
  readonly defaultText?: string;
  /** Settings key of a comma-separated list offered as the column's dropdown (e.g. industries). */
  readonly listSetting?: string;
}

export interface SheetDef {
  readonly role: Role;
  readonly name: Text;
  readonly columns: readonly Column[];
  /** Append-only logs: the whole sheet is warning-protected. */
  readonly log: boolean;
}

/** Sheets keeps at most 50,000 characters per cell; longer text is refused, never truncated. */
export const MAX_TEXT = 50000;

const FORMAT: Record<ColumnType, string> = {
  id: '@',
  text: '@',
  longtext: '@',
  money: '#,##0.00',
  integer: '0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  enum: '@',
  email: '@',
  phone: '@',
  taxId: '@',
  currency: '@',
  checkbox: 'general',
  decimal: '0.00',
};

const WIDTH: Record<ColumnType, number> = {
  id: 110,
  text: 140,
  longtext: 260,
  money: 110,
  integer: 90,
  date: 100,
  datetime: 150,
  enum: 100,
  email: 190,
  phone: 130,
  taxId: 170,
  currency: 70,
  checkbox: 80,
  decimal: 100,
};

type ColOpts = Partial<Omit<Column, 'key' | 'header' | 'type'>> & { opts?: readonly EnumOption[] };

export function col(key: string, header: Text, type: ColumnType, o: ColOpts = {}): Column {
  const derived = o.derived ?? false;
  return {
    key,
    header,
    type,
    required: o.required ?? false,
    options: o.opts ?? o.options,
    format: o.format ?? FORMAT[type],
    width: o.width ?? WIDTH[type],
    derived,
    protect: o.protect ?? derived,
    nullable: o.nullable,
    min: o.min,
    max: o.max,
    positive: o.positive,
    maxLength: o.maxLength ?? (type === 'text' || type === 'longtext' ? MAX_TEXT : undefined),
    when: o.when,
    defaultText: o.defaultText,
    listSetting: o.listSetting,
  };
}
export const d = (key: string, header: Text, type: ColumnType, o: ColOpts = {}) =>
  col(key, header, type, { ...o, derived: true });
export const opt = (value: string, label: Text, aliases?: readonly string[]): EnumOption =>
  aliases ? { value, label, aliases } : { value, label };
/** Options that read the same in every language (grades such as AAA). */
export const same = (...values: string[]) => values.map((v) => opt(v, verbatim(v)));
