// The tamper-evident audit log (PRODUCT.md §7). Editors who can append to the log can also edit it, so each row
// carries hash = sha256(previous row's hash + this row's fields): changing, inserting or deleting a row breaks the
// chain from that row on, and verification names the first row that no longer matches. This public chain is what
// logs written before the key used; new rows are keyed and anchored (audit-seal.ts).
import type { AuditEntry } from './records';
import { MAX_TEXT } from './schema';
import { sha256Hex } from './sha256';

export type AuditDraftEntry = Omit<AuditEntry, 'hash'>;

export const AUDIT_FIELDS = [
  'at',
  'user',
  'action',
  'sheet',
  'recordId',
  'field',
  'oldValue',
  'newValue',
  'source',
] as const satisfies ReadonlyArray<keyof AuditDraftEntry>;

/** How a field is stored and hashed: text, ends trimmed (Sheets may trim), capped at the cell limit. */
export function auditText(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v).trim();
  return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
}

/** The hash of a row given the previous row's hash ('' for the first row). Unit separators keep fields apart. */
export function auditHash(prevHash: string, e: Partial<AuditDraftEntry>): string {
  return sha256Hex([prevHash, ...AUDIT_FIELDS.map((f) => auditText(e[f]))].join('\u001f'));
}

/** Normalizes and hashes new entries, continuing the chain after `prevHash`. */
export function chainEntries(prevHash: string, drafts: ReadonlyArray<Partial<AuditDraftEntry>>): AuditEntry[] {
  let prev = prevHash;
  return drafts.map((d) => {
    const e = Object.fromEntries(AUDIT_FIELDS.map((f) => [f, auditText(d[f])])) as unknown as AuditDraftEntry;
    prev = auditHash(prev, e);
    return { ...e, hash: prev };
  });
}

export type ChainCheck = { ok: true; rows: number } | { ok: false; row: number; rows: number };

/** Walks the log in sheet order; `row` is the 1-based sheet row of the first entry whose hash does not match. */
export function verifyChain(rows: ReadonlyArray<{ row: number; record: Partial<AuditEntry> }>): ChainCheck {
  let prev = '';
  for (const r of rows) {
    const expected = auditHash(prev, r.record);
    if ((r.record.hash ?? '').trim().toLowerCase() !== expected) return { ok: false, row: r.row, rows: rows.length };
    prev = expected;
  }
  return { ok: true, rows: rows.length };
}
