// Builders for scoring tests: complete records from a few fields, and a seeded ledger generator with a planted
// relationship (each customer has a hidden riskiness that drives how late it pays, before and after any cut-off).
import { addDays, type IsoDay } from '../../src/domain/day';
import type { Customer, Interaction, Invoice, InvoiceStatus, Payment } from '../../src/domain/records';

export function customer(id: string, extra: Partial<Customer> = {}): Customer {
  return {
    id,
    name: `Customer ${id}`,
    type: 'company',
    contact: '',
    phone: '',
    email: '',
    address: '',
    industry: '',
    region: '',
    birthDate: '',
    occupation: '',
    taxId: '',
    manager: '',
    creditLimit: null,
    termsDays: 30,
    language: 'en',
    remindersPaused: false,
    status: 'active',
    segmentOverride: '',
    notes: '',
    outstanding: 0,
    overdue: 0,
    oldestOverdueDays: 0,
    lastPaymentDate: '',
    creditScore: null,
    creditGrade: '',
    segment: '',
    scoreReasons: '',
    segmentReason: '',
    scoredAt: '',
    recommendedLimit: null,
    recommendedTerms: null,
    policyReasons: '',
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    ...extra,
  };
}

export function invoice(
  id: string,
  customerId: string,
  issueDate: IsoDay,
  dueDate: IsoDay,
  amount: number,
  status: InvoiceStatus = 'open',
): Invoice {
  return {
    id,
    customerId,
    contractNo: '',
    project: '',
    issueDate,
    dueDate,
    amount,
    currency: 'CNY',
    status,
    promiseDate: '',
    notes: '',
    paid: 0,
    outstanding: amount,
    settledDate: '',
    daysOverdue: 0,
    agingBucket: '',
    lastReminderStage: '',
    lastReminderAt: '',
  };
}

export function payment(id: string, inv: Invoice, date: IsoDay, amount = inv.amount): Payment {
  return {
    id,
    invoiceId: inv.id,
    customerId: inv.customerId,
    date,
    amount,
    method: 'bank',
    reference: '',
    recordedBy: '',
    notes: '',
  };
}

export function complaint(id: string, customerId: string, date: IsoDay): Interaction {
  return {
    id,
    customerId,
    date,
    channel: 'phone',
    type: 'complaint',
    summary: 'complaint',
    satisfaction: null,
    status: 'open',
    owner: '',
    resolution: '',
    resolvedAt: '',
  };
}

/** mulberry32: small, seeded, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Ledger {
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
  interactions: Interaction[];
  /** The planted riskiness per customer (0 = always pays on time). */
  risk: Map<string, number>;
}

/**
 * A ledger of `n` customers with monthly invoices from `start` for `months` months. A customer with riskiness r pays
 * each invoice late with probability 0.03 + 0.4·r, by 5–75 days; invoices due on or before `unpaidAfter` are all
 * paid eventually, later ones stay unpaid when their payment day would come after it (what "today" has not seen).
 */
export function generateLedger(seed: number, n: number, start: IsoDay, months: number, today: IsoDay): Ledger {
  const rand = rng(seed);
  const out: Ledger = { customers: [], invoices: [], payments: [], interactions: [], risk: new Map() };
  let invNo = 0;
  let payNo = 0;
  for (let c = 0; c < n; c++) {
    const id = `C-${String(c + 1).padStart(6, '0')}`;
    const r = rand();
    out.risk.set(id, r);
    out.customers.push(customer(id, { creditLimit: 1_000_000 }));
    const offset = Math.floor(rand() * 28);
    for (let m = 0; m < months; m++) {
      const issue = addDays(start, m * 30 + offset);
      if (issue > today) break;
      const due = addDays(issue, 30);
      const amount = 10_000 + Math.floor(rand() * 90_000);
      const inv = invoice(`INV-${++invNo}`, id, issue, due, amount);
      out.invoices.push(inv);
      const late = rand() < 0.03 + 0.4 * r;
      const paidOn = late ? addDays(due, 5 + Math.floor(rand() * 70)) : addDays(due, -Math.floor(rand() * 10));
      if (paidOn <= today) out.payments.push(payment(`P-${++payNo}`, inv, paidOn));
    }
    if (rand() < r * 0.3)
      out.interactions.push(complaint(`I-${c}`, id, addDays(start, Math.floor(rand() * months * 30))));
  }
  return out;
}
