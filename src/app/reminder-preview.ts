// The dry run and the sidebar's reminder status. Both plan exactly as the real run does (same pure planner, same
// log, plus what the journal holds but the log does not have yet), and return JSON-safe views, localized for the
// person looking.
import { cnCalendar, nextWorkingDay } from '../domain/calendar/cn-workdays';
import { addDays } from '../domain/day';
import { groupDigits, type Lang, t, msg } from '../domain/i18n';
import { displayMoney } from '../domain/money';
import type { ReminderLogEntry } from '../domain/records';
import { SKIP_TEXT, stageLabel } from '../domain/reminders/catalog';
import { planReminders, type ReminderPlan } from '../domain/reminders/plan';
import { formatTotals, renderReminder } from '../domain/reminders/render';
import { parseReminderSettings, type ReminderConfig } from '../domain/reminders/settings';
import { finalStage } from '../domain/reminders/stages';
import type { Clock, Identity, LedgerStore } from './ports';
import { failureLines } from './reminder-failure';
import { loadSendRecord, rowsOfEntry } from './reminder-journal';
import { readPlannerLedger, readReminderLedger } from './reminder-ledger';
import type { ReminderStateStore, RunState } from './reminder-ports';
import { userText } from './save-common';
import { hourOf } from './reminder-run';
import type { ReminderStatusView } from './sidebar-types';

export interface PreviewDeps {
  store: LedgerStore;
  clock: Clock;
  identity: Identity;
  state: ReminderStateStore;
  /**
   * The current user's recipients still sendable today (MailApp.getRemainingDailyQuota). The quota is per user: it
   * is the sending account's only when that account is the one looking (else the last run's reading is shown).
   */
  quota?: () => number;
}

export interface PreviewInvoice {
  invoiceId: string;
  stage: number;
  stageLabel: string;
  dueDate: string;
  daysOverdue: number;
  outstanding: string;
}

export interface PreviewMessage {
  customerId: string;
  customerName: string;
  kind: 'upcoming' | 'overdue';
  stageLabel: string;
  to: string[];
  cc: string[];
  subject: string;
  total: string;
  invoices: PreviewInvoice[];
}

export interface PreviewSkip {
  customerId: string;
  customerName: string;
  invoiceId: string;
  stageLabel: string;
  reason: string;
  reasonText: string;
  /** Already in the reminder log from an earlier run. */
  logged: boolean;
}

export interface ReminderPreview {
  day: string;
  messages: PreviewMessage[];
  skips: PreviewSkip[];
  summary: string;
}

const TXT = {
  summary: msg('app/reminder-preview.TXT.summary'),
  on: msg('app/reminder-preview.TXT.on'),
  off: msg('app/reminder-preview.TXT.off'),
  last: msg('app/reminder-preview.TXT.last'),
  next: msg('app/reminder-preview.TXT.next'),
  count: msg('app/reminder-preview.TXT.count'),
  holiday: msg('app/reminder-preview.TXT.holiday'),
  partial: msg('app/reminder-preview.TXT.partial'),
  quotaLeft: msg('app/reminder-preview.TXT.quotaLeft'),
  quotaLeftAt: msg('app/reminder-preview.TXT.quotaLeftAt'),
  deferredQuota: msg('app/reminder-preview.TXT.deferredQuota'),
  deferredTime: msg('app/reminder-preview.TXT.deferredTime'),
  quotaReset: msg('app/reminder-preview.TXT.quotaReset'),
} as const;

/**
 * The plan as the run would make it now. `narrow`: from the columns the plan needs only (readPlannerLedger), for a
 * count; its messages carry no more than those fields.
 */
export function currentPlan(deps: PreviewDeps, config: ReminderConfig, narrow = false): ReminderPlan {
  const read = narrow ? readPlannerLedger : readReminderLedger;
  const { customers, invoices, log, duplicates } = read(deps.store, deps.clock.today());
  const history: ReminderLogEntry[] = [...log];
  for (const e of deps.state.journal())
    history.push(...rowsOfEntry(e, e.state === 'failed' ? 'failed' : e.state === 'sent' ? 'sent' : 'uncertain'));
  const sentStages = loadSendRecord(deps.state);
  return planReminders({ today: deps.clock.today(), config, customers, invoices, history, duplicates, sentStages });
}

export function previewReminders(deps: PreviewDeps): ReminderPreview {
  const config = parseReminderSettings(deps.store.settings());
  const lang: Lang = deps.identity.lang();
  const plan = currentPlan(deps, config);
  const names = new Map(deps.store.read('customers').rows.map((s) => [s.record.id, s.record.name]));
  const final = finalStage(config.stages);
  const messages = plan.messages.map(
    (m): PreviewMessage => ({
      customerId: m.customerId,
      customerName: m.customerName,
      kind: m.kind,
      stageLabel: stageLabel(lang, m.stage, m.isFinal),
      to: m.to,
      cc: m.cc,
      subject: renderReminder(m, config).subject,
      total: formatTotals(m.invoices),
      invoices: m.invoices.map((i) => ({
        invoiceId: i.invoiceId,
        stage: i.stage,
        stageLabel: stageLabel(lang, i.stage, i.stage === final),
        dueDate: i.dueDate,
        daysOverdue: i.daysOverdue,
        outstanding: displayMoney(i.outstanding, i.currency),
      })),
    }),
  );
  const skips = plan.skips.map(
    (s): PreviewSkip => ({
      customerId: s.customerId,
      customerName: names.get(s.customerId) ?? '',
      invoiceId: s.invoiceId,
      stageLabel: stageLabel(lang, s.stage, s.stage === final),
      reason: s.reason,
      reasonText: t(lang, SKIP_TEXT[s.reason]),
      logged: s.logged,
    }),
  );
  const summary = t(lang, TXT.summary, {
    day: plan.today,
    count: messages.length,
    customers: new Set(messages.map((m) => m.customerId)).size,
    skips: skips.length,
  });
  return { day: plan.today, messages, skips, summary };
}

export interface ReminderStatus extends ReminderStatusView {
  sender: string;
  lastRun: string;
  nextRun: string;
  todayCount: number;
}

/** On/off, the sending account, last and next run, and how many reminders today's run would (still) send. */
export function reminderStatus(deps: PreviewDeps): ReminderStatus {
  const config = parseReminderSettings(deps.store.settings());
  const lang = deps.identity.lang();
  const info = deps.state.enabled();
  const run = deps.state.loadState();
  const today = deps.clock.today();
  // PRODUCT.md §15: with the working-day calendar on, a holiday's run sends nothing (reminder-run.ts).
  const holiday = config.cnWorkdays === true && !cnCalendar().isWorkingDay(today);
  const resume = holiday ? nextWorkingDay(cnCalendar(), today) : '';
  // A workbook the run cannot read (a required column deleted…) is what the status must say, not hide.
  let todayCount = 0;
  let problem = '';
  try {
    todayCount = holiday ? 0 : currentPlan(deps, config, true).messages.length;
  } catch (e) {
    const text = userText(e, lang);
    if (text === null) throw e;
    problem = text;
  }
  const hh = `${String(config.hour).padStart(2, '0')}:00`;
  let nextRun = '';
  if (info && holiday) nextRun = `${resume} ${hh}`;
  else if (info) {
    const doneToday = run?.day === today && run.done;
    const hourNow = hourOf(deps.clock.nowStamp());
    if (doneToday) nextRun = `${addDays(today, 1)} ${hh}`;
    else if (hourNow < config.hour) nextRun = `${today} ${hh}`;
    else nextRun = `${today} ${String(Math.min(hourNow + 1, 23)).padStart(2, '0')}:00`;
  }
  const lastRun = run ? run.finishedAt || run.startedAt : '';
  const lines = [info ? t(lang, TXT.on, { by: info.by }) : t(lang, TXT.off)];
  if (lastRun) lines.push(t(lang, TXT.last, { at: lastRun }) + (run && !run.done ? t(lang, TXT.partial) : ''));
  if (nextRun) lines.push(t(lang, TXT.next, { at: nextRun }));
  if (holiday) lines.push(t(lang, TXT.holiday, { day: resume }));
  if (problem) lines.push(...failureLines(problem, deps.state.failure?.() ?? null, lang));
  else lines.push(t(lang, TXT.count, { n: groupDigits(todayCount) }));
  if (info) lines.push(...quotaLines(deps, info.by, run, lang));
  return { enabled: !!info, sender: info?.by ?? '', lastRun, nextRun, todayCount, lines };
}

/**
 * PRODUCT.md §13: the daily mail quota left, what waits for it and when it refills. The quota belongs to the sending
 * account and refills 24 h after its first use (gas-runtime-notes §10), so the refill time is the first send of the
 * add-on logged in the last 24 h plus a day; mail the account sent outside the add-on is not seen, hence "about".
 */
function quotaLines(deps: PreviewDeps, sender: string, run: RunState | null, lang: Lang): string[] {
  const lines: string[] = [];
  const me = deps.identity.user().trim().toLowerCase() === sender.trim().toLowerCase();
  const today = deps.clock.today();
  if (me && deps.quota) lines.push(t(lang, TXT.quotaLeft, { n: deps.quota() }));
  else if (run?.quotaLeft !== undefined) lines.push(t(lang, TXT.quotaLeftAt, { n: run.quotaLeft, at: run.finishedAt }));
  if (run?.day === today && run.deferred > 0)
    lines.push(t(lang, run.stoppedFor === 'time' ? TXT.deferredTime : TXT.deferredQuota, { n: run.deferred }));
  const now = deps.clock.nowStamp();
  const since = stampMinusDay(now);
  let first = '';
  try {
    for (const s of deps.store.read('reminders').rows) {
      const r = s.record;
      if (r.result === 'sent' && r.at > since && r.at <= now && (!first || r.at < first)) first = r.at;
    }
  } catch {
    // An unreadable log is already reported by the status's problem line.
  }
  if (first) lines.push(t(lang, TXT.quotaReset, { at: `${addDays(first.slice(0, 10), 1)}${first.slice(10, 16)}` }));
  return lines;
}

/** The same wall-clock time a day earlier ('yyyy-MM-dd HH:mm:ss'): stamps compare as text. */
function stampMinusDay(stamp: string): string {
  return `${addDays(stamp.slice(0, 10), -1)}${stamp.slice(10)}`;
}
