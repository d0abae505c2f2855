// What the reminder log already says about each invoice. The log is the durable memory behind "each (invoice,
// stage) at most once, ever": a stage that was sent, possibly sent (uncertain) or superseded is never planned again.
import { type IsoDay, isIsoDay } from '../day';
import type { ReminderLogEntry } from '../records';

export interface InvoiceHistory {
  /** Stages that must never be sent again (sent, uncertain, superseded, or at/below the invoice's last stage). */
  readonly done: Set<number>;
  /** `${stage}|${reason}` of skips already logged, so a skip is logged once, not every day. */
  readonly skips: Set<string>;
  /** Stages logged as deferred (quota or time) and not sent since: they go first next run. */
  readonly deferred: Set<number>;
  /** Reason of the last skip logged for the invoice, '' after a send: a skip is logged again only when it changes. */
  lastSkip: string;
  /** The highest stage sent (or possibly sent) and its day, from the log's time stamps: paces catch-up. */
  lastSent: { stage: number; day: IsoDay } | null;
}

export type ResultKind = 'done' | 'skip' | 'deferred' | 'other';

/** How a log `result` counts. `failed` and `dry-run` count as nothing: a failed send is retried next run. */
export function classifyResult(result: string): { kind: ResultKind; reason: string } {
  const r = result.trim();
  if (r === 'sent' || r === 'uncertain' || r === 'skipped:superseded') return { kind: 'done', reason: r };
  if (r.startsWith('skipped:')) return { kind: 'skip', reason: r.slice('skipped:'.length) };
  if (r.startsWith('deferred:')) return { kind: 'deferred', reason: r.slice('deferred:'.length) };
  return { kind: 'other', reason: r };
}

/**
 * The (invoice, stage) pairs a log row speaks about. `invoiceIds` and `stage` are comma lists: equal lengths pair
 * up; otherwise every id goes with every stage (one invoice with several superseded stages, or several invoices
 * at one stage).
 */
export function pairsOf(entry: Pick<ReminderLogEntry, 'invoiceIds' | 'stage'>): Array<[string, number]> {
  const idText = String(entry.invoiceIds ?? '');
  const stageText = String(entry.stage ?? '');
  if (!idText.includes(',') && !stageText.includes(',')) {
    const id = idText.trim();
    const stage = Number(stageText.trim());
    return id && stageText.trim() !== '' && Number.isInteger(stage) ? [[id, stage]] : [];
  }
  const ids = splitList(entry.invoiceIds);
  const stages = splitList(entry.stage)
    .map(Number)
    .filter((n) => Number.isInteger(n));
  if (!ids.length || !stages.length) return [];
  if (ids.length === stages.length) return ids.map((id, i) => [id, stages[i]]);
  const out: Array<[string, number]> = [];
  for (const id of ids) for (const s of stages) out.push([id, s]);
  return out;
}

export function splitList(text: string): string[] {
  return String(text ?? '')
    .split(/\s*,\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Indexes the log by invoice id. `lastStages` (invoice id → lastReminderStage text) also marks stages done. */
export function indexHistory(
  entries: ReadonlyArray<Pick<ReminderLogEntry, 'invoiceIds' | 'stage' | 'result'> & { at?: string }>,
  lastStages: ReadonlyMap<string, string> = new Map(),
): Map<string, InvoiceHistory> {
  const map = new Map<string, InvoiceHistory>();
  const get = (id: string) => {
    let h = map.get(id);
    if (!h) {
      h = { done: new Set(), skips: new Set(), deferred: new Set(), lastSkip: '', lastSent: null };
      map.set(id, h);
    }
    return h;
  };
  for (const e of entries) {
    const { kind, reason } = classifyResult(e.result);
    if (kind === 'other') continue;
    const day = String(e.at ?? '').slice(0, 10);
    for (const [id, stage] of pairsOf(e)) {
      const h = get(id);
      if (kind === 'done') {
        h.done.add(stage);
        if (reason !== 'skipped:superseded') {
          h.lastSkip = '';
          if (isIsoDay(day) && (!h.lastSent || stage >= h.lastSent.stage)) h.lastSent = { stage, day };
        }
      } else if (kind === 'skip') {
        h.skips.add(`${stage}|${reason}`);
        h.lastSkip = reason;
      } else h.deferred.add(stage);
    }
  }
  for (const [id, text] of lastStages) {
    const t = String(text ?? '').trim();
    if (t === '') continue;
    const n = Number(t);
    if (Number.isInteger(n)) get(id).done.add(n);
  }
  return map;
}

/** The highest stage already done for an invoice, or -Infinity. Stages at or below it are never sent. */
export function highestDone(h: InvoiceHistory | undefined): number {
  let max = Number.NEGATIVE_INFINITY;
  if (h) for (const s of h.done) if (s > max) max = s;
  return max;
}
