import { createHash } from 'node:crypto';
import { AUDIT_FIELDS, auditHash, chainEntries, verifyChain } from '../../src/domain/audit-chain';
import { sha256Hex } from '../../src/domain/sha256';

const entry = (n: number) => ({
  at: `2026-03-0${n} 10:00:00`,
  user: 'a@example.com',
  action: 'edit',
  sheet: 'customers',
  recordId: `C-00000${n}`,
  field: 'name',
  oldValue: `old ${n}`,
  newValue: `新 ${n}`,
  source: 'edit' as const,
});

describe('sha256', () => {
  test('matches node crypto on ASCII, CJK, emoji and block boundaries', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), '客户台账 😀', 'a'.repeat(1000)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });
});

describe('audit chain', () => {
  const rows = chainEntries('', [entry(1), entry(2), entry(3), entry(4)]).map((record, i) => ({ row: i + 2, record }));

  test('each hash is sha256 of the previous hash and the fields, unit-separated', () => {
    const first = rows[0].record;
    const expected = createHash('sha256')
      .update(['', ...AUDIT_FIELDS.map((f) => String(first[f]))].join('\u001f'), 'utf8')
      .digest('hex');
    expect(first.hash).toBe(expected);
    expect(rows[1].record.hash).toBe(auditHash(first.hash, rows[1].record));
    expect(verifyChain(rows)).toEqual({ ok: true, rows: 4 });
  });

  test('an altered field, a deleted row or an inserted row is named by its sheet row', () => {
    const altered = rows.map((r) => (r.row === 4 ? { ...r, record: { ...r.record, newValue: 'x' } } : r));
    expect(verifyChain(altered)).toEqual({ ok: false, row: 4, rows: 4 });
    const deleted = rows.filter((r) => r.row !== 3).map((r, i) => ({ ...r, row: i + 2 }));
    expect(verifyChain(deleted)).toEqual({ ok: false, row: 3, rows: 3 });
    const forged = [...rows.slice(0, 2), { row: 4, record: { ...entry(9), hash: 'f'.repeat(64) } }];
    expect(verifyChain(forged)).toEqual({ ok: false, row: 4, rows: 3 });
  });

  test('continuing a chain from the last hash equals chaining all at once', () => {
    const a = chainEntries('', [entry(1), entry(2)]);
    const b = chainEntries(a[1].hash, [entry(3)]);
    expect(b[0].hash).toBe(rows[2].record.hash);
  });
});
