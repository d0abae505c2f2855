// readRow's allocation-free fast paths (issue #8) must answer exactly as readCell does: an empty required text cell
// is still an issue, text is kept as typed, enum labels in either language (memoized lookup) read as their value.
import { columnsOf, enumValue } from '../../src/domain/schema';
import { mapHeader, readCell, readRow } from '../../src/domain/table';

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
