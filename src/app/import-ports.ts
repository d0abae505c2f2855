// What the import's use cases need from outside (PRODUCT.md §12): the rows of the source, where the checkpoint and
// the remembered mappings live (document properties), the Import report sheet, and the ledger refresh that brings
// derived columns up to date once an import ends. Adapters implement them on Apps Script; tests in memory.
import type { Mapping } from '../domain/import-mapping';
import type { ExportReader } from './export-data';
import type { SourceCell } from '../domain/import-values';
import type { Text } from '../domain/i18n';
import type { ImportCounts } from './import-types';
import type { Clock, Identity, LedgerStore } from './ports';
import type { SaveLock } from './sidebar-ports';

/** A table to import: a header row and data rows, read in slices (one batched read per slice). */
export interface ImportSourcePort {
  /** What the user calls it (the tab or file name). */
  readonly name: string;
  /** Identifies the source across executions: remembered mapping and checkpoint are keyed by it. */
  readonly key: string;
  header(): string[];
  /** Number of data rows (header excluded). */
  total(): number;
  /** Data rows `from` (0-based) .. from+count-1; date cells as 'yyyy-MM-dd'. */
  rows(from: number, count: number): SourceCell[][];
  /** The data row index the first row of `rows(…)` may start at (a file slice starts at its offset). */
  readonly first: number;
}

/** Where an unfinished import stands, saved after every batch so the next execution resumes there. */
export interface ImportCheckpoint {
  /** Same source, target, mapping and options: only then is it resumed. */
  fingerprint: string;
  next: number;
  total: number;
  counts: ImportCounts;
  startedAt: string;
  /** Set while a batch is being written: where it starts, the target's last row and audit hash before it. */
  pending?: { from: number; lastRow: number; auditHash: string };
}

export interface ImportStatePort {
  checkpoint(key: string): ImportCheckpoint | null;
  saveCheckpoint(key: string, cp: ImportCheckpoint): void;
  clearCheckpoint(key: string): void;
  mapping(key: string): Mapping | null;
  rememberMapping(key: string, mapping: Mapping): void;
}

/** One line of the Import report sheet. */
export interface ReportLine {
  sourceRow: number;
  field: string;
  message: string;
  value: string;
}

export interface ImportReportPort {
  /** The report sheet's name in the workbook language. */
  readonly name: string;
  /** Appends lines (one write) stamped with the run's time and source. */
  append(at: string, source: string, lines: readonly ReportLine[]): void;
}

/** A source could not be opened: the localized reason. */
export class ImportSourceError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'ImportSourceError';
  }
}

export interface ImportServices {
  store: LedgerStore;
  clock: Clock;
  identity: Identity;
  lock: SaveLock;
  state: ImportStatePort;
  report: ImportReportPort;
  /** Opens a source tab by name (throws ImportSourceError); files come in the request and need no port. */
  openSheet(name: string): ImportSourcePort;
  /** Recomputes derived columns after the last batch (the ledger refresh). */
  refresh(): void;
  /** Reads a ledger sheet for export. */
  exportReader: ExportReader;
}
