// The import's RPC payloads (src/rpc.ts `importPreview`, `importRun`), JSON-safe both ways. Documented in the README.
import type { DateOrder, SourceCell } from '../domain/import-values';
import type { DedupeAction, ImportTarget } from '../domain/import-types';
import type { Mapping } from '../domain/import-mapping';
import type { Lang } from '../domain/records';

/**
 * Where rows come from: another tab of this spreadsheet (read by the server), or a file the sidebar parsed. A file
 * is sent in slices: `rows` are the data rows starting at data row `offset` (0-based, header excluded) of `total`.
 */
export type ImportSource =
  | { sheet: string }
  | { file: { name: string; header: string[]; rows: SourceCell[][]; offset?: number; total?: number } };

export interface ImportRequest {
  source: ImportSource;
  target: ImportTarget;
  /** Field key → source header text. Absent: the remembered mapping of this source, else the automatic one. */
  mapping?: Mapping;
  /** A row matching an existing record (or an earlier row of the source): skip it (default), update it, or create. */
  dedupe?: DedupeAction;
  /** How to read 05/01/2024: 'dmy' (default, 5 January) or 'mdy' (May 1). */
  dateOrder?: DateOrder;
  lang?: Lang;
}

export type RowStatus = 'new' | 'update' | 'skip' | 'reject';

export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

export interface PreviewRow {
  /** 1-based row of the source (the header is row 1). */
  sourceRow: number;
  status: RowStatus;
  /** The id the row will have (existing id for updates and skips). */
  id: string;
  /** Field key → the value as it will be saved, formatted for reading (¥1,234.50, 2024-01-05, localized enums). */
  values: Record<string, string>;
  errors: Array<{ field: string; message: string }>;
}

export interface ImportFieldView {
  key: string;
  label: string;
  required: boolean;
}

export interface ImportPreviewView {
  ok: true;
  sourceName: string;
  headers: string[];
  mapping: Mapping;
  /** Whether `mapping` was remembered from an earlier import of this source (else automatic or as sent). */
  remembered: boolean;
  fields: ImportFieldView[];
  rows: PreviewRow[];
  total: number;
  /** Rows the counts cover: all of a tab; of a file, the slice the sidebar sent for the preview. */
  counted: number;
  counts: ImportCounts;
  dedupe: DedupeAction;
  dateOrder: DateOrder;
}

export interface ImportFailure {
  ok: false;
  message: string;
}

export interface ImportRunView {
  ok: true;
  /** False while rows remain: call importRun again with the same request (a file: the next slice from `next`). */
  done: boolean;
  /** Data rows processed so far (0-based index of the next row to send or read). */
  next: number;
  total: number;
  counts: ImportCounts;
  message: string;
  reportSheet: string;
}

export type ImportPreviewResult = ImportPreviewView | ImportFailure;
export type ImportRunResult = ImportRunView | ImportFailure;

/** One ledger sheet as exported: its tab name, header and rows; dates as 'yyyy-MM-dd', stamps as text. */
export interface ExportSheet {
  role: string;
  name: string;
  header: string[];
  rows: Array<Array<string | number | boolean>>;
}

export interface ExportRequest {
  /** Roles to export (customers, invoices, …); absent or empty: every ledger sheet. */
  roles?: string[];
}

export type ExportResult = { ok: true; sheets: ExportSheet[] } | ImportFailure;
