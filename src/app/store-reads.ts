// Narrow reads for the use cases that touch a few rows (sidebar saves and actions): the key columns they search,
// then the rows they need. Stores without narrow reads (the in-memory test store) answer from the whole table,
// with the same results.
import type { LedgerStore, RecordOf, Role, Stored, Table } from './ports';

/** Every row's `fields` (other fields empty). */
export function keyRows<K extends Role>(
  store: LedgerStore,
  role: K,
  fields: ReadonlyArray<keyof RecordOf[K] & string>,
): ReadonlyArray<Stored<RecordOf[K]>> {
  return store.readFields ? store.readFields(role, fields).rows : store.read(role).rows;
}

/** Every row's `fields` as a table: rows typed with a duplicate id are in `duplicates` (when `fields` has the id). */
export function keyTable<K extends Role>(
  store: LedgerStore,
  role: K,
  fields: ReadonlyArray<keyof RecordOf[K] & string>,
): Table<RecordOf[K]> {
  return store.readFields ? store.readFields(role, fields) : store.read(role);
}

/** The full records at `rows`, in row order (rows that do not read as records are left out). */
export function rowsAt<K extends Role>(
  store: LedgerStore,
  role: K,
  rows: readonly number[],
): ReadonlyArray<Stored<RecordOf[K]>> {
  if (!rows.length) return [];
  if (store.readRows) return store.readRows(role, rows);
  const wanted = new Set(rows);
  return store.read(role).rows.filter((s) => wanted.has(s.row));
}

/**
 * The first row whose `field` equals `value`, read whole; null when there is none (or it does not read). `keys`:
 * the key columns to read for the search (default just `field`): name the set a later keyRows of the same execution
 * uses, so the column is read once.
 */
export function findRow<K extends Role>(
  store: LedgerStore,
  role: K,
  field: keyof RecordOf[K] & string,
  value: unknown,
  keys: ReadonlyArray<keyof RecordOf[K] & string> = [field],
): Stored<RecordOf[K]> | null {
  const hit = keyRows(store, role, keys).find((s) => (s.record as unknown as Record<string, unknown>)[field] === value);
  if (!hit) return null;
  return rowsAt(store, role, [hit.row])[0] ?? null;
}

/**
 * `{ ...record, ...extra }` that keeps the record's lazily converted fields lazy (a spread would call their getters:
 * sheet-store.ts converts birth dates only when read), for rows handed on to later steps of the same execution.
 */
export function withFields<R extends object>(record: R, extra: Partial<R>): R {
  const out: Record<string, unknown> = {};
  const own = Object.getOwnPropertyDescriptors(record) as Record<string, PropertyDescriptor>;
  for (const [k, d] of Object.entries(own)) {
    if (k in extra) continue;
    // Getters stay getters (still lazy); the source may be frozen, so copies are made configurable and writable.
    if (d.get) Object.defineProperty(out, k, { get: d.get, enumerable: true, configurable: true });
    else out[k] = d.value;
  }
  for (const [k, v] of Object.entries(extra)) out[k] = v;
  return out as R;
}
