// Where the keyed audit chain keeps its secrets (domain/audit-seal.ts): the HMAC key in script properties (created
// once, never shown; editors of the spreadsheet cannot read script properties) and the anchor — chain length and head
// hash — in document properties, which only the add-on's code writes. Every audit writer reads both and writes the
// anchor after its rows, in the same execution, under the document lock.
import { type AuditDraftEntry, chainEntries } from '../domain/audit-chain';
import type { AuditAnchor } from '../domain/audit-seal';
import { sealEntries } from '../domain/audit-seal';
import type { AuditEntry } from '../domain/records';

type Props = GoogleAppsScript.Properties.Properties;

export const AUDIT_KEY_PROPERTY = 'customerLedger.auditKey';
export const AUDIT_ANCHOR_PROPERTY = 'customerLedger.auditAnchor';

export interface Seal {
  key: string;
  anchor: AuditAnchor | null;
}

/**
 * The key (created when `create` and missing) and the anchor; null when properties are unavailable, or when there
 * is neither key nor anchor. Writers always pass `create`, so they never hash with an empty key.
 */
export function readSeal(docProps: Props | null, create: boolean): Seal | null {
  if (!docProps) return null;
  try {
    const script = PropertiesService.getScriptProperties();
    let key = script.getProperty(AUDIT_KEY_PROPERTY) ?? '';
    if (!key && create) {
      // A random UUID carries 122 random bits: enough for an HMAC key, in one call.
      key = Utilities.getUuid().replace(/-/g, '');
      script.setProperty(AUDIT_KEY_PROPERTY, key);
    }
    const anchor = parseAnchor(docProps.getProperty(AUDIT_ANCHOR_PROPERTY));
    // Without a key yet (a log only setup has written: its public row is pinned), the anchor still verifies.
    if (!key) return anchor ? { key: '', anchor } : null;
    return { key, anchor };
  } catch (_e) {
    return null;
  }
}

/** The anchor alone (null when none or unreadable). */
export function readAnchor(docProps: Props | null): AuditAnchor | null {
  try {
    return docProps ? parseAnchor(docProps.getProperty(AUDIT_ANCHOR_PROPERTY)) : null;
  } catch (_e) {
    return null;
  }
}

function parseAnchor(raw: string | null): AuditAnchor | null {
  if (!raw) return null;
  try {
    const a = JSON.parse(raw) as Partial<AuditAnchor>;
    if (typeof a.legacyHead !== 'string' || typeof a.rows !== 'number' || typeof a.head !== 'string') return null;
    const legacyRows = typeof a.legacyRows === 'number' ? { legacyRows: a.legacyRows } : {};
    return { legacyHead: a.legacyHead, rows: a.rows, head: a.head, ...legacyRows };
  } catch (_e) {
    return null;
  }
}

export function writeAnchor(docProps: Props, anchor: AuditAnchor): void {
  docProps.setProperty(AUDIT_ANCHOR_PROPERTY, JSON.stringify(anchor));
}

/**
 * Hashes drafts into the keyed chain. A workbook whose log predates the key starts its anchor here: the old rows keep
 * verifying with the public algorithm up to `legacyHead()` (the log's last hash), keyed rows chain on from it.
 */
export function sealDrafts(
  seal: Seal,
  drafts: ReadonlyArray<Partial<AuditDraftEntry>>,
  legacyHead: () => string,
): { entries: AuditEntry[]; anchor: AuditAnchor } {
  let anchor = seal.anchor;
  if (!anchor) {
    const head = legacyHead();
    anchor = { legacyHead: head, rows: 0, head };
  }
  return sealEntries(seal.key, anchor, drafts);
}

/**
 * The rows that open a new audit sheet. In a workbook never set up no anchor can exist: the row is hashed with the
 * public algorithm and pinned at once as the anchor's legacy head (one property write; the key is made by the first
 * keyed writer), which keeps setup within its call budget. An existing anchor (the log sheet was deleted and is made
 * again) is continued with the key, so verification reports the rows that went with the old sheet.
 */
export function openingEntries(
  docProps: Props,
  setUpBefore: boolean,
  drafts: ReadonlyArray<Partial<AuditDraftEntry>>,
): { entries: AuditEntry[]; anchor: AuditAnchor } {
  const seal = setUpBefore && readAnchor(docProps) ? readSeal(docProps, true) : null;
  if (seal?.anchor) return sealEntries(seal.key, seal.anchor, drafts);
  const entries = chainEntries('', drafts);
  const head = entries[entries.length - 1].hash;
  return { entries, anchor: { legacyHead: head, rows: 0, head, legacyRows: entries.length } };
}
