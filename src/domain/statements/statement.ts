// Statement of account (对账单) and balance confirmation letter (询证函), PRODUCT.md §13: per customer, its open
// invoices, the payments received in the period and the closing balance, in the customer's language, with the
// payment details and signature of the reminder e-mails. The confirmation variant asks the customer to confirm the
// balance or state the amount they show. Pure: the use case (app/send-statement.ts) reads, sends and logs.
import { addDays, dayNumber, type IsoDay } from '../day';
import { type Lang, t } from '../i18n';
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
  subject: {
    'zh-CN': '{company}：对账单（{from} 至 {to}）',
    en: '{company}: statement of account, {from} to {to}',
  },
  subjectConfirm: {
    'zh-CN': '{company}：往来账款余额询证函（截至 {to}）',
    en: '{company}: balance confirmation request as of {to}',
  },
  greeting: { 'zh-CN': '{customer}，您好：', en: 'Dear {customer},' },
  intro: {
    'zh-CN': '以下为贵司与我司截至 {to} 的往来账款对账单（期间：{from} 至 {to}）。',
    en: 'Below is your statement of account with us as of {to} (period {from} to {to}).',
  },
  introConfirm: {
    'zh-CN': '为核对双方往来账款，现将截至 {to} 我司记录的贵司应付余额函告如下，请予核对确认。',
    en: 'To reconcile our accounts, we ask you to confirm the balance you owe us as of {to}, as shown in our records below.',
  },
  open: { 'zh-CN': '未结清单据（{count}）', en: 'Open invoices ({count})' },
  noOpen: { 'zh-CN': '没有未结清的单据。', en: 'No open invoices.' },
  paid: { 'zh-CN': '本期收款', en: 'Payments received in the period' },
  noPaid: { 'zh-CN': '本期没有收款记录。', en: 'No payments were received in the period.' },
  balance: { 'zh-CN': '期末余额（截至 {to}）：{amount}', en: 'Closing balance as of {to}: {amount}' },
  words: { 'zh-CN': '大写：{words}', en: 'In words: {words}' },
  confirmAsk: {
    'zh-CN':
      '请核对上述余额：如核对相符，请回复本邮件并注明“余额相符”；如不相符，请注明贵司记录的金额及不符原因（可附明细），以便我们及时核对。',
    en: 'Please check the balance above. If it agrees with your records, reply to this e-mail with “Balance confirmed”; if not, reply with the balance you show and the reason for the difference (details welcome), so we can reconcile.',
  },
  statementAsk: {
    'zh-CN': '如对上述账目有疑问，请回复本邮件与我们联系。',
    en: 'If anything above differs from your records, please reply to this e-mail.',
  },
  closing: { 'zh-CN': '顺颂商祺', en: 'Kind regards,' },
  colInvoice: { 'zh-CN': '单据编号', en: 'Invoice' },
  colIssue: { 'zh-CN': '开票日期', en: 'Issued' },
  colDue: { 'zh-CN': '到期日', en: 'Due date' },
  colStatus: { 'zh-CN': '到期情况', en: 'Status' },
  colAmount: { 'zh-CN': '金额', en: 'Amount' },
  colOutstanding: { 'zh-CN': '未收金额', en: 'Outstanding' },
  colDate: { 'zh-CN': '收款日期', en: 'Date' },
  colReference: { 'zh-CN': '付款凭证', en: 'Reference' },
  total: { 'zh-CN': '合计', en: 'Total' },
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
  const cny = lang === 'zh-CN' ? cnyTotal(openItems) : null;
  const words = cny !== null && cny <= MAX_WORDS_CENTS ? tt('words', { words: rmbInWords(cny) }) : '';
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
