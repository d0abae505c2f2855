// Export files written in the browser (PRODUCT.md §12): XLSX (one worksheet per ledger sheet, strings inline, numbers
// as numbers, so Excel never reinterprets an id or evaluates a formula-looking text) or CSV (UTF-8 with BOM so Excel
// opens Chinese text correctly; several sheets go into one zip). Text that a spreadsheet would evaluate (= + - @) is
// written to CSV with a leading apostrophe, which the import strips again: an export re-imports as it was.
// Pure (no DOM): the unit tests read the files back with the import's own reader. Parts carry no XML declaration
// (optional: UTF-8 is the default), because "<?" in Sidebar.html would read as an HtmlService template scriptlet.
import { strToU8, zipSync } from 'fflate';
import type { ExportSheet } from '../../src/app/import-types';
import { csvText } from '../../src/domain/export-csv';

export function toCsv(sheet: ExportSheet): Uint8Array {
  return strToU8(csvText(sheet.header, sheet.rows));
}

function xml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(sheet: ExportSheet): string {
  const rows = [sheet.header, ...sheet.rows]
    .map((r, ri) => {
      const cells = r
        .map((v, ci) => {
          const ref = `${colName(ci)}${ri + 1}`;
          if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '';
          if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
          if (v === '') return '';
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\ , unique. */
function sheetNames(sheets: readonly ExportSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    let name = s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || `Sheet${i + 1}`;
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)}_${i + 1}`;
    used.add(name.toLowerCase());
    return name;
  });
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function toXlsx(sheets: readonly ExportSheet[]): Uint8Array {
  const names = sheetNames(sheets);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names
        .map((n, i) => `<sheet name="${xml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${PKG_REL}">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s));
  });
  return zipSync(files, { level: 6 });
}

/** One CSV per sheet; several sheets are zipped together. */
export function toCsvFile(sheets: readonly ExportSheet[]): { bytes: Uint8Array; ext: 'csv' | 'zip' } {
  if (sheets.length === 1) return { bytes: toCsv(sheets[0]), ext: 'csv' };
  const names = sheetNames(sheets);
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((s, i) => {
    files[`${names[i]}.csv`] = toCsv(s);
  });
  return { bytes: zipSync(files, { level: 6 }), ext: 'zip' };
}
