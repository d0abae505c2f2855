// Monthly statements (issue #16, PRODUCT.md §13): the daily run sends each customer with 月度对账单 / 月度询证函 ticked
// a statement of account and/or a balance confirmation letter for the month just ended, from the statement day on.
// Same machinery as the reminders it runs after: the run's send session (quota checked before each send, the
// durable journal around it: a run killed after sending leaves `uncertain`, never a second letter), one log row per
// letter, and at most one letter per customer, kind and period — the log's send ids say what went.
import { deriveInvoices } from '../domain/derive';
import { isLang } from '../domain/i18n';
import type { Customer, Payment, ReminderLogEntry } from '../domain/records';
import { isEmail, type ReminderConfig, splitEmails } from '../domain/reminders/settings';
import { statementsDue } from '../domain/statements/monthly';
import { previousMonth, renderStatement, type StatementKind } from '../domain/statements/statement';
import type { LedgerStore } from './ports';
import { sendIdOf } from './reminder-journal';
import type { ReminderStateStore } from './reminder-ports';
import type { SendSession } from './reminder-send';

export interface MonthlyInput {
  store: LedgerStore;
  config: ReminderConfig;
  today: string;
  customers: readonly Customer[];
  /** The log as read plus the rows this run wrote (what was sent, uncertain, failed). */
  history: readonly ReminderLogEntry[];
  /** The journal (letters in flight) and the durable record of the period's letters. */
  state: ReminderStateStore;
  session: SendSession;
}

export interface MonthlyOutcome {
  sent: number;
  failed: number;
  deferred: number;
}

/** A letter that failed this often in a period is not tried again (a bad address must not be retried daily). */
const MAX_FAILURES = 3;
/** Characters per record chunk: one document property value stays under its 9 KB limit (3 bytes per character). */
const CHUNK_CHARS = 2800;

/** The send id's plan part for a monthly letter: distinct from the on-demand ones (send-statement.ts). */
export function monthlyPlanId(period: string, customerId: string, kind: string): string {
  return `monthly:${period}:${customerId}:${kind}`;
}

export function sendMonthlyStatements(input: MonthlyInput): MonthlyOutcome {
  const out: MonthlyOutcome = { sent: 0, failed: 0, deferred: 0 };
  const { config, today } = input;
  if (!statementsDue(today, config.statementDay, config.cnWorkdays === true)) return out;
  const letters = (c: Customer): StatementKind[] => [
    ...(c.monthlyStatement === true ? (['statement'] as const) : []),
    ...(c.monthlyConfirmation === true ? (['confirmation'] as const) : []),
  ];
  const opted = input.customers.filter((c) => letters(c).length && c.status !== 'inactive');
  if (!opted.length) return out;
  const period = previousMonth(today);
  const tries = new Map<string, { done: boolean; failed: number }>();
  for (const r of input.history) {
    const plan = sendIdOf(r.detail).replace(/~[^~]*$/, '');
    if (!plan.startsWith('monthly:')) continue;
    const t = tries.get(plan) ?? { done: false, failed: 0 };
    if (r.result === 'sent' || r.result === 'uncertain') t.done = true;
    if (r.result === 'failed') t.failed++;
    tries.set(plan, t);
  }
  for (const e of input.state.journal()) {
    const plan = e.id.replace(/~[^~]*$/, '');
    if (plan.startsWith('monthly:')) tries.set(plan, { done: true, failed: 0 });
  }
  // The durable record: letters of this period sent even if the log rows saying so were deleted since.
  const recorded = readRecord(input.state, period.key);
  for (const plan of recorded) tries.set(plan, { done: true, failed: 0 });
  const saveRecord = () => {
    const done = [...tries].filter(([plan, t]) => t.done && plan.startsWith(`monthly:${period.key}:`)).map(([p]) => p);
    if (done.length !== recorded.size) writeRecord(input.state, period.key, done);
  };
  const todo = opted.flatMap((customer) =>
    letters(customer)
      .filter((kind) => {
        const t = tries.get(monthlyPlanId(period.key, customer.id, kind));
        return !t || (!t.done && t.failed < MAX_FAILURES);
      })
      .map((kind) => ({ customer, kind })),
  );
  if (!todo.length) {
    saveRecord();
    return out;
  }
  // Read only on a statement day with letters to send: the refresh already read both sheets (cached).
  const invoices = input.store.read('invoices').rows.map((s) => s.record);
  const payments = input.store.read('payments').rows.map((s) => s.record);
  const byCustomer = <T extends { customerId: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.customerId, [...(m.get(r.customerId) ?? []), r]);
    return m;
  };
  const invoicesOf = byCustomer(invoices);
  const paymentsOf = byCustomer(payments as Payment[]);
  for (const { customer, kind } of todo) {
    const to = splitEmails(customer.email);
    const mine = invoicesOf.get(customer.id) ?? [];
    // Nothing to state: no invoice ever, or an address the letter cannot go to (the reminders log that skip).
    if (!mine.length || !to.length || !to.every(isEmail)) continue;
    const paid = paymentsOf.get(customer.id) ?? [];
    // As of the period's last day: payments after it belong to the next statement.
    const derived = deriveInvoices(mine, paid, period.to, () => customer.termsDays);
    const lang = isLang(customer.language) ? customer.language : config.digestLang;
    const outcome = input.session.deliver({
      planId: monthlyPlanId(period.key, customer.id, kind),
      fields: { customerId: customer.id, invoiceIds: '', stage: kind, to: to.join(', '), cc: '', superseded: [] },
      recipients: to.length,
      mail: () => ({
        to,
        cc: [],
        ...renderStatement({
          kind,
          lang,
          period,
          customer,
          invoices: mine.map((i, k) => ({ ...i, ...derived[k] })),
          payments: paid,
          config,
        }),
      }),
    });
    if (outcome === 'sent') {
      out.sent++;
      tries.set(monthlyPlanId(period.key, customer.id, kind), { done: true, failed: 0 });
    } else if (outcome === 'failed') out.failed++;
    else out.deferred++;
  }
  // After the sends (a kill before this leaves `uncertain` journal entries: the next run records them from the log).
  saveRecord();
  return out;
}

function readRecord(state: ReminderStateStore, period: string): Set<string> {
  const lines = (state.lettersSent?.() ?? []).join('').split('\n');
  return lines[0] === period ? new Set(lines.slice(1).filter(Boolean)) : new Set();
}

/** Only the latest period is kept: a letter is due within a week of its day, so older ones are never asked about. */
function writeRecord(state: ReminderStateStore, period: string, plans: readonly string[]): void {
  if (!state.saveLettersSent) return;
  const text = [period, ...plans].join('\n');
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) chunks.push(text.slice(i, i + CHUNK_CHARS));
  state.saveLettersSent(chunks);
}
