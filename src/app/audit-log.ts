// The audit log as a use case: `recordAudit` is how every feature writes audit rows (hashed into the workbook's
// keyed, anchored chain when the store keeps one, else the public chain from the log's last row), `verifyAudit`
// walks the chain and names the first altered, missing or inserted row, or rows removed from the end (PRODUCT.md §7).
import { type AuditDraftEntry, chainEntries, type ChainCheck, verifyChain } from '../domain/audit-chain';
import { type LogRow, type SealCheck, verifySealed } from '../domain/audit-seal';
import { type AuditRaw, readableAudit } from '../domain/audit-text';
import { WORKBOOK_KEYS } from '../domain/settings';
import type { AuditEntry } from '../domain/records';
import type { LedgerStore } from './ports';

/**
 * Appends entries in one write, each hash chained to the previous row. Returns the rows as written. Entries with
 * raw values are written as people read them, in the workbook's language (issue #16): the hash covers that text.
 */
export function recordAudit(
  store: LedgerStore,
  drafts: ReadonlyArray<Partial<AuditDraftEntry> & { raw?: AuditRaw }>,
): AuditEntry[] {
  if (!drafts.length) return [];
  const lang = store.workbookLang?.();
  let currency = '';
  const entries: Array<Partial<AuditDraftEntry>> = drafts.map((d) => {
    if (!d.raw) return d;
    if (!lang) {
      const { raw: _, ...plain } = d;
      return plain;
    }
    // The workbook's default currency only when a money value without its own currency is shown: reading
    // Settings costs a whole sheet.
    const fallback = () => {
      if (!currency) currency = String(store.settings()[WORKBOOK_KEYS.currency] || 'CNY').toUpperCase();
      return currency;
    };
    return readableAudit(d, lang, fallback);
  });
  if (store.appendAudit) return store.appendAudit(entries);
  const prev = store.lastAuditHash ? store.lastAuditHash() : lastHash(store);
  const chained = chainEntries(prev, entries);
  store.append('audit', chained);
  return chained;
}

function lastHash(store: LedgerStore): string {
  const rows = store.read('audit').rows;
  return rows.length ? rows[rows.length - 1].record.hash : '';
}

export type AuditCheck = ChainCheck | SealCheck;

/**
 * Checks the whole log. A row that no longer reads as an entry (e.g. its time was deleted) counts as altered too.
 * With the workbook's anchor the keyed chain is checked (domain/audit-seal.ts); a log that was never anchored (no
 * row written since the key existed) is checked with the public chain, as before.
 */
export function verifyAudit(store: LedgerStore): AuditCheck {
  const table = store.read('audit');
  const seal = store.auditSeal?.();
  if (seal?.anchor) {
    const rows: LogRow[] = [
      ...table.rows.map((r) => ({ row: r.row, record: r.record as Partial<AuditEntry> | null })),
      ...table.issues.map((i) => ({ row: i.row, record: null })),
    ].sort((a, b) => a.row - b.row);
    const seen = new Set<number>();
    return verifySealed(
      rows.filter((r) => !seen.has(r.row) && seen.add(r.row)),
      seal.key,
      seal.anchor,
    );
  }
  const chain = verifyChain(table.rows);
  const firstIssue = table.issues.reduce((m, i) => Math.min(m, i.row), Number.POSITIVE_INFINITY);
  const rows = table.rows.length + table.issues.length;
  if (!chain.ok && chain.row < firstIssue) return { ...chain, rows };
  if (Number.isFinite(firstIssue)) return { ok: false, row: firstIssue, rows };
  return { ...chain, rows };
}
