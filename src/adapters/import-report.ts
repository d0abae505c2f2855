// The 导入报告 / Import report sheet (PRODUCT.md §12): one line per rejected field of a source row, appended by each
// batch in one write (the grid is grown first when needed: it never grows by itself, gas-runtime-notes §1). The
// sheet keeps earlier runs; the first column stamps each run. Source values are written as inert text.
import { IMPORT_TEXT } from '../app/import-i18n';
import type { ImportReportPort, ReportLine } from '../app/import-ports';
import { type Lang, LANGS } from '../domain/i18n';
import { guardText } from '../domain/text-safety';
import type { SheetLedgerStore } from './sheet-store';

const HEADER_KEYS = ['reportRun', 'reportSource', 'reportRow', 'reportField', 'reportMessage', 'reportValue'] as const;

export function sheetImportReport(store: SheetLedgerStore, lang: () => Lang): ImportReportPort {
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  const open = () => {
    if (sheet) return sheet;
    const l = lang();
    const names = [l, ...LANGS].map((x) => IMPORT_TEXT.reportSheet[x]);
    for (const n of names) sheet = sheet ?? store.ss.getSheetByName(n);
    if (!sheet) {
      sheet = store.ss.insertSheet(names[0]);
      sheet.getRange(1, 1, 1, HEADER_KEYS.length).setValues([HEADER_KEYS.map((k) => IMPORT_TEXT[k][l])]);
      sheet.setFrozenRows(1);
    }
    return sheet;
  };
  return {
    get name() {
      return IMPORT_TEXT.reportSheet[lang()];
    },
    append(at: string, source: string, lines: readonly ReportLine[]) {
      if (!lines.length) return;
      const s = open();
      const last = Math.max(1, s.getLastRow());
      const max = s.getMaxRows();
      if (last + lines.length > max) s.insertRowsAfter(max, last + lines.length - max);
      const grid = lines.map((l) => [
        guardText(at),
        guardText(source),
        l.sourceRow,
        l.field,
        guardText(l.message),
        guardText(l.value),
      ]);
      s.getRange(last + 1, 1, grid.length, HEADER_KEYS.length).setValues(grid);
      store.wrote = true;
    },
  };
}
