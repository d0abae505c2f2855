// What travels between the sidebar and the server through google.script.run. Everything here is JSON-safe
// (google.script.run rejects Date and turns a returned Date into null): days are 'yyyy-MM-dd', money is integer
// cents, stamps are 'yyyy-MM-dd HH:mm:ss' text. The sidebar imports these with `import type` only.
import type { Lang } from '../domain/records';
import type { ReportCards } from './build-reports';

/** Raw form values exactly as typed: the server validates them again with the same schemas as the sidebar. */
export type FormValues = Record<string, string | boolean>;

/**
 * One customer in the compact search index, as a tuple to keep the start-up payload small at 10,000 customers:
 * [id, name, phone, email, contact, segment, outstanding cents, credit limit cents (-1 = none), terms days (-1 = none), status,
 * tax id, invoice ids (space-separated; after a save only the saved invoice's: the client merges them)].
 */
export type IndexRow = [string, string, string, string, string, string, number, number, number, string, string, string];

export interface ReminderStatusView {
  enabled: boolean;
  /** Localized one-line summaries (next run, today's count, sender…), ready to show. */
  lines: string[];
}

export interface SidebarHome {
  lang: Lang;
  user: string;
  today: string;
  currency: string;
  industries: string[];
  allowOverpayment: boolean;
  customers: IndexRow[];
  /** Set when the workbook cannot be read (e.g. not set up yet): localized, says what to do. */
  problem: string;
  /**
   * Customer rows typed with an id another row also has (PRODUCT.md §9), localized, at most five: neither row is
   * in the index until the user resolves it. Absent when there are none.
   */
  dataIssues?: string[];
  /** Headline figures of the last report build, for the home cards (null before the first build). */
  reportCards?: ReportCards | null;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface DuplicateHit {
  id: string;
  name: string;
  /** Which rule matched: 'taxId' | 'email' | 'phone' | 'name'. */
  rule: string;
}

export type SaveFailureReason = 'validation' | 'conflict' | 'busy' | 'not-found' | 'duplicate' | 'setup';

export interface SaveFailure {
  ok: false;
  reason: SaveFailureReason;
  /** Localized: what went wrong and what to do. */
  message: string;
  errors: FieldError[];
  duplicates: DuplicateHit[];
}

export interface SaveSuccess {
  ok: true;
  id: string;
  message: string;
  /** Non-blocking notices, e.g. the credit-limit warning. */
  warnings: string[];
  /** The affected customer's fresh index row, so the client index stays current without a reload. */
  customer: IndexRow | null;
}

export type SaveResult = SaveSuccess | SaveFailure;

export interface CustomerSave {
  /** Absent for a new customer. */
  id?: string;
  /** The version the edit form was loaded at (from customer360); required for edits. */
  version?: string;
  values: FormValues;
  /** The user saw the duplicate warning and chose to save anyway. */
  confirmDuplicate?: boolean;
  /** The sidebar's language (fixed at start-up by the server); spares a settings read per save. */
  lang?: Lang;
}

export interface RecordSave {
  values: FormValues;
  /** The sidebar's language (fixed at start-up by the server); spares a settings read per save. */
  lang?: Lang;
}

export interface OpenInvoiceView {
  id: string;
  contractNo: string;
  project: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  paid: number;
  outstanding: number;
  currency: string;
  status: string;
  daysOverdue: number;
  agingBucket: string;
  /** Promised payment day ('' when none). */
  promiseDate?: string;
  /** The invoice as loaded (app/invoice-action.ts): an action on a changed invoice is refused. */
  version?: string;
}

export interface PaymentView {
  id: string;
  invoiceId: string;
  date: string;
  amount: number;
  method: string;
  reference: string;
}

export interface InteractionView {
  id: string;
  date: string;
  channel: string;
  type: string;
  summary: string;
  satisfaction: number | null;
  status: string;
  resolution?: string;
  resolvedAt?: string;
  /** The interaction as loaded (app/resolve-interaction.ts). */
  version?: string;
}

export interface ReminderView {
  at: string;
  stage: string;
  result: string;
  invoiceIds: string;
}

export interface Customer360 {
  found: boolean;
  id: string;
  name: string;
  /** Editable fields as form values (strings/booleans), for the edit form. */
  form: FormValues;
  version: string;
  segment: string;
  segmentOverride: string;
  score: number | null;
  grade: string;
  reasons: string[];
  scoredAt: string;
  outstanding: number;
  overdue: number;
  oldestOverdueDays: number;
  creditLimit: number | null;
  /** Outstanding cents per aging bucket: current, 1-30, 31-60, 61-90, 90+. */
  aging: Record<string, number>;
  remindersPaused: boolean;
  openInvoices: OpenInvoiceView[];
  payments: PaymentView[];
  interactions: InteractionView[];
  reminders: ReminderView[];
  /** Why the customer is in its segment (written by Rescore); '' before the first rescore. */
  segmentReason: string;
  /** Recommended limit (cents) and terms (days, 0 = prepayment), with reasons; null before the first rescore or NR. */
  recommendedLimit: number | null;
  recommendedTerms: number | null;
  policyReasons: string[];
  /** Contact details (PRODUCT §13). */
  contact?: { contact: string; phone: string; email: string; manager: string };
  /** Localized warning when the manual segment contradicts the grade ('' when it does not). */
  segmentConflict?: string;
  /** The next reminders the daily run will send, with their days (from the reminder planner). */
  upcoming?: Array<{ day: string; stage: number; isFinal: boolean; invoiceIds: string[]; stages: number[] }>;
  /** Whether this user may write invoices off (admins). */
  canWriteOff?: boolean;
}

/** The reminder dry run as the sidebar shows it (the reminders use case returns a superset of this). */
export interface ReminderPreviewView {
  day: string;
  summary: string;
  messages: Array<{
    customerId: string;
    customerName: string;
    stageLabel: string;
    to: string[];
    subject: string;
    total: string;
    invoices: Array<{ invoiceId: string; outstanding: string }>;
  }>;
  skips: Array<{ customerId: string; customerName: string; invoiceId: string; stageLabel: string; reasonText: string }>;
}

/** One setting as the settings view shows it. */
/** The sidebar control of a setting, its option labels in the reader's language. */
export type SettingControlView =
  | { kind: 'text' }
  | { kind: 'multiline' }
  | { kind: 'toggle'; on: string; off: string }
  | { kind: 'choice'; options: Array<{ value: string; label: string }> }
  | { kind: 'bins' };

export interface SettingItemView {
  key: string;
  /** The sheet's value, or the default when the key has no row yet. */
  value: string;
  defaultValue: string;
  /** Short name and full description, in the reader's language (the sheet's description is in the workbook's). */
  name: string;
  description: string;
  /** What the description adds to the name ('' when it only repeats it), shown under the control. */
  hint: string;
  /** Long free text (e-mail bodies): a textarea, kept exactly as typed. */
  multiline: boolean;
  control: SettingControlView;
  /** The key has no row in the sheet: saving a change appends it. */
  missing: boolean;
}

export interface SettingsGroupView {
  id: string;
  title: string;
  items: SettingItemView[];
}

export interface SettingsView {
  lang: Lang;
  /** Fingerprint of the values loaded; a save carrying another one is refused as a conflict. */
  version: string;
  /** Admins only (the admin list in Settings, or the spreadsheet owner). */
  canEdit: boolean;
  /** Localized: why editing is off, or why the sheet could not be read ('' when fine). */
  problem: string;
  groups: SettingsGroupView[];
  /** Localized warning for admins (e.g. next year's working-day calendar is missing); absent when none. */
  notice?: string;
}

export interface SettingsSave {
  /** SettingsView.version of the form being saved. */
  version: string;
  /** key → typed text; only changed keys need to be sent (unchanged ones are skipped anyway). */
  values: Record<string, string>;
  lang?: Lang;
}

export interface SettingsSaveSuccess {
  ok: true;
  message: string;
  /** Keys whose value was written. */
  changed: string[];
  /** The view as saved (new version), so the form can go on editing without a reload. */
  view: SettingsView;
}

export interface SettingsSaveFailure {
  ok: false;
  reason: SaveFailureReason | 'not-admin';
  message: string;
  /** field = setting key. */
  errors: FieldError[];
}

export type SettingsSaveResult = SettingsSaveSuccess | SettingsSaveFailure;

/** What the settings view's chat test button reports (PRODUCT.md §15). */
export interface ChatTestResult {
  ok: boolean;
  /** Localized, one sentence per robot. */
  message: string;
}

/** A per-invoice action of the customer 360 (app/invoice-action.ts). */
export interface InvoiceActionRequest {
  invoiceId: string;
  action: 'dispute' | 'clear-dispute' | 'promise' | 'write-off';
  /** 'yyyy-MM-dd', for `promise` only. */
  promiseDate?: string;
  /** OpenInvoiceView.version the 360 was loaded with. */
  version: string;
  lang?: Lang;
}

/** Resolving an interaction from the customer 360 (app/resolve-interaction.ts). */
export interface ResolveInteractionRequest {
  id: string;
  resolution: string;
  /** InteractionView.version the 360 was loaded with. */
  version: string;
  lang?: Lang;
}

/** One receipt split across several open invoices of one customer (app/save-receipt.ts). */
export interface ReceiptSave {
  customerId: string;
  /** date, amount (the whole receipt), method, reference, notes: as typed. */
  values: FormValues;
  /** 'oldest': oldest due first; 'chosen': the amounts in `parts`. */
  allocation: 'oldest' | 'chosen';
  /** Typed amount per invoice ('' or absent = nothing on it); used when allocation is 'chosen'. */
  parts?: Array<{ invoiceId: string; amount: string }>;
  lang?: Lang;
}
