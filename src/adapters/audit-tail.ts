// Appending audit rows without reading the whole log: the simple onEdit trigger has 30 seconds and must stay cheap,
// so it reads only the audit header (and, before the chain is anchored, the last row for the previous hash) and
// writes the new rows in one setValues. Rows are hashed into the keyed chain and its anchor is written after them,
// under the document lock (audit-anchor.ts). The chain's tail (last row number and hash) is also kept in the
// workbook property, so the sheet store finds the log's end without reading it; setup clears it (it rewrites that
// property) and a missing tail falls back to reading the log once. Any edit of the log itself drops the saved tail
// (edit-event.ts), as setup does; the anchor stays, it is what verification trusts.
import { type AuditDraftEntry, chainEntries } from '../domain/audit-chain';
import type { Lang } from '../domain/i18n';
import { sheetOf } from '../domain/schema';
import { mapHeader, readRow, writeRow } from '../domain/table';
import { readSeal, sealDrafts, writeAnchor } from './audit-anchor';
import { type AuditTail, readWorkbookProps, type WorkbookProps, writeWorkbookProps } from './workbook-props';
import { everyLang } from '../domain/i18n';

type Props = GoogleAppsScript.Properties.Properties;

/** The saved tail, or null when missing or malformed (the reader then reads the log). */
export function readAuditTail(props: WorkbookProps): AuditTail | null {
  const t = props.auditTail;
  if (!t || typeof t.row !== 'number' || t.row < 1 || typeof t.hash !== 'string') return null;
  const header = Array.isArray(t.header) && t.header.every((h) => typeof h === 'string') ? t.header : undefined;
  return { row: t.row, hash: t.hash, header };
}

/** Best effort: a tail that could not be saved is missing next time, which only costs that reader one log read. */
export function writeAuditTail(docProps: Props | null, props: WorkbookProps, tail: AuditTail): void {
  try {
    props.auditTail = tail;
    if (docProps) writeWorkbookProps(props, docProps);
  } catch (_e) {
    // properties unavailable (AuthMode.NONE): the next writer reads the log instead
  }
}

/**
 * Appends audit rows to the log; `given` null = read the workbook props here. `store`: the document properties when
 * the caller has them (the anchor lives there too).
 */
export function appendAuditTail(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  given: WorkbookProps | null,
  drafts: ReadonlyArray<Partial<AuditDraftEntry>>,
  lang: Lang,
  store?: Props,
): boolean {
  let docProps: Props | null = store ?? null;
  try {
    docProps ??= PropertiesService.getDocumentProperties();
  } catch (_e) {
    docProps = null;
  }
  const props = given ?? readWorkbookProps(docProps);
  const id = props.sheets.audit;
  const name = sheetOf('audit').name;
  let sheet = typeof id === 'number' ? ss.getSheetById(id) : null;
  for (const n of everyLang(name)) sheet = sheet ?? ss.getSheetByName(n);
  if (!sheet) return false;
  const lastCol = sheet.getLastColumn();
  if (!lastCol) return false;
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const map = mapHeader('audit', header);
  if (map.missing.some((c) => c.key === 'hash')) return false;
  // The keyed chain's anchor is read and written under the document lock, so a save running at the same time
  // cannot interleave its rows and anchor with ours (the wait is bounded; past it the row is still written).
  const lock = documentLockOrNull();
  try {
    const lastRow = sheet.getLastRow();
    const lastHash = () => {
      if (lastRow < 2) return '';
      const last = readRow(map, sheet.getRange(lastRow, 1, 1, lastCol).getValues()[0], lastRow, (d) => String(d));
      return last.kind === 'record' ? last.record.hash : '';
    };
    const seal = readSeal(docProps, true);
    const sealed = seal ? sealDrafts(seal, drafts, lastHash) : null;
    const entries = sealed ? sealed.entries : chainEntries(lastHash(), drafts);
    const rows = entries.map((e) => writeRow(map, e, lang));
    const maxRows = sheet.getMaxRows();
    if (lastRow + rows.length > maxRows) sheet.insertRowsAfter(maxRows, lastRow + rows.length - maxRows);
    sheet.getRange(lastRow + 1, 1, rows.length, lastCol).setValues(rows);
    if (sealed && docProps) writeAnchor(docProps, sealed.anchor);
    // A saved tail must follow the log (or the next writer would chain to a stale hash); none saved, none to keep.
    if (props.auditTail)
      writeAuditTail(docProps, props, {
        row: lastRow + rows.length,
        hash: entries[entries.length - 1].hash,
        header: header.map((h) => String(h)),
      });
  } finally {
    if (lock) {
      SpreadsheetApp.flush();
      lock.releaseLock();
    }
  }
  return true;
}

/** The document lock, held; null when it could not be had within 10 s or in a mode without LockService. */
function documentLockOrNull(): GoogleAppsScript.Lock.Lock | null {
  try {
    const lock = LockService.getDocumentLock();
    return lock?.tryLock(10000) ? lock : null;
  } catch (_e) {
    return null;
  }
}
