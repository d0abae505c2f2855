// The LedgerStore port on SpreadsheetApp (Google's batching rule: read a sheet with one getValues, compute, write
// with as few setValues as possible). Sheets are found by the ids stored at setup, then by name in either language.
// Each sheet is read once per execution and kept as a snapshot; writes go only to the columns the add-on owns and was
// asked to change, so user columns are never overwritten. Sheet Dates become ISO days in the SPREADSHEET's zone.
import type { LedgerStore, RecordOf, Role, RowIssue, Stored, Table } from '../app/ports';
import { chainEntries } from '../domain/audit-chain';
import { isIsoDay } from '../domain/day';
import { isLang, type Lang, langFromLocale } from '../domain/i18n';
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
  writeCell,
  writeRow,
} from '../domain/table';
import { guardText } from '../domain/text-safety';
import { readWorkbookProps, type WorkbookProps } from './workbook-props';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Snapshot {
  readonly sheet: Sheet;
  readonly map: HeaderMap;
  /** Row 1 is the header; values as getValues returned them, updated in place after our own writes. */
  readonly values: unknown[][];
  table?: Table<unknown>;
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
  private readonly snapshots: Partial<Record<Role, Snapshot>> = {};
  private tzCache?: string;
  private settingsCache?: SettingsMap;
  private readonly dates = new Map<string, string>();
  private langCache?: Lang;
  private readonly sheets = new Map<Role, Sheet | null>();

  constructor(props?: WorkbookProps) {
    this.props = props ?? readWorkbookProps();
  }

  get tz(): string {
    if (this.tzCache === undefined) this.tzCache = this.ss.getSpreadsheetTimeZone();
    return this.tzCache;
  }

  /** Date → text in the spreadsheet zone, memoized per distinct instant (one service call per distinct value). */
  readonly dateText: DateText = (date, kind) => {
    const ms = (date as Date).getTime();
    const key = `${kind}:${ms}`;
    let s = this.dates.get(key);
    if (s === undefined) {
      const pattern = kind === 'date' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss';
      s = Utilities.formatDate(date as Date, this.tz, pattern);
      this.dates.set(key, s);
    }
    return s;
  };

  /** The language enum labels and new headers are written in: settings override, then setup's, then the user's. */
  get lang(): Lang {
    if (!this.langCache) {
      const s = this.settings()[WORKBOOK_KEYS.language];
      this.langCache = isLang(s) ? s : (this.props.lang ?? langFromLocale(Session.getActiveUserLocale()));
    }
    return this.langCache;
  }

  /** The role's sheet, or null when it does not exist (setup recreates it). */
  findSheet(role: Role): Sheet | null {
    if (this.sheets.has(role)) return this.sheets.get(role) ?? null;
    const id = this.props.sheets[role];
    let sheet = typeof id === 'number' ? this.ss.getSheetById(id) : null;
    if (!sheet) {
      const name = sheetOf(role).name;
      sheet = this.ss.getSheetByName(name['zh-CN']) ?? this.ss.getSheetByName(name.en);
    }
    this.sheets.set(role, sheet);
    return sheet;
  }

  sheet(role: Role): Sheet {
    const s = this.snapshots[role]?.sheet ?? this.findSheet(role);
    if (!s) throw missingSheetError(role);
    return s;
  }

  /** The cached whole-sheet read: one getDataRange + one getValues per sheet per execution. */
  snapshot(role: Role): Snapshot {
    let snap = this.snapshots[role];
    if (!snap) {
      const sheet = this.sheet(role);
      const values = sheet.getDataRange().getValues() as unknown[][];
      const map = mapHeader(role, values[0] ?? []);
      requireColumns(map);
      snap = { sheet, map, values };
      this.snapshots[role] = snap;
    }
    return snap;
  }

  read<K extends Role>(role: K): Table<RecordOf[K]> {
    const snap = this.snapshot(role);
    if (!snap.table) {
      const rows: Array<Stored<RecordOf[K]>> = [];
      const issues: RowIssue[] = [];
      const map = snap.map as HeaderMap<K>;
      for (let i = 1; i < snap.values.length; i++) {
        const r = readRow(map, snap.values[i], i + 1, this.dateText);
        if (r.kind === 'record') rows.push({ row: i + 1, record: r.record });
        else if (r.kind === 'issue') issues.push(r.issue);
      }
      snap.table = { rows, issues } as Table<unknown>;
    }
    const t = snap.table as Table<RecordOf[K]>;
    return { rows: t.rows.map((s) => ({ row: s.row, record: { ...s.record } })), issues: [...t.issues] };
  }

  update<K extends Role>(
    role: K,
    changes: ReadonlyArray<{ row: number; record: Partial<RecordOf[K]> }>,
    fields: ReadonlyArray<keyof RecordOf[K] & string>,
  ): void {
    if (!changes.length || !fields.length) return;
    const snap = this.snapshot(role);
    const lang = this.lang;
    const cols = fields.map((f) => {
      const col = columnOf(role, f);
      const i = snap.map.index[f];
      if (!col) throw new Error(`unknown field ${role}.${f}`);
      if (i === undefined) throw missingColumnError(role, col);
      return { col, i };
    });
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
    // Contiguous runs of sheet columns: one setValues per run over rows minRow..maxRow, from the updated snapshot.
    const idx = [...colAt.keys()].sort((a, b) => a - b);
    for (let s = 0; s < idx.length; ) {
      let e = s;
      while (e + 1 < idx.length && idx[e + 1] === idx[e] + 1) e++;
      const from = idx[s];
      const width = idx[e] - from + 1;
      const grid: unknown[][] = [];
      for (let r = minRow; r <= maxRow; r++) {
        const line: unknown[] = [];
        for (let j = from; j < from + width; j++) line.push(rewrite(colAt.get(j), snap.values[r - 1][j] ?? ''));
        grid.push(line);
      }
      snap.sheet.getRange(minRow, from + 1, grid.length, width).setValues(grid);
      s = e + 1;
    }
    snap.table = undefined;
    if (role === 'settings') this.settingsCache = undefined;
  }

  append<K extends Role>(role: K, input: ReadonlyArray<Partial<RecordOf[K]>>): number[] {
    if (!input.length) return [];
    const snap = this.snapshot(role);
    const records =
      role === 'audit'
        ? (this.chainAudit(input as unknown as Array<Partial<AuditEntry>>) as unknown as typeof input)
        : input;
    const map = snap.map as HeaderMap<K>;
    const lang = this.lang;
    const width = Math.max(map.width, 1);
    const plain = records.map((r) => writeRow(map, r, lang, undefined, false).slice(0, width));
    const grid = records.map((r) => writeRow(map, r, lang).slice(0, width));
    const start = snap.values.length + 1;
    const maxRows = snap.sheet.getMaxRows();
    const need = start + records.length - 1 - maxRows;
    // The grid does not grow when addressed beyond it (gas-runtime-notes §1): insert the rows first.
    if (need > 0) snap.sheet.insertRowsAfter(maxRows, need);
    snap.sheet.getRange(start, 1, grid.length, width).setValues(grid);
    for (const p of plain) snap.values.push(p);
    snap.table = undefined;
    if (role === 'settings') this.settingsCache = undefined;
    return records.map((_, k) => start + k);
  }

  /**
   * Audit rows written without a hash (by any caller) are chained here from the log's last row, so the log stays
   * tamper-evident whoever appends to it; rows that already carry a hash (recordAudit) are kept as given.
   */
  private chainAudit(rows: Array<Partial<AuditEntry>>): Array<Partial<AuditEntry>> {
    if (rows.every((r) => r.hash)) return rows;
    const existing = this.read('audit').rows;
    return chainEntries(existing.length ? existing[existing.length - 1].record.hash : '', rows);
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
      this.settingsCache = withDefaults(values);
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
