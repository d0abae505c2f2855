// The keyed, anchored audit chain (PRODUCT.md §7). The public chain of audit-chain.ts can be recomputed by anyone who
// edits the log, and it cannot tell a log that lost its last rows from an intact one. So new rows are hashed with
// HMAC-SHA256 under a secret kept in script properties (editors cannot read it), bound to their position in the chain,
// and the chain's length and head hash are kept in document properties (editors cannot write them) by every writer.
// Rows written before the key existed keep verifying with the public algorithm up to `legacyHead`, the hash the first
// keyed row chains to; the keyed rows follow.
import { AUDIT_FIELDS, type AuditDraftEntry, auditHash, auditText } from './audit-chain';
import type { AuditEntry } from './records';
import { hmacSha256Hex } from './sha256';

export interface AuditAnchor {
  /** Hash of the last row written with the public algorithm ('' when the log started keyed). */
  legacyHead: string;
  /** Keyed rows written so far, and the hash of the last one (legacyHead while none). */
  rows: number;
  head: string;
  /** How many rows the public part has, when known (a log opened by setup: its one setup row). */
  legacyRows?: number;
}

export type AuditProblem = 'altered' | 'missing' | 'inserted' | 'truncated';

export type SealCheck =
  | { ok: true; rows: number }
  | { ok: false; kind: AuditProblem; row: number; rows: number; count?: number; expected?: number };

/** The keyed hash of a row: position `seq` (1-based among keyed rows) and the previous row's hash are part of it. */
export function sealHash(key: string, prev: string, seq: number, e: Partial<AuditDraftEntry>): string {
  return hmacSha256Hex(key, [prev, String(seq), ...AUDIT_FIELDS.map((f) => auditText(e[f]))].join('\u001f'));
}

/** Normalizes and hashes new entries after the anchor; returns them and the anchor that now describes the log. */
export function sealEntries(
  key: string,
  anchor: AuditAnchor,
  drafts: ReadonlyArray<Partial<AuditDraftEntry>>,
): { entries: AuditEntry[]; anchor: AuditAnchor } {
  let prev = anchor.head;
  let seq = anchor.rows;
  const entries = drafts.map((d) => {
    const e = Object.fromEntries(AUDIT_FIELDS.map((f) => [f, auditText(d[f])])) as unknown as AuditDraftEntry;
    seq++;
    prev = sealHash(key, prev, seq, e);
    return { ...e, hash: prev };
  });
  return { entries, anchor: { ...anchor, rows: seq, head: prev } };
}

/** A log row in sheet order; `record` is null for a row that no longer reads as an entry. */
export interface LogRow {
  row: number;
  record: Partial<AuditEntry> | null;
}

const hashOf = (r: LogRow | undefined) => (r?.record?.hash ?? '').trim().toLowerCase();

/**
 * Verifies the log against its anchor and names the first problem: an altered row, rows missing before a row, a row
 * inserted by hand, or rows removed from the end. `total` is the number of rows the log shows.
 */
export function verifySealed(rows: readonly LogRow[], key: string, anchor: AuditAnchor): SealCheck {
  const total = rows.length;
  let i = 0;
  let prev = '';
  if (anchor.legacyHead) {
    const known = anchor.legacyRows;
    for (; i < rows.length && prev !== anchor.legacyHead && (known === undefined || i < known); i++) {
      const r = rows[i];
      const expected = r.record ? auditHash(prev, r.record) : '';
      if (!r.record || hashOf(r) !== expected) return { ok: false, kind: 'altered', row: r.row, rows: total };
      prev = expected;
    }
    // Public rows that chain but end elsewhere than the pinned head were rewritten (when their count is known) or
    // lost their last rows.
    if (prev !== anchor.legacyHead)
      return known !== undefined && i === known
        ? { ok: false, kind: 'altered', row: rows[0].row, rows: total }
        : truncated(rows, total, known === undefined ? undefined : known - i + anchor.rows);
  }
  prev = anchor.legacyHead;
  let seq = 1;
  for (; i < rows.length; i++, seq++) {
    const r = rows[i];
    if (r.record && hashOf(r) === sealHash(key, prev, seq, r.record)) {
      prev = hashOf(r);
      continue;
    }
    const next = rows[i + 1];
    if (next?.record && hashOf(next) === sealHash(key, prev, seq, next.record))
      return { ok: false, kind: 'inserted', row: r.row, rows: total };
    // The row after continues the chain from this row's hash: this row was altered (m = 0), or m rows before it
    // were removed (its successor then sits m positions further along the chain).
    for (let m = 1; next?.record && m <= Math.max(0, anchor.rows - seq); m++)
      if (hashOf(next) === sealHash(key, hashOf(r), seq + 1 + m, next.record))
        return { ok: false, kind: 'missing', row: r.row, rows: total, count: m };
    // The last row is the anchor's head but sits earlier in the chain than the anchor says: rows before it went.
    if (!next && hashOf(r) === anchor.head && anchor.rows > seq)
      return { ok: false, kind: 'missing', row: r.row, rows: total, count: anchor.rows - seq };
    return { ok: false, kind: 'altered', row: r.row, rows: total };
  }
  const keyed = seq - 1;
  if (keyed < anchor.rows) return truncated(rows, total, anchor.rows - keyed);
  if (keyed > anchor.rows || prev !== anchor.head) {
    const row = rows[Math.min(rows.length - 1, rows.length - (keyed - anchor.rows))]?.row ?? 2;
    return { ok: false, kind: keyed > anchor.rows ? 'inserted' : 'altered', row, rows: total };
  }
  return { ok: true, rows: total };
}

function truncated(rows: readonly LogRow[], total: number, count: number | undefined): SealCheck {
  const row = (rows[rows.length - 1]?.row ?? 1) + 1;
  return { ok: false, kind: 'truncated', row, rows: total, count };
}
