// A CSV or XLSX file chosen in the sidebar → a header row and data rows (PRODUCT.md §12), parsed in the browser so
// nothing but the table reaches the server. Pure (no DOM), so the same code runs in the unit tests.
// - CSV: UTF-8, UTF-8 with BOM, or GBK (what Chinese Excel writes). UTF-8 is tried first with `fatal: true`: a GBK
//   file is almost never valid UTF-8, so a failure means GBK; if GBK also fails the encoding is refused by name.
//   RFC 4180 quoting; the delimiter (comma, semicolon, tab) is the one the header line uses most.
// - XLSX: unzipped with fflate (0.8.3, MIT; see README "Import" for why not SheetJS), one worksheet (the one named
//   like the import's target, as in a ledger export, else the first) read from
//   its XML with shared strings, inline strings, numbers and booleans. Dates stay serial numbers: the server's
//   date rule reads spreadsheet serials. Merged cells in the header row are refused (their columns lose headers).
// Anything else (empty, binary, too large, unreadable) is a code the view turns into a localized message.
import { unzipSync } from 'fflate';

export type FileCell = string | number | boolean;

export type FileTable =
  | { ok: true; header: string[]; rows: FileCell[][] }
  | { ok: false; code: 'empty' | 'binary' | 'tooLarge' | 'encoding' | 'xlsx' | 'mergedHeader' };

/** What the sidebar will read at all; the server's row and column limits apply after parsing. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function decodeText(bytes: Uint8Array): string | null {
  for (const label of ['utf-8', 'gbk']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch (_e) {
      // next encoding
    }
  }
  return null;
}

/** Control bytes other than tab, CR, LF, form feed and ESC in the first 64 KB: not a text file. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) bad++;
  }
  return bad > n / 100;
}

function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let most = -1;
  for (const d of [',', ';', '\t']) {
    const count = line.split(d).length - 1;
    if (count > most) {
      best = d;
      most = count;
    }
  }
  return best;
}

/** RFC 4180: quoted fields may hold the delimiter, newlines and doubled quotes; CRLF or LF line ends. */
export function parseCsv(text: string, delimiter = delimiterOf(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return XML_ENTITIES[e] ?? all;
  });
}

/** The text of every <t> inside a fragment (rich text runs joined). */
function textOf(fragment: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;
  for (let m = re.exec(fragment); m; m = re.exec(fragment)) out += unescapeXml(m[1]);
  return out;
}

/** Column index of a cell reference ("C12" → 2). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** The worksheet named one of `prefer` (a ledger export holds every sheet), else the first. */
function sheetPath(files: Record<string, Uint8Array>, utf8: TextDecoder, prefer: readonly string[]): string | null {
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (wb && rels) {
    const all = [...utf8.decode(wb).matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
      name: unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ''),
      id: /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '',
    }));
    const sheet = all.find((x) => prefer.includes(x.name)) ?? all[0];
    if (sheet) {
      const relText = utf8.decode(rels);
      const re = /<Relationship\b[^>]*>/g;
      for (let m = re.exec(relText); m; m = re.exec(relText)) {
        if (m[0].includes(`Id="${sheet.id}"`)) {
          const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? '';
          const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
          if (files[path]) return path;
        }
      }
    }
  }
  return files['xl/worksheets/sheet1.xml'] ? 'xl/worksheets/sheet1.xml' : null;
}

export function readXlsx(bytes: Uint8Array, prefer: readonly string[] = []): FileTable {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) =>
        f.name === 'xl/workbook.xml' ||
        f.name.startsWith('xl/_rels/') ||
        f.name === 'xl/sharedStrings.xml' ||
        f.name.startsWith('xl/worksheets/sheet'),
    });
  } catch (_e) {
    return { ok: false, code: 'xlsx' };
  }
  const utf8 = new TextDecoder('utf-8');
  const path = sheetPath(files, utf8, prefer);
  if (!path) return { ok: false, code: 'xlsx' };
  const shared: string[] = [];
  const sst = files['xl/sharedStrings.xml'];
  if (sst) {
    const re = /<si>([\s\S]*?)<\/si>/g;
    const text = utf8.decode(sst);
    for (let m = re.exec(text); m; m = re.exec(text)) shared.push(textOf(m[1]));
  }
  const xml = utf8.decode(files[path]);
  const merges = /<mergeCells\b[\s\S]*?<\/mergeCells>/.exec(xml)?.[0] ?? '';
  if (/\bref="[A-Z]+1:[A-Z]+\d+"/.test(merges)) return { ok: false, code: 'mergedHeader' };
  const rows: FileCell[][] = [];
  const rowRe = /<row\b([^>]*)>([\s\S]*?)<\/row>/g;
  for (let r = rowRe.exec(xml); r; r = rowRe.exec(xml)) {
    const rowNo = Number(/\br="(\d+)"/.exec(r[1])?.[1] ?? rows.length + 1);
    const line: FileCell[] = [];
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    for (let c = cellRe.exec(r[2]); c; c = cellRe.exec(r[2])) {
      const attrs = c[1];
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : line.length;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      let value: FileCell = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = textOf(body);
      else if (type === 'b') value = v === '1';
      else if (type === 'str' || type === 'e') value = unescapeXml(v ?? '');
      else if (v !== undefined && v !== '') value = Number(v);
      while (line.length < col) line.push('');
      line[col] = value;
    }
    while (rows.length < rowNo - 1) rows.push([]);
    rows.push(line);
  }
  return table(rows);
}

function table(rows: FileCell[][]): FileTable {
  const nonEmpty = (r: FileCell[]) => r.some((c) => String(c).trim() !== '');
  while (rows.length && !nonEmpty(rows[rows.length - 1])) rows.pop();
  if (!rows.length) return { ok: false, code: 'empty' };
  const [head, ...data] = rows;
  const header = head.map((c) => String(c).trim());
  return { ok: true, header, rows: data };
}

/** The table of a chosen file, or why it cannot be read. */
export function readFileTable(name: string, bytes: Uint8Array, prefer: readonly string[] = []): FileTable {
  if (bytes.length === 0) return { ok: false, code: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, code: 'tooLarge' };
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || /\.xlsx$/i.test(name)) return zip ? readXlsx(bytes, prefer) : { ok: false, code: 'xlsx' };
  // UTF-16 (Excel's "Unicode text"): readable in principle, but not one of the encodings we promise; ask for UTF-8.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, code: 'encoding' };
  }
  if (looksBinary(bytes)) return { ok: false, code: 'binary' };
  const text = decodeText(bytes);
  if (text === null) return { ok: false, code: 'encoding' };
  return table(parseCsv(text));
}
