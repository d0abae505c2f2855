// The SpreadsheetApp LedgerStore in the emulator's bare realm: leading zeros and formula-looking text survive a
// write and a read, updates touch only the named columns of the changed rows (user columns never), appends grow a
// full grid, and reads cost a bounded number of calls.
import path from 'node:path';
import * as esbuild from 'esbuild';
import { createEnvironment } from '../../emulator/src/index';
import { columnsOf } from '../../src/domain/schema';

type Env = ReturnType<typeof createEnvironment>;

function tab(env: Env, name: string) {
  const s = env.spreadsheet.api().getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
const FNS = ['readTable', 'appendRecords', 'updateRecords', 'settingsMap', 'updateThenCompare'];

function harness(): string {
  const out = esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'harness/store-harness.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Harness',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
  });
  const stubs = FNS.map((f) => `function ${f}(a, b, c) { return Harness.${f}(a, b, c); }`).join('\n');
  return `${out.outputFiles[0].text}\n${stubs}`;
}

const code = harness();

function workbook() {
  const env = createEnvironment({ now: '2026-03-02T09:00:00+08:00', timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
  env.loadBuild('dist');
  env.openAsUser('owner@example.com');
  env.clickMenu('setupWorkbook');
  env.loadScript(code);
  return env;
}

describe('SheetLedgerStore', () => {
  test('leading zeros, phones and formula injection strings are written as text and read back exactly', () => {
    const env = workbook();
    const tricky = {
      id: '0000611365',
      name: '=IMPORTXML("http://evil","//a")',
      contact: '+SUM(1,2)',
      phone: '+86 138 0013 8000',
      notes: "@everyone -5 'quoted",
      address: '2024-01-05',
      type: 'company' as const,
      creditLimit: 1234567,
      remindersPaused: true,
      birthDate: '1990-02-03',
    };
    const rows = env.run('appendRecords', ['customers', [tricky]]);
    expect(rows).toEqual([2]);
    const cells = env.values('客户')[1];
    const col = (k: string) => cells[columnsOf('customers').findIndex((c) => c.key === k)];
    expect(col('id')).toBe('0000611365');
    expect(col('name')).toBe('=IMPORTXML("http://evil","//a")');
    expect(tab(env, '客户').getRange('B2').getFormula()).toBe('');
    expect(col('type')).toBe('企业');
    expect(col('creditLimit')).toBe(12345.67);
    expect(col('remindersPaused')).toBe(true);
    const back = env.run('readTable', ['customers']) as {
      rows: Array<{ row: number; record: Record<string, unknown> }>;
    };
    expect(back.rows[0].record).toMatchObject(tricky);
  });

  test('update writes only the named columns of the changed rows; user columns and other rows untouched', () => {
    const env = workbook();
    const sheet = tab(env, '应收账款');
    const width = columnsOf('invoices').length;
    sheet.getRange(1, width + 1).setValue('Mine');
    sheet.getRange(2, 1, 3, 7).setValues([
      ['I-1', 'C-1', '', '', '2026-01-01', '2026-01-31', 100],
      ['I-2', 'C-1', '', '', '2026-01-01', '2026-01-31', 200],
      ['I-3', 'C-1', '', '', '2026-01-01', '2026-01-31', 300],
    ]);
    sheet.getRange(2, width + 1, 3, 1).setValues([['u1'], ['u2'], ['u3']]);
    env.resetCounts();
    const t = env.run('updateRecords', [
      'invoices',
      [
        { row: 2, record: { outstanding: 5000, agingBucket: '1-30', notes: 'n' } },
        { row: 4, record: { outstanding: 7000, agingBucket: '90+' } },
      ],
      ['outstanding', 'agingBucket'],
    ]) as { rows: Array<{ record: Record<string, unknown> }> };
    // outstanding and agingBucket are not adjacent: one setValues per column run, each over rows 2..4 (row 3 as read)
    expect(env.counts()['SpreadsheetApp.Range.setValues']).toBe(2);
    const v = env.values('应收账款');
    const i = (k: string) => columnsOf('invoices').findIndex((c) => c.key === k);
    expect(v.map((r) => r[i('outstanding')])).toEqual(['未收金额', 50, '', 70]);
    expect(v.map((r) => r[i('agingBucket')])).toEqual(['账龄', '1-30天', '', '90天以上']);
    expect(v.map((r) => r[i('notes')])).toEqual(['备注', '', '', '']);
    expect(v.map((r) => r[width])).toEqual(['Mine', 'u1', 'u2', 'u3']);
    expect(t.rows.map((r) => r.record.outstanding)).toEqual([5000, 0, 7000]);
    expect(t.rows[0].record.issueDate).toBe('2026-01-01');
  });

  test('a read after an update gives what a fresh read of the sheet gives (changed rows re-parsed, ids kept or not)', () => {
    const env = workbook();
    const sheet = tab(env, '应收账款');
    sheet.getRange(2, 1, 4, 7).setValues([
      ['I-1', 'C-1', '', '', '2026-01-01', '2026-01-31', 100],
      ['I-2', 'C-1', '', '', '2026-01-01', '2026-01-31', 200],
      ['I-2', 'C-2', '', '', '2026-01-01', '2026-01-31', 250],
      ['I-4', 'C-1', '', '', '2026-01-01', '2026-01-31', 300],
    ]);
    type R = { cached: unknown; fresh: unknown; heldUnchanged: boolean };
    const same = (r: R) => {
      expect(r.cached).toEqual(r.fresh);
      expect(r.heldUnchanged).toBe(true);
    };
    // Derived columns of kept rows: the patched rows only.
    same(
      env.run('updateThenCompare', [
        'invoices',
        [
          { row: 2, record: { outstanding: 5000, agingBucket: '1-30' } },
          { row: 5, record: { outstanding: 7000, agingBucket: '90+' } },
        ],
        ['outstanding', 'agingBucket'],
      ]) as R,
    );
    // A duplicate row changed, an id changed into a duplicate, and back out of one: a full re-parse.
    same(env.run('updateThenCompare', ['invoices', [{ row: 3, record: { outstanding: 1 } }], ['outstanding']]) as R);
    same(env.run('updateThenCompare', ['invoices', [{ row: 5, record: { id: 'I-1' } }], ['id']]) as R);
    const back = env.run('updateThenCompare', ['invoices', [{ row: 4, record: { id: 'I-3' } }], ['id']]) as R;
    same(back);
    expect((back.cached as { duplicates: unknown[] }).duplicates).toHaveLength(2); // I-1 twice now
  });

  test('append grows a full grid instead of addressing beyond it', () => {
    const env = workbook();
    const sheet = tab(env, '回款');
    sheet.deleteRows(3, sheet.getMaxRows() - 2); // 2 rows left: header + one free row
    const records = [1, 2, 3].map((n) => ({
      id: `P-00000${n}`,
      invoiceId: 'I-1',
      date: '2026-03-01',
      amount: n * 100,
    }));
    expect(env.run('appendRecords', ['payments', records])).toEqual([2, 3, 4]);
    expect(env.values('回款').length).toBe(4);
  });

  test('an append past the grid grows it in a chunk that keeps formats, rules, highlights and protections', () => {
    const env = workbook();
    const sheet = tab(env, '客户');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const col = (h: string) => header.indexOf(h) + 1;
    expect(sheet.getMaxRows()).toBe(1000);
    const filled = Array.from({ length: 999 }, (_, i) => [`C-${String(i + 1).padStart(6, '0')}`, `客户${i + 1}`]);
    sheet.getRange(2, 1, 999, 2).setValues(filled);
    env.resetCounts();
    expect(env.run('appendRecords', ['customers', [{ id: 'C-001000', name: '新客户', phone: '13800138000' }]])).toEqual(
      [1001],
    );
    const growthCalls = env.total('SpreadsheetApp.');
    expect(sheet.getMaxRows()).toBe(1500);
    // Cells of the new rows validate like the rows above: inserted rows inherit the last row's rules, the
    // cell-relative phone formula read from each row's own cell (a typed bad phone at row 1200 is flagged).
    const phone = sheet.getRange(1200, col('电话')).getDataValidation();
    expect(String(phone?.getHelpText())).toMatch(/手机/);
    const phoneA1 = `${String.fromCharCode(64 + col('电话'))}1200`;
    expect(env.userEdit('客户', phoneA1, [['12345']]).invalid).toHaveLength(1);
    expect(env.userEdit('客户', phoneA1, [['13800138000']]).invalid).toHaveLength(0);
    expect(sheet.getRange(1400, col('客户类型')).getDataValidation()?.getCriteriaType()).toBe(
      sheet.getRange(2, col('客户类型')).getDataValidation()?.getCriteriaType(),
    );
    expect(sheet.getRange(1499, col('电话')).getNumberFormat()).toBe('@');
    // Derived columns stay protected down to the new last row; the high-risk highlight covers the new rows.
    const prot = sheet.getProtections('RANGE' as never) as unknown as Array<{ getRange(): { getLastRow(): number } }>;
    expect(prot.length).toBeGreaterThan(0);
    for (const p of prot) expect(p.getRange().getLastRow()).toBe(1500);
    sheet.getRange(1300, col('客户分类')).setValue('高风险');
    expect(env.conditionalFormats('客户', { from: 1300, count: 1 }).length).toBeGreaterThan(0);
    // A growth is rare (once per 500 rows) and bounded; the next append is a plain appendRow again.
    expect(growthCalls).toBeLessThanOrEqual(45);
    env.resetCounts();
    env.run('appendRecords', ['customers', [{ id: 'C-001001', name: '又一个' }]]);
    expect(env.counts()['SpreadsheetApp.Sheet.insertRowsAfter']).toBeUndefined();
  });

  test('a bad typed cell becomes a RowIssue and the row is skipped', () => {
    const env = workbook();
    const sheet = tab(env, '应收账款');
    sheet.getRange(2, 1, 2, 7).setValues([
      ['I-1', 'C-1', '', '', '2026-01-01', '2026-01-31', 'lots'],
      ['I-2', 'C-1', '', '', '2026-01-01', '2026-01-31', 10],
    ]);
    const t = env.run('readTable', ['invoices']) as { rows: unknown[]; issues: Array<Record<string, unknown>> };
    expect(t.rows.length).toBe(1);
    expect(t.issues).toEqual([
      {
        role: 'invoices',
        row: 2,
        field: 'amount',
        message: {
          'zh-CN': '金额：请输入金额（最多两位小数）',
          'zh-TW': '金額：請輸入金額（最多兩位小數）',
          en: 'Amount must be an amount with at most two decimals',
        },
      },
    ]);
  });

  test('settings: sheet values over defaults', () => {
    const env = workbook();
    const sheet = tab(env, '设置');
    const keys = env.values('设置').map((r) => r[0]);
    sheet.getRange(keys.indexOf('defaultCurrency') + 1, 2).setValue('USD');
    sheet.deleteRow(keys.indexOf('companyName') + 1);
    const m = env.run('settingsMap', []) as Record<string, string>;
    expect(m.defaultCurrency).toBe('USD');
    expect(m.companyName).toBe('');
    expect(m['reminders.hour']).toBe('9');
  });
});
