// Turns a planned message into subject, plain text and HTML from the editable templates. Every value that comes
// from the sheet (names, ids, projects, even the template text itself) is HTML-escaped before it reaches the HTML
// body, so a customer called `<script>…` shows as text in the mail client.
import type { Lang } from '../i18n';
import { formatMoney } from '../money';
import { companyOrFallback, stageLabel, tx } from './catalog';
import type { PlannedInvoice, PlannedMessage } from './plan';
import type { ReminderConfig } from './settings';
import type { TemplateKind } from './templates';
import { escapeHtml } from '../text-safety';

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
  // PRODUCT §14: VIP and high-risk customers may get their own overdue wording (settings; empty = the general one).
  const tpl = (kind === 'overdue' && seg && config.segmentTemplates?.[seg]?.[lang]) || config.templates[kind][lang];
  const finalStage = msg.isFinal ? msg.stage : Number.NaN;
  const maxDays = Math.max(0, ...msg.invoices.map((i) => i.daysOverdue));
  const values: Record<string, string> = {
    customer: msg.customerName || msg.customerId,
    contact: msg.contact || msg.customerName || msg.customerId,
    company: companyOrFallback(config.companyName, lang),
    total: formatTotals(msg.invoices),
    daysOverdue: String(maxDays),
    count: String(msg.invoices.length),
    stage: stageLabel(lang, msg.stage, msg.isFinal),
    manager: msg.manager,
  };
  const rows = msg.invoices.map((i) => invoiceCells(lang, i, i.stage === finalStage));
  const head = headers(lang);
  const textTable = rows.map((r) => r.map((cell, k) => `${head[k]}: ${cell}`).join(' | ')).join('\n');
  const htmlTable = tableHtml(head, rows);
  const subject = fillText(tpl.subject, values, textTable)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const text = fillText(tpl.body, values, textTable);
  const html = wrapHtml(`<p>${fillHtml(tpl.body, values, htmlTable)}</p>`);
  return { subject, text, html };
}

function headers(lang: Lang): string[] {
  return [
    tx(lang, 'colInvoice'),
    tx(lang, 'colProject'),
    tx(lang, 'colDue'),
    tx(lang, 'colOutstanding'),
    tx(lang, 'colStage'),
  ];
}

function invoiceCells(lang: Lang, i: PlannedInvoice, isFinal: boolean): string[] {
  const project = [i.contractNo, i.project].filter(Boolean).join(' / ');
  return [i.invoiceId, project, i.dueDate, formatMoney(i.outstanding, i.currency), stageLabel(lang, i.stage, isFinal)];
}

function fillText(template: string, values: Record<string, string>, invoices: string): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) =>
    k === 'invoices' ? invoices : k in values ? values[k] : all,
  );
}

/** The template text is escaped first, then placeholders are filled with escaped values (the table is built escaped). */
function fillHtml(template: string, values: Record<string, string>, tableHtmlText: string): string {
  const escaped = escapeHtml(template).replace(/\r?\n/g, '<br>\n');
  return escaped.replace(/\{(\w+)\}/g, (all, k: string) =>
    k === 'invoices' ? `</p>${tableHtmlText}<p>` : k in values ? escapeHtml(values[k]) : all,
  );
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
