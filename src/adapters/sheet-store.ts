// The LedgerStore port on SpreadsheetApp (Google's batching rule: read a sheet with one getValues, compute, write
// with as few setValues as possible). Sheets are found by the ids stored at setup, then by name in either language.
// Each sheet is read once per execution (one getSheetValues) and kept as a snapshot; writes go only to the columns
// the add-on owns and was asked to change, so user columns are never overwritten. Sheet Dates become ISO days in the
// SPREADSHEET's zone (zone-format.ts: arithmetic on a memoized offset, not a service call per cell). The store is
// the execution's one handle on the spreadsheet: clock, toasts and the lock share its spreadsheet, zone and props.
// Saves and sidebar actions read narrowly instead (PRODUCT.md §10: cost is cells moved): `readFields` reads only
// the key columns they search, `readRows` the rows they then need, and an update of one such row rewrites it from
// those cells, so a save never moves a whole sheet. A whole-sheet snapshot, once taken, answers both.
import type { LedgerStore, RecordOf, Role, RowIssue, Stored, Table } from '../app/ports';
import { type AuditDraftEntry, chainEntries } from '../domain/audit-chain';
import { readSeal, type Seal, sealDrafts, writeAnchor } from './audit-anchor';
import { isIsoDay } from '../domain/day';
import { everyLang, isLang, type Lang, langFromLocale } from '../domain/i18n';
import type { AuditEntry } from '../domain/records';
import { type Column, columnOf, sheetOf } from '../domain/schema';
import { WORKBOOK_KEYS, withDefaults } from '../domain/settings';
import type { SettingsMap } from '../domain/settings-def';
import {
  type DateText,
  type HeaderMap,
  LedgerError,
  mapHeader,
  missingColumnError,
  missingSheetError,
  readRow,
  requireColumns,
  splitDuplicates,
  writeCell,
  writeRow,
} from '../domain/table';
import { guardText } from '../domain/text-safety';
import { readAuditTail } from './audit-tail';
import { GROW_CHUNK, growGrid } from './grid-growth';
import { type AuditTail, readWorkbookProps, type WorkbookProps, writeWorkbookProps } from './workbook-props';
import { type ZoneFormat, zoneFormat } from './zone-format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Snapshot {
  readonly sheet: Sheet;
  readonly map: HeaderMap;
  /** Row 1 is the header; values as getValues returned them, updated in place after our own writes. */
  readonly values: unknown[][];
  table?: Table<unknown>;
  /** Rows our own update() changed since `table` was parsed: read() re-parses only these (patchTable). */
  stale?: Set<number>;
}

/** What an append needs when the sheet was not read whole: its header and, once asked, its last row. */
interface Head {
  readonly sheet: Sheet;
  readonly header: unknown[];
  readonly map: HeaderMap;
  lastRow?: number;
}

type Props = GoogleAppsScript.Properties.Properties;

/**
 * Date columns read whole but converted only when a caller looks at them: birth dates spread over decades and
 * creation stamps over the customers' whole history, so a whole-sheet read converting them all would cost
 * Utilities calls for every few days of those spans (zone-format.ts), while only the customer 360, the edit
 * version and its conflict message use them.
 */
const LAZY_DATES: Partial<Record<Role, ReadonlySet<string>>> = {
  customers: new Set(['birthDate', 'createdAt', 'updatedAt']),
};

/** Rows 1..last-with-data in one call; an empty sheet (where -1 throws) reads as the old getDataRange did. */
function readAll(sheet: Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1) as unknown[][];
  } catch (_e) {
    return sheet.getDataRange().getValues() as unknown[][];
  }
}

const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/;

/** The value to write back for a cell we are not changing but which lies inside a written block. */
function rewrite(col: Column | undefined, v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (col?.type === 'date' && isIsoDay(v)) return v;
  if (col?.type === 'datetime' && STAMP.test(v)) return v;
  return guardText(v);
}

export class SheetLedgerStore implements LedgerStore {
  readonly ss = SpreadsheetApp.getActiveSpreadsheet();
  readonly props: WorkbookProps;
  /** The spreadsheet's zone, asked once; shared with the clock (sheetsClock). */
  readonly zone: ZoneFormat = zoneFormat(() => this.ss.getSpreadsheetTimeZone());
  /** True once this execution wrote to a sheet (the lock flushes before release only then). */
  wrote = false;
  private readonly snapshots: Partial<Record<Role, Snapshot>> = {};
  private readonly heads: Partial<Record<Role, Head>> = {};
  private readonly maxRows = new Map<Role, number>();
  /** Cells of rows read by readRows (full header width), by role and 1-based row: what a narrow update rewrites. */
  private readonly rawRows = new Map<Role, Map<number, unknown[]>>();
  /** readFields results by role and field list, dropped when this execution writes the role. */
  private readonly fieldTables = new Map<Role, Map<string, Table<unknown>>>();
  private settingsCache?: SettingsMap;
  private langCache?: Lang;
  private readonly sheets = new Map<Role, Sheet | null>();
  private docProps?: Props | null;
  private savedTail?: AuditTail | null;
  /** Roles whose whole-sheet updates wait for commit(), and what waits (see hold()). */
  private readonly held = new Set<Role>();
  private readonly pending = new Map<
    Role,
    { colAt: Map<number, Column>; spans: Array<{ cols: number[]; minRow: number; maxRow: number }> }
  >();

  constructor(props?: WorkbookProps) {
    this.props = props ?? readWorkbookProps(this.documentProps());
  }

  /** The document properties, fetched once (null where unavailable, e.g. AuthMode.NONE). */
  documentProps(): Props | null {
    if (this.docProps === undefined) {
      try {
        this.docProps = PropertiesService.getDocumentProperties();
      } catch (_e) {
        this.docProps = null;
      }
    }
    return this.docProps;
  }

  get tz(): string {
    return this.zone.timeZone;
  }

  /** Date → text in the spreadsheet zone. */
  readonly dateText: DateText = (date, kind) =>
    kind === 'date' ? this.zone.day(date as Date) : this.zone.stamp(date as Date);

  /** The language enum labels and new headers are written in: settings override, then setup's, then the user's. */
  get lang(): Lang {
    if (!this.langCache) {
      const s = this.languageSetting();
      this.langCache = isLang(s) ? s : (this.props.lang ?? langFromLocale(Session.getActiveUserLocale()));
    }
    return this.langCache;
  }

  /**
   * The Settings sheet's language value ('' follows each user's locale). Until this execution reads the settings,
   * the copy mirrored in the workbook property by the last read is used, so a save need not read the whole Settings
   * sheet to learn it; an edit of the Settings sheet (onEdit), setup and the add-on's own settings writes clear it.
   */
  languageSetting(): string {
    if (!this.settingsCache && typeof this.props.language === 'string') return this.props.language;
    return this.settings()[WORKBOOK_KEYS.language] ?? '';
  }

  /** Re-reads the workbook property (another execution may have changed it since), applies `change`, writes it. */
  private updateProps(change: (p: WorkbookProps) => void): void {
    const docProps = this.documentProps();
    if (!docProps) return;
    try {
      const fresh = readWorkbookProps(docProps);
      change(fresh);
      change(this.props);
      writeWorkbookProps(fresh, docProps);
    } catch (_e) {
      // best effort: a missing mirror or tail only costs the next reader one sheet read
    }
  }

  /** The role's sheet, or null when it does not exist (setup recreates it). */
  findSheet(role: Role): Sheet | null {
    if (this.sheets.has(role)) return this.sheets.get(role) ?? null;
    const id = this.props.sheets[role];
    let sheet = typeof id === 'number' ? this.ss.getSheetById(id) : null;
    if (!sheet) {
      const name = sheetOf(role).name;
      for (const n of everyLang(name)) sheet = sheet ?? this.ss.getSheetByName(n);
    }
    this.sheets.set(role, sheet);
    return sheet;
  }

  sheet(role: Role): Sheet {
    const s = this.snapshots[role]?.sheet ?? this.findSheet(role);
    if (!s) throw missingSheetError(role);
    return s;
  }

  /** The cached whole-sheet read: one getSheetValues per sheet per execution. */
  snapshot(role: Role): Snapshot {
    let snap = this.snapshots[role];
    if (!snap) {
      const sheet = this.sheet(role);
      const values = readAll(sheet);
      const map = mapHeader(role, values[0] ?? []);
      requireColumns(map, undefined, () => sheet.getName());
      snap = { sheet, map, values };
      this.snapshots[role] = snap;
    }
    return snap;
  }

  read<K extends Role>(role: K): Table<RecordOf[K]> {
    const snap = this.snapshot(role);
    if (snap.table && snap.stale && !this.patchTable(role, snap)) snap.table = undefined;
    snap.stale = undefined;
    if (!snap.table) {
      const rows: Array<Stored<RecordOf[K]>> = [];
      const issues: RowIssue[] = [];
      const map = snap.map as HeaderMap<K>;
      for (let i = 1; i < snap.values.length; i++) {
        const r = readRow(map, snap.values[i], i + 1, this.dateText, LAZY_DATES[role]);
        // Frozen: every read of this execution shares the parsed rows instead of copying them (callers build new
        // records, never edit these; a stray write throws instead of corrupting the cache).
        if (r.kind === 'record')
          rows.push(Object.freeze({ row: i + 1, record: Object.freeze(r.record) as RecordOf[K] }));
        else if (r.kind === 'issue') issues.push(r.issue);
      }
      // Two rows with one id are never both counted (PRODUCT.md §9): split out here, for every reader.
      const split = splitDuplicates(role, rows);
      snap.table = {
        rows: split.rows,
        issues: [...issues, ...split.issues],
        duplicates: split.duplicates,
      } as Table<unknown>;
    }
    const t = snap.table as Table<RecordOf[K]>;
    return { rows: t.rows, issues: [...t.issues], duplicates: t.duplicates };
  }

  /**
   * Brings the parsed table up to date with the rows update() changed, parsing only those rows, when that gives what
   * a parse of the whole sheet would: every changed row was a kept record (not blank, an issue or a duplicate) and
   * still parses as a record with the same id, so the duplicate split and the issues cannot change. Otherwise false
   * (the caller re-parses everything). A new rows array: tables handed out earlier keep the records they had.
   * The daily run's refresh and rescore rewrite derived columns of every row; re-parsing 50,000 rows for the
   * reminders that follow was a good part of its CPU.
   */
  private patchTable(role: Role, snap: Snapshot): boolean {
    const t = snap.table as Table<unknown>;
    const rows = t.rows as ReadonlyArray<Stored<unknown>>;
    const next = rows.slice();
    const idOf = (rec: unknown) => (rec as { id?: unknown }).id;
    for (const r of snap.stale ?? []) {
      // Rows are in sheet order: binary search for row r.
      let lo = 0;
      let hi = rows.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = rows[mid].row;
        if (v === r) {
          at = mid;
          break;
        }
        if (v < r) lo = mid + 1;
        else hi = mid - 1;
      }
      if (at < 0) return false;
      const parsed = readRow(snap.map, snap.values[r - 1], r, this.dateText, LAZY_DATES[role]);
      if (parsed.kind !== 'record' || idOf(parsed.record) !== idOf(rows[at].record)) return false;
      next[at] = Object.freeze({ row: r, record: Object.freeze(parsed.record) });
    }
    snap.table = { rows: next, issues: t.issues, duplicates: t.duplicates } as Table<unknown>;
    return true;
  }

  update<K extends Role>(
    role: K,
    changes: ReadonlyArray<{ row: number; record: Partial<RecordOf[K]> }>,
    fields: ReadonlyArray<keyof RecordOf[K] & string>,
  ): void {
    if (!changes.length || !fields.length) return;
    const raw = this.rawRows.get(role);
    const rows = changes.map((c) => c.row);
    if (!this.snapshots[role] && raw && rows.every((r) => raw.has(r)) && new Set(rows).size === rows.length) {
      // Every row was read by readRows (a receipt pays several invoices): rewrite them from those cells, one block
      // per run of consecutive rows, instead of reading the whole sheet to write them.
      const sorted = [...changes].sort((a, b) => a.row - b.row);
      for (let s = 0; s < sorted.length; ) {
        let e = s;
        while (e + 1 < sorted.length && sorted[e + 1].row === sorted[e].row + 1) e++;
        this.updateRows(role, sorted.slice(s, e + 1), fields, raw);
        s = e + 1;
      }
      return;
    }
    const snap = this.snapshot(role);
    const lang = this.lang;
    const cols = this.fieldColumns(role, snap.map, fields, () => snap.sheet.getName());
    let minRow = Number.POSITIVE_INFINITY;
    let maxRow = 0;
    for (const c of changes) {
      if (c.row < 2 || c.row > snap.values.length) throw new Error(`no data row ${c.row} in ${role}`);
      minRow = Math.min(minRow, c.row);
      maxRow = Math.max(maxRow, c.row);
      const rec = c.record as Record<string, unknown>;
      for (const { col, i } of cols)
        if (col.key in rec) snap.values[c.row - 1][i] = writeCell(col, rec[col.key], lang, false);
    }
    const colAt = new Map(cols.map(({ col, i }) => [i, col]));
    const span = { cols: [...colAt.keys()], minRow, maxRow };
    if (snap.table) {
      const stale = snap.stale ?? new Set<number>();
      for (const c of changes) stale.add(c.row);
      snap.stale = stale;
    }
    if (this.held.has(role)) {
      // Held (see hold()): the snapshot already has the new cells; the write waits for commit().
      let p = this.pending.get(role);
      if (!p) {
        p = { colAt: new Map(), spans: [] };
        this.pending.set(role, p);
      }
      for (const [i, col] of colAt) p.colAt.set(i, col);
      p.spans.push(span);
      this.wroteRole(role);
      return;
    }
    this.writeSpans(snap, colAt, [span]);
    this.wroteRole(role);
  }

  /**
   * Writes changed cells from the snapshot: one setValues per run of contiguous sheet columns, over the rows of the
   * spans that touch that run (cells in the block that did not change are rewritten as read).
   */
  private writeSpans(
    snap: Snapshot,
    colAt: ReadonlyMap<number, Column>,
    spans: ReadonlyArray<{ cols: readonly number[]; minRow: number; maxRow: number }>,
  ): void {
    const idx = [...colAt.keys()].sort((a, b) => a - b);
    for (let s = 0; s < idx.length; ) {
      let e = s;
      while (e + 1 < idx.length && idx[e + 1] === idx[e] + 1) e++;
      const from = idx[s];
      const width = idx[e] - from + 1;
      let minRow = Number.POSITIVE_INFINITY;
      let maxRow = 0;
      for (const sp of spans) {
        if (!sp.cols.some((c) => c >= from && c <= idx[e])) continue;
        minRow = Math.min(minRow, sp.minRow);
        maxRow = Math.max(maxRow, sp.maxRow);
      }
      const grid: unknown[][] = [];
      for (let r = minRow; r <= maxRow; r++) {
        const line: unknown[] = [];
        for (let j = from; j < from + width; j++) line.push(rewrite(colAt.get(j), snap.values[r - 1][j] ?? ''));
        grid.push(line);
      }
      snap.sheet.getRange(minRow, from + 1, grid.length, width).setValues(grid);
      this.wrote = true;
      s = e + 1;
    }
  }

  /**
   * Holds the whole-sheet updates of `roles` until commit(): a run that updates neighbouring columns of one sheet in
   * several steps (the daily run's refresh, then its rescore or its reminder stamps) writes each sheet's columns
   * once. The snapshot answers reads meanwhile; an audit append commits first, so audit rows never describe cells
   * not yet written.
   */
  hold(roles: readonly Role[]): void {
    for (const r of roles) this.held.add(r);
  }

  /** Writes what hold() kept back and stops holding; `write` false: drops it (the execution is failing anyway). */
  commit(write = true): void {
    const pending = [...this.pending.entries()];
    this.pending.clear();
    this.held.clear();
    if (!write) return;
    for (const [role, p] of pending) {
      const snap = this.snapshots[role];
      if (snap) this.writeSpans(snap, p.colAt, p.spans);
    }
  }

  /** Schema column and sheet index of each field to write; a missing column is the localized repair error. */
  private fieldColumns(
    role: Role,
    map: HeaderMap,
    fields: readonly string[],
    sheetName?: () => string,
  ): Array<{ col: Column; i: number }> {
    return fields.map((f) => {
      const col = columnOf(role, f);
      const i = map.index[f];
      if (!col) throw new Error(`unknown field ${role}.${f}`);
      if (i === undefined) throw missingColumnError(role, col, sheetName?.());
      return { col, i };
    });
  }

  /**
   * Update of consecutive rows read by readRows, without a whole-sheet read: the cells of the written runs that are
   * not changing are rewritten from those rows' cells as read (the same rule as the snapshot path), one setValues per
   * contiguous run of written columns.
   */
  private updateRows<K extends Role>(
    role: K,
    changes: ReadonlyArray<{ row: number; record: Partial<RecordOf[K]> }>,
    fields: ReadonlyArray<keyof RecordOf[K] & string>,
    raw: Map<number, unknown[]>,
  ): void {
    const head = this.head(role);
    const lang = this.lang;
    const cols = this.fieldColumns(role, head.map, fields);
    const lines = changes.map((c) => {
      const line = raw.get(c.row) as unknown[];
      const rec = c.record as Record<string, unknown>;
      for (const { col, i } of cols) if (col.key in rec) line[i] = writeCell(col, rec[col.key], lang, false);
      return line;
    });
    const colAt = new Map(cols.map(({ col, i }) => [i, col]));
    const idx = [...colAt.keys()].sort((a, b) => a - b);
    for (let s = 0; s < idx.length; ) {
      let e = s;
      while (e + 1 < idx.length && idx[e + 1] === idx[e] + 1) e++;
      const grid = lines.map((line) => {
        const cells: unknown[] = [];
        for (let j = idx[s]; j <= idx[e]; j++) cells.push(rewrite(colAt.get(j), line[j] ?? ''));
        return cells;
      });
      head.sheet.getRange(changes[0].row, idx[s] + 1, grid.length, idx[e] - idx[s] + 1).setValues(grid);
      s = e + 1;
    }
    this.wrote = true;
    this.wroteRole(role);
  }

  /** After any write to a role: narrow reads of it are stale (rows read whole stay: writes keep them current). */
  private wroteRole(role: Role): void {
    this.fieldTables.delete(role);
    if (role === 'settings') this.settingsChanged();
  }

  /**
   * The named fields of every data row, from the narrowest reads that cover their columns: one getSheetValues
   * (rows 2..last with data) per run of columns, neighbouring runs merged when the gap is narrower than a call is
   * worth. The header comes from head() (one row). Parsed as readRow would parse those cells of a full row.
   */
  readFields<K extends Role>(role: K, fields: ReadonlyArray<keyof RecordOf[K] & string>): Table<RecordOf[K]> {
    if (this.snapshots[role]) return this.read(role);
    const key = [...fields].sort().join(',');
    let byFields = this.fieldTables.get(role);
    const known = byFields?.get(key);
    if (known)
      return { rows: known.rows, issues: [...known.issues], duplicates: known.duplicates } as Table<RecordOf[K]>;
    const head = this.head(role);
    const idx = [...new Set(fields.map((f) => head.map.index[f]).filter((i): i is number => i !== undefined))].sort(
      (a, b) => a - b,
    );
    // Runs of sheet columns [from, to]; a gap of up to GAP columns is read rather than paid for with another call.
    const GAP = 2;
    const runs: Array<{ from: number; to: number; at: number }> = [];
    let width = 0;
    for (const i of idx) {
      const last = runs[runs.length - 1];
      if (last && i - last.to - 1 <= GAP) {
        width += i - last.to;
        last.to = i;
      } else {
        runs.push({ from: i, to: i, at: width });
        width += 1;
      }
    }
    const blocks = runs.map((r) => this.columnBlock(head, r.from, r.to - r.from + 1));
    const count = blocks.length ? blocks[0].length : 0;
    if (blocks.length) head.lastRow = count + 1;
    // A header map over the compact row (the runs side by side) naming only the fields read.
    const index: Record<string, number> = {};
    for (const f of fields) {
      const i = head.map.index[f];
      const run = i === undefined ? undefined : runs.find((r) => i >= r.from && i <= r.to);
      if (run && i !== undefined) index[f] = run.at + (i - run.from);
    }
    const map: HeaderMap<K> = { role, index, missing: [], width, only: true };
    const rows: Array<Stored<RecordOf[K]>> = [];
    const issues: RowIssue[] = [];
    const line: unknown[] = new Array(width);
    const single = blocks.length === 1 ? blocks[0] : null;
    for (let n = 0; n < count; n++) {
      // One run is read as it came; several side by side in one reused row (readRow copies what it keeps).
      let cellsOf = single ? single[n] : line;
      if (!single) {
        for (let b = 0, at = 0; b < blocks.length; b++) {
          const cells = blocks[b][n];
          for (let j = 0; j < cells.length; j++) line[at + j] = cells[j];
          at += cells.length;
        }
        cellsOf = line;
      }
      // Lazy dates as in read(): a narrow read that checks birth dates converts only those a caller looks at.
      const r = readRow(map, cellsOf, n + 2, this.dateText, LAZY_DATES[role]);
      // Not frozen, unlike whole-sheet reads: a save's key table is tens of thousands of small rows, freezing them
      // costs more than the parse, and the table is dropped at this execution's first write to the sheet anyway.
      if (r.kind === 'record') rows.push({ row: n + 2, record: r.record as RecordOf[K] });
      else if (r.kind === 'issue') issues.push(r.issue);
    }
    // Two rows with one id are never both counted (PRODUCT.md §9), in a narrow read as in a whole one.
    const split = fields.includes('id' as keyof RecordOf[K] & string)
      ? splitDuplicates(role, rows)
      : { rows, issues: [], duplicates: [] };
    const table: Table<RecordOf[K]> = {
      rows: split.rows,
      issues: [...issues, ...split.issues],
      duplicates: split.duplicates,
    };
    if (!byFields) {
      byFields = new Map();
      this.fieldTables.set(role, byFields);
    }
    byFields.set(key, table as Table<unknown>);
    return { rows: table.rows, issues: [...table.issues], duplicates: table.duplicates };
  }

  /** Rows 2..last-with-data of `width` columns from 0-based column `from`; none when the sheet has only a header. */
  private columnBlock(head: Head, from: number, width: number): unknown[][] {
    try {
      return head.sheet.getSheetValues(2, from + 1, -1, width) as unknown[][];
    } catch (_e) {
      return []; // -1 rows on a header-only sheet is zero rows, which Sheets refuses (notes §1)
    }
  }

  /**
   * Whole rows (header width) at the given 1-based rows: one getSheetValues per run of nearby rows (a gap of up to
   * ROW_GAP rows is read through). Their cells are kept so a later update of one of them needs no other read.
   */
  readRows<K extends Role>(role: K, rows: readonly number[]): ReadonlyArray<Stored<RecordOf[K]>> {
    if (this.snapshots[role]) {
      const wanted = new Set(rows);
      return this.read(role).rows.filter((s) => wanted.has(s.row));
    }
    const head = this.head(role);
    const width = Math.max(head.map.width, 1);
    let raw = this.rawRows.get(role);
    if (!raw) {
      raw = new Map();
      this.rawRows.set(role, raw);
    }
    const cache = raw;
    const missing = [...new Set(rows)].filter((r) => r >= 2 && !cache.has(r)).sort((a, b) => a - b);
    const ROW_GAP = 8;
    for (let s = 0; s < missing.length; ) {
      let e = s;
      while (e + 1 < missing.length && missing[e + 1] - missing[e] - 1 <= ROW_GAP) e++;
      const from = missing[s];
      const block = head.sheet.getSheetValues(from, 1, missing[e] - from + 1, width) as unknown[][];
      for (let k = 0; k < block.length; k++) cache.set(from + k, block[k]);
      s = e + 1;
    }
    const out: Array<Stored<RecordOf[K]>> = [];
    for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
      const line = cache.get(row);
      if (!line) continue;
      const r = readRow(head.map as HeaderMap<K>, line, row, this.dateText);
      if (r.kind === 'record') out.push(Object.freeze({ row, record: Object.freeze(r.record) as RecordOf[K] }));
    }
    return out;
  }

  /** After the add-on wrote the Settings sheet: the cached map and the mirrored language are both stale. */
  private settingsChanged(): void {
    this.settingsCache = undefined;
    this.langCache = undefined;
    if (this.props.language !== undefined)
      this.updateProps((p) => {
        delete p.language;
      });
  }

  /** Header (and row count, when known) of a sheet not read whole: one getSheetValues of row 1. */
  private head(role: Role): Head {
    let h = this.heads[role];
    if (!h) {
      const sheet = this.sheet(role);
      // The audit log's header travels with its saved tail: an append needs no read at all.
      const saved = role === 'audit' ? this.savedAuditTail()?.header : undefined;
      let header: unknown[] = saved ?? [];
      if (!saved) {
        try {
          header = (sheet.getSheetValues(1, 1, 1, -1) as unknown[][])[0] ?? [];
        } catch (_e) {
          header = [];
        }
      }
      const map = mapHeader(role, header);
      requireColumns(map, undefined, () => sheet.getName());
      h = { sheet, header, map };
      this.heads[role] = h;
    }
    return h;
  }

  append<K extends Role>(role: K, input: ReadonlyArray<Partial<RecordOf[K]>>): number[] {
    if (!input.length) return [];
    if (role === 'audit' && this.pending.size) this.commit();
    const snap = this.snapshots[role];
    const head = snap ?? this.head(role);
    let tail: AuditTail | null = null;
    let records = input;
    if (role === 'audit') {
      const chained = this.chainAudit(input as unknown as Array<Partial<AuditEntry>>);
      tail = chained.tail;
      records = chained.rows as unknown as typeof input;
    }
    const map = head.map as HeaderMap<K>;
    const lang = this.lang;
    const width = Math.max(map.width, 1);
    const grid = records.map((r) => writeRow(map, r, lang).slice(0, width));
    const last = snap ? snap.values.length : (tail?.row ?? this.lastRow(head as Head));
    const start = last + 1;
    const end = start + grid.length - 1;
    const known = this.maxRows.get(role) ?? this.props.grid?.[role];
    if (grid.length <= 2 && (known === undefined || end <= known)) {
      // appendRow beats getMaxRows + getRange + setValues up to two rows, while the grid has room for them.
      for (const line of grid) head.sheet.appendRow(line);
    } else {
      let maxRows = this.maxRows.get(role) ?? head.sheet.getMaxRows();
      // The grid does not grow when addressed beyond it (gas-runtime-notes §1): grow it, formatted, first.
      if (end > maxRows) {
        const header = snap ? (snap.values[0] ?? []) : (head as Head).header;
        maxRows = growGrid(head.sheet, role, header, maxRows, end - maxRows, lang);
      }
      this.maxRows.set(role, maxRows);
      if (this.props.grid?.[role] !== maxRows)
        this.updateProps((p) => {
          p.grid = { ...p.grid, [role]: maxRows };
        });
      head.sheet.getRange(start, 1, grid.length, width).setValues(grid);
    }
    this.wrote = true;
    if (snap) {
      for (const r of records) snap.values.push(writeRow(map, r, lang, undefined, false).slice(0, width));
      snap.table = undefined;
      snap.stale = undefined;
    } else {
      (head as Head).lastRow = last + grid.length;
    }
    if (role === 'audit') {
      const entries = records as unknown as AuditEntry[];
      const header = (snap ? (snap.values[0] ?? []) : (head as Head).header).map((h) => String(h ?? ''));
      const tailNow: AuditTail = { row: last + grid.length, hash: entries[entries.length - 1].hash ?? '', header };
      this.savedTail = tailNow;
      this.updateProps((p) => {
        p.auditTail = tailNow;
      });
    }
    this.wroteRole(role);
    return records.map((_, k) => start + k);
  }

  /**
   * Grows the grid once for `rows` more rows (the append path would grow it per batch, one insertRowsAfter each):
   * the grid height learnt here is the one later appends use, so they need no getMaxRows of their own.
   */
  reserve(role: Role, rows: number): void {
    if (rows <= 0) return;
    const snap = this.snapshots[role];
    const head = snap ?? this.head(role);
    const last = snap ? snap.values.length : this.lastRow(head as Head);
    let maxRows = this.maxRows.get(role) ?? head.sheet.getMaxRows();
    // A chunk beyond the estimate: what the caller could not count ahead (statements, digests) needs no growth either.
    const target = last + rows + GROW_CHUNK;
    if (target > maxRows) {
      const header = snap ? (snap.values[0] ?? []) : (head as Head).header;
      maxRows = growGrid(head.sheet, role, header, maxRows, target - maxRows, this.lang);
    }
    this.maxRows.set(role, maxRows);
    if (this.props.grid?.[role] !== maxRows)
      this.updateProps((p) => {
        p.grid = { ...p.grid, [role]: maxRows };
      });
  }

  private lastRow(head: Head): number {
    if (head.lastRow === undefined) head.lastRow = head.sheet.getLastRow();
    return head.lastRow;
  }

  /** The hash the next audit row chains to: the read log's last row, else the saved tail, else one read. */
  lastAuditHash(): string {
    return this.auditTail().hash;
  }

  /**
   * Audit rows hashed into the keyed chain (audit-anchor.ts) and appended; the anchor is written after the rows, in
   * this execution (savers hold the document lock). Costs the key and anchor reads and the anchor write, no sheet call.
   */
  appendAudit(drafts: ReadonlyArray<Partial<AuditDraftEntry>>): AuditEntry[] {
    const docProps = this.documentProps();
    const seal = readSeal(docProps, true);
    if (!docProps || !seal) {
      const rows = chainEntries(this.lastAuditHash(), drafts);
      this.append('audit', rows);
      return rows;
    }
    // Where the rows go is known the same way as before the key (saved tail, else one read of the log); its hash is
    // the legacy head when the chain is anchored for the first time.
    const last = this.lastAuditHash();
    const { entries, anchor } = sealDrafts(seal, drafts, () => last);
    this.append('audit', entries);
    writeAnchor(docProps, anchor);
    return entries;
  }

  workbookLang(): Lang {
    return this.lang;
  }

  auditSeal(): Seal | null {
    return readSeal(this.documentProps(), false);
  }

  private savedAuditTail(): AuditTail | null {
    // Read when first needed (callers hold the document lock by then), not from the props read at construction.
    if (this.savedTail === undefined) {
      const docProps = this.documentProps();
      this.savedTail = docProps ? readAuditTail(readWorkbookProps(docProps)) : null;
    }
    return this.savedTail;
  }

  private auditTail(): AuditTail {
    const snap = this.snapshots.audit;
    if (!snap) {
      const saved = this.savedAuditTail();
      const head = this.heads.audit;
      // Trusted unless a row count we already know says otherwise.
      if (saved && (head?.lastRow === undefined || head.lastRow === saved.row)) return saved;
    }
    const rows = this.read('audit').rows;
    const values = this.snapshots.audit?.values.length ?? 1;
    return { row: values, hash: rows.length ? rows[rows.length - 1].record.hash : '' };
  }

  /**
   * Audit rows written without a hash (by any caller) are chained here from the log's last row, so the log stays
   * tamper-evident whoever appends to it; rows that already carry a hash (recordAudit) are kept as given.
   */
  private chainAudit(rows: Array<Partial<AuditEntry>>): { rows: Array<Partial<AuditEntry>>; tail: AuditTail | null } {
    const known = this.snapshots.audit ? null : this.savedAuditTail();
    if (rows.every((r) => r.hash)) return { rows, tail: known };
    const tail = this.auditTail();
    return { rows: chainEntries(tail.hash, rows), tail: this.snapshots.audit ? null : tail };
  }

  settings(): SettingsMap {
    if (!this.settingsCache) {
      const values: Record<string, string> = {};
      if (this.snapshots.settings || this.findSheet('settings')) {
        try {
          for (const { record } of this.read('settings').rows) if (record.key) values[record.key.trim()] = record.value;
        } catch (e) {
          if (!(e instanceof LedgerError)) throw e;
        }
      }
      // A row deleted by hand falls back to what setup wrote in this workbook's language (its industry list).
      const chosen = values[WORKBOOK_KEYS.language]?.trim();
      this.settingsCache = withDefaults(values, isLang(chosen) ? chosen : this.props.lang);
      const language = this.settingsCache[WORKBOOK_KEYS.language] ?? '';
      if (this.findSheet('settings') && this.props.language !== language)
        this.updateProps((p) => {
          p.language = language;
        });
    }
    return this.settingsCache;
  }

  /** Forgets the cached snapshot of a role (after setup rewrote its header, for instance). */
  forget(role: Role): void {
    delete this.snapshots[role];
    this.sheets.delete(role);
    if (role === 'settings') this.settingsCache = undefined;
  }
}

/** The ledger of the active spreadsheet. One per execution: it caches every sheet it reads. */
export function openLedgerStore(props?: WorkbookProps): SheetLedgerStore {
  return new SheetLedgerStore(props);
}
