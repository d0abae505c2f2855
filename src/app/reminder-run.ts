// The reminder run: once a day at or after the configured hour (or on demand), under the document lock. It settles
// what a killed run left behind, reads the ledger once, plans, and sends with a durable journal around every send,
// checking the mail quota before each send and the clock against the 6-minute limit. What it cannot send now is
// logged as deferred and goes first next time; a run stopped by the clock is resumed by the next hourly firing.
import { cnCalendar } from '../domain/calendar/cn-workdays';
import { addDays, type IsoDay } from '../domain/day';
import type { Invoice, ReminderLogEntry } from '../domain/records';
import { t } from '../domain/i18n';
import { SKIP_TEXT } from '../domain/reminders/catalog';
import { buildDigests, type DigestInput, type GradeDrop } from '../domain/reminders/digest';
import { type PlannedMessage, planReminders } from '../domain/reminders/plan';
import { renderReminder } from '../domain/reminders/render';
import { finalStage } from '../domain/reminders/stages';
import { isEmail, parseReminderSettings, type ReminderConfig } from '../domain/reminders/settings';
import type { Clock, LedgerStore } from './ports';
import type { RefreshedRows } from './refresh-ledger';
import { sendMonthlyStatements } from './monthly-statements';
import { LogBuffer, recoverJournal, sendIdOf } from './reminder-journal';
import { readReminderLedger } from './reminder-ledger';
import type { Mailer, ReminderStateStore, RunLock, RunState } from './reminder-ports';
import { SendSession } from './reminder-send';

export interface RunDeps {
  store: LedgerStore;
  clock: Clock;
  mailer: Mailer;
  lock: RunLock;
  state: ReminderStateStore;
  /**
   * Recomputes the derived ledger columns before the run reads them (the workbook's refresh); the rows it hands back
   * (when it does) are the ledger the run works on, instead of a second parse of the sheets just written.
   */
  refresh?: () => RefreshedRows | undefined;
  /**
   * Rescores every customer as of today after the refresh and before planning (PRODUCT §14), so segments, the
   * stages they choose and grade-drop alerts are current without anyone running *Rescore*. The seam: it reuses the
   * rows this execution already read (the store caches them) and writes the score columns in one batch; returns
   * true when it wrote, so the run re-reads the customers it plans with.
   */
  rescore?: () => boolean;
  /** Grade drops since a day (the scoring feature's record of grade changes). */
  gradeDrops?: (since: IsoDay, minSteps: number) => GradeDrop[];
  log?: (message: string) => void;
  /** Stop sending after this much execution time (Apps Script kills at 6 minutes). */
  timeBudgetMs?: number;
  /** Journal entries written to the log sheet per batch. */
  flushEvery?: number;
  lockWaitMs?: number;
  /** Hands the day's digest data to the chat alerts (PRODUCT.md §15, src/handlers/chat-alerts.ts). */
  onDigest?: (input: Omit<DigestInput, 'summary'>) => void;
}

export type RunStatus = 'done' | 'partial' | 'locked' | 'not-yet' | 'already-done' | 'waiting-quota' | 'holiday';

export interface RunResult {
  status: RunStatus;
  day: IsoDay;
  sent: number;
  failed: number;
  skipped: number;
  deferredQuota: number;
  deferredTime: number;
  recovered: { sent: number; uncertain: number; failed: number };
  digests: number;
}

export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * The log is written once at the end of a run, and earlier only when the journal (document properties, 500 KB for
 * the whole document) holds this many entries or JOURNAL_FLUSH_BYTES: the spreadsheet side stays a constant number
 * of calls however many rows the ledger has (a day's sends are capped by the mail quota, 1,500 at most).
 */
export const FLUSH_EVERY = 2000;
export const JOURNAL_FLUSH_BYTES = 200 * 1024;

export function runReminders(deps: RunDeps, mode: 'daily' | 'now'): RunResult {
  const { clock, lock, state } = deps;
  const today = clock.today();
  const result: RunResult = {
    status: 'done',
    day: today,
    sent: 0,
    failed: 0,
    skipped: 0,
    deferredQuota: 0,
    deferredTime: 0,
    recovered: { sent: 0, uncertain: 0, failed: 0 },
    digests: 0,
  };
  if (!lock.tryAcquire(deps.lockWaitMs ?? 5000)) {
    deps.log?.('Reminders: another run holds the document lock; this run exits without sending.');
    return { ...result, status: 'locked' };
  }
  try {
    const config = parseReminderSettings(deps.store.settings());
    const prev = state.loadState();
    // A staff digest that failed is sent again by the next firing (customer reminders wait for the next day's run).
    const retry = prev?.day === today && prev.done && !prev.digestRetried ? (prev.digestRetry ?? []) : [];
    if (mode === 'daily') {
      if (prev?.day === today && prev.done && !retry.length) return { ...result, status: 'already-done' };
      if (hourOf(clock.nowStamp()) < config.hour) return { ...result, status: 'not-yet' };
      // China working-day calendar (PRODUCT.md §15): a holiday sends nothing; the next working day's plan picks up
      // the stages that fell due meanwhile (highest stage only, as after any missed run).
      if (config.cnWorkdays && !cnCalendar().isWorkingDay(today)) return { ...result, status: 'holiday' };
      // The quota refills 24 h after its first use, not at midnight: an hourly firing with nothing to send with
      // exits before reading the ledger.
      if (prev?.day === today && prev.stoppedFor === 'quota' && deps.mailer.remainingQuota() <= 0)
        return { ...result, status: 'waiting-quota' };
    }
    const run: RunState =
      prev?.day === today
        ? { ...prev, done: false, stoppedFor: '', executions: prev.executions + 1 }
        : {
            day: today,
            done: false,
            startedAt: clock.nowStamp(),
            finishedAt: '',
            stoppedFor: '',
            sent: 0,
            failed: 0,
            skipped: 0,
            deferred: 0,
            uncertain: 0,
            executions: 1,
          };
    const digestsOnly = mode === 'daily' && retry.length ? new Set(retry) : null;
    if (digestsOnly) run.digestRetried = true;
    else if (prev?.day !== today || !prev.done) run.digestRetried = false;
    state.saveState(run);
    sendAll(deps, config, run, result, digestsOnly);
    run.finishedAt = clock.nowStamp();
    // Stopped by the clock or the quota: later hourly firings today continue (deferred ones first).
    run.done = run.stoppedFor === '';
    state.saveState(run);
    result.status = run.done ? 'done' : 'partial';
    return result;
  } finally {
    lock.release();
  }
}

/** `digestsOnly`: a retry of failed staff digests; customer reminders are neither planned nor logged again. */
function sendAll(
  deps: RunDeps,
  config: ReminderConfig,
  run: RunState,
  result: RunResult,
  digestsOnly: ReadonlySet<string> | null = null,
): void {
  const { store } = deps;
  // The refresh's and the rescore's updates wait for the log's first flush: the invoices' derived columns go out
  // with the reminder stamps beside them, the customers' with their scores (one write per sheet, not two).
  store.hold?.(['invoices', 'customers']);
  try {
    sendHeld(deps, config, run, result, digestsOnly);
  } catch (e) {
    // Failing: what was held is still written (as it would have been without holding), unless writing fails too.
    try {
      store.commit?.();
    } catch (_ignored) {
      store.commit?.(false);
    }
    throw e;
  }
}

function sendHeld(
  deps: RunDeps,
  config: ReminderConfig,
  run: RunState,
  result: RunResult,
  digestsOnly: ReadonlySet<string> | null,
): void {
  const { store, clock, state } = deps;
  const today = run.day;
  let refreshed = deps.refresh?.();
  // The daily rescore (PRODUCT §14) rewrote scores and segments: the plan reads the customers as they are now. The
  // sheet store answers this from the snapshot refresh already took (updated in place): parsing, no service call.
  // (Built field by field: a spread would build the refresh's own customer copies, which are not needed any more.)
  if (deps.rescore?.() && refreshed)
    refreshed = {
      asOf: refreshed.asOf,
      invoices: refreshed.invoices,
      duplicates: refreshed.duplicates,
      customers: [...store.read('customers').rows],
    };
  const { customers, invoiceRows, invoices, log: logRows, duplicates } = readReminderLedger(store, today, refreshed);
  const buffer = new LogBuffer(store, state, logRows, invoiceRows, deps.log);
  buffer.display = { lang: config.digestLang, finalStage: finalStage(config.stages) };
  result.recovered = recoverJournal(state, buffer);
  run.uncertain += result.recovered.uncertain;
  if (buffer.pending()) buffer.flush();

  const plan = planReminders({
    today,
    config,
    customers,
    invoices,
    history: [...logRows, ...buffer.written],
    duplicates,
    sentStages: buffer.sendRecord(),
  });
  // The rows this run is about to log, made room for at once: the buffer writes them in several batches on a large
  // day, and each batch would otherwise grow the log sheet itself (a call per batch).
  if (!digestsOnly) {
    let expected = plan.skips.filter((s) => !s.logged).length;
    for (const m of plan.messages) expected += 1 + m.invoices.filter((i) => i.superseded.length).length;
    // Two rows or fewer go by appendRow, which needs no room made (and no getMaxRows).
    if (expected > 2) store.reserve?.('reminders', expected);
  }
  for (const s of digestsOnly ? [] : plan.skips) {
    if (s.logged) continue;
    const at = clock.nowStamp();
    buffer.add({
      at,
      customerId: s.customerId,
      invoiceIds: s.invoiceId,
      stage: String(s.stage),
      to: '',
      cc: '',
      subject: '',
      result: `skipped:${s.reason}`,
      // The reason as people read it, in the workbook's language (the result column keeps the stable code).
      detail: t(config.digestLang, SKIP_TEXT[s.reason]),
    });
    result.skipped++;
  }
  const session = new SendSession(deps, buffer, {
    budgetMs: deps.timeBudgetMs ?? TIME_BUDGET_MS,
    flushEvery: deps.flushEvery ?? FLUSH_EVERY,
    flushBytes: JOURNAL_FLUSH_BYTES,
    attempt: String(run.executions),
    name: config.senderName || config.companyName,
    replyTo: config.replyTo,
  });
  const sentStages = new Map<string, string>();
  for (const msg of digestsOnly ? [] : plan.messages) {
    const outcome = session.deliver({
      planId: msg.id,
      fields: {
        customerId: msg.customerId,
        invoiceIds: msg.invoices.map((i) => i.invoiceId).join(', '),
        stage: stageList(msg),
        to: msg.to.join(', '),
        cc: msg.cc.join(', '),
        superseded: msg.invoices.filter((i) => i.superseded.length).map((i) => [i.invoiceId, i.superseded.join(',')]),
      },
      recipients: msg.to.length + msg.cc.length,
      mail: () => ({ to: msg.to, cc: msg.cc, ...renderReminder(msg, config) }),
    });
    if (outcome === 'sent') {
      result.sent++;
      for (const i of msg.invoices) sentStages.set(i.invoiceId, String(i.stage));
    } else if (outcome === 'failed') result.failed++;
    else if (session.stop === 'time') result.deferredTime++;
    else result.deferredQuota++;
  }
  if (!digestsOnly) {
    // Monthly statements go after the day's reminders, through the same session: same quota, journal and log.
    const letters = sendMonthlyStatements({
      store,
      config,
      today,
      customers,
      history: [...logRows, ...buffer.written],
      state,
      session,
    });
    result.sent += letters.sent;
    result.failed += letters.failed;
    if (session.stop === 'time') result.deferredTime += letters.deferred;
    else result.deferredQuota += letters.deferred;
  }

  if (session.stop !== 'time') {
    const stamped = invoices.map(
      (i): Invoice => (sentStages.has(i.id) ? { ...i, lastReminderStage: sentStages.get(i.id)! } : i),
    );
    // The audit log is read only when some digest can go out at all.
    const anyDigest = config.financeRecipients.length > 0 || customers.some((c) => isEmail(c.manager.trim()));
    const drops =
      deps.gradeDrops && (anyDigest || deps.onDigest)
        ? deps.gradeDrops(addDays(today, -1), config.anomalyGradeDrop)
        : [];
    deps.onDigest?.({ today, config, customers, invoices: stamped, gradeDrops: drops });
    const summary = {
      sent: run.sent + result.sent,
      skipped: run.skipped + result.skipped,
      deferred: result.deferredQuota,
    };
    const done = digestsDone([...logRows, ...buffer.written]);
    const failedDigests: string[] = [];
    for (const d of buildDigests({ today, config, customers, invoices: stamped, gradeDrops: drops, summary })) {
      if (done.has(d.id) || (digestsOnly && !digestsOnly.has(d.id))) continue;
      const outcome = session.deliver({
        planId: d.id,
        fields: { customerId: '', invoiceIds: '', stage: 'digest', to: d.to.join(', '), cc: '', superseded: [] },
        recipients: d.to.length,
        mail: () => ({ to: d.to, cc: [], subject: d.subject, text: d.text, html: d.html }),
      });
      if (outcome === 'sent') result.digests++;
      else if (outcome === 'failed') failedDigests.push(d.id);
    }
    run.digestRetry = run.digestRetried ? [] : failedDigests;
  }
  buffer.flush();
  run.sent += result.sent;
  run.failed += result.failed;
  run.skipped += result.skipped;
  run.deferred = result.deferredQuota + result.deferredTime;
  run.stoppedFor = session.stop;
  // The sidebar shows it to users other than the sender, whose own quota is not the sending account's.
  run.quotaLeft = deps.mailer.remainingQuota();
}

/** One stage when all invoices share it, else a list parallel to the invoice ids. */
function stageList(msg: PlannedMessage): string {
  const s = msg.invoices.map((i) => String(i.stage));
  return new Set(s).size === 1 ? s[0] : s.join(', ');
}

/** Hour from a 'yyyy-MM-dd HH:mm:ss' stamp in the spreadsheet's time zone. */
export function hourOf(stamp: string): number {
  const m = /\d{4}-\d{2}-\d{2}[ T](\d{2}):/.exec(stamp);
  return m ? Number(m[1]) : 0;
}

/** Send ids (before the attempt suffix) of digests already sent or possibly sent. */
function digestsDone(rows: ReadonlyArray<ReminderLogEntry>): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    if (r.stage !== 'digest' || (r.result !== 'sent' && r.result !== 'uncertain')) continue;
    out.add(sendIdOf(r.detail).replace(/~[^~]*$/, ''));
  }
  return out;
}
