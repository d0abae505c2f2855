// What an import checks rows against, read once per execution: the existing records of the target and of the
// sheets it refers to, indexed by id and by the dedupe keys of PRODUCT.md §12 (customers: tax id, e-mail, phone,
// normalized name; the others: id, else the fields that make a row the same business event). Records created by
// the import are added as it goes, so a later row of the same source matches an earlier one (dedupe within the file)
// and a re-run of the same import finds everything it created (idempotent).
import type { ImportTarget } from '../domain/import-types';
import type { Customer, Interaction, Invoice, Payment } from '../domain/records';
import type { LedgerStore, RecordOf } from './ports';
import { normalizeKey, phoneKey } from './sidebar-search';

export type ImportRecord = RecordOf[ImportTarget];

/** A record known to the import: stored (row ≥ 2) or created earlier in this batch (row 0, not yet written). */
export interface Entry<R = ImportRecord> {
  id: string;
  row: number;
  record: R;
  /** Source row that created or last updated it in this run (0 = it was there before). */
  sourceRow: number;
}

export const ID_PREFIX: Readonly<Record<ImportTarget, string>> = {
  customers: 'C',
  invoices: 'INV',
  payments: 'P',
  interactions: 'S',
};

/** The dedupe keys of a record of `target` (one for each rule that can match; '' parts make no key). */
export function dedupeKeys(target: ImportTarget, r: Partial<ImportRecord>): string[] {
  const v = r as Record<string, unknown>;
  const s = (k: string) => String(v[k] ?? '').trim();
  switch (target) {
    case 'customers': {
      const keys: string[] = [];
      if (s('taxId')) keys.push(`t:${s('taxId').toUpperCase()}`);
      if (s('email')) keys.push(`e:${s('email').toLowerCase()}`);
      const phone = phoneKey(s('phone'));
      if (phone) keys.push(`p:${phone}`);
      const name = normalizeKey(s('name'));
      if (name) keys.push(`n:${name}`);
      return keys;
    }
    case 'invoices':
      return [`k:${s('customerId')}|${s('issueDate')}|${s('amount')}|${s('contractNo')}`];
    case 'payments':
      return [`k:${s('invoiceId')}|${s('date')}|${s('amount')}|${s('reference')}`];
    default:
      return [`k:${s('customerId')}|${s('date')}|${normalizeKey(s('summary'))}`];
  }
}

export class ImportBook {
  readonly byId = new Map<string, Entry>();
  readonly byKey = new Map<string, Entry>();
  readonly customersById = new Map<string, Customer>();
  readonly customersByName = new Map<string, Customer[]>();
  readonly invoicesById = new Map<string, Invoice>();
  /** Cents paid per invoice id: stored payments plus those created by this import. */
  readonly paid = new Map<string, number>();
  private maxNumber = 0;

  constructor(
    readonly target: ImportTarget,
    store: LedgerStore,
  ) {
    if (target !== 'payments') {
      for (const { record } of store.read('customers').rows) {
        if (!record.id) continue;
        this.customersById.set(record.id, record);
        const name = record.name.trim();
        const list = this.customersByName.get(name);
        if (list) list.push(record);
        else this.customersByName.set(name, [record]);
      }
    }
    if (target === 'invoices' || target === 'payments') {
      for (const { record } of store.read('invoices').rows) if (record.id) this.invoicesById.set(record.id, record);
    }
    if (target === 'payments') {
      for (const { record } of store.read('payments').rows) this.addPaid(record);
    }
    // store.read is cached per execution: the target's sheet is parsed once even when read above.
    for (const s of store.read(target).rows) this.add({ id: s.record.id, row: s.row, record: s.record, sourceRow: 0 });
  }

  private addPaid(p: Payment): void {
    this.paid.set(p.invoiceId, (this.paid.get(p.invoiceId) ?? 0) + p.amount);
  }

  /** Registers a record (existing or new) under its id and dedupe keys; the first holder of a key keeps it. */
  add(e: Entry): void {
    if (e.id) {
      if (!this.byId.has(e.id)) this.byId.set(e.id, e);
      const m = new RegExp(`^${ID_PREFIX[this.target]}-(\\d+)$`).exec(e.id);
      if (m) this.maxNumber = Math.max(this.maxNumber, Number(m[1]));
    }
    for (const k of dedupeKeys(this.target, e.record)) if (!this.byKey.has(k)) this.byKey.set(k, e);
    if (this.target === 'customers') {
      const c = e.record as Customer;
      this.customersById.set(c.id, c);
    }
    if (this.target === 'invoices') this.invoicesById.set(e.id, e.record as Invoice);
    if (this.target === 'payments' && e.sourceRow > 0) this.addPaid(e.record as Payment);
  }

  /** The record a row duplicates: same id, else the first dedupe key that matches. */
  match(id: string, record: Partial<ImportRecord>): Entry | undefined {
    if (id) {
      const hit = this.byId.get(id);
      if (hit) return hit;
      // A row with its own id is a different record from one with another id, whatever else matches, except for
      // customers, whose tax id, e-mail, phone or name identify them across systems.
      if (this.target !== 'customers') return undefined;
    }
    for (const k of dedupeKeys(this.target, record)) {
      const hit = this.byKey.get(k);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The highest sheet row of a stored record of the target (1 = only the header). */
  lastRow(): number {
    let max = 1;
    for (const e of this.byId.values()) if (e.row > max) max = e.row;
    for (const e of this.byKey.values()) if (e.row > max) max = e.row;
    return max;
  }

  /** The next generated id of the target's series (C-000001, INV-000001…), above every id seen. */
  nextId(): string {
    this.maxNumber += 1;
    return `${ID_PREFIX[this.target]}-${String(this.maxNumber).padStart(6, '0')}`;
  }

  /** A customer by id, else by exact (trimmed) name; 'ambiguous' when several share the name. */
  customer(ref: string): Customer | 'ambiguous' | undefined {
    const byId = this.customersById.get(ref);
    if (byId) return byId;
    const named = this.customersByName.get(ref.trim());
    if (!named) return undefined;
    return named.length > 1 ? 'ambiguous' : named[0];
  }

  invoiceOutstanding(inv: Invoice): number {
    return inv.status === 'written-off' ? 0 : Math.max(0, inv.amount - (this.paid.get(inv.id) ?? 0));
  }
}

export type { Customer, Interaction, Invoice, Payment };
