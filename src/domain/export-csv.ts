// CSV as the ledger exports it (PRODUCT.md §12), shared by the sidebar's download and the weekly backup mail: UTF-8
// with a BOM (so Excel opens Chinese text correctly), CRLF, RFC 4180 quoting, and formula-looking text prefixed with
// an apostrophe so a spreadsheet opening the file never evaluates it (the import strips it again: unguard()).
export type CsvCell = string | number | boolean;

export function csvField(v: CsvCell): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly CsvCell[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
