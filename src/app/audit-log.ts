// The audit log as a use case: `recordAudit` is how every feature writes audit rows (it continues the hash chain
// from the log's last row), `verifyAudit` walks the chain and names the first row that was altered (PRODUCT.md §7).
import { type AuditDraftEntry, chainEntries, type ChainCheck, verifyChain } from '../domain/audit-chain';
import type { AuditEntry } from '../domain/records';
import type { LedgerStore } from './ports';

/** Appends entries in one write, each hash chained to the previous row. Returns the rows as written. */
export function recordAudit(store: LedgerStore, entries: ReadonlyArray<Partial<AuditDraftEntry>>): AuditEntry[] {
  if (!entries.length) return [];
  const prev = store.lastAuditHash ? store.lastAuditHash() : lastHash(store);
  const chained = chainEntries(prev, entries);
  store.append('audit', chained);
  return chained;
}

function lastHash(store: LedgerStore): string {
  const rows = store.read('audit').rows;
  return rows.length ? rows[rows.length - 1].record.hash : '';
}

/**
 * Checks the whole log. A row that no longer reads as an entry (e.g. its time was deleted) counts as altered too;
 * the earliest broken row is reported (1-based sheet row).
 */
export function verifyAudit(store: LedgerStore): ChainCheck {
  const table = store.read('audit');
  const chain = verifyChain(table.rows);
  const firstIssue = table.issues.reduce((m, i) => Math.min(m, i.row), Number.POSITIVE_INFINITY);
  const rows = table.rows.length + table.issues.length;
  if (!chain.ok && chain.row < firstIssue) return { ...chain, rows };
  if (Number.isFinite(firstIssue)) return { ok: false, row: firstIssue, rows };
  return { ...chain, rows };
}
