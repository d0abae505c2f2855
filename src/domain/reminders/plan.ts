// Today's reminder plan, computed purely from the ledger, the settings and the reminder log. The same function
// drives the dry run (preview), the sidebar status count and the real run, so what the preview shows is what the
// run sends. Determinism matters: a run resumed an hour later re-plans and gets the same messages minus those
// already done.
import { cnCalendar, WEEKDAY_CALENDAR, workingOffset } from '../calendar/cn-workdays';
import { dayNumber, daysBetween, type IsoDay, isIsoDay } from '../day';
import { effectiveDueDate } from '../derive';
import type { Cents } from '../money';
import type { Customer, Grade, Invoice, Lang, ReminderLogEntry } from '../records';
import type { SkipReason } from './catalog';
import { highestDone, type InvoiceHistory, indexHistory } from './history';
import { isEmail, type ReminderConfig, splitEmails, stagesFor } from './settings';
import { finalStage, highestStageAt, kindOfStage, type MessageKind, stageDay } from './stages';
import { isLang } from '../i18n';

export interface PlannedInvoice {
  invoiceId: string;
  stage: number;
  dueDate: IsoDay;
  /** Negative before the due day. */
  daysOverdue: number;
  amount: Cents;
  outstanding: Cents;
  currency: string;
  contractNo: string;
  project: string;
  /** Lower stages never sent: logged as skipped:superseded together with this one. */
  superseded: number[];
}

export interface PlannedMessage {
  /** Deterministic send id: the same plan on the same day gives the same id (dedupe key in the log's detail). */
  id: string;
  customerId: string;
  customerName: string;
  contact: string;
  manager: string;
  /** 'overdue' when any invoice is overdue (upcoming ones are then a second section of the same e-mail). */
  kind: MessageKind;
  /** The highest stage among its invoices: picks the template and the cc rule. */
  stage: number;
  isFinal: boolean;
  lang: Lang;
  to: string[];
  cc: string[];
  invoices: PlannedInvoice[];
  total: Cents;
  /** Outstanding × risk weight: larger and riskier first. */
  priority: number;
  /** One of its stages was deferred (quota or time) before: it goes first. */
  wasDeferred: boolean;
  /** The customer's segment (override first): picks a segment's overdue template when one is set. */
  segment?: string;
}

export interface PlannedSkip {
  customerId: string;
  invoiceId: string;
  stage: number;
  reason: SkipReason;
  /** Already in the log (the run does not log it again; the preview still shows it). */
  logged: boolean;
}

export interface ReminderPlan {
  today: IsoDay;
  messages: PlannedMessage[];
  skips: PlannedSkip[];
}

export interface PlanInput {
  today: IsoDay;
  config: ReminderConfig;
  customers: readonly Customer[];
  invoices: readonly Invoice[];
  /** Log rows in the order written; `at` dates the sends, so catch-up can wait the normal gap between stages. */
  history: ReadonlyArray<Pick<ReminderLogEntry, 'invoiceIds' | 'stage' | 'result'> & { at?: string }>;
  /**
   * Ids typed on two rows (PRODUCT.md §9), none of them counted: their invoices, and invoices of a duplicated
   * customer id or carrying a duplicated payment id, are skipped as `duplicate-id` until the user resolves them.
   */
  duplicates?: DuplicateIds;
  /** Highest stage ever sent per invoice id, from the durable send record (the log and sheet may be edited). */
  sentStages?: ReadonlyMap<string, number>;
}

export interface DuplicateIds {
  /** Rows of duplicated invoice ids (each as typed). */
  invoices: readonly Invoice[];
  customerIds: ReadonlySet<string>;
  /** Invoice ids that a duplicated payment id points at. */
  paidInvoiceIds: ReadonlySet<string>;
}

/** Paid invoices are reported only for stages that fell due this recently, so old settled history stays quiet. */
export const PAID_LOOKBACK_DAYS = 7;

const RISK: Record<Grade, number> = { AAA: 1, AA: 2, A: 3, BBB: 4, BB: 5, B: 6, CCC: 7, CC: 8, C: 9, NR: 5 };

export function riskWeight(grade: Grade | '' | undefined): number {
  return grade ? (RISK[grade] ?? 5) : 5;
}

export function planReminders(input: PlanInput): ReminderPlan {
  const { today, config, customers, invoices } = input;
  const byCustomer = new Map(customers.map((c) => [c.id, c]));
  const lastStages = new Map(
    invoices.filter((i) => i.lastReminderStage !== '').map((i) => [i.id, i.lastReminderStage]),
  );
  const dup = input.duplicates;
  for (const i of dup?.invoices ?? []) if (i.lastReminderStage !== '') lastStages.set(i.id, i.lastReminderStage);
  const history = indexHistory(input.history, lastStages);
  for (const [id, stage] of input.sentStages ?? []) {
    const h = history.get(id);
    if (h) h.done.add(stage);
    else
      history.set(id, { done: new Set([stage]), skips: new Set(), deferred: new Set(), lastSkip: '', lastSent: null });
  }
  // The invoice's own "last reminder" columns date a send too (the log may have been cleared).
  for (const i of invoices) {
    const h = history.get(i.id);
    const stage = Number(String(i.lastReminderStage).trim());
    const day = String(i.lastReminderAt ?? '').slice(0, 10);
    if (!h || !isIsoDay(day) || !Number.isInteger(stage) || String(i.lastReminderStage).trim() === '') continue;
    if (!h.lastSent || stage > h.lastSent.stage || (stage === h.lastSent.stage && day > h.lastSent.day))
      h.lastSent = { stage, day };
  }
  const dupInvoiceIds = new Set((dup?.invoices ?? []).map((i) => i.id));
  const isDuplicate = (inv: Invoice) =>
    dupInvoiceIds.has(inv.id) || !!dup?.customerIds.has(inv.customerId) || !!dup?.paidInvoiceIds.has(inv.id);
  const dupSkipped = new Set<string>();
  const skips: PlannedSkip[] = [];
  const groups = new Map<
    string,
    { customer: Customer; kind: MessageKind; items: PlannedInvoice[]; deferred: boolean }
  >();

  const todayN = dayNumber(today);
  // Stage offsets may count working days (PRODUCT.md §15); days overdue stay calendar days.
  const workCal = config.stageDays === 'working' ? (config.cnWorkdays ? cnCalendar() : WEEKDAY_CALENDAR) : null;
  for (const raw of dup ? [...invoices, ...dup.invoices] : invoices) {
    const customer = byCustomer.get(raw.customerId);
    const dueDate = effectiveDueDate(raw, customer?.termsDays ?? null);
    const offset = todayN - dayNumber(dueDate);
    if (!raw.id || Number.isNaN(offset)) continue;
    const stageOffset = workCal ? workingOffset(workCal, dayNumber(dueDate), todayN) : offset;
    if (stageOffset === null) continue;
    // PRODUCT §14: VIP and high-risk customers may have their own stages (settings), else the general ones.
    const stages = stagesFor(config, customer);
    const stage = highestStageAt(stageOffset, stages, config.graceDays);
    if (stage === null) continue;
    const h = history.get(raw.id);
    if (stage <= highestDone(h)) continue;
    if (waitsForInterval(h, stage, today, config)) continue;
    const inv = dueDate === raw.dueDate ? raw : { ...raw, dueDate };
    if (dup && isDuplicate(inv)) {
      // One skip per (id, stage), however many rows share the id: nothing about them is trusted, not even paid.
      const key = `${inv.id}\u0000${stage}`;
      if (!dupSkipped.has(key)) {
        dupSkipped.add(key);
        const logged = skipLogged(h, stage, 'duplicate-id');
        skips.push({ customerId: inv.customerId, invoiceId: inv.id, stage, reason: 'duplicate-id', logged });
      }
      continue;
    }
    const reason = skipReason(inv, customer, today, config, stage);
    // A paid invoice is reported once (the first stage that falls due after payment), not at every later stage.
    if (reason === 'ignore' || (reason === 'paid' && hasSkipReason(h, 'paid'))) continue;
    if (reason) {
      skips.push({
        customerId: inv.customerId,
        invoiceId: inv.id,
        stage,
        reason,
        logged: skipLogged(h, stage, reason),
      });
      continue;
    }
    const c = customer as Customer;
    // One e-mail per customer per run: upcoming and overdue invoices are two sections of the same message.
    let g = groups.get(c.id);
    if (!g) {
      g = { customer: c, kind: 'upcoming', items: [], deferred: false };
      groups.set(c.id, g);
    }
    if (kindOfStage(stage) === 'overdue') g.kind = 'overdue';
    if (h?.deferred.has(stage)) g.deferred = true;
    g.items.push({
      invoiceId: inv.id,
      stage,
      dueDate: inv.dueDate,
      daysOverdue: offset,
      amount: inv.amount,
      outstanding: inv.outstanding,
      currency: inv.currency || config.currency,
      contractNo: inv.contractNo,
      project: inv.project,
      superseded: supersededStages(stages, stage, h),
    });
  }

  const messages: PlannedMessage[] = [];
  for (const g of groups.values()) {
    const c = g.customer;
    const items = g.items.sort((a, b) => b.daysOverdue - a.daysOverdue || cmp(a.invoiceId, b.invoiceId));
    // The highest stage among its invoices picks the template and the cc rule.
    const stage = Math.max(...items.map((i) => i.stage));
    const final = finalStage(stagesFor(config, c));
    const total = items.reduce((s, i) => s + i.outstanding, 0);
    const to = splitEmails(c.email);
    const manager = c.manager.trim();
    const cc =
      g.kind === 'overdue' && stage >= config.escalationStage && isEmail(manager) && !to.includes(manager)
        ? [manager]
        : [];
    messages.push({
      id: sendId(today, c.id, g.kind, items),
      customerId: c.id,
      customerName: c.name,
      contact: c.contact,
      manager,
      kind: g.kind,
      stage,
      isFinal: final !== null && stage === final,
      lang: isLang(c.language) ? c.language : defaultLang(config),
      to,
      cc,
      invoices: items,
      total,
      priority: total * riskWeight(c.creditGrade),
      wasDeferred: g.deferred,
      segment: c.segmentOverride || c.segment || '',
    });
  }
  messages.sort(
    (a, b) =>
      Number(b.wasDeferred) - Number(a.wasDeferred) ||
      b.priority - a.priority ||
      cmp(a.customerId, b.customerId) ||
      cmp(a.kind, b.kind),
  );
  skips.sort((a, b) => cmp(a.customerId, b.customerId) || cmp(a.invoiceId, b.invoiceId));
  return { today, messages, skips };
}

function defaultLang(config: ReminderConfig): Lang {
  return config.digestLang;
}

/** Why a due stage is not sent; '' = send it; 'ignore' = nothing worth logging (old settled history). */
function skipReason(
  inv: Invoice,
  customer: Customer | undefined,
  today: IsoDay,
  config: ReminderConfig,
  stage: number,
): SkipReason | '' | 'ignore' {
  if (inv.status === 'written-off') return 'written-off';
  if (inv.outstanding <= 0) {
    const fellDue = daysBetween(stageDay(inv.dueDate, stage, config.graceDays), today);
    return fellDue <= PAID_LOOKBACK_DAYS ? 'paid' : 'ignore';
  }
  if (!customer) return 'no-customer';
  if (inv.status === 'disputed') return 'disputed';
  if (inv.status === 'pending-approval') return 'pending-approval';
  if (inv.status === 'promised' && (!isIsoDay(inv.promiseDate) || today <= inv.promiseDate)) return 'promised';
  if (customer.status === 'inactive') return 'inactive';
  if (customer.remindersPaused) return 'paused';
  const emails = splitEmails(customer.email);
  if (!emails.length) return 'no-email';
  if (!emails.every(isEmail)) return 'invalid-email';
  if (inv.outstanding < config.minAmount) return 'below-minimum';
  return '';
}

function supersededStages(stages: readonly number[], stage: number, h: InvoiceHistory | undefined): number[] {
  const floor = highestDone(h);
  return stages.filter((s) => s < stage && s > floor && !h?.done.has(s) && !hasAnySkip(h, s));
}

/**
 * A skip is logged when it changes for the invoice, not every run and not at every new stage: the same reason as
 * the last skip logged for it (with no send since) is already on record.
 */
function skipLogged(h: InvoiceHistory | undefined, stage: number, reason: SkipReason): boolean {
  return !!h && (h.skips.has(`${stage}|${reason}`) || h.lastSkip === reason);
}

/**
 * Catch-up pacing (PRODUCT §5): after a stage was sent on day L, a higher stage waits the normal gap between the
 * two stages' days (e.g. 15 days from "15 days overdue" to the final notice at 30), counted from L. So a customer
 * whose reminders were just enabled gets the highest stage due once, not a final notice the next day.
 */
export function waitsForInterval(
  h: InvoiceHistory | undefined,
  stage: number,
  today: IsoDay,
  config: Pick<ReminderConfig, 'graceDays'>,
): boolean {
  const last = h?.lastSent;
  if (!last || stage <= last.stage) return false;
  const ref = '2000-01-01' as IsoDay;
  const gap = daysBetween(stageDay(ref, last.stage, config.graceDays), stageDay(ref, stage, config.graceDays));
  return daysBetween(last.day, today) < gap;
}

function hasSkipReason(h: InvoiceHistory | undefined, reason: string): boolean {
  if (!h) return false;
  for (const k of h.skips) if (k.endsWith(`|${reason}`)) return true;
  return false;
}

function hasAnySkip(h: InvoiceHistory | undefined, stage: number): boolean {
  if (!h) return false;
  for (const k of h.skips) if (k.startsWith(`${stage}|`)) return true;
  return false;
}

/** day:customer:kind:hash of the (invoice, stage) pairs, so a different set on the same day gets a different id. */
export function sendId(
  day: IsoDay,
  customerId: string,
  kind: string,
  items: ReadonlyArray<{ invoiceId: string; stage: number }>,
): string {
  const pairs = items
    .map((i) => `${i.invoiceId}@${i.stage}`)
    .sort()
    .join(',');
  return `${day}:${customerId}:${kind}:${fnv1a(pairs)}`;
}

/** FNV-1a 32-bit as base-36: a short stable fingerprint (not security). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
