// Ports: what use cases need from the outside world, as interfaces. Adapters implement them on Apps Script
// services (src/adapters); tests implement them in memory (test/fakes). Use cases never see a Sheet or a Date.
import type { AuditDraftEntry } from '../domain/audit-chain';
import type { AuditAnchor } from '../domain/audit-seal';
import type { IsoDay } from '../domain/day';
import type { Text } from '../domain/i18n';
import type { AuditEntry, Customer, Interaction, Invoice, Lang, Payment, ReminderLogEntry } from '../domain/records';
import type { SettingsMap } from '../domain/settings-def';

export type Role = 'customers' | 'invoices' | 'payments' | 'interactions' | 'reminders' | 'audit' | 'settings';
export const ROLES: readonly Role[] = [
  'customers',
  'invoices',
  'payments',
  'interactions',
  'reminders',
  'audit',
  'settings',
];

export interface SettingRow {
  key: string;
  value: string;
  description: string;
}

export interface RecordOf {
  customers: Customer;
  invoices: Invoice;
  payments: Payment;
  interactions: Interaction;
  reminders: ReminderLogEntry;
  audit: AuditEntry;
  settings: SettingRow;
}

/** A row that could not be read as a valid record (typed by hand with a bad value): skipped and reported. */
export interface RowIssue {
  role: Role;
  /** 1-based sheet row. */
  row: number;
  field: string;
  message: Text;
  /** Set when the row shares its id with another row (PRODUCT.md §9): the shared id. */
  duplicateId?: string;
}

/** A record and the 1-based sheet row it came from. */
export interface Stored<R> {
  readonly row: number;
  readonly record: R;
}

export interface Table<R> {
  readonly rows: ReadonlyArray<Stored<R>>;
  readonly issues: readonly RowIssue[];
  /**
   * Rows of a keyed sheet sharing their id with another row: never in `rows` (never counted), each also reported
   * in `issues`; what new ids and reminder skips need to know about them. Absent = none.
   */
  readonly duplicates?: ReadonlyArray<Stored<R>>;
}

/**
 * The ledger's sheets as tables of records. Each method is one batched sheet access: `read` is one getValues of
 * the whole sheet (cached for the rest of the execution), `update` writes only the named fields of the given rows,
 * `append` adds rows in one write.
 */
export interface LedgerStore {
  read<K extends Role>(role: K): Table<RecordOf[K]>;
  update<K extends Role>(
    role: K,
    changes: ReadonlyArray<{ row: number; record: Partial<RecordOf[K]> }>,
    fields: ReadonlyArray<keyof RecordOf[K] & string>,
  ): void;
  /** Appends records; returns their 1-based sheet rows. */
  append<K extends Role>(role: K, records: ReadonlyArray<Partial<RecordOf[K]>>): number[];
  /** Settings sheet as key → value, defaults filled in for missing keys. */
  settings(): SettingsMap;
  /**
   * The hash of the audit log's last row, when the store can tell without reading the whole log (optional: without
   * it recordAudit reads the log).
   */
  lastAuditHash?(): string;
  /**
   * Appends audit drafts hashed into the workbook's keyed, anchored chain (adapters/audit-anchor.ts) and returns them
   * as written; without it recordAudit uses the public chain.
   */
  appendAudit?(drafts: ReadonlyArray<Partial<AuditDraftEntry>>): AuditEntry[];
  /** The workbook's language (headers, enum labels, log texts); absent: logs keep their plain values. */
  workbookLang?(): Lang;
  /** The chain's key and anchor for verification; null or absent: only the public chain can be checked. */
  auditSeal?(): { key: string; anchor: AuditAnchor | null } | null;
  /**
   * Only the named fields of every data row (the other fields may be absent), for finding rows by id or key
   * without moving whole sheets (PRODUCT.md §10: a save reads id/key columns). Rows that are blank in these columns
   * are left out. Optional: without it, callers read the whole table.
   */
  readFields?<K extends Role>(role: K, fields: ReadonlyArray<keyof RecordOf[K] & string>): Table<RecordOf[K]>;
  /** The full records of the given 1-based rows (found with readFields); rows that do not read as records are left out. */
  readRows?<K extends Role>(role: K, rows: readonly number[]): ReadonlyArray<Stored<RecordOf[K]>>;
  /**
   * Makes room for about `rows` more appended rows in one step, so a run that appends in several batches (the
   * reminder log) grows the sheet once instead of at every batch. Optional: a store without it grows as it appends.
   */
  reserve?(role: Role, rows: number): void;
  /**
   * Holds updates of `roles` (kept in memory, visible to this execution's reads) until commit(), so several updates
   * of neighbouring columns go out as one write. Optional: a store without it writes each update at once.
   */
  hold?(roles: readonly Role[]): void;
  /** Writes what hold() kept back and stops holding; `write` false drops it. */
  commit?(write?: boolean): void;
}

/** Time as the spreadsheet's time zone sees it. */
export interface Clock {
  today(): IsoDay;
  /** 'yyyy-MM-dd HH:mm:ss' in the spreadsheet's time zone (audit and log stamps). */
  nowStamp(): string;
  /** Milliseconds since the execution started: for stopping before the 6-minute limit. */
  elapsedMs(): number;
}

export interface Identity {
  /** The acting user's e-mail ('' when Apps Script hides it). */
  user(): string;
  lang(): Lang;
}

/** Progress feedback for long menu actions (toasts in Sheets). */
export interface Progress {
  step(message: string): void;
}
