// The reminder log as the durable record of every decision, and the buffer that writes it in batches. Sent
// reminders first go to the journal (document properties, one small write per send); the buffer turns journal
// entries into log rows and invoice stamps with one append and one update per flush, then clears the journal.
// Recovery after a killed run replays the same path, deduplicating by the send id kept in the log's detail.
import type { Lang } from '../domain/i18n';
import { logResultText, logStageText } from '../domain/reminders/log-text';
import type { Invoice, ReminderLogEntry } from '../domain/records';
import { splitList } from '../domain/reminders/history';
import type { LedgerStore, Stored } from './ports';
import type { JournalEntry, ReminderStateStore } from './reminder-ports';
import {
  addToSendRecord,
  decodeSendRecord,
  encodeSendRecord,
  pruneSendRecord,
  type SendRecord,
  sentPairsOf,
} from './send-record';

/** The send record as the state store holds it (empty when the store keeps none). */
export function loadSendRecord(state: ReminderStateStore): SendRecord {
  return decodeSendRecord(state.sendRecord?.() ?? []);
}

const ID_IN_DETAIL = /(?:^|;\s*)id=([^;\s]+)/;

export function sendIdOf(detail: string): string {
  return ID_IN_DETAIL.exec(String(detail ?? ''))?.[1] ?? '';
}

export function detailOf(id: string, extra = ''): string {
  return extra ? `id=${id}; ${extra}` : `id=${id}`;
}

/** Log rows for a finished journal entry: the send itself, then its superseded stages. */
export function rowsOfEntry(e: JournalEntry, result: 'sent' | 'uncertain' | 'failed'): ReminderLogEntry[] {
  const main: ReminderLogEntry = {
    at: e.at,
    customerId: e.customerId,
    invoiceIds: e.invoiceIds,
    stage: e.stage,
    to: e.to,
    cc: e.cc,
    subject: e.subject,
    result,
    detail: detailOf(e.id, e.error ?? ''),
  };
  if (result === 'failed') return [main];
  const sup = e.superseded.map(
    ([invoiceId, stages]): ReminderLogEntry => ({
      at: e.at,
      customerId: e.customerId,
      invoiceIds: invoiceId,
      stage: stages,
      to: '',
      cc: '',
      subject: '',
      result: 'skipped:superseded',
      detail: detailOf(e.id),
    }),
  );
  return [main, ...sup];
}

/** Property key prefix and JSON framing per journal entry, on top of the entry's own text. */
const KEY_OVERHEAD = 40;

function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

/**
 * Collects log rows and invoice stamps and writes them in batches. `known` holds the send ids already in the log
 * so a replayed journal entry is never logged twice.
 */
export class LogBuffer {
  private rows: ReminderLogEntry[] = [];
  private stamps = new Map<number, { lastReminderStage: string; lastReminderAt: string }>();
  private journalIds: string[] = [];
  private journalBytes = 0;
  /** (invoice, stage) pairs sent or possibly sent since the last flush, for the durable send record. */
  private sentPairs: Array<[string, number]> = [];
  private record?: SendRecord;
  readonly known: Set<string>;
  private readonly invoiceRow: Map<string, Stored<Invoice>>;
  /** Every row logged by this execution (also fed back into planning as history). */
  readonly written: ReminderLogEntry[] = [];
  /** When set, rows are written with their stage and result in words beside the codes (issue #16). */
  display?: { lang: Lang; finalStage: number | null };

  constructor(
    private readonly store: LedgerStore,
    private readonly state: ReminderStateStore,
    logRows: ReadonlyArray<ReminderLogEntry>,
    invoices: ReadonlyArray<Stored<Invoice>>,
    private readonly log?: (message: string) => void,
  ) {
    this.known = new Set(logRows.map((r) => sendIdOf(r.detail)).filter(Boolean));
    this.invoiceRow = new Map(invoices.map((s) => [s.record.id, s]));
  }

  /** A plain row (skip, deferral): not journaled, re-derived by the next plan if lost. */
  add(row: ReminderLogEntry): void {
    this.rows.push(row);
  }

  /** A journal entry reaching its end state; the entry leaves the journal after the next flush. */
  settle(e: JournalEntry, result: 'sent' | 'uncertain' | 'failed'): void {
    this.journalIds.push(e.id);
    this.journalBytes += utf8Bytes(JSON.stringify(e)) + e.id.length + KEY_OVERHEAD;
    if (result === 'failed') {
      if (!this.known.has(e.id)) this.rows.push(...rowsOfEntry(e, result));
      this.known.add(e.id);
      return;
    }
    if (!this.known.has(e.id)) this.rows.push(...rowsOfEntry(e, result));
    this.known.add(e.id);
    this.sentPairs.push(...sentPairsOf(e.invoiceIds, e.stage));
    const ids = splitList(e.invoiceIds);
    const stages = splitList(e.stage);
    ids.forEach((id, i) => {
      const inv = this.invoiceRow.get(id);
      if (!inv) return;
      const stage = stages.length === ids.length ? stages[i] : stages[stages.length - 1];
      const prev = this.stamps.get(inv.row)?.lastReminderStage ?? inv.record.lastReminderStage;
      const next = Number(prev) > Number(stage) && String(prev).trim() !== '' ? String(prev) : stage;
      this.stamps.set(inv.row, { lastReminderStage: next, lastReminderAt: e.at });
    });
  }

  /** Entries waiting in the journal (document properties): what the batch size limits. */
  pendingJournal(): number {
    return this.journalIds.length;
  }

  /** Approximate UTF-8 size of those entries in the property store (500 KB for the whole document). */
  pendingJournalBytes(): number {
    return this.journalBytes;
  }

  pending(): number {
    return this.rows.length + this.journalIds.length;
  }

  /** The durable send record (document properties), read once per execution. */
  sendRecord(): SendRecord {
    if (!this.record) this.record = loadSendRecord(this.state);
    return this.record;
  }

  /**
   * One append, one invoice update, the send record, then the journal entries are dropped (in that order:
   * crash-safe — a kill before the drop replays the entries, and replaying them changes nothing).
   */
  flush(): void {
    if (this.rows.length) {
      const d = this.display;
      // A day's rows share a handful of stages and results: each text is made once (thousands of skips on a large day).
      const texts = new Map<string, string>();
      const once = (key: string, make: () => string) => {
        let v = texts.get(key);
        if (v === undefined) {
          v = make();
          texts.set(key, v);
        }
        return v;
      };
      const out = d
        ? this.rows.map((r) => ({
            ...r,
            stageText: r.stageText ?? once(`s:${r.stage}`, () => logStageText(d.lang, r.stage, d.finalStage)),
            resultText: r.resultText ?? once(`r:${r.result}`, () => logResultText(d.lang, r.result)),
          }))
        : this.rows;
      this.store.append('reminders', out);
      this.written.push(...this.rows);
      this.rows = [];
    }
    if (this.stamps.size) {
      const changes = [...this.stamps.entries()].map(([row, record]) => ({ row, record }));
      this.store.update('invoices', changes, ['lastReminderStage', 'lastReminderAt']);
      this.stamps.clear();
    }
    // Updates the run held back (its refresh and rescore) go out now, the stamps beside the derived columns in one
    // write; in any case before the journal entries are dropped below.
    this.store.commit?.();
    if (this.sentPairs.length && this.state.saveSendRecord) {
      const record = this.sendRecord();
      if (addToSendRecord(record, this.sentPairs)) {
        const invoices = [...this.invoiceRow.values()].map((s) => s.record);
        const dropped = pruneSendRecord(record, invoices);
        if (dropped.length) this.log?.(`Reminders: send record over budget; forgot ${dropped.length} invoice(s).`);
        this.state.saveSendRecord(encodeSendRecord(record));
      }
      this.sentPairs = [];
    }
    if (this.journalIds.length) {
      this.state.removeJournal(this.journalIds);
      this.journalIds = [];
      this.journalBytes = 0;
    }
  }
}

/**
 * Settles what a killed run left in the journal: confirmed sends are logged `sent`, unconfirmed ones `uncertain`
 * (never re-sent: a mailer is not transactional, at-most-once is the rule), failures `failed`.
 */
export function recoverJournal(
  state: ReminderStateStore,
  buffer: LogBuffer,
): { sent: number; uncertain: number; failed: number } {
  const counts = { sent: 0, uncertain: 0, failed: 0 };
  for (const e of state.journal()) {
    const result = e.state === 'sent' ? 'sent' : e.state === 'failed' ? 'failed' : 'uncertain';
    counts[result]++;
    buffer.settle(e, result);
  }
  return counts;
}
