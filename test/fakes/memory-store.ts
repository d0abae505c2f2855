// An in-memory LedgerStore for use-case tests: same contract as the sheet adapter (rows are 1-based sheet rows,
// row 1 being the header), plus counters so tests can assert that a use case reads and writes in batches.
import type { LedgerStore, RecordOf, Role, RowIssue, Stored, Table } from '../../src/app/ports';
import type { SettingsMap } from '../../src/domain/settings-def';

export class MemoryStore implements LedgerStore {
  readonly tables: { [K in Role]: Array<Stored<RecordOf[K]>> } = {
    customers: [],
    invoices: [],
    payments: [],
    interactions: [],
    reminders: [],
    audit: [],
    settings: [],
  };
  readonly issues: RowIssue[] = [];
  reads = 0;
  writes = 0;
  settingsMap: Record<string, string> = {};

  constructor(init: { [K in Role]?: Array<Partial<RecordOf[K]>> } = {}, settings: Record<string, string> = {}) {
    for (const role of Object.keys(init) as Role[]) this.append(role, init[role] as never[]);
    this.settingsMap = { ...settings };
    this.writes = 0;
  }

  read<K extends Role>(role: K): Table<RecordOf[K]> {
    this.reads++;
    const rows = this.tables[role] as Array<Stored<RecordOf[K]>>;
    return {
      rows: rows.map((s) => ({ row: s.row, record: { ...s.record } })),
      issues: this.issues.filter((i) => i.role === role),
    };
  }

  update<K extends Role>(
    role: K,
    changes: ReadonlyArray<{ row: number; record: Partial<RecordOf[K]> }>,
    fields: ReadonlyArray<keyof RecordOf[K] & string>,
  ): void {
    this.writes++;
    this.forgetFields(role);
    const rows = this.tables[role] as Array<Stored<RecordOf[K]>>;
    for (const c of changes) {
      const i = rows.findIndex((s) => s.row === c.row);
      if (i < 0) throw new Error(`MemoryStore: no row ${c.row} in ${role}`);
      const next = { ...rows[i].record } as unknown as Record<string, unknown>;
      for (const f of fields) if (f in c.record) next[f] = (c.record as unknown as Record<string, unknown>)[f];
      rows[i] = { row: c.row, record: next as unknown as RecordOf[K] };
    }
  }

  append<K extends Role>(role: K, records: ReadonlyArray<Partial<RecordOf[K]>>): number[] {
    this.writes++;
    this.forgetFields(role);
    const rows = this.tables[role] as Array<Stored<RecordOf[K]>>;
    return records.map((r) => {
      const row = (rows.length ? rows[rows.length - 1].row : 1) + 1;
      rows.push({ row, record: { ...r } as RecordOf[K] });
      return row;
    });
  }

  /**
   * The sheet store's narrow reads: the named fields of every row (others as the full read has them: the fake keeps
   * records whole), cached per role and field set until the role is written, as the adapter caches them. Each
   * uncached call counts as one read; readRows counts in `rowReads`.
   */
  private readonly fieldCache = new Map<string, Table<unknown>>();
  rowReads = 0;

  readFields<K extends Role>(role: K, fields: ReadonlyArray<keyof RecordOf[K] & string>): Table<RecordOf[K]> {
    const key = `${role}:${[...fields].sort().join(',')}`;
    let t = this.fieldCache.get(key);
    if (!t) {
      t = this.read(role) as Table<unknown>;
      this.fieldCache.set(key, t);
    }
    return t as Table<RecordOf[K]>;
  }

  readRows<K extends Role>(role: K, rows: readonly number[]): ReadonlyArray<Stored<RecordOf[K]>> {
    this.rowReads++;
    const wanted = new Set(rows);
    return (this.tables[role] as Array<Stored<RecordOf[K]>>)
      .filter((s) => wanted.has(s.row))
      .map((s) => ({ row: s.row, record: { ...s.record } }));
  }

  private forgetFields(role: Role): void {
    for (const k of [...this.fieldCache.keys()]) if (k.startsWith(`${role}:`)) this.fieldCache.delete(k);
  }

  settings(): SettingsMap {
    return { ...this.settingsMap };
  }

  records<K extends Role>(role: K): Array<RecordOf[K]> {
    return (this.tables[role] as Array<Stored<RecordOf[K]>>).map((s) => s.record);
  }
}
