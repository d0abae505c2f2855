// The ledger's records as the domain sees them: one interface per sheet role, field names = the schema's column
// keys (PRODUCT.md §1). Money is integer cents, days are ISO 'yyyy-MM-dd' ('' when empty), ids and phones are text.
// Adapters map sheet rows to these through the schema; pure code (derive, scoring, reminders) works on them.
import type { IsoDay } from './day';
import type { Cents } from './money';

export type CustomerType = 'company' | 'individual';
export type CustomerStatus = 'prospect' | 'active' | 'inactive';
export type Lang = 'zh-CN' | 'en' | 'zh-TW';
export type Segment = 'vip' | 'normal' | 'high-risk';
export type Grade = 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'CCC' | 'CC' | 'C' | 'NR';
export type InvoiceStatus = 'open' | 'disputed' | 'promised' | 'written-off' | 'pending-approval';
export type PaymentMethod = 'bank' | 'cash' | 'cheque' | 'card' | 'wechat' | 'alipay' | 'acceptance' | 'other';
export type Channel = 'phone' | 'email' | 'visit' | 'wechat' | 'online' | 'other';
export type InteractionType = 'inquiry' | 'complaint' | 'suggestion' | 'feedback' | 'follow-up' | 'collection';
export type AgingBucket = 'current' | '1-30' | '31-60' | '61-90' | '90+';

export interface Customer {
  id: string;
  name: string;
  type: CustomerType | '';
  contact: string;
  phone: string;
  email: string;
  address: string;
  industry: string;
  region: string;
  birthDate: IsoDay;
  occupation: string;
  taxId: string;
  manager: string;
  creditLimit: Cents | null;
  termsDays: number | null;
  language: Lang | '';
  remindersPaused: boolean;
  status: CustomerStatus | '';
  segmentOverride: Segment | '';
  notes: string;
  // derived
  outstanding: Cents;
  overdue: Cents;
  oldestOverdueDays: number;
  lastPaymentDate: IsoDay;
  creditScore: number | null;
  creditGrade: Grade | '';
  segment: Segment | '';
  /** The segment rule that fired, in words. */
  segmentReason: string;
  scoreReasons: string;
  scoredAt: IsoDay;
  /** Recommended credit limit (cents) and terms (days, 0 = prepayment); null when not rated. */
  recommendedLimit: Cents | null;
  recommendedTerms: number | null;
  policyReasons: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** 资产负债率 in percent (65 = 65 %) and 流动比率 (current assets ÷ current liabilities); null when not filled in. */
  debtRatio?: number | null;
  currentRatio?: number | null;
}

export interface Invoice {
  id: string;
  customerId: string;
  contractNo: string;
  project: string;
  issueDate: IsoDay;
  dueDate: IsoDay;
  amount: Cents;
  currency: string;
  status: InvoiceStatus | '';
  promiseDate: IsoDay;
  notes: string;
  // derived
  paid: Cents;
  outstanding: Cents;
  settledDate: IsoDay;
  daysOverdue: number;
  agingBucket: AgingBucket | '';
  lastReminderStage: string;
  lastReminderAt: string;
}

export interface Payment {
  id: string;
  invoiceId: string;
  customerId: string;
  date: IsoDay;
  amount: Cents;
  method: PaymentMethod | '';
  reference: string;
  recordedBy: string;
  notes: string;
  /** Shared by the payment rows of one receipt split across several invoices ('' for a single payment). */
  receiptId?: string;
}

export interface Interaction {
  id: string;
  customerId: string;
  date: IsoDay;
  channel: Channel | '';
  type: InteractionType | '';
  summary: string;
  satisfaction: number | null;
  status: 'open' | 'resolved' | '';
  owner: string;
  resolution: string;
  resolvedAt: IsoDay;
}

export interface ReminderLogEntry {
  at: string;
  customerId: string;
  invoiceIds: string;
  stage: string;
  to: string;
  cc: string;
  subject: string;
  result: string;
  detail: string;
  /** The stage and result in words (workbook language); blank on rows written before they existed. */
  stageText?: string;
  resultText?: string;
}

export interface AuditEntry {
  at: string;
  user: string;
  action: string;
  sheet: string;
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
  source: 'sidebar' | 'edit' | 'trigger' | 'import' | 'setup';
  hash: string;
}
