// readRow's allocation-free fast paths (issue #8) must answer exactly as readCell does: an empty required text cell
// is still an issue, text is kept as typed, enum labels in either language (memoized lookup) read as their value.
import * as fc from 'fast-check';
import { columnsOf, enumValue } from '../../src/domain/schema';
import { mapHeader, readCell, readRow } from '../../src/domain/table';
import { emptyValue } from '../../src/domain/validate-field';

const header = columnsOf('customers').map((c) => c.header.en);
const map = mapHeader('customers', header);
const at = (key: string) => header.indexOf(columnsOf('customers').find((c) => c.key === key)!.header.en);
const noDates = () => {
  throw new Error('no dates here');
};

function row(cells: Record<string, unknown>): unknown[] {
  const out: unknown[] = new Array(header.length).fill('');
  for (const [k, v] of Object.entries(cells)) out[at(k)] = v;
  return out;
}

test('an empty required text cell is an issue, as readCell says', () => {
  const r = readRow(map, row({ id: 'C-1', name: '', email: 'x@example.com' }), 3, noDates);
  expect(r.kind).toBe('issue');
  if (r.kind === 'issue') expect(r.issue).toMatchObject({ row: 3, field: 'name' });
  const name = columnsOf('customers').find((c) => c.key === 'name')!;
  expect(readCell(name, '', noDates).ok).toBe(false);
});

test('every cell of a row reads as readCell reads it alone', () => {
  const cells = row({ id: ' C-2 ', name: '  Spaced Co ', notes: 'line\nbreak', type: '企业', status: 'Inactive' });
  const r = readRow(map, cells, 2, noDates);
  expect(r.kind).toBe('record');
  if (r.kind !== 'record') return;
  for (const c of columnsOf('customers')) {
    const alone = readCell(c, cells[at(c.key)], noDates);
    expect(alone.ok).toBe(true);
    if (alone.ok) expect((r.record as unknown as Record<string, unknown>)[c.key]).toEqual(alone.value);
  }
  expect(r.record.name).toBe('  Spaced Co ');
  expect(r.record.status).toBe('inactive');
});

test('enum labels read the same on first and repeated lookups, in either language and spacing', () => {
  const status = columnsOf('customers').find((c) => c.key === 'status')!;
  for (let i = 0; i < 2; i++) {
    expect(enumValue(status, '停用')).toBe('inactive');
    expect(enumValue(status, ' in active ')).toBe('inactive');
    expect(enumValue(status, 'ACTIVE')).toBe('active');
    expect(enumValue(status, 'nope')).toBeUndefined();
    expect(enumValue(status, '')).toBeUndefined();
  }
});

describe('readRow answers as readCell does, cell by cell, on every sheet', () => {
  const roles = ['customers', 'invoices', 'payments', 'interactions', 'reminders', 'settings', 'audit'] as const;
  // A Date of another realm is what services return; the callback stands in for the spreadsheet zone.
  const dateText = (d: object, kind: 'date' | 'datetime') => `${kind}:${(d as Date).getTime()}`;
  const cell = fc.oneof(
    fc.constantFrom('', ' ', null, undefined, true, false, 0, -1, 12.345, 7, 'x', ' C-1 ', '2026-01-02', '企业'),
    fc.constantFrom('Active', '停用', 'open', 'written-off', '已核销', 'bank', 'phone', 'current', '90+', 'A'),
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
    fc.integer({ min: -5, max: 200 }),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms)),
  );
  for (const role of roles) {
    test(role, () => {
      const cols = columnsOf(role);
      const m = mapHeader(
        role,
        cols.map((c) => c.header.en),
      );
      fc.assert(
        fc.property(fc.array(cell, { minLength: cols.length, maxLength: cols.length }), (cells) => {
          const r = readRow(m, cells, 5, dateText);
          const alone = cols.map((c, i) => readCell(c, cells[i], dateText));
          if (cells.every((v) => v === '' || v === null || v === undefined)) return r.kind === 'blank';
          const bad = alone.findIndex((a, i) => !a.ok && !cols[i].derived);
          if (bad >= 0) {
            expect(r).toEqual({
              kind: 'issue',
              issue: { role, row: 5, field: cols[bad].key, message: (alone[bad] as { message: unknown }).message },
            });
            return true;
          }
          // The one rule across cells: an invoice due before its issue date is a bad row (PRODUCT.md §9).
          const day = (key: string) => {
            const i = cols.findIndex((c) => c.key === key);
            const a = alone[i];
            return a?.ok && typeof a.value === 'string' ? a.value : '';
          };
          if (role === 'invoices' && day('dueDate') !== '' && day('dueDate') < day('issueDate')) {
            expect(r).toEqual({ kind: 'issue', issue: expect.objectContaining({ role, row: 5, field: 'dueDate' }) });
            return true;
          }
          expect(r.kind).toBe('record');
          const rec = (r as unknown as { record: Record<string, unknown> }).record;
          cols.forEach((c, i) => {
            const a = alone[i];
            // A bad derived cell reads as the column's empty value (the next refresh rewrites it).
            expect(rec[c.key]).toEqual(a.ok ? a.value : emptyValue(c));
          });
          return true;
        }),
        { numRuns: 300 },
      );
    });
  }
});
