// The reminder status plans from the columns plannerFields names (app/reminder-ledger.ts), which is exact only if no
// other column can make a row unreadable. This checks that premise against the real cell reader, with the kinds of
// cell a user can type, so a validation added to a column later (and not added to plannerFields) fails here.
import { plannerFields } from '../../src/app/reminder-ledger';
import { columnsOf } from '../../src/domain/schema';
import { readCell, readRow, mapHeader } from '../../src/domain/table';

const CELLS: unknown[] = [
  '',
  'abc',
  ' x ',
  '-5',
  '1e9',
  '2026-13-45',
  'a@',
  '=1+1',
  0,
  -3,
  12.5,
  1e12,
  true,
  false,
  new Date(0),
  {},
];
const dateText = () => '2026-01-01';

describe.each(['customers', 'invoices', 'payments'] as const)('%s: columns the status does not read', (role) => {
  const read = new Set<string>(plannerFields(role));
  const others = columnsOf(role).filter((c) => !read.has(c.key));

  test('there are some (the narrow read is narrower than the sheet)', () => {
    expect(others.length).toBeGreaterThan(0);
  });

  // Derived columns never reject a row (readRow reads a bad one as empty): the row test below covers them.
  test.each(others.filter((c) => !c.derived).map((c) => [c.key, c]))(
    '%s reads whatever is typed in it',
    (_key, col) => {
      for (const cell of CELLS) expect(readCell(col, cell, dateText).ok).toBe(true);
    },
  );

  test('a row whose read columns are fine reads as a record whatever the other columns hold', () => {
    const cols = columnsOf(role);
    const map = mapHeader(
      role,
      cols.map((c) => c.header['zh-CN']),
    );
    for (const cell of CELLS) {
      const good: Record<string, unknown> = {
        id: 'X-1',
        name: 'n',
        customerId: 'C-1',
        invoiceId: 'I-1',
        issueDate: '2026-01-01',
        date: '2026-01-01',
        amount: 5,
      };
      const line = cols.map((c) => (read.has(c.key) ? (good[c.key] ?? '') : cell));
      expect(readRow(map, line, 2, dateText).kind).toBe('record');
    }
  });
});
