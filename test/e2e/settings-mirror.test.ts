// The Settings values mirrored in a document property (src/adapters/settings-mirror.ts): operations that need a
// setting read the property instead of the Settings sheet (two spreadsheet calls less), and every change of the
// sheet the add-on can see — a user's edit (onEdit), its own settings save, setup — drops the mirror, so the next
// operation reads the sheet again and sees the change. Opening the file re-reads the sheet.
import { customerWithInvoice, type Env, newEnv, rpc, sheetName, sheetOf, start } from './harness';

const MIRROR = 'customerLedger.settingsMirror';
const SETTINGS = sheetName('settings');

const mirror = (env: Env) => (env.properties.document() as Record<string, string>)[MIRROR];

function rowOf(env: Env, key: string): number {
  const r = (env.values(SETTINGS) as unknown[][]).findIndex((row) => row[0] === key);
  expect(r).toBeGreaterThan(0);
  return r + 1;
}

function settingsSheetReads(env: Env, fn: () => void): number {
  env.resetCounts();
  fn();
  return (env.counts() as Record<string, number>)['SpreadsheetApp.Spreadsheet.getSheetById'] ?? 0;
}

describe('settings mirror', () => {
  test('a read of Settings leaves the mirror; the next operation uses it and does not read the sheet', () => {
    const env = newEnv();
    expect(mirror(env)).toBeUndefined(); // setup leaves none
    start(env);
    expect(JSON.parse(mirror(env))).toMatchObject({ defaultCurrency: 'CNY' });
    const withMirror = settingsSheetReads(env, () => start(env));
    env.run('setupWorkbook', [], { kind: 'menu' }); // setup drops the mirror: the next start reads Settings
    expect(mirror(env)).toBeUndefined();
    const withoutMirror = settingsSheetReads(env, () => start(env));
    expect(withoutMirror).toBe(withMirror + 1); // the Settings sheet's lookup (and its read) only without it
  });

  test("a user's edit of Settings is seen by the next save (overpayment refused, then allowed)", () => {
    const env = newEnv();
    const { invoiceId } = customerWithInvoice(
      env,
      { name: '镜像', email: 'm@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '100' },
    );
    start(env); // writes the mirror (allowOverpayment false)
    const pay = () =>
      rpc<{ ok: boolean; reason?: string }>(env, 'savePayment', {
        values: { invoiceId, date: '2026-03-01', amount: '150', method: 'bank' },
        lang: 'zh-CN',
      });
    expect(pay()).toMatchObject({ ok: false, reason: 'validation' });
    expect(mirror(env)).toBeDefined();
    expect(env.userEdit(SETTINGS, `B${rowOf(env, 'allowOverpayment')}`, [['true']]).accepted).toBe(true);
    expect(mirror(env)).toBeUndefined(); // onEdit dropped it
    expect(pay()).toMatchObject({ ok: true });
  });

  test("the add-on's own settings save drops the mirror; opening the file re-reads the sheet", () => {
    const env = newEnv();
    start(env);
    expect(mirror(env)).toBeDefined();
    const view = rpc<{ version: string }>(env, 'settingsView');
    const values = { defaultCurrency: 'HKD' };
    const saved = rpc<{ ok: boolean }>(env, 'saveSettings', { version: view.version, values, lang: 'zh-CN' });
    expect(saved.ok).toBe(true);
    // Dropped by the write; a read later in the same save may mirror the sheet again, as it now is.
    if (mirror(env) !== undefined) expect(JSON.parse(mirror(env))).toMatchObject({ defaultCurrency: 'HKD' });
    expect(start(env).currency).toBe('HKD');
    // Another script's write fires no trigger: the mirror stays until the file is opened again.
    sheetOf(env, SETTINGS).getRange(rowOf(env, 'defaultCurrency'), 2).setValue('USD');
    expect(start(env).currency).toBe('HKD');
    env.openAsUser('owner@example.com');
    expect(JSON.parse(mirror(env))).toMatchObject({ defaultCurrency: 'USD' });
    expect(start(env).currency).toBe('USD');
  });
});
