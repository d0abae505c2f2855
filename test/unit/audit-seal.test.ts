// The keyed, anchored audit chain (src/domain/audit-seal.ts): every kind of tampering is named, and a recomputation
// with the public algorithm does not pass.
import { auditHash, chainEntries } from '../../src/domain/audit-chain';
import { type AuditAnchor, type LogRow, sealEntries, verifySealed } from '../../src/domain/audit-seal';

const KEY = '0123456789abcdef0123456789abcdef';
const entry = (i: number) => ({
  at: `2026-03-0${i} 09:00:00`,
  user: 'a@example.com',
  action: 'create',
  newValue: `v${i}`,
});

function keyedLog(n: number, start?: AuditAnchor): { rows: LogRow[]; anchor: AuditAnchor } {
  const anchor0 = start ?? { legacyHead: '', rows: 0, head: '' };
  const { entries, anchor } = sealEntries(
    KEY,
    anchor0,
    Array.from({ length: n }, (_, i) => entry(i + 1)),
  );
  return { rows: entries.map((record, i) => ({ row: i + 2, record })), anchor };
}

const renumber = (rows: LogRow[]) => rows.map((r, i) => ({ ...r, row: i + 2 }));

test('an intact keyed log verifies', () => {
  const { rows, anchor } = keyedLog(5);
  expect(verifySealed(rows, KEY, anchor)).toEqual({ ok: true, rows: 5 });
});

test('altered, missing, inserted and truncated rows are told apart', () => {
  const { rows, anchor } = keyedLog(6);
  const altered = rows.map((r) => (r.row === 4 ? { ...r, record: { ...r.record, newValue: 'x' } } : r));
  expect(verifySealed(altered, KEY, anchor)).toMatchObject({ ok: false, kind: 'altered', row: 4 });
  const missing = renumber(rows.filter((r) => r.row !== 4 && r.row !== 5));
  expect(verifySealed(missing, KEY, anchor)).toMatchObject({ ok: false, kind: 'missing', row: 4, count: 2 });
  const inserted = renumber([...rows.slice(0, 2), { row: 0, record: rows[0].record }, ...rows.slice(2)]);
  expect(verifySealed(inserted, KEY, anchor)).toMatchObject({ ok: false, kind: 'inserted', row: 4 });
  expect(verifySealed(rows.slice(0, 4), KEY, anchor)).toMatchObject({ ok: false, kind: 'truncated', row: 6, count: 2 });
  expect(verifySealed([], KEY, anchor)).toMatchObject({ ok: false, kind: 'truncated', count: 6, rows: 0 });
});

test('a chain recomputed with the public algorithm, or with another key, fails', () => {
  const { rows, anchor } = keyedLog(3);
  let prev = '';
  const forged = rows.map((r) => {
    const rec = { ...r.record, newValue: r.row === 3 ? 'forged' : r.record?.newValue };
    prev = auditHash(prev, rec);
    return { ...r, record: { ...rec, hash: prev } };
  });
  expect(verifySealed(forged, KEY, anchor)).toMatchObject({ ok: false, row: 2 });
  expect(verifySealed(rows, 'another key', anchor)).toMatchObject({ ok: false, row: 2 });
});

test('rows written before the key verify with the public algorithm up to the legacy head', () => {
  const legacy = chainEntries('', [entry(1), entry(2)]);
  const head = legacy[1].hash;
  const keyed = keyedLog(2, { legacyHead: head, rows: 0, head });
  const rows = renumber([...legacy.map((record) => ({ row: 0, record })), ...keyed.rows]);
  expect(verifySealed(rows, KEY, keyed.anchor)).toEqual({ ok: true, rows: 4 });
  // Dropping the keyed rows and the last old row: the old rows no longer reach the pinned head.
  expect(verifySealed(rows.slice(0, 1), KEY, keyed.anchor)).toMatchObject({ ok: false, kind: 'truncated' });
});
