// Turns a planned message into subject, plain text and HTML from the editable templates. Every value that comes
// from the sheet (names, ids, projects, even the template text itself) is HTML-escaped before it reaches the HTML
// body, so a customer called `<script>…` shows as text in the mail client.
import type { Lang } from '../i18n';
import { displayMoney, formatMoney } from '../money';
import { MAX_WORDS_CENTS, rmbInWords } from '../money-words';
import { companyOrFallback, stageLabel, tx } from './catalog';
import {
  cnyTotal,
  daysText,
  displayTotals,
  dueStatusText,
  fillHtml,
  fillText,
  invoiceCountText,
  type MailTable,
  mailTableHtml,
  mailTableText,
  paymentText,
  tidyText,
} from './mail-blocks';
import type { PlannedInvoice, PlannedMessage } from './plan';
import type { ReminderConfig } from './settings';
import { kindOfStage } from './stages';
import type { TemplateKind } from './templates';
import { escapeHtml } from '../text-safety';
import { isChinese, isTraditional } from '../i18n';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

// One escaping rule for every place user data is shown as HTML (text-safety.ts); re-exported for the e-mail code.
export { escapeHtml };

/** "CNY 1,200.00 + USD 50.00": totals per currency, never mixed into one number. */
export function formatTotals(items: ReadonlyArray<{ outstanding: number; currency: string }>): string {
  const by = new Map<string, number>();
  for (const i of items) by.set(i.currency, (by.get(i.currency) ?? 0) + i.outstanding);
  return [...by.entries()].map(([cur, c]) => formatMoney(c, cur)).join(' + ');
}

export function templateKindOf(msg: Pick<PlannedMessage, 'kind' | 'isFinal'>): TemplateKind {
  return msg.kind === 'upcoming' ? 'upcoming' : msg.isFinal ? 'final' : 'overdue';
}

export function renderReminder(msg: PlannedMessage, config: ReminderConfig): RenderedMail {
  const lang = msg.lang;
  const kind = templateKindOf(msg);
  const seg = msg.segment === 'vip' || msg.segment === 'high-risk' ? msg.segment : null;
  // PRODUCT §14: VIP and high-risk customers may get their own wording of each notice (settings; empty = general).
  const tpl = (seg && config.segmentTemplates?.[kind]?.[seg]?.[lang]) || config.templates[kind][lang];
  const maxDays = Math.max(0, ...msg.invoices.map((i) => i.daysOverdue));
  const company = companyOrFallback(config.companyName, lang);
  const values: Record<string, string> = {
    customer: msg.customerName || msg.customerId,
    contact: msg.contact || msg.customerName || msg.customerId,
    company,
    // "逾期合计" counts the overdue invoices only; upcoming ones have their own section total.
    total: displayTotals(msg.kind === 'overdue' ? msg.invoices.filter((i) => i.stage > 0) : msg.invoices),
    daysOverdue: String(maxDays),
    count: String(msg.invoices.length),
    stage: stageLabel(lang, msg.stage, msg.isFinal),
    manager: msg.manager,
    invoiceCount: invoiceCountText(lang, msg.invoices.length),
    daysLate: daysText(lang, maxDays),
    payment: paymentText(lang, config.payment),
    signature: config.signature.trim() || company,
  };
  const sections = invoiceSections(lang, msg);
  // The amount in capitals on a final notice to a Chinese-reading customer, for a CNY total (金额大写).
  const cny = msg.isFinal && isChinese(lang) ? cnyTotal(msg.invoices.filter((i) => i.stage > 0)) : null;
  const words =
    cny !== null && cny <= MAX_WORDS_CENTS ? `${tx(lang, 'amountInWords')}${rmbInWords(cny, isTraditional(lang))}` : '';
  // The capitals stand under the overdue table they total (the first section), not under the upcoming one.
  const textBlock = sections
    .map((s, k) => {
      const table = s.title ? `${s.title}\n${mailTableText(s.table)}` : mailTableText(s.table);
      return k === 0 && words ? `${table}\n${words}` : table;
    })
    .join('\n\n');
  const htmlBlock = sections
    .map(
      (s, k) =>
        (s.title ? `<p><b>${escapeHtml(s.title)}</b></p>` : '') +
        mailTableHtml(s.table) +
        (k === 0 && words ? `<p><b>${escapeHtml(words)}</b></p>` : ''),
    )
    .join('\n');
  // Templates written before {payment} existed still carry the payment instructions, at the end.
  const body = /\{payment\}/.test(tpl.body) || !values.payment ? tpl.body : `${tpl.body}\n\n{payment}`;
  const subject = fillText(tpl.subject, { ...values, invoices: values.invoiceCount })
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const text = tidyText(fillText(body, { ...values, invoices: textBlock }));
  // Line breaks around a block (a table, an empty payment block) would show as blank space: trim them.
  const html = wrapHtml(
    `<p>${fillHtml(body, values, { invoices: htmlBlock })}</p>`
      .replace(/<p>(?:\s|<br>)+/g, '<p>')
      .replace(/(?:\s|<br>)+<\/p>/g, '</p>')
      .replace(/<p><\/p>/g, '')
      .replace(/(?:<br>\s*){3,}/g, '<br>\n<br>\n'),
  );
  return { subject, text, html };
}

interface Section {
  title: string;
  table: MailTable;
}

/** Overdue and upcoming invoices as two sections (titled only when both are there), each with its total row. */
function invoiceSections(lang: Lang, msg: PlannedMessage): Section[] {
  const overdue = msg.invoices.filter((i) => kindOfStage(i.stage) === 'overdue');
  const upcoming = msg.invoices.filter((i) => kindOfStage(i.stage) === 'upcoming');
  const both = overdue.length > 0 && upcoming.length > 0;
  const out: Section[] = [];
  if (overdue.length) out.push({ title: both ? tx(lang, 'sectionOverdue') : '', table: invoiceTable(lang, overdue) });
  if (upcoming.length)
    out.push({ title: both ? tx(lang, 'sectionUpcoming') : '', table: invoiceTable(lang, upcoming) });
  return out;
}

export function invoiceTable(lang: Lang, items: readonly PlannedInvoice[]): MailTable {
  return {
    head: [
      tx(lang, 'colInvoice'),
      tx(lang, 'colProject'),
      tx(lang, 'colDue'),
      tx(lang, 'colStatus'),
      tx(lang, 'colOutstanding'),
    ],
    align: ['left', 'left', 'left', 'left', 'right'],
    rows: items.map((i) => [
      i.invoiceId,
      [i.contractNo, i.project].filter(Boolean).join(' / '),
      i.dueDate,
      dueStatusText(lang, i.daysOverdue),
      displayMoney(i.outstanding, i.currency),
    ]),
    total: [tx(lang, 'totalRow'), '', '', '', displayTotals(items)],
  };
}

const CELL = 'border:1px solid #dadce0;padding:4px 8px;text-align:left';

export function tableHtml(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const th = head.map((h) => `<th style="${CELL};background:#f1f3f4">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function wrapHtml(inner: string): string {
  return `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px;color:#202124">${inner}</div>`;
}
