// Export (PRODUCT.md §12): the ledger's sheets as plain tables for the sidebar, which writes the XLSX or CSV file in
// the browser. One read per sheet (the store's cached whole-sheet read); the sheets are read under no lock (a read
// sees one consistent sheet at a time, as a user's own download would).
import { type Lang, t } from '../domain/i18n';
import { IMPORT_TEXT } from './import-i18n';
import type { ExportRequest, ExportResult, ExportSheet } from './import-types';
import { ROLES, type Role } from './ports';

/** A ledger sheet's cells as exported (dates already text), or null when the sheet does not exist. */
export type ExportReader = (role: Role) => ExportSheet | null;

export function exportData(read: ExportReader, request: ExportRequest | null | undefined, lang: Lang): ExportResult {
  const wanted = Array.isArray(request?.roles) ? request.roles.filter((r) => typeof r === 'string') : [];
  const roles = wanted.length ? ROLES.filter((r) => wanted.includes(r)) : [...ROLES];
  if (!roles.length) return { ok: false, message: t(lang, IMPORT_TEXT.badRequest, { detail: 'roles' }) };
  const sheets: ExportSheet[] = [];
  for (const role of roles) {
    const s = read(role);
    if (s) sheets.push(s);
  }
  return { ok: true, sheets };
}
