// One execution's sending session: checks the clock and the quota before every send, wraps each send in the
// durable journal (inflight BEFORE, sent/failed AFTER), and turns what cannot go now into deferred log rows.
// Reminders and digests go through the same path, so both are at-most-once under a kill at any call.
import type { ReminderLogEntry } from '../domain/records';
import type { Clock } from './ports';
import { detailOf, type LogBuffer } from './reminder-journal';
import type { JournalEntry, Mailer, OutgoingMail, ReminderStateStore } from './reminder-ports';

export interface SendDeps {
  clock: Clock;
  mailer: Mailer;
  state: ReminderStateStore;
  log?: (message: string) => void;
}

/** What is sent: the journal/log fields, its plan id (stable across executions) and the mail, built on demand. */
export interface Delivery {
  planId: string;
  fields: Pick<JournalEntry, 'customerId' | 'invoiceIds' | 'stage' | 'to' | 'cc' | 'superseded'>;
  recipients: number;
  mail: () => Omit<OutgoingMail, 'name' | 'replyTo'>;
}

export type DeliveryOutcome = 'sent' | 'failed' | 'deferred';

const QUOTA_ERROR = /too many times for one day|quota/i;

export class SendSession {
  /** Why sending stopped in this execution; everything after is deferred. */
  stop: '' | 'time' | 'quota' = '';
  /** Slowest observed service call; a send cycle is 4 calls (quota, journal, send, journal). */
  private perCall = 0;

  constructor(
    private readonly deps: SendDeps,
    private readonly buffer: LogBuffer,
    private readonly opts: {
      budgetMs: number;
      flushEvery: number;
      flushBytes?: number;
      attempt: string;
      name: string;
      replyTo: string;
    },
  ) {}

  /** The finishing work (one journal delete per pending entry, the log flush) must still fit before the limit. */
  private outOfTime(): boolean {
    return this.deps.clock.elapsedMs() + (this.buffer.pendingJournal() + 10) * this.perCall > this.opts.budgetMs;
  }

  deliver(d: Delivery): DeliveryOutcome {
    const { clock, mailer } = this.deps;
    const t0 = clock.elapsedMs();
    if (!this.stop && this.outOfTime()) this.stop = 'time';
    if (!this.stop && mailer.remainingQuota() < d.recipients) this.stop = 'quota';
    if (this.stop) return this.defer(d);
    const body = d.mail();
    const entry: JournalEntry = {
      ...d.fields,
      id: `${d.planId}~${this.opts.attempt}`,
      state: 'inflight',
      at: clock.nowStamp(),
      subject: body.subject.slice(0, 250),
    };
    const outcome = this.journaledSend(entry, { ...body, name: this.opts.name, replyTo: this.opts.replyTo });
    if (outcome === 'quota') {
      this.stop = 'quota';
      return this.defer(d);
    }
    this.perCall = Math.max(this.perCall, (clock.elapsedMs() - t0) / 4);
    this.buffer.settle(entry, outcome);
    if (
      this.buffer.pendingJournal() >= this.opts.flushEvery ||
      this.buffer.pendingJournalBytes() >= (this.opts.flushBytes ?? Number.POSITIVE_INFINITY)
    )
      this.buffer.flush();
    return outcome;
  }

  private defer(d: Delivery): 'deferred' {
    const row: ReminderLogEntry = {
      at: this.deps.clock.nowStamp(),
      customerId: d.fields.customerId,
      invoiceIds: d.fields.invoiceIds,
      stage: d.fields.stage,
      to: d.fields.to,
      cc: d.fields.cc,
      subject: '',
      result: `deferred:${this.stop}`,
      detail: detailOf(d.planId),
    };
    this.buffer.add(row);
    return 'deferred';
  }

  /** inflight BEFORE the send, sent/failed AFTER: a kill in between leaves an inflight marker (→ uncertain). */
  private journaledSend(entry: JournalEntry, mail: OutgoingMail): 'sent' | 'failed' | 'quota' {
    const { state, mailer } = this.deps;
    state.putJournal(entry);
    try {
      mailer.send(mail);
    } catch (e) {
      // Service errors may come from another realm: read the message, never test instanceof Error.
      const message = String((e as { message?: unknown } | null)?.message ?? e);
      if (QUOTA_ERROR.test(message)) {
        state.removeJournal([entry.id]);
        return 'quota';
      }
      entry.state = 'failed';
      entry.error = message.slice(0, 300);
      state.putJournal(entry);
      this.deps.log?.(`Reminders: sending ${entry.id} failed: ${message}`);
      return 'failed';
    }
    entry.state = 'sent';
    state.putJournal(entry);
    return 'sent';
  }
}
