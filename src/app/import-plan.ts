// Planning one batch of source rows (PRODUCT.md §12): each row is normalized (import-values.ts), run through the
// SAME zod schema as the sidebar form of its kind, resolved against the ledger (customer by id or exact name,
// invoice by id, overpayment), and matched against existing records and earlier rows (import-book.ts). The plan
// says per row new / update / skip / reject and holds the records to write; nothing is written here, so a batch is
// decided whole before any of it reaches the sheet.
import type { IsoDay } from '../domain/day';
import { type Lang, t } from '../domain/i18n';
import type { Mapping } from '../domain/import-mapping';
import { importFields } from '../domain/import-mapping';
import type { DedupeAction, ImportTarget } from '../domain/import-types';
import { type DateOrder, formText, type SourceCell } from '../domain/import-values';
import { displayMoney } from '../domain/money';
import type { Customer, Invoice, Payment } from '../domain/records';
import type { Column } from '../domain/schema';
import { type InputKind, inputSchema } from '../domain/validate';
import type { Entry, ImportBook, ImportRecord } from './import-book';
import { IMPORT_TEXT } from './import-i18n';
import type { RowStatus } from './import-types';
import { type AuditDraft, changedFields, createdRecord } from './save-audit';
import { bucketOf, daysOverdueOf } from './customer-360';

export interface PlanContext {
  target: ImportTarget;
  lang: Lang;
  today: IsoDay;
  stamp: string;
  user: string;
  dedupe: DedupeAction;
  dateOrder: DateOrder;
  defaultCurrency: string;
  allowOverpayment: boolean;
  headers: readonly string[];
  mapping: Mapping;
}

export interface RowOutcome {
  sourceRow: number;
  status: RowStatus;
  id: string;
  record?: Partial<ImportRecord>;
  errors: Array<{ field: string; message: string }>;
  /** The raw source text of each failing field (for the report). */
  raw: Record<string, string>;
  /** For a skip: the sheet row of the record it matched. */
  matchedRow?: number;
}

export interface BatchPlan {
  outcomes: RowOutcome[];
  creates: Array<Entry>;
  updates: Array<{ entry: Entry; changes: Partial<ImportRecord>; fields: string[] }>;
  audit: AuditDraft[];
}

const KIND: Readonly<Record<ImportTarget, InputKind>> = {
  customers: 'customer',
  invoices: 'invoice',
  payments: 'payment',
  interactions: 'interaction',
};

type Schema = ReturnType<typeof inputSchema>;

/** Plans rows against a book; the book learns the rows' new records so later batches and rows see them. */
export class ImportPlanner {
  private readonly schemas = new Map<string, Schema>();
  private readonly columns: readonly Column[];
  private readonly index: Array<[Column, number]>;

  constructor(
    readonly ctx: PlanContext,
    readonly book: ImportBook,
  ) {
    this.columns = importFields(ctx.target);
    const at = new Map(ctx.headers.map((h, i) => [h, i] as const));
    this.index = [];
    for (const c of this.columns) {
      const h = ctx.mapping[c.key];
      const i = h === undefined ? undefined : at.get(h);
      if (i !== undefined) this.index.push([c, i]);
    }
  }

  private schema(termsDays: number | null | undefined): Schema {
    const key = String(termsDays ?? '');
    let s = this.schemas.get(key);
    if (!s) {
      const { target, lang, today, defaultCurrency } = this.ctx;
      s = inputSchema(KIND[target], lang, { today, termsDays, defaultCurrency });
      this.schemas.set(key, s);
    }
    return s;
  }

  /** Source cells → the form values the schema reads (only mapped fields; the rest stay empty). */
  rawOf(cells: readonly SourceCell[]): Record<string, string | boolean> {
    const raw: Record<string, string | boolean> = {};
    for (const [c, i] of this.index) raw[c.key] = formText(c, cells[i], this.ctx.dateOrder);
    return raw;
  }

  plan(rows: ReadonlyArray<readonly SourceCell[]>, firstSourceRow: number): BatchPlan {
    const out: BatchPlan = { outcomes: [], creates: [], updates: [], audit: [] };
    rows.forEach((cells, k) => {
      const sourceRow = firstSourceRow + k;
      if (cells.every((c) => c === '' || c === null || c === undefined)) return;
      const o = this.row(cells, sourceRow, out);
      out.outcomes.push(o);
    });
    return out;
  }

  private reject(sourceRow: number, raw: Record<string, string | boolean>, errors: RowOutcome['errors']): RowOutcome {
    const texts: Record<string, string> = {};
    for (const e of errors) texts[e.field] = String(raw[e.field] ?? '');
    return { sourceRow, status: 'reject', id: String(raw.id ?? ''), errors, raw: texts };
  }

  private row(cells: readonly SourceCell[], sourceRow: number, out: BatchPlan): RowOutcome {
    const { target } = this.ctx;
    const raw = this.rawOf(cells);
    let terms: number | null | undefined;
    let invoice: Invoice | undefined;
    // References first: the customer's terms give an invoice its default due date.
    if (target === 'invoices' || target === 'interactions') {
      const ref = String(raw.customerId ?? '').trim();
      if (ref) {
        const c = this.book.customer(ref);
        if (c === 'ambiguous') return this.reject(sourceRow, raw, [this.err('customerId', 'ambiguousCustomer', ref)]);
        if (!c) return this.reject(sourceRow, raw, [this.err('customerId', 'unknownCustomer', ref)]);
        raw.customerId = c.id;
        terms = (c as Customer).termsDays;
      }
    }
    if (target === 'payments') {
      const ref = String(raw.invoiceId ?? '').trim();
      invoice = ref ? this.book.invoicesById.get(ref) : undefined;
      if (ref && !invoice) return this.reject(sourceRow, raw, [this.err('invoiceId', 'unknownInvoice', ref)]);
    }
    const parsed = this.schema(terms).safeParse(raw);
    if (!parsed.success) {
      const errors: RowOutcome['errors'] = [];
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '');
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: i.message });
      }
      return this.reject(sourceRow, raw, errors);
    }
    const value = parsed.data as Record<string, unknown>;
    const id = String(value.id ?? '').trim();
    const match = this.book.match(id, value as Partial<ImportRecord>);
    if (match) return this.matched(match, value, sourceRow, raw, out);
    if (invoice) {
      const problem = this.paymentProblem(invoice, value.amount as number, raw);
      if (problem) return this.reject(sourceRow, raw, [problem]);
    }
    const record = this.newRecord({ ...value, id: id || this.book.nextId() }, invoice);
    const entry: Entry = { id: String(record.id), row: 0, record: record as ImportRecord, sourceRow };
    this.book.add(entry);
    out.creates.push(entry);
    out.audit.push(createdRecord(target, entry.id, value.id ? value : { ...value, id: entry.id }));
    return { sourceRow, status: 'new', id: entry.id, record, errors: [], raw: {} };
  }

  private matched(
    match: Entry,
    value: Record<string, unknown>,
    sourceRow: number,
    raw: Record<string, string | boolean>,
    out: BatchPlan,
  ): RowOutcome {
    const { dedupe, target } = this.ctx;
    const fromFile = match.sourceRow > 0 && match.row === 0;
    if (dedupe === 'create') {
      if (target !== 'customers' || String(value.id ?? '')) {
        return this.reject(sourceRow, raw, [this.err('id', 'duplicateId', match.id)]);
      }
      const record = this.newRecord({ ...value, id: this.book.nextId() });
      const entry: Entry = { id: String(record.id), row: 0, record: record as ImportRecord, sourceRow };
      this.book.add(entry);
      out.creates.push(entry);
      out.audit.push(createdRecord(target, entry.id, { ...value, id: entry.id }));
      return { sourceRow, status: 'new', id: entry.id, record, errors: [], raw: {} };
    }
    // Only fields the source maps and fills are changed; an empty cell never erases a stored value.
    const fields = this.index.map(([c]) => c.key).filter((k) => k !== 'id' && String(raw[k] ?? '') !== '');
    const changes: Record<string, unknown> = {};
    for (const f of fields) changes[f] = value[f];
    const audit = changedFields(target, match.id, match.record as object, changes, fields as never[]);
    if (dedupe === 'skip' || !audit.length) {
      return {
        sourceRow,
        status: 'skip',
        id: match.id,
        record: match.record,
        errors: [],
        raw: {},
        matchedRow: match.row,
      };
    }
    const changed = audit.map((a) => a.field);
    const patch: Record<string, unknown> = {};
    for (const f of changed) patch[f] = changes[f];
    if (target === 'customers') Object.assign(patch, { updatedAt: this.ctx.stamp, updatedBy: this.ctx.user });
    match.record = { ...match.record, ...patch } as ImportRecord;
    match.sourceRow = sourceRow;
    if (!fromFile) {
      const all = Object.keys(patch);
      const prev = out.updates.find((u) => u.entry === match);
      if (prev) {
        Object.assign(prev.changes, patch);
        for (const f of all) if (!prev.fields.includes(f)) prev.fields.push(f);
      } else out.updates.push({ entry: match, changes: patch as Partial<ImportRecord>, fields: all });
    }
    out.audit.push(...audit);
    return { sourceRow, status: 'update', id: match.id, record: match.record, errors: [], raw: {} };
  }

  private paymentProblem(inv: Invoice, amount: number, raw: Record<string, string | boolean>) {
    const outstanding = this.book.invoiceOutstanding(inv);
    if (inv.status === 'written-off' || outstanding <= 0) return this.err('invoiceId', 'invoiceClosed', inv.id);
    if (amount > outstanding && !this.ctx.allowOverpayment) {
      const message = t(this.ctx.lang, IMPORT_TEXT.overpayment, {
        ref: inv.id,
        outstanding: displayMoney(outstanding, inv.currency),
      });
      return { field: 'amount', message, value: String(raw.amount ?? '') };
    }
    return null;
  }

  /** A full new record with the defaults and derived starting values a sidebar save would give it. */
  private newRecord(value: Record<string, unknown>, invoice?: Invoice): Partial<ImportRecord> {
    const { target, stamp, user, today } = this.ctx;
    if (target === 'customers') {
      const c: Partial<Customer> = {
        ...(value as Partial<Customer>),
        outstanding: 0,
        overdue: 0,
        oldestOverdueDays: 0,
        lastPaymentDate: '',
        createdAt: stamp,
        updatedAt: stamp,
        updatedBy: user,
      };
      return c;
    }
    if (target === 'invoices') {
      const v = value as unknown as Invoice;
      const status = v.status || 'open';
      const outstanding = status === 'written-off' ? 0 : v.amount;
      const days = daysOverdueOf({ dueDate: v.dueDate, outstanding, status }, today);
      return { ...v, status, paid: 0, outstanding, settledDate: '', daysOverdue: days, agingBucket: bucketOf(days) };
    }
    if (target === 'payments') {
      return { ...(value as unknown as Payment), customerId: invoice?.customerId ?? '', recordedBy: user };
    }
    return {
      ...value,
      status: (value.status as string) || 'open',
      owner: (value.owner as string) || user,
      resolvedAt: (value.resolvedAt as string) || (value.status === 'resolved' ? today : ''),
    } as Partial<ImportRecord>;
  }

  private err(field: string, key: keyof typeof IMPORT_TEXT, ref: string) {
    return { field, message: t(this.ctx.lang, IMPORT_TEXT[key], { ref, id: ref }) };
  }
}
