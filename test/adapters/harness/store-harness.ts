// Entry points for testing the sheet adapters directly in the emulator's bare realm (bundled by the test with
// esbuild, like the real build): each runs one adapter operation and returns JSON-safe data.
import { openLedgerStore } from '../../../src/adapters/sheet-store';
import type { RecordOf, Role } from '../../../src/app/ports';

export function readTable(role: Role) {
  return openLedgerStore().read(role);
}

export function appendRecords(role: Role, records: Array<Partial<RecordOf[Role]>>) {
  return openLedgerStore().append(role, records as never);
}

export function updateRecords(role: Role, changes: Array<{ row: number; record: object }>, fields: string[]) {
  const store = openLedgerStore();
  store.read(role);
  store.update(role, changes as never, fields as never);
  return store.read(role);
}

export function settingsMap() {
  return openLedgerStore().settings();
}

/** Reads, updates, reads again from the same store (its cached table) and from a fresh store (the sheet itself). */
export function updateThenCompare(role: Role, changes: Array<{ row: number; record: object }>, fields: string[]) {
  const store = openLedgerStore();
  const before = JSON.stringify(store.read(role));
  const held = store.read(role);
  store.update(role, changes as never, fields as never);
  const cached = store.read(role);
  return { cached, fresh: openLedgerStore().read(role), heldUnchanged: JSON.stringify(held) === before };
}
