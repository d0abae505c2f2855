// Sends a statement of account or a balance confirmation letter to one customer (PRODUCT.md §13), on demand from
// the customer 360. Same machinery as the reminders: the document lock, the mail quota checked before the send,
// the durable journal around it (a kill mid-send leaves an `uncertain` row, never a second letter), one row in the
// reminder log, and at most one letter of each kind per customer and period (month): the log's send ids say it.
// Who may send: admins (and the owner) or the customer's account manager.
import { deriveInvoices } from '../domain/derive';
import { type Lang, t } from '../domain/i18n';
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

const M = {
  sent: { 'zh-CN': '{what}已发送至 {to}。', en: '{what} sent to {to}.' },
  statement: { 'zh-CN': '对账单', en: 'Statement of account' },
  confirmation: { 'zh-CN': '余额询证函', en: 'Balance confirmation letter' },
  notAllowed: {
    'zh-CN': '只有管理员或该客户的客户经理可以发送{what}。',
    en: 'Only admins or the customer’s account manager can send a {what}.',
  },
  noCustomer: { 'zh-CN': '找不到客户 {id}。', en: 'Customer {id} not found.' },
  noEmail: {
    'zh-CN': '客户邮箱为空或无效，请先在客户资料中填写有效邮箱。',
    en: 'The customer has no valid e-mail address; add one to the customer first.',
  },
  already: {
    'zh-CN': '本期（{period}）的{what}已于 {at} 发送，每期只发送一次。',
    en: 'The {what} for {period} was already sent on {at}; it is sent once per period.',
  },
  pending: {
    'zh-CN': '本期的{what}正在发送或发送结果待核实，请勿重复发送。',
    en: 'The {what} for this period is being sent or its result is being checked; it is not sent again.',
  },
  busy: { 'zh-CN': '另一项操作正在进行，请稍后再试。', en: 'Another operation is in progress; try again shortly.' },
  quota: {
    'zh-CN': '今日邮件配额已用完，请明天再发送。',
    en: "Today's e-mail quota is used up; send it tomorrow.",
  },
  failed: { 'zh-CN': '发送失败：{error}', en: 'Sending failed: {error}' },
  badKind: { 'zh-CN': '文件类型须为对账单或询证函。', en: 'The kind must be statement or confirmation.' },
} as const;

export function sendStatement(deps: StatementDeps, req: StatementRequest): StatementResult {
  const ui = deps.identity.lang();
  const kind = req?.kind;
  if (kind !== 'statement' && kind !== 'confirmation') return { ok: false, message: t(ui, M.badKind) };
  const what = t(ui, M[kind]);
  // Inside a sentence the English name is lower case ("the statement of account for 2026-03").
  const inner = ui === 'en' ? what.charAt(0).toLowerCase() + what.slice(1) : what;
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
    const lang: Lang =
      req.lang === 'en' || req.lang === 'zh-CN'
        ? req.lang
        : customer.language === 'en' || customer.language === 'zh-CN'
          ? customer.language
          : config.digestLang;
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
