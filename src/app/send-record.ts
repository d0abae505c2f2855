// The durable send record: for every invoice ever reminded, the highest stage sent (or possibly sent). It lives in
// document properties, which editors of the spreadsheet cannot change, so it is the authority behind "each
// (invoice, stage) at most once, ever" (PRODUCT.md §5) even when users clear the reminder log and the invoices'
// last-stage columns. The plan treats every stage at or below the recorded one as done, so one number per invoice
// is all it needs.
//
// Encoding (compact, exact): one line per invoice, `<stage>\t<invoice id>`, lines joined by '\n', split into values
// of at most CHUNK_BYTES (the property limit is 9 KB per value) under numbered keys. An invoice id is kept verbatim
// (no hash, so never a collision that would silence a real reminder): about 4 bytes + the id per invoice, i.e.
// ~14 bytes for `INV-000123`. RECORD_BUDGET_BYTES (300 KB of the document's 500 KB) then holds ~20,000 reminded
// invoices. Beyond it, entries of invoices now settled or written off are dropped first (they are not reminded
// again unless a payment is deleted), then the oldest entries (first reminded); each drop is logged.
import { splitList } from '../domain/reminders/history';
import type { Invoice } from '../domain/records';

export const CHUNK_BYTES = 8000;
export const RECORD_BUDGET_BYTES = 300 * 1024;

/** invoice id → highest stage sent, in the order invoices were first recorded. */
export type SendRecord = Map<string, number>;

function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) n += c > 0x7ff && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Chunks (in key order) → the record. Lines that do not parse are ignored. */
export function decodeSendRecord(chunks: readonly string[]): SendRecord {
  const out: SendRecord = new Map();
  for (const chunk of chunks) {
    for (const line of chunk.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      const stage = Number(line.slice(0, tab));
      const id = line.slice(tab + 1);
      if (!id || !Number.isInteger(stage)) continue;
      const prev = out.get(id);
      if (prev === undefined || stage > prev) out.set(id, stage);
    }
  }
  return out;
}

/** The record → chunks of at most CHUNK_BYTES each (a line is never split). */
export function encodeSendRecord(record: SendRecord): string[] {
  const chunks: string[] = [];
  let lines: string[] = [];
  let bytes = 0;
  for (const [id, stage] of record) {
    // Ids are trimmed cell text; a tab or line break inside one would break the framing.
    const line = `${stage}\t${id.replace(/[\t\n\r]/g, ' ')}`;
    const size = utf8Bytes(line) + 1;
    if (lines.length && bytes + size > CHUNK_BYTES) {
      chunks.push(lines.join('\n'));
      lines = [];
      bytes = 0;
    }
    lines.push(line);
    bytes += size;
  }
  if (lines.length) chunks.push(lines.join('\n'));
  return chunks;
}

export function sendRecordBytes(record: SendRecord): number {
  let n = 0;
  for (const [id, stage] of record) n += utf8Bytes(id) + String(stage).length + 2;
  return n;
}

/** Raises each invoice's stage to the highest sent; returns whether anything changed. */
export function addToSendRecord(record: SendRecord, pairs: ReadonlyArray<readonly [string, number]>): boolean {
  let changed = false;
  for (const [id, stage] of pairs) {
    const prev = record.get(id);
    if (prev === undefined || stage > prev) {
      record.set(id, stage);
      changed = true;
    }
  }
  return changed;
}

/**
 * Keeps the record within its budget: drops invoices that are settled or written off in `invoices`, then the
 * oldest entries. Returns the ids dropped (the caller logs them).
 */
export function pruneSendRecord(
  record: SendRecord,
  invoices: ReadonlyArray<Pick<Invoice, 'id' | 'outstanding' | 'status'>>,
  budget = RECORD_BUDGET_BYTES,
): string[] {
  let bytes = sendRecordBytes(record);
  if (bytes <= budget) return [];
  const dropped: string[] = [];
  const drop = (id: string) => {
    const stage = record.get(id);
    if (stage === undefined) return;
    record.delete(id);
    bytes -= utf8Bytes(id) + String(stage).length + 2;
    dropped.push(id);
  };
  for (const i of invoices) {
    if (bytes <= budget) break;
    if (i.status === 'written-off' || i.outstanding <= 0) drop(i.id);
  }
  for (const id of [...record.keys()]) {
    if (bytes <= budget) break;
    drop(id);
  }
  return dropped;
}

/** (invoice, stage) pairs of a journal entry's parallel comma lists, as the log reads them. */
export function sentPairsOf(invoiceIds: string, stageText: string): Array<[string, number]> {
  const ids = splitList(invoiceIds);
  const stages = splitList(stageText).map(Number);
  const out: Array<[string, number]> = [];
  ids.forEach((id, i) => {
    const stage = stages.length === ids.length ? stages[i] : stages[stages.length - 1];
    if (Number.isInteger(stage)) out.push([id, stage]);
  });
  return out;
}
