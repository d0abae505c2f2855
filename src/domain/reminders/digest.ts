// Internal daily digests: one per account manager (their customers) and one to the finance recipients
// (everyone), each listing overdue receivables with their last reminder stage, plus anomaly alerts: outstanding
// above the credit limit, invoices overdue beyond a threshold, and grade drops found by the scoring feature.
import type { IsoDay } from '../day';
import type { Lang } from '../i18n';
import { effectiveDueDate } from '../derive';
import { formatMoney } from '../money';
import { daysOverdueOn } from '../overdue';
import type { Customer, Invoice } from '../records';
import { companyOrFallback, stageLabel, type TX, tx } from './catalog';
import { fnv1a } from './plan';
import { escapeHtml, formatTotals, tableHtml, wrapHtml } from './render';
import { isEmail, type ReminderConfig } from './settings';
import { finalStage } from './stages';
import { perLang } from '../i18n';

/** Rows listed per digest; the rest is counted. */
export const DIGEST_MAX_ROWS = 150;

export interface GradeDrop {
  customerId: string;
  from: string;
  to: string;
  /** Grades worse by this many steps (positive). */
  steps: number;
}

export type AnomalyKind = 'over-limit' | 'very-overdue' | 'grade-drop' | 'high-risk-review';

export interface Anomaly {
  kind: AnomalyKind;
  customerId: string;
  /** Localized lines, ready to show. */
  text: Record<Lang, string>;
}

export interface OverdueItem {
  customerId: string;
  customerName: string;
  invoiceId: string;
  dueDate: IsoDay;
  daysOverdue: number;
  outstanding: number;
  currency: string;
  lastStage: string;
}

export interface DigestMessage {
  id: string;
  to: string[];
  lang: Lang;
  subject: string;
  text: string;
  html: string;
  customerCount: number;
}

export interface DigestInput {
  today: IsoDay;
  config: ReminderConfig;
  customers: readonly Customer[];
  invoices: readonly Invoice[];
  gradeDrops: readonly GradeDrop[];
  /** "Today's run sent N…" line for the finance digest; omitted when not known. */
  summary?: { sent: number; skipped: number; deferred: number };
}

export function overdueItems(
  today: IsoDay,
  config: ReminderConfig,
  customers: readonly Customer[],
  invoices: readonly Invoice[],
): OverdueItem[] {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const out: OverdueItem[] = [];
  for (const inv of invoices) {
    const c = byId.get(inv.customerId);
    // The same rule as the 360 and the customers sheet (domain/overdue.ts), due day defaulted from the terms.
    const due = effectiveDueDate(inv, c?.termsDays ?? null);
    const days = daysOverdueOn(due, inv.outstanding, inv.status, today);
    if (!(days > 0)) continue;
    out.push({
      customerId: inv.customerId,
      customerName: c?.name ?? '',
      invoiceId: inv.id,
      dueDate: due,
      daysOverdue: days,
      outstanding: inv.outstanding,
      currency: inv.currency || config.currency,
      lastStage: inv.lastReminderStage,
    });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.invoiceId < b.invoiceId ? -1 : 1));
}

export function findAnomalies(input: Omit<DigestInput, 'summary'>, overdue?: readonly OverdueItem[]): Anomaly[] {
  const { today, config, customers, invoices } = input;
  const byId = new Map(customers.map((c) => [c.id, c]));
  const name = (id: string) => byId.get(id)?.name || id;
  const out: Anomaly[] = [];
  const balance = new Map<string, Map<string, number>>();
  for (const inv of invoices) {
    if (inv.status === 'written-off' || inv.outstanding <= 0) continue;
    const cur = inv.currency || config.currency;
    const m = balance.get(inv.customerId) ?? new Map<string, number>();
    m.set(cur, (m.get(cur) ?? 0) + inv.outstanding);
    balance.set(inv.customerId, m);
  }
  for (const c of customers) {
    const owed = balance.get(c.id)?.get(config.currency) ?? 0;
    if (c.creditLimit === null || c.creditLimit === undefined || owed <= c.creditLimit) continue;
    const p = {
      customer: name(c.id),
      outstanding: formatMoney(owed, config.currency),
      limit: formatMoney(c.creditLimit, config.currency),
    };
    out.push({ kind: 'over-limit', customerId: c.id, text: both('alertOverLimit', p) });
  }
  for (const item of overdue ?? overdueItems(today, config, customers, invoices)) {
    if (item.daysOverdue < config.anomalyDaysOverdue) continue;
    const p = {
      customer: name(item.customerId),
      invoice: item.invoiceId,
      days: item.daysOverdue,
      outstanding: formatMoney(item.outstanding, item.currency),
    };
    out.push({ kind: 'very-overdue', customerId: item.customerId, text: both('alertVeryOverdue', p) });
  }
  for (const d of input.gradeDrops) {
    if (d.steps < config.anomalyGradeDrop) continue;
    out.push({
      kind: 'grade-drop',
      customerId: d.customerId,
      text: both('alertGradeDrop', { customer: name(d.customerId), from: d.from, to: d.to }),
    });
  }
  // High-risk customers (as the daily rescore just classified them) go to their manager for review, with the rule
  // that put them there; those with nothing outstanding need no review.
  for (const c of customers) {
    if ((c.segmentOverride || c.segment) !== 'high-risk' || !balance.get(c.id)) continue;
    const reason = c.segmentReason || '';
    const key = reason ? 'alertHighRiskReview' : 'alertHighRiskReviewPlain';
    out.push({ kind: 'high-risk-review', customerId: c.id, text: both(key, { customer: name(c.id), reason }) });
  }
  return out;
}

/** One digest per account manager with something to report, and one to the finance recipients. */
export function buildDigests(input: DigestInput): DigestMessage[] {
  const { today, config, customers } = input;
  const items = overdueItems(today, config, customers, input.invoices);
  const anomalies = findAnomalies(input, items);
  const managerOf = new Map(customers.map((c) => [c.id, c.manager.trim().toLowerCase()]));
  const byManager = new Map<string, { items: OverdueItem[]; alerts: Anomaly[] }>();
  const slot = (customerId: string) => {
    const m = managerOf.get(customerId) ?? '';
    let s = byManager.get(m);
    if (!s) {
      s = { items: [], alerts: [] };
      byManager.set(m, s);
    }
    return s;
  };
  for (const i of items) slot(i.customerId).items.push(i);
  for (const a of anomalies) slot(a.customerId).alerts.push(a);
  const out: DigestMessage[] = [];
  const lang = config.digestLang;
  for (const m of [...byManager.keys()].sort()) {
    if (!isEmail(m)) continue;
    const mine = byManager.get(m)!;
    out.push(render(today, config, lang, [m], mine.items, mine.alerts, 'digestIntro'));
  }
  const finance = config.financeRecipients.filter(isEmail);
  if (finance.length && (items.length || anomalies.length || input.summary)) {
    out.push(render(today, config, lang, finance, items, anomalies, 'digestIntroFinance', input.summary));
  }
  return out;
}

function render(
  today: IsoDay,
  config: ReminderConfig,
  lang: Lang,
  to: string[],
  items: OverdueItem[],
  alerts: Anomaly[],
  intro: 'digestIntro' | 'digestIntroFinance',
  summary?: DigestInput['summary'],
): DigestMessage {
  const final = finalStage(config.stages);
  const customerCount = new Set(items.map((i) => i.customerId)).size;
  const total = formatTotals(items) || formatMoney(0, config.currency);
  const subject = tx(lang, 'digestSubject', {
    company: companyOrFallback(config.companyName, lang),
    day: today,
    count: customerCount,
    total,
  }).trim();
  const head = [
    tx(lang, 'colCustomer'),
    tx(lang, 'colInvoice'),
    tx(lang, 'colDue'),
    tx(lang, 'colDays'),
    tx(lang, 'colOutstanding'),
    tx(lang, 'colStage'),
  ];
  const labels = new Map<string, string>();
  const stageCell = (last: string) => {
    let l = labels.get(last);
    if (l === undefined) {
      l = stageText(lang, last, final);
      labels.set(last, l);
    }
    return l;
  };
  // The longest overdue first, capped: a mail body is limited (200 KB for consumer accounts) and must stay readable.
  const listed = items.slice(0, DIGEST_MAX_ROWS);
  const rows = listed.map((i) => [
    `${i.customerName} (${i.customerId})`,
    i.invoiceId,
    i.dueDate,
    String(i.daysOverdue),
    formatMoney(i.outstanding, i.currency),
    stageCell(i.lastStage),
  ]);
  const lines: string[] = [tx(lang, intro, { day: today })];
  const html: string[] = [`<p>${escapeHtml(lines[0])}</p>`];
  if (summary) {
    const s = tx(lang, 'digestSent', summary);
    lines.push(s);
    html.push(`<p>${escapeHtml(s)}</p>`);
  }
  if (rows.length) {
    lines.push('', ...rows.map((r) => r.join(' | ')));
    html.push(tableHtml(head, rows));
    if (items.length > rows.length) {
      const more = tx(lang, 'digestMore', { n: items.length - rows.length });
      lines.push(more);
      html.push(`<p>${escapeHtml(more)}</p>`);
    }
  } else {
    lines.push(tx(lang, 'digestNone'));
    html.push(`<p>${escapeHtml(tx(lang, 'digestNone'))}</p>`);
  }
  if (alerts.length) {
    lines.push('', `${tx(lang, 'alertsTitle')}:`, ...alerts.map((a) => `- ${a.text[lang]}`));
    html.push(
      `<p><b>${escapeHtml(tx(lang, 'alertsTitle'))}</b></p><ul>${alerts.map((a) => `<li>${escapeHtml(a.text[lang])}</li>`).join('')}</ul>`,
    );
  }
  return {
    id: `${today}:digest:${fnv1a(to.join(','))}`,
    to,
    lang,
    subject,
    text: lines.join('\n'),
    html: wrapHtml(html.join('\n')),
    customerCount,
  };
}

function stageText(lang: Lang, last: string, final: number | null): string {
  const n = Number(String(last).trim());
  if (String(last).trim() === '' || !Number.isInteger(n)) return tx(lang, 'lastStageNone');
  return stageLabel(lang, n, n === final);
}

function both(key: keyof typeof TX, params: Record<string, string | number>): Record<Lang, string> {
  return perLang((lang) => tx(lang, key, params));
}
