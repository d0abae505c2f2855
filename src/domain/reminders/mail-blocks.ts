// Building blocks shared by customer e-mails (reminders, statements, confirmation letters): the invoice table with
// right-aligned amounts and a total row, day and count phrases with correct English plurals, money as a customer
// reads it (¥ for CNY, ISO code otherwise), and the payment-instructions block from settings.
import type { Lang } from '../i18n';
import { displayMoney } from '../money';
import { escapeHtml } from '../text-safety';
import { t, type Text, msg } from '../i18n';

export type Align = 'left' | 'right';

export interface MailTable {
  head: readonly string[];
  align: readonly Align[];
  rows: ReadonlyArray<readonly string[]>;
  /** The total row (first cell the label), or none. */
  total?: readonly string[];
}

// Counts and due states in running text; English plurals by fill()'s {n|one|other}.
const BLOCK_TEXT = {
  days: msg('reminders/mail-blocks.BLOCK_TEXT.days'),
  invoices: msg('reminders/mail-blocks.BLOCK_TEXT.invoices'),
  overdue: msg('reminders/mail-blocks.BLOCK_TEXT.overdue'),
  dueToday: msg('reminders/mail-blocks.BLOCK_TEXT.dueToday'),
  dueIn: msg('reminders/mail-blocks.BLOCK_TEXT.dueIn'),
  paymentDetails: msg('reminders/mail-blocks.BLOCK_TEXT.paymentDetails'),
  payee: msg('reminders/mail-blocks.BLOCK_TEXT.payee'),
  bank: msg('reminders/mail-blocks.BLOCK_TEXT.bank'),
  account: msg('reminders/mail-blocks.BLOCK_TEXT.account'),
};

/** "1 day" / "29 days" / "29 天". */
export function daysText(lang: Lang, n: number): string {
  return t(lang, BLOCK_TEXT.days, { n });
}

/** "1 invoice" / "3 invoices" / "3 笔账款". */
export function invoiceCountText(lang: Lang, n: number): string {
  return t(lang, BLOCK_TEXT.invoices, { n });
}

/** Where an invoice stands today, from its real day offset (not the reminder stage): "逾期 29 天", "due today". */
export function dueStatusText(lang: Lang, daysOverdue: number): string {
  if (daysOverdue > 0) return t(lang, BLOCK_TEXT.overdue, { n: daysOverdue });
  if (daysOverdue === 0) return t(lang, BLOCK_TEXT.dueToday);
  return t(lang, BLOCK_TEXT.dueIn, { n: -daysOverdue });
}

/** "¥1,200.00 + USD 50.00": one sum per currency, never mixed into one number. */
export function displayTotals(items: ReadonlyArray<{ outstanding: number; currency: string }>): string {
  const by = new Map<string, number>();
  for (const i of items) by.set(i.currency, (by.get(i.currency) ?? 0) + i.outstanding);
  if (!by.size) return displayMoney(0, 'CNY');
  return [...by.entries()].map(([cur, c]) => displayMoney(c, cur)).join(' + ');
}

/** The one CNY total when every line is in CNY (金额大写 applies), else null. */
export function cnyTotal(items: ReadonlyArray<{ outstanding: number; currency: string }>): number | null {
  if (!items.length || items.some((i) => !/^(CNY|RMB)$/i.test(i.currency.trim()))) return null;
  return items.reduce((s, i) => s + i.outstanding, 0);
}

const CELL = 'border:1px solid #dadce0;padding:4px 8px';

export function mailTableHtml(t: MailTable): string {
  const cell = (tag: 'th' | 'td', text: string, k: number, extra = '') =>
    `<${tag} style="${CELL};text-align:${t.align[k] ?? 'left'}${extra}">${escapeHtml(text)}</${tag}>`;
  const head = t.head.map((h, k) => cell('th', h, k, ';background:#f1f3f4')).join('');
  const body = t.rows.map((r) => `<tr>${r.map((c, k) => cell('td', c, k)).join('')}</tr>`).join('\n');
  const total = t.total
    ? `\n<tfoot><tr>${t.total.map((c, k) => cell('td', c, k, ';font-weight:bold;background:#f8f9fa')).join('')}</tr></tfoot>`
    : '';
  return `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${total}</table>`;
}

/** Plain-text table: columns joined by " | ", right-aligned columns padded to one width. */
export function mailTableText(t: MailTable): string {
  const all = [t.head, ...t.rows, ...(t.total ? [t.total] : [])];
  const widths = t.head.map((_, k) => Math.max(...all.map((r) => (r[k] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((c, k) => (t.align[k] === 'right' ? (c ?? '').padStart(widths[k]) : (c ?? ''))).join(' | ');
  const out = [line(t.head), ...t.rows.map(line)];
  if (t.total) out.push(line(t.total));
  return out.join('\n');
}

export interface PaymentDetails {
  payee: string;
  bank: string;
  account: string;
}

/** "付款信息：\n收款单位：…" — the lines that are filled; '' when none is. */
export function paymentText(lang: Lang, p: PaymentDetails): string {
  const lines: string[] = [];
  const add = (label: Text, v: string) => {
    if (v.trim()) lines.push(`${t(lang, label)}${v.trim()}`);
  };
  add(BLOCK_TEXT.payee, p.payee);
  add(BLOCK_TEXT.bank, p.bank);
  add(BLOCK_TEXT.account, p.account);
  return lines.length ? [t(lang, BLOCK_TEXT.paymentDetails), ...lines].join('\n') : '';
}

/** Fills {placeholders} as text; unknown ones are left as typed. `raw` values are inserted as they are. */
export function fillText(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in values ? values[k] : all));
}

/**
 * The template text is escaped first, then placeholders are filled with escaped values (line breaks kept);
 * `blocks` are HTML built escaped (tables) and close/reopen the surrounding paragraph.
 */
export function fillHtml(template: string, values: Record<string, string>, blocks: Record<string, string>): string {
  const escaped = escapeHtml(template).replace(/\r?\n/g, '<br>\n');
  return escaped.replace(/\{(\w+)\}/g, (all, k: string) =>
    k in blocks ? `</p>${blocks[k]}<p>` : k in values ? escapeHtml(values[k]).replace(/\r?\n/g, '<br>\n') : all,
  );
}

/** Blank lines left by an empty block collapse to one paragraph break. */
export function tidyText(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
