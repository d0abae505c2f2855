// Form input validation shared by the sidebar (inline errors) and the server (the authority), PRODUCT.md §3, §9.
// The zod schemas are derived from the workbook schema: one field per non-derived column of the role, parsed by the
// same `parseField` the sheet reader uses. Input is the raw strings a form sends; output is a typed record (money in
// cents, days ISO, enums canonical). Text that looks like a formula is accepted as text: the sheet adapter writes it
// with a leading apostrophe (see text-safety.ts), so it is stored, never evaluated.
import * as z from 'zod';
import type { Role } from '../app/ports';
import { dayNumber, type IsoDay } from './day';
import type { Lang } from './i18n';
import type { Customer, Interaction, Invoice, Payment } from './records';
import { normalizePhoneInput } from './phone';
import { type Column, columnOf, columnsOf } from './schema';
import { defaultDueDate, type FieldValue, fieldMessage, parseField } from './validate-field';

export type InputKind = 'customer' | 'customerEdit' | 'invoice' | 'payment' | 'interaction';

type CustomerDerived =
  | 'outstanding'
  | 'overdue'
  | 'oldestOverdueDays'
  | 'lastPaymentDate'
  | 'creditScore'
  | 'creditGrade'
  | 'segment'
  | 'scoreReasons'
  | 'scoredAt'
  | 'createdAt'
  | 'updatedAt'
  | 'updatedBy';
type InvoiceDerived =
  | 'paid'
  | 'outstanding'
  | 'settledDate'
  | 'daysOverdue'
  | 'agingBucket'
  | 'lastReminderStage'
  | 'lastReminderAt';

export type CustomerInput = Omit<Customer, CustomerDerived>;
export type InvoiceInput = Omit<Invoice, InvoiceDerived>;
/**
 * `customerId` and `recordedBy` are filled by the server from the invoice and the acting user; `receiptId` by the
 * split-receipt save (app/save-receipt.ts), never typed.
 */
export type PaymentInput = Omit<Payment, 'customerId' | 'recordedBy' | 'receiptId'>;
export type InteractionInput = Interaction;

export interface InputOf {
  customer: CustomerInput;
  customerEdit: CustomerInput;
  invoice: InvoiceInput;
  payment: PaymentInput;
  interaction: InteractionInput;
}

export interface ValidationContext {
  /** Today in the spreadsheet's time zone: birth dates must be before it, receipts not after it. */
  readonly today?: IsoDay;
  /** The customer's payment terms, for the default due date (issue date + terms; 30 when unknown). */
  readonly termsDays?: number | null;
  /** Currency used when an invoice leaves it empty (settings' default currency). */
  readonly defaultCurrency?: string;
}

/** A form's raw values, keyed by column key. */
export type RawInput = Readonly<Record<string, unknown>>;

export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

interface KindDef {
  readonly role: Role;
  /** Columns a form of this kind never sends. */
  readonly omit: readonly string[];
  /** Whether `id` must be given (edits) or may be left empty to have one generated (creates). */
  readonly idRequired: boolean;
}

const KINDS: Readonly<Record<InputKind, KindDef>> = {
  customer: { role: 'customers', omit: [], idRequired: false },
  customerEdit: { role: 'customers', omit: [], idRequired: true },
  invoice: { role: 'invoices', omit: [], idRequired: false },
  payment: { role: 'payments', omit: ['customerId', 'recordedBy', 'receiptId'], idRequired: false },
  interaction: { role: 'interactions', omit: [], idRequired: false },
};

/** The columns a form of this kind shows, in sheet order (the sidebar renders its fields from these). */
export function inputFields(kind: InputKind): readonly Column[] {
  const def = KINDS[kind];
  return columnsOf(def.role).filter((c) => !c.derived && !def.omit.includes(c.key));
}

function fieldColumn(kind: InputKind, col: Column): Column {
  return col.key === 'id' ? { ...col, required: KINDS[kind].idRequired } : col;
}

/** One field: raw value → typed value, with the localized message on failure. Empty → the column's default text. */
export function fieldSchema(col: Column, lang: Lang, ctx: ValidationContext = {}) {
  return z.unknown().transform((raw, c): FieldValue => {
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    const typed = col.type === 'phone' && typeof raw === 'string' ? normalizePhoneInput(raw) : raw;
    const r = parseField(col, empty && col.defaultText !== undefined ? col.defaultText : typed, ctx);
    if (r.ok) return r.value;
    c.addIssue({ code: 'custom', message: fieldMessage(col, r.rule, lang, r.params) });
    return z.NEVER;
  });
}

/** The zod schema of one form kind in one language (raw strings in, typed record out). */
export function inputSchema<K extends InputKind>(
  kind: K,
  lang: Lang,
  ctx: ValidationContext = {},
): z.ZodType<InputOf[K]> {
  const shape: Record<string, z.ZodType<FieldValue>> = {};
  for (const col of inputFields(kind)) shape[col.key] = fieldSchema(fieldColumn(kind, col), lang, ctx);
  // Absent keys are empty fields (a form may omit untouched inputs), so every field runs its own rule.
  const withKeys = (raw: unknown) => {
    const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    return Object.fromEntries(Object.keys(shape).map((k) => [k, r[k] ?? '']));
  };
  const schema = z
    .preprocess(withKeys, z.object(shape))
    .transform((v, c) => finish(kind, v as Record<string, FieldValue>, lang, ctx, c));
  return schema as unknown as z.ZodType<InputOf[K]>;
}

/** Kind-specific defaults and cross-field rules (due ≥ issue). */
function finish(
  kind: InputKind,
  v: Record<string, FieldValue>,
  lang: Lang,
  ctx: ValidationContext,
  c: { addIssue(issue: { code: 'custom'; message: string; path: string[] }): void },
): Record<string, FieldValue> {
  if (kind !== 'invoice') return v;
  const out = { ...v };
  const issue = String(out.issueDate);
  if (out.dueDate === '') out.dueDate = defaultDueDate(issue, ctx.termsDays ?? 30);
  else if (dayNumber(String(out.dueDate)) < dayNumber(issue)) {
    const due = columnOf('invoices', 'dueDate') as Column;
    c.addIssue({ code: 'custom', message: fieldMessage(due, 'dueBeforeIssue', lang), path: ['dueDate'] });
  }
  if (out.currency === '') out.currency = (ctx.defaultCurrency || 'CNY').toUpperCase();
  return out;
}

/**
 * Validates a form: `{ ok: true, value }` with the typed record, or every field error (field = column key, message
 * in `lang`). Unknown keys in `raw` are ignored.
 */
export function validateInput<K extends InputKind>(
  kind: K,
  raw: RawInput,
  lang: Lang,
  ctx: ValidationContext = {},
): ValidationResult<InputOf[K]> {
  const r = inputSchema(kind, lang, ctx).safeParse(raw ?? {});
  if (r.success) return { ok: true, value: r.data };
  const errors: FieldError[] = [];
  for (const i of r.error.issues) {
    const field = String(i.path[0] ?? '');
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: i.message });
  }
  return { ok: false, errors };
}
