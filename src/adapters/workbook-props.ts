// Where the ledger's sheets are: their sheet ids (and the workbook language chosen at setup) in one document
// property, so renamed tabs keep working (PRODUCT.md §1) and a lookup costs two service calls, not one per sheet.
import type { Role } from '../app/ports';
import { isLang, type Lang } from '../domain/i18n';

export const WORKBOOK_PROPERTY = 'customerLedger.workbook';

export interface WorkbookProps {
  sheets: Partial<Record<Role, number>>;
  /** Language the sheets were set up in; enums and new headers are written in it. */
  lang?: Lang;
  /** Layout signature per role at the last setup (see setup-plan.ts): a change means the sheet needs repair. */
  layout?: Partial<Record<Role, string>>;
  /** Setup version that produced the formats/rules; a newer add-on version re-applies them. */
  version?: number;
  /** The audit log's last row and hash as the add-on last wrote them (audit-tail.ts); setup clears it. */
  auditTail?: AuditTail;
  /** Grid height (getMaxRows) per role as setup made it or the store last grew it (grid-growth.ts). */
  grid?: Partial<Record<Role, number>>;
  /** The Settings sheet's language value as last read (sheet-store.ts languageSetting); absent = unknown. */
  language?: string;
}

export interface AuditTail {
  row: number;
  hash: string;
  /** The log's header row when the tail was written, so the next append need not read it (see audit-tail.ts). */
  header?: string[];
}

/** The stored props; empty when never set up or when properties are unavailable (AuthMode.NONE). */
type Store = GoogleAppsScript.Properties.Properties;

/** `store` lets a caller that also writes fetch the document store once. */
export function readWorkbookProps(store?: Store | null): WorkbookProps {
  try {
    const raw = (store ?? PropertiesService.getDocumentProperties())?.getProperty(WORKBOOK_PROPERTY);
    if (!raw) return { sheets: {} };
    const parsed = JSON.parse(raw) as Partial<WorkbookProps>;
    return {
      sheets: parsed && typeof parsed.sheets === 'object' && parsed.sheets ? parsed.sheets : {},
      lang: isLang(parsed?.lang) ? parsed.lang : undefined,
      layout: parsed.layout && typeof parsed.layout === 'object' ? parsed.layout : {},
      version: typeof parsed.version === 'number' ? parsed.version : 0,
      auditTail: parsed.auditTail && typeof parsed.auditTail === 'object' ? parsed.auditTail : undefined,
      language: typeof parsed.language === 'string' ? parsed.language : undefined,
      grid: parsed.grid && typeof parsed.grid === 'object' ? parsed.grid : undefined,
    };
  } catch (_e) {
    return { sheets: {} };
  }
}

export function writeWorkbookProps(props: WorkbookProps, store?: Store | null): void {
  (store ?? PropertiesService.getDocumentProperties()).setProperty(WORKBOOK_PROPERTY, JSON.stringify(props));
}
