// Statement of account (对账单) and balance confirmation letter (询证函), PRODUCT.md §13: per customer, its open
// invoices, the payments received in the period and the closing balance, in the customer's language, with the
// payment details and signature of the reminder e-mails. The confirmation variant asks the customer to confirm the
// balance or state the amount they show. Pure: the use case (app/send-statement.ts) reads, sends and logs.
import { addDays, dayNumber, type IsoDay } from '../day';
import { isChinese, isTraditional, type Lang, msg, t } from '../i18n';
import { displayMoney } from '../money';
import { MAX_WORDS_CENTS, rmbInWords } from '../money-words';
import type { Customer, Invoice, Payment } from '../records';
import { companyOrFallback } from '../reminders/catalog';
import {
  cnyTotal,
  displayTotals,
  dueStatusText,
  invoiceCountText,
  mailTableHtml,
  mailTableText,
  type MailTable,
  paymentText,
} from '../reminders/mail-blocks';
import type { RenderedMail } from '../reminders/render';
import { wrapHtml } from '../reminders/render';
import type { ReminderConfig } from '../reminders/settings';
import { escapeHtml } from '../text-safety';

export type StatementKind = 'statement' | 'confirmation';

export interface StatementPeriod {
  from: IsoDay;
  to: IsoDay;
  /** 'yyyy-MM': at most one statement of each kind per customer and month. */
  key: string;
}

/** The month to date: from the 1st of today's month to today. */
export function monthToDate(today: IsoDay): StatementPeriod {
  return { from: `${today.slice(0, 8)}01`, to: today, key: today.slice(0, 7) };
}

/** The previous calendar month (the monthly run on the 1st sends it). */
export function previousMonth(today: IsoDay): StatementPeriod {
  const last = addDays(`${today.slice(0, 8)}01`, -1);
  return { from: `${last.slice(0, 8)}01`, to: last, key: last.slice(0, 7) };
}

export interface StatementInput {
  kind: StatementKind;
  lang: Lang;
  period: StatementPeriod;
  customer: Customer;
  /** The customer's invoices with outstanding recomputed as of the period end. */
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  config: ReminderConfig;
}

const S = {
  subject: msg('statements/statement.S.subject'),
  subjectConfirm: msg('statements/statement.S.subjectConfirm'),
  greeting: msg('statements/statement.S.greeting'),
  intro: msg('statements/statement.S.intro'),
  introConfirm: msg('statements/statement.S.introConfirm'),
  open: msg('statements/statement.S.open'),
  noOpen: msg('statements/statement.S.noOpen'),
  paid: msg('statements/statement.S.paid'),
  noPaid: msg('statements/statement.S.noPaid'),
  balance: msg('statements/statement.S.balance'),
  words: msg('statements/statement.S.words'),
  confirmAsk: msg('statements/statement.S.confirmAsk'),
  statementAsk: msg('statements/statement.S.statementAsk'),
  closing: msg('statements/statement.S.closing'),
  colInvoice: msg('statements/statement.S.colInvoice'),
  colIssue: msg('statements/statement.S.colIssue'),
  colDue: msg('statements/statement.S.colDue'),
  colStatus: msg('statements/statement.S.colStatus'),
  colAmount: msg('statements/statement.S.colAmount'),
  colOutstanding: msg('statements/statement.S.colOutstanding'),
  colDate: msg('statements/statement.S.colDate'),
  colReference: msg('statements/statement.S.colReference'),
  total: msg('statements/statement.S.total'),
} as const;

export function renderStatement(input: StatementInput): RenderedMail {
  const { lang, period, customer, config, kind } = input;
  const tt = (k: keyof typeof S, p: Record<string, string | number> = {}) => t(lang, S[k], p);
  const company = companyOrFallback(config.companyName, lang);
  const cur = (c: string) => c || config.currency;
  const open = input.invoices
    .filter((i) => i.outstanding > 0 && i.status !== 'written-off')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
  const to = dayNumber(period.to);
  const openItems = open.map((i) => ({ outstanding: i.outstanding, currency: cur(i.currency) }));
  const openTable: MailTable = {
    head: [tt('colInvoice'), tt('colIssue'), tt('colDue'), tt('colStatus'), tt('colAmount'), tt('colOutstanding')],
    align: ['left', 'left', 'left', 'left', 'right', 'right'],
    rows: open.map((i) => [
      i.id,
      i.issueDate,
      i.dueDate,
      dueStatusText(lang, to - dayNumber(i.dueDate)),
      displayMoney(i.amount, cur(i.currency)),
      displayMoney(i.outstanding, cur(i.currency)),
    ]),
    total: [tt('total'), '', '', '', '', displayTotals(openItems)],
  };
  const currencyOf = new Map(input.invoices.map((i) => [i.id, cur(i.currency)]));
  const paid = input.payments
    .filter((p) => p.date >= period.from && p.date <= period.to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const paidItems = paid.map((p) => ({
    outstanding: p.amount,
    currency: currencyOf.get(p.invoiceId) ?? config.currency,
  }));
  const paidTable: MailTable = {
    head: [tt('colDate'), tt('colInvoice'), tt('colReference'), tt('colAmount')],
    align: ['left', 'left', 'left', 'right'],
    rows: paid.map((p, k) => [p.date, p.invoiceId, p.reference, displayMoney(p.amount, paidItems[k].currency)]),
    total: [tt('total'), '', '', displayTotals(paidItems)],
  };
  const balance = displayTotals(openItems);
  const cny = isChinese(lang) ? cnyTotal(openItems) : null;
  const words =
    cny !== null && cny <= MAX_WORDS_CENTS ? tt('words', { words: rmbInWords(cny, isTraditional(lang)) }) : '';
  const params = { from: period.from, to: period.to, company, customer: customer.name || customer.id };
  const subject = tt(kind === 'confirmation' ? 'subjectConfirm' : 'subject', params);
  const payment = paymentText(lang, config.payment);
  const signature = config.signature.trim() || company;
  const openTitle = tt('open', { count: invoiceCountText(lang, open.length) });
  const balanceLine = tt('balance', { to: period.to, amount: balance });
  const ask = tt(kind === 'confirmation' ? 'confirmAsk' : 'statementAsk');
  const intro = tt(kind === 'confirmation' ? 'introConfirm' : 'intro', params);

  const text = [
    tt('greeting', params),
    intro,
    `${openTitle}\n${open.length ? mailTableText(openTable) : tt('noOpen')}`,
    `${tt('paid')}\n${paid.length ? mailTableText(paidTable) : tt('noPaid')}`,
    [balanceLine, words].filter(Boolean).join('\n'),
    ask,
    payment,
    `${tt('closing')}\n${signature}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const p = (s: string) => `<p>${escapeHtml(s).replace(/\r?\n/g, '<br>\n')}</p>`;
  const html = wrapHtml(
    [
      p(tt('greeting', params)),
      p(intro),
      `<p><b>${escapeHtml(openTitle)}</b></p>`,
      open.length ? mailTableHtml(openTable) : p(tt('noOpen')),
      `<p><b>${escapeHtml(tt('paid'))}</b></p>`,
      paid.length ? mailTableHtml(paidTable) : p(tt('noPaid')),
      `<p><b>${escapeHtml(balanceLine)}</b>${words ? `<br>\n${escapeHtml(words)}` : ''}</p>`,
      p(ask),
      payment ? p(payment) : '',
      p(`${tt('closing')}\n${signature}`),
    ].join('\n'),
  );
  return { subject, text, html };
}
