// Customer 360: everything the sidebar shows about one customer in one server call — score, grade, reasons,
// balances and aging, open invoices, recent payments, interactions and reminder history — plus the edit form's
// values and the version they were loaded at (the edit is refused later if the row changed since).
import { effectiveDueDate } from '../domain/derive';
import { invoiceDaysOverdue, oldestOverdueDays } from '../domain/overdue';
import type { Customer, Invoice, Lang } from '../domain/records';
import { collectionsView } from './customer-collections';
import { invoiceVersion } from './invoice-action';
import type { LedgerStore } from './ports';
import { interactionVersion } from './resolve-interaction';
import { CUSTOMER_FIELDS, customerVersion } from './save-common';
import type { Customer360, FormValues, OpenInvoiceView } from './sidebar-types';

const RECENT = 20;
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;

/** Aging bucket of `days` past due (0 or less = current). */
export function bucketOf(days: number): (typeof AGING_BUCKETS)[number] {
  if (days <= 0) return 'current';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

/** Days past due as of `today`, 0 when not due, settled or written off (the one rule: domain/overdue.ts). */
export function daysOverdueOf(inv: Pick<Invoice, 'dueDate' | 'outstanding' | 'status'>, today: string): number {
  return invoiceDaysOverdue(inv, today);
}

export function isOpenInvoice(inv: Invoice): boolean {
  return inv.status !== 'written-off' && inv.outstanding > 0;
}

/** Customer fields as the edit form holds them: money as "1234.50", empty numbers as "", enums canonical. */
export function customerForm(c: Customer): FormValues {
  const out: FormValues = {};
  for (const f of CUSTOMER_FIELDS) {
    const v = c[f];
    if (f === 'remindersPaused') out[f] = v === true;
    else if (f === 'creditLimit') out[f] = typeof v === 'number' ? (v / 100).toFixed(2) : '';
    else out[f] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export function openInvoiceView(inv: Invoice, today: string): OpenInvoiceView {
  const days = daysOverdueOf(inv, today);
  return {
    id: inv.id,
    contractNo: inv.contractNo,
    project: inv.project,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
    amount: inv.amount,
    paid: inv.paid || 0,
    outstanding: inv.outstanding,
    currency: inv.currency,
    status: inv.status,
    daysOverdue: days,
    agingBucket: bucketOf(days),
    promiseDate: inv.promiseDate || '',
    version: invoiceVersion(inv),
  };
}

/** A reasons cell ("a；b" or "a; b") as a list. */
function splitReasons(cell: unknown): string[] {
  return String(cell || '')
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function byDateDesc<T>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0);
}

/** `ctx`: the reader's language (texts) and whether they may write invoices off (admins). */
export function customer360(
  store: LedgerStore,
  id: string,
  today: string,
  ctx: { lang?: Lang; canWriteOff?: boolean } = {},
): Customer360 {
  const hit = store.read('customers').rows.find((s) => s.record.id === id);
  const empty: Customer360 = {
    found: false,
    id,
    name: '',
    form: {},
    version: '',
    segment: '',
    segmentOverride: '',
    score: null,
    grade: '',
    reasons: [],
    scoredAt: '',
    segmentReason: '',
    recommendedLimit: null,
    recommendedTerms: null,
    policyReasons: [],
    outstanding: 0,
    overdue: 0,
    oldestOverdueDays: 0,
    creditLimit: null,
    aging: Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])),
    remindersPaused: false,
    openInvoices: [],
    payments: [],
    interactions: [],
    reminders: [],
  };
  if (!hit) return empty;
  const c = hit.record;
  // Due days as the derived columns have them (blank = issue date + terms), so every figure uses one rule.
  const invoices = store
    .read('invoices')
    .rows.map((s) => s.record)
    .filter((i) => i.customerId === id)
    .map((i) => (i.dueDate ? i : { ...i, dueDate: effectiveDueDate(i, c.termsDays) }));
  const open = invoices
    .filter(isOpenInvoice)
    .map((i) => openInvoiceView(i, today))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const aging = { ...empty.aging };
  let outstanding = 0;
  let overdue = 0;
  for (const i of open) {
    aging[i.agingBucket] += i.outstanding;
    outstanding += i.outstanding;
    if (i.daysOverdue > 0) overdue += i.outstanding;
  }
  const payments = store
    .read('payments')
    .rows.map((s) => s.record)
    .filter((p) => p.customerId === id)
    .sort(byDateDesc((p) => p.date))
    .slice(0, RECENT)
    .map((p) => ({
      id: p.id,
      invoiceId: p.invoiceId,
      date: p.date,
      amount: p.amount,
      method: p.method,
      reference: p.reference,
    }));
  const interactions = store
    .read('interactions')
    .rows.map((s) => s.record)
    .filter((x) => x.customerId === id)
    .sort(byDateDesc((x) => x.date))
    .slice(0, RECENT)
    .map((x) => ({
      id: x.id,
      date: x.date,
      channel: x.channel,
      type: x.type,
      summary: x.summary,
      satisfaction: x.satisfaction,
      status: x.status,
      resolution: x.resolution,
      resolvedAt: x.resolvedAt,
      version: interactionVersion(x),
    }));
  const log = store
    .read('reminders')
    .rows.map((s) => s.record)
    .filter((r) => r.customerId === id);
  const reminders = [...log]
    .sort(byDateDesc((r) => r.at))
    .slice(0, RECENT)
    .map((r) => ({ at: r.at, stage: r.stage, result: r.result, invoiceIds: r.invoiceIds }));
  return {
    ...empty,
    found: true,
    name: c.name,
    form: customerForm(c),
    version: customerVersion(c),
    segment: c.segmentOverride || c.segment || '',
    segmentOverride: c.segmentOverride || '',
    score: c.creditScore,
    grade: c.creditGrade || '',
    reasons: splitReasons(c.scoreReasons),
    scoredAt: c.scoredAt || '',
    segmentReason: c.segmentReason || '',
    recommendedLimit: c.recommendedLimit ?? null,
    recommendedTerms: c.recommendedTerms ?? null,
    policyReasons: splitReasons(c.policyReasons),
    outstanding,
    overdue,
    oldestOverdueDays: oldestOverdueDays(invoices, today),
    creditLimit: c.creditLimit,
    aging,
    remindersPaused: c.remindersPaused === true,
    openInvoices: open,
    payments,
    interactions,
    reminders,
    ...collectionsView(c, invoices, log, store.settings(), today, ctx.lang ?? 'zh-CN'),
    canWriteOff: ctx.canWriteOff === true,
  };
}
