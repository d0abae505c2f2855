// Chat alert messages (PRODUCT.md §15). Each carries only what the alert needs: a manager's digest lists their
// overdue customers by name with amount and days (no contacts, e-mails, phones or tax ids); an anomaly names the
// customer and the figure that tripped it; a failure says what failed. Markdown is the subset both services render
// (headings, bold, quotes, lists). Both robots take one size rule here, the stricter WeCom one: content ≤ 4096 bytes
// of UTF-8 (developer.work.weixin.qq.com/document/path/91770); longer messages lose their last lines, with a count.
import type { IsoDay } from '../day';
import { type Lang, type Text, t, msg } from '../i18n';
import { formatMoney } from '../money';
import type { Customer, Invoice } from '../records';
import { type Anomaly, findAnomalies, type GradeDrop, overdueItems } from '../reminders/digest';
import { fnv1a } from '../reminders/plan';
import type { ReminderConfig } from '../reminders/settings';
import type { ChatAlertKind } from './settings';

export const MAX_CHAT_BYTES = 4096;
/** Customers listed per manager digest; the rest are counted. */
export const CHAT_DIGEST_ROWS = 10;

export interface ChatMessage {
  /** Stable per day and content kind, so a resumed run never posts the same alert twice. */
  id: string;
  kind: ChatAlertKind | 'test';
  title: string;
  /** Markdown, ≤ MAX_CHAT_BYTES bytes of UTF-8. */
  text: string;
}

const TXT = {
  digestTitle: msg('chat/format.TXT.digestTitle'),
  digestHead: msg('chat/format.TXT.digestHead'),
  digestRow: msg('chat/format.TXT.digestRow'),
  more: msg('chat/format.TXT.more'),
  unassigned: msg('chat/format.TXT.unassigned'),
  anomalyTitle: msg('chat/format.TXT.anomalyTitle'),
  anomalyHead: msg('chat/format.TXT.anomalyHead'),
  failureTitle: msg('chat/format.TXT.failureTitle'),
  failureSends: msg('chat/format.TXT.failureSends'),
  failureError: msg('chat/format.TXT.failureError'),
  testTitle: msg('chat/format.TXT.testTitle'),
  testText: msg('chat/format.TXT.testText'),
} as const satisfies Record<string, Text>;

export { TXT as CHAT_TEXT };

/** UTF-8 length without TextEncoder (absent in Apps Script). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** User text inside markdown: no headings, emphasis, links, quotes or <@mentions> can be smuggled in. */
export function plain(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[<>*_`#[\]|~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lines joined, dropping whole lines from the end (with a "n more" line) until the bytes fit. */
export function fitLines(lines: readonly string[], lang: Lang, max = MAX_CHAT_BYTES): string {
  let keep = lines.length;
  let text = lines.join('\n');
  while (utf8Bytes(text) > max && keep > 1) {
    keep--;
    text = [...lines.slice(0, keep), t(lang, TXT.more, { n: lines.length - keep })].join('\n');
  }
  return text;
}

export interface ChatDigestInput {
  today: IsoDay;
  config: ReminderConfig;
  customers: readonly Customer[];
  invoices: readonly Invoice[];
  gradeDrops: readonly GradeDrop[];
}

/** One digest per account manager with overdue customers (unassigned customers get their own). */
export function chatDigests(input: ChatDigestInput): ChatMessage[] {
  const { today, config, customers } = input;
  const lang = config.digestLang;
  const managerOf = new Map(customers.map((c) => [c.id, c.manager.trim()]));
  const byManager = new Map<string, Map<string, { name: string; amount: number; currency: string; days: number }>>();
  for (const i of overdueItems(today, config, customers, input.invoices)) {
    const m = managerOf.get(i.customerId) ?? '';
    const mine = byManager.get(m) ?? new Map();
    byManager.set(m, mine);
    const key = `${i.customerId}\u0000${i.currency}`;
    const row = mine.get(key) ?? { name: i.customerName || i.customerId, amount: 0, currency: i.currency, days: 0 };
    row.amount += i.outstanding;
    row.days = Math.max(row.days, i.daysOverdue);
    mine.set(key, row);
  }
  const out: ChatMessage[] = [];
  for (const manager of [...byManager.keys()].sort()) {
    const rows = [...byManager.get(manager)!.values()].sort((a, b) => b.days - a.days || b.amount - a.amount);
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amount);
    const total = [...totals].map(([cur, c]) => formatMoney(c, cur)).join(' + ');
    const who = manager ? plain(manager) : t(lang, TXT.unassigned);
    const title = t(lang, TXT.digestTitle, { day: today, manager: who });
    const listed = rows
      .slice(0, CHAT_DIGEST_ROWS)
      .map(
        (r) =>
          `- ${t(lang, TXT.digestRow, { customer: plain(r.name), amount: formatMoney(r.amount, r.currency), days: r.days })}`,
      );
    if (rows.length > listed.length) listed.push(t(lang, TXT.more, { n: rows.length - listed.length }));
    const customersCount = new Set(rows.map((r) => r.name)).size;
    const lines = [`### ${title}`, t(lang, TXT.digestHead, { count: customersCount, total }), '', ...listed];
    out.push({
      id: `${today}:digest:${fnv1a(manager.toLowerCase())}`,
      kind: 'digest',
      title,
      text: fitLines(lines, lang),
    });
  }
  return out;
}

/** All of today's anomalies in one message (none = no message). */
export function chatAnomalies(input: ChatDigestInput): ChatMessage[] {
  const lang = input.config.digestLang;
  const found: Anomaly[] = findAnomalies(input);
  if (!found.length) return [];
  const title = t(lang, TXT.anomalyTitle, { day: input.today });
  const lines = [
    `### ${title}`,
    t(lang, TXT.anomalyHead, { n: found.length }),
    '',
    ...found.map((a) => `- ${plain(a.text[lang])}`),
  ];
  const ids = found
    .map((a) => `${a.kind}:${a.customerId}`)
    .sort()
    .join(',');
  return [{ id: `${input.today}:anomalies:${fnv1a(ids)}`, kind: 'anomalies', title, text: fitLines(lines, lang) }];
}

/** A failed run (error text) or failed sends (count). */
export function chatFailure(today: IsoDay, lang: Lang, failure: { error?: string; failedSends?: number }): ChatMessage {
  const title = t(lang, TXT.failureTitle, { day: today });
  const body = failure.error
    ? t(lang, TXT.failureError, {
        detail: plain(failure.error)
          .slice(0, 300)
          .replace(/[.。\s]+$/, ''),
      })
    : t(lang, TXT.failureSends, { n: failure.failedSends ?? 0 });
  const id = `${today}:failure:${fnv1a(failure.error ? `e:${failure.error}` : `s:${failure.failedSends}`)}`;
  return { id, kind: 'failures', title, text: fitLines([`### ${title}`, body], lang) };
}

export function chatTest(lang: Lang, company: string, stamp: string): ChatMessage {
  const title = t(lang, TXT.testTitle);
  return {
    id: `test:${stamp}`,
    kind: 'test',
    title,
    text: `### ${title}\n${t(lang, TXT.testText, { company: plain(company) || 'Customer Ledger' })}`,
  };
}
