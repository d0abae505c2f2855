// Appending audit rows without reading the whole log: the simple onEdit trigger has 30 seconds and must stay cheap,
// so it reads only the audit header and last row (for the previous hash) and writes the new rows in one setValues.
import { type AuditDraftEntry, chainEntries } from '../domain/audit-chain';
import type { Lang } from '../domain/i18n';
import { sheetOf } from '../domain/schema';
import { mapHeader, readRow, writeRow } from '../domain/table';
import type { WorkbookProps } from './workbook-props';

export function appendAuditTail(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  props: WorkbookProps,
  drafts: ReadonlyArray<Partial<AuditDraftEntry>>,
  lang: Lang,
): boolean {
  const id = props.sheets.audit;
  const name = sheetOf('audit').name;
  const sheet =
    (typeof id === 'number' ? ss.getSheetById(id) : null) ??
    ss.getSheetByName(name['zh-CN']) ??
    ss.getSheetByName(name.en);
  if (!sheet) return false;
  const lastCol = sheet.getLastColumn();
  if (!lastCol) return false;
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0];
  const map = mapHeader('audit', header);
  if (map.missing.some((c) => c.key === 'hash')) return false;
  const lastRow = sheet.getLastRow();
  let prev = '';
  if (lastRow >= 2) {
    const last = readRow(map, sheet.getRange(lastRow, 1, 1, lastCol).getValues()[0], lastRow, (d) => String(d));
    if (last.kind === 'record') prev = last.record.hash;
  }
  const rows = chainEntries(prev, drafts).map((e) => writeRow(map, e, lang));
  const maxRows = sheet.getMaxRows();
  if (lastRow + rows.length > maxRows) sheet.insertRowsAfter(maxRows, lastRow + rows.length - maxRows);
  sheet.getRange(lastRow + 1, 1, rows.length, lastCol).setValues(rows);
  return true;
}
