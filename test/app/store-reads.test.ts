// The narrow-read helpers of src/app/store-reads.ts on the in-memory store (the sheet store's own narrow reads are
// covered through the built add-on in test/e2e/budgets.test.ts and test/adapters/store-budgets.test.ts).
import { findRow, keyRows, rowsAt, withFields } from '../../src/app/store-reads';
import { MemoryStore } from '../fakes/memory-store';

describe('store reads', () => {
  const store = () =>
    new MemoryStore({
      customers: [
        { id: 'C-000001', name: 'A' },
        { id: 'C-000002', name: 'B' },
      ],
    });

  test('findRow finds the first row by a key and returns it whole; null when absent', () => {
    const s = store();
    expect(findRow(s, 'customers', 'id', 'C-000002')).toMatchObject({ row: 3, record: { name: 'B' } });
    expect(findRow(s, 'customers', 'id', 'C-9')).toBeNull();
    expect(keyRows(s, 'customers', ['id']).map((r) => r.record.id)).toEqual(['C-000001', 'C-000002']);
    expect(rowsAt(s, 'customers', [2]).map((r) => r.record.name)).toEqual(['A']);
    expect(rowsAt(s, 'customers', [])).toEqual([]);
  });

  test('withFields merges like a spread but keeps getters lazy, even from a frozen record', () => {
    let calls = 0;
    const rec = Object.freeze(
      Object.defineProperty({ id: 'C-1', outstanding: 5 }, 'birthDate', {
        enumerable: true,
        get: () => {
          calls++;
          return '1990-01-01';
        },
      }),
    ) as { id: string; outstanding: number; birthDate: string };
    const out = withFields(rec, { outstanding: 7 });
    expect(calls).toBe(0);
    expect(out.outstanding).toBe(7);
    expect(out.id).toBe('C-1');
    expect(out.birthDate).toBe('1990-01-01');
    expect(calls).toBe(1);
    expect({ ...out }).toEqual({ id: 'C-1', outstanding: 7, birthDate: '1990-01-01' });
  });
});
