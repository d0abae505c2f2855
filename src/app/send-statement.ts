// Sends a statement of account or a balance confirmation letter to one customer (PRODUCT.md §13), on demand from
// the customer 360. Same machinery as the reminders: the document lock, the mail quota checked before the send,
// the durable journal around it (a kill mid-send leaves an `uncertain` row, never a second letter), one row in the
// reminder log, and at most one letter of each kind per customer and period (month): the log's send ids say it.
// Who may send: admins (and the owner) or the customer's account manager.
import { deriveInvoices } from '../domain/derive';
import { isLang, type Lang, msg, t } from '../domain/i18n';
import type { ReminderLogEntry } from '../domain/records';
import { parseReminderSettings, splitEmails, isEmail } from '../domain/reminders/settings';
import { finalStage } from '../domain/reminders/stages';
import { monthToDate, renderStatement, type StatementKind } from '../domain/statements/statement';
import type { Clock, Identity, LedgerStore } from './ports';
import { isAdmin } from './reminder-admin';
import { LogBuffer, sendIdOf } from './reminder-journal';
import type { Mailer, ReminderStateStore } from './reminder-ports';
import { SendSession } from './reminder-send';
import type { SaveLock } from './sidebar-ports';

export interface StatementDeps {
  store: LedgerStore;
  clock: Clock;
  identity: Identity;
  lock: SaveLock;
  mailer: Mailer;
  state: ReminderStateStore;
  /** The spreadsheet owner (always an admin). */
  owner: () => string;
}

export interface StatementRequest {
  customerId: string;
  kind: StatementKind;
  /** The letter's language; blank = the customer's language (else the digest language). */
  lang?: Lang | '';
}

export interface StatementResult {
  ok: boolean;
  /** In the user's language: what happened. */
  message: string;
}

// Inside a sentence the English name is lower case ("the statement of account for 2026-03").
const IN_SENTENCE = {
  statement: msg('app/send-statement.IN_SENTENCE.statement'),
  confirmation: msg('app/send-statement.IN_SENTENCE.confirmation'),
};

const M = {
  sent: msg('app/send-statement.M.sent'),
  statement: msg('app/send-statement.M.statement'),
  confirmation: msg('app/send-statement.M.confirmation'),
  notAllowed: msg('app/send-statement.M.notAllowed'),
  noCustomer: msg('app/send-statement.M.noCustomer'),
  noEmail: msg('app/send-statement.M.noEmail'),
  already: msg('app/send-statement.M.already'),
  pending: msg('app/send-statement.M.pending'),
  busy: msg('app/send-statement.M.busy'),
  quota: msg('app/send-statement.M.quota'),
  failed: msg('app/send-statement.M.failed'),
  badKind: msg('app/send-statement.M.badKind'),
} as const;

export function sendStatement(deps: StatementDeps, req: StatementRequest): StatementResult {
  const ui = deps.identity.lang();
  const kind = req?.kind;
  if (kind !== 'statement' && kind !== 'confirmation') return { ok: false, message: t(ui, M.badKind) };
  const what = t(ui, M[kind]);
  const inner = t(ui, IN_SENTENCE[kind]);
  const fail = (key: keyof typeof M, p: Record<string, string> = {}) => ({
    ok: false,
    message: t(ui, M[key], { what: inner, ...p }),
  });
  const id = String(req.customerId ?? '').trim();
  const config = parseReminderSettings(deps.store.settings());
  const customer = deps.store
    .read('customers')
    .rows.map((s) => s.record)
    .find((c) => c.id === id);
  if (!customer) return fail('noCustomer', { id });
  const user = deps.identity.user();
  const manager = customer.manager.trim().toLowerCase();
  if (!isAdmin(user, config.admins, deps.owner()) && !(manager && user.trim().toLowerCase() === manager))
    return fail('notAllowed');
  const to = splitEmails(customer.email);
  if (!to.length || !to.every(isEmail)) return fail('noEmail');
  if (!deps.lock.acquire()) return fail('busy');
  try {
    const today = deps.clock.today();
    const period = monthToDate(today);
    const planId = `${period.key}:${id}:${kind}`;
    const log = deps.store.read('reminders').rows.map((s) => s.record);
    const prior = log.find((r) => isSameLetter(r, planId) && (r.result === 'sent' || r.result === 'uncertain'));
    if (prior) return fail('already', { period: period.key, at: prior.at });
    if (deps.state.journal().some((e) => e.id.startsWith(`${planId}~`))) return fail('pending');
    const invoiceTable = deps.store.read('invoices').rows.map((s) => s.record);
    const payments = deps.store
      .read('payments')
      .rows.map((s) => s.record)
      .filter((p) => p.customerId === id);
    const mine = invoiceTable.filter((i) => i.customerId === id);
    const derived = deriveInvoices(mine, payments, today, () => customer.termsDays);
    const invoices = mine.map((i, k) => ({ ...i, ...derived[k] }));
    const lang: Lang = isLang(req.lang) ? req.lang : isLang(customer.language) ? customer.language : config.digestLang;
    const mail = renderStatement({ kind, lang, period, customer, invoices, payments, config });
    const buffer = new LogBuffer(deps.store, deps.state, log, []);
    buffer.display = { lang: config.digestLang, finalStage: finalStage(config.stages) };
    const session = new SendSession(deps, buffer, {
      budgetMs: Number.POSITIVE_INFINITY,
      flushEvery: 1,
      // A new attempt after a failed or deferred one gets its own send id (the log knows the earlier one).
      attempt: String(1 + log.filter((r) => isSameLetter(r, planId)).length),
      name: config.senderName || config.companyName,
      replyTo: config.replyTo,
    });
    // invoiceIds stay blank: a letter is not a reminder stage of any invoice (the send record must not count it).
    const outcome = session.deliver({
      planId,
      fields: { customerId: id, invoiceIds: '', stage: kind, to: to.join(', '), cc: '', superseded: [] },
      recipients: to.length,
      mail: () => ({ to, cc: [], ...mail }),
    });
    buffer.flush();
    if (outcome === 'sent') return { ok: true, message: t(ui, M.sent, { what, to: to.join(', ') }) };
    if (outcome === 'deferred') return fail('quota');
    const failedRow = buffer.written.find((r) => isSameLetter(r, planId) && r.result === 'failed');
    return fail('failed', { error: failedRow?.detail.replace(/^id=[^;]*;?\s*/, '') ?? '' });
  } finally {
    deps.lock.release();
  }
}

function isSameLetter(r: ReminderLogEntry, planId: string): boolean {
  return sendIdOf(r.detail).replace(/~[^~]*$/, '') === planId;
}
