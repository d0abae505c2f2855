// The sheet store's call savings (issue #8) through the BUILT add-on in the emulator: the audit chain continues
// from the saved tail without reading the log (and stays verifiable), a stale or missing tail falls back to a read,
// the Settings language is mirrored for saves and forgotten when the Settings sheet is edited, the lock flushes only
// after writes, and a refresh stays within PRODUCT.md §10's 15 spreadsheet calls.
import { OWNER, ledgerEnv, roleSheet } from '../browser/sidebar-fixtures';

type Env = ReturnType<typeof ledgerEnv>;
const PROP = 'customerLedger.workbook';

function saveCustomer(env: Env, name: string): { ok: boolean } {
  return env.callRpc('saveCustomer', [{ values: { name }, lang: 'en' }], { user: OWNER }) as { ok: boolean };
}

function workbookProp(env: Env): Record<string, unknown> {
  return JSON.parse(env.properties.document()[PROP] ?? '{}');
}

function verify(env: Env): { ok: boolean; rows: number } {
  return env.run('verifyAuditLog', [], { user: OWNER }) as { ok: boolean; rows: number };
}

describe('audit chain tail', () => {
  test('later saves continue the chain without reading the audit log; the chain verifies', () => {
    const env = ledgerEnv();
    expect(saveCustomer(env, 'First Co').ok).toBe(true);
    expect(workbookProp(env).auditTail).toMatchObject({ row: expect.any(Number), hash: expect.any(String) });
    env.resetCounts();
    expect(saveCustomer(env, 'Second Co').ok).toBe(true);
    // the customers' header and the key columns the duplicate check needs; the audit sheet not at all (its header
    // travels with the saved tail)
    expect(env.counts()['SpreadsheetApp.Sheet.getSheetValues']).toBeLessThanOrEqual(3);
    expect(env.counts()['SpreadsheetApp.Range.getValues'] ?? 0).toBe(0);
    const customers = env.values(roleSheet(env, 'customers'));
    expect(env.cells().read).toBeLessThan(customers.length * customers[0].length);
    const audit = env.values(roleSheet(env, 'audit'));
    expect(workbookProp(env).auditTail).toMatchObject({ row: audit.length });
    expect(verify(env)).toMatchObject({ ok: true, rows: audit.length - 1 });
  });

  test('a missing tail falls back to reading the log once, and the chain still verifies', () => {
    const env = ledgerEnv();
    saveCustomer(env, 'First Co');
    expect(workbookProp(env).auditTail).toBeDefined();
    env.run('setupWorkbook', [], { user: OWNER }); // setup appends to the log and drops the tail
    expect(workbookProp(env).auditTail).toBeUndefined();
    expect(saveCustomer(env, 'Second Co').ok).toBe(true);
    expect(verify(env).ok).toBe(true);
  });

  test('an onEdit audit row moves the saved tail along, so the next save chains to it', () => {
    const env = ledgerEnv();
    saveCustomer(env, 'First Co');
    const before = workbookProp(env).auditTail as { row: number };
    const r = env.userEdit(roleSheet(env, 'customers'), 'B2', [['First Co Renamed']]);
    expect(r.errors).toEqual([]);
    expect((workbookProp(env).auditTail as { row: number }).row).toBe(before.row + 1);
    saveCustomer(env, 'Second Co');
    expect(verify(env).ok).toBe(true);
  });
});

describe('settings language mirror', () => {
  test('saves write enum labels in the mirrored language; editing Settings forgets the mirror', () => {
    const env = ledgerEnv();
    expect(workbookProp(env).language).toBe('');
    const settings = roleSheet(env, 'settings');
    const keys = env.values(settings).map((r) => r[0]);
    const row = keys.indexOf('language') + 1;
    env.userEdit(settings, `B${row}`, [['zh-CN']]);
    expect(workbookProp(env).language).toBeUndefined();
    expect(saveCustomer(env, 'Mirror Co').ok).toBe(true); // reads Settings again, mirrors zh-CN
    expect(workbookProp(env).language).toBe('zh-CN');
    const customers = env.values(roleSheet(env, 'customers'));
    expect(customers[customers.length - 1]).toContain('活跃');
    expect(customers[customers.length - 1]).not.toContain('Active');
  });
});

describe('lock flush and budgets', () => {
  test('a save refused under the lock (nothing written) does not flush; a written one does', () => {
    const env = ledgerEnv();
    env.resetCounts();
    expect(saveCustomer(env, 'Flush Co').ok).toBe(true);
    expect(env.counts()['SpreadsheetApp.flush']).toBe(1);
    env.resetCounts();
    const dup = env.callRpc('saveCustomer', [{ values: { name: 'Flush Co' }, lang: 'en' }], { user: OWNER });
    expect(dup).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(env.counts()['LockService.Lock.releaseLock']).toBe(1);
    expect(env.counts()['SpreadsheetApp.flush'] ?? 0).toBe(0);
  });

  test('a customer save costs at most 12 spreadsheet calls (PRODUCT.md §10)', () => {
    const env = ledgerEnv();
    saveCustomer(env, 'Warm Co');
    env.resetCounts();
    saveCustomer(env, 'Budget Co');
    expect(env.total('SpreadsheetApp.')).toBeLessThanOrEqual(12);
  });
});
