// Turning an import request (from the untrusted client) into a checked source, mapping and options, or one
// localized refusal that names the problem (PRODUCT.md §9, §12: empty, too large, no header row, merged headers,
// required field without a column). Shared by preview and run, so both refuse the same inputs the same way.
import { isLang, type Lang, LIST_SEPARATOR, t } from '../domain/i18n';
import { autoMapping, cleanMapping, importFields, type Mapping } from '../domain/import-mapping';
import { type DedupeAction, IMPORT_LIMITS, type ImportTarget, isImportTarget } from '../domain/import-types';
import type { DateOrder, SourceCell } from '../domain/import-values';
import { sheetOf } from '../domain/schema';
import { IMPORT_TEXT } from './import-i18n';
import type { ImportServices, ImportSourcePort } from './import-ports';
import type { ImportRequest } from './import-types';

export interface PreparedImport {
  lang: Lang;
  target: ImportTarget;
  source: ImportSourcePort;
  headers: string[];
  mapping: Mapping;
  remembered: boolean;
  dedupe: DedupeAction;
  dateOrder: DateOrder;
  /** Key of the checkpoint and the remembered mapping: source and target. */
  key: string;
}

export type Prepared = { ok: true; value: PreparedImport } | { ok: false; message: string };

function cellText(c: unknown): string {
  return c === null || c === undefined ? '' : String(c).trim();
}

/** A file the sidebar parsed: header + the slice of data rows it sent. */
export function fileSource(file: unknown): ImportSourcePort | null {
  if (!file || typeof file !== 'object') return null;
  const f = file as { name?: unknown; header?: unknown; rows?: unknown; offset?: unknown; total?: unknown };
  if (!Array.isArray(f.header) || !Array.isArray(f.rows)) return null;
  const header = f.header.map(cellText);
  const rows = (f.rows as unknown[]).map((r) =>
    (Array.isArray(r) ? r : []).map(
      (c): SourceCell => (typeof c === 'number' || typeof c === 'boolean' ? c : cellText(c)),
    ),
  );
  const offset = Number.isSafeInteger(f.offset) && Number(f.offset) >= 0 ? Number(f.offset) : 0;
  const total =
    Number.isSafeInteger(f.total) && Number(f.total) >= offset + rows.length ? Number(f.total) : offset + rows.length;
  const name = cellText(f.name) || 'file';
  return {
    name,
    key: `file:${name}`,
    first: offset,
    header: () => header,
    total: () => total,
    rows: (from, count) => rows.slice(Math.max(0, from - offset), Math.max(0, from - offset + count)),
  };
}

/** The request checked and resolved; `services.openSheet` reads a tab's header and size only. */
export function prepareImport(services: ImportServices, request: ImportRequest): Prepared {
  const lang: Lang = isLang(request?.lang) ? request.lang : services.identity.lang();
  const fail = (key: keyof typeof IMPORT_TEXT, p: Record<string, string | number> = {}): Prepared => ({
    ok: false,
    message: t(lang, IMPORT_TEXT[key], p),
  });
  if (!request || typeof request !== 'object') return fail('badRequest', { detail: 'request' });
  const target = request.target;
  if (!isImportTarget(target)) return fail('badRequest', { detail: 'target' });
  const src = request.source as Record<string, unknown> | undefined;
  let source: ImportSourcePort | null = null;
  try {
    if (src && typeof src.sheet === 'string') source = services.openSheet(src.sheet);
    else if (src && 'file' in src) source = fileSource(src.file);
  } catch (e) {
    const text = (e as { text?: Record<Lang, string> }).text;
    if (text && typeof text[lang] === 'string') return { ok: false, message: text[lang] };
    throw e;
  }
  if (!source) return fail('badRequest', { detail: 'source' });
  const headers = source.header();
  const total = source.total();
  const width = headers.length;
  if (width > IMPORT_LIMITS.maxColumns) return fail('tooManyColumns', { n: width, max: IMPORT_LIMITS.maxColumns });
  if (total > IMPORT_LIMITS.maxRows) return fail('tooManyRows', { n: total, max: IMPORT_LIMITS.maxRows });
  if (total === 0 || headers.every((h) => h === '')) return fail('empty');
  const sample = source.rows(source.first, Math.min(200, total - source.first));
  const blank = blankHeaderWithData(headers, sample);
  if (blank > 0) return fail('blankHeader', { col: blank });

  const key = `${source.key}|${target}`;
  const sent = cleanMapping(target, headers, request.mapping);
  const kept = sent ? null : cleanMapping(target, headers, services.state.mapping(key));
  const mapping = sent ?? kept ?? autoMapping(target, headers);
  const fields = importFields(target);
  if (!Object.keys(mapping).length) {
    const example = fields
      .filter((c) => c.required && c.key !== 'id')
      .map((c) => c.header[lang])
      .join(t(lang, LIST_SEPARATOR));
    return fail('noHeader', { target: sheetOf(target).name[lang], example });
  }
  for (const c of fields) {
    if (c.required && c.key !== 'id' && !mapping[c.key]) return fail('requiredUnmapped', { field: c.header[lang] });
  }
  const dedupe: DedupeAction = request.dedupe === 'update' || request.dedupe === 'create' ? request.dedupe : 'skip';
  const dateOrder: DateOrder = request.dateOrder === 'mdy' ? 'mdy' : 'dmy';
  return {
    ok: true,
    value: { lang, target, source, headers, mapping, remembered: !sent && !!kept, dedupe, dateOrder, key },
  };
}

/** 1-based column that holds data under an empty header (merged or missing header cells), else 0. */
function blankHeaderWithData(headers: readonly string[], rows: ReadonlyArray<readonly SourceCell[]>): number {
  const width = Math.max(headers.length, ...rows.map((r) => r.length));
  for (let i = 0; i < width; i++) {
    if ((headers[i] ?? '') !== '') continue;
    if (rows.some((r) => cellText(r[i]) !== '')) return i + 1;
  }
  return 0;
}
