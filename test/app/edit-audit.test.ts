// onEdit's audit row through the BUILT bundle (dist/) in the emulator: a multi-cell paste is audited with its new
// values (bounded), without reading more than the edited range; and the row records the best identity a simple
// trigger can see (gas-runtime-notes §5 simple triggers, §10 "Identity": the user is usually hidden in LIMITED).
import { createEnvironment } from '../../emulator/src/index';
import { RANGE_CELLS } from '../../src/app/edit-audit';
import { columnsOf } from '../../src/domain/schema';

type Env = ReturnType<typeof createEnvironment>;

const letter = (key: string) => String.fromCharCode(65 + columnsOf('customers').findIndex((c) => c.key === key));

function workbook(locale = 'zh_CN'): { env: Env; customers: string; audit: string } {
  const env = createEnvironment({ locale });
  env.loadBuild('dist');
  env.openAsUser('owner@example.com');
  env.clickMenu('setupWorkbook');
  const zh = locale.startsWith('zh');
  return { env, customers: zh ? '客户' : 'Customers', audit: zh ? '操作日志' : 'Audit log' };
}

const lastAudit = (env: Env, audit: string) => env.values(audit).at(-1) as unknown[];

describe('a multi-cell paste is audited with its new values', () => {
  test('every pasted cell named with its value, after the localized summary (zh-CN)', () => {
    const { env, customers, audit } = workbook();
    const [c, d] = [letter('type'), letter('contact')];
    const r = env.userEdit(customers, `${c}2:${d}3`, [
      ['企业', '张三'],
      ['个人', '李四'],
    ]);
    expect(r.errors).toEqual([]);
    const row = lastAudit(env, audit);
    expect(row[2]).toBe('edit-range');
    expect(row[7]).toBe(`批量修改 ${c}2:${d}3：2 行 × 2 列：${c}2=企业；${d}2=张三；${c}3=个人；${d}3=李四`);
  });

  test('a large paste lists the first cells, then "(+k more)"; no read beyond the edited range (en)', () => {
    const { env, customers, audit } = workbook('en_US');
    const name = letter('name');
    const rows = 40;
    const grid = Array.from({ length: rows }, (_, i) => [`Company ${i + 1}`]);
    // Baseline: the same trigger for a two-row paste, so the comparison isolates work that grows with the paste. A
    // first edit before it makes the audit chain's key (once per installation, adapters/audit-anchor.ts).
    env.userEdit(customers, `${name}2`, [['Warm-up Ltd']]);
    env.resetCounts();
    env.userEdit(customers, `${name}2:${name}3`, [['Solo Ltd'], ['Duo Ltd']]);
    const small = env.counts();
    env.resetCounts();
    expect(env.userEdit(customers, `${name}2:${name}${rows + 1}`, grid).errors).toEqual([]);
    const big = env.counts();
    const text = String(lastAudit(env, audit)[7]);
    expect(
      text.startsWith(`Range edit ${name}2:${name}${rows + 1}: ${rows} rows × 1 columns: ${name}2=Company 1; `),
    ).toBe(true);
    expect(text.endsWith(`${name}${RANGE_CELLS + 1}=Company ${RANGE_CELLS}… (+${rows - RANGE_CELLS} more)`)).toBe(true);
    // The same service calls as a two-row paste (one getValues of the edited range, the header, the audit tail):
    // listing the values costs no read, and nothing grows with the number of rows.
    expect(big).toEqual(small);
    expect(big['SpreadsheetApp.Sheet.getDataRange'] ?? 0).toBe(0);
  });
});

describe('who the audit row names', () => {
  test('a simple onEdit sees no user (LIMITED): the row says "" and the edit is not failed', () => {
    const { env, customers, audit } = workbook('en_US');
    const r = env.userEdit(customers, `${letter('name')}2`, [['Acme']], { user: 'clerk@example.com' });
    expect(r.errors).toEqual([]);
    expect(lastAudit(env, audit)[1]).toBe('');
    expect(env.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  function edit(env: Env, customers: string, user: unknown, reveal: boolean) {
    const ss = env.spreadsheet.api();
    const range = ss.getSheetByName(customers)!.getRange(`${letter('name')}3`);
    range.setValue('Beta Co');
    return env.run('onEdit', [{ authMode: 'LIMITED', range, source: ss, user, value: 'Beta Co' }], {
      user: 'clerk@example.com',
      authMode: 'LIMITED',
      kind: 'simple-trigger',
      revealActiveUser: reveal,
    });
  }

  test("the event's user when it has an e-mail, else the active user, else ''; a throwing getter is survived", () => {
    const { env, customers, audit } = workbook('en_US');
    edit(env, customers, { getEmail: () => 'ann@example.com' }, false);
    expect(lastAudit(env, audit)[1]).toBe('ann@example.com');
    edit(
      env,
      customers,
      {
        getEmail: () => {
          throw new Error('no access');
        },
      },
      true,
    );
    expect(lastAudit(env, audit)[1]).toBe('clerk@example.com');
    edit(env, customers, { getEmail: () => '' }, true);
    expect(lastAudit(env, audit)[1]).toBe('clerk@example.com');
    edit(env, customers, undefined, false);
    expect(lastAudit(env, audit)[1]).toBe('');
  });
});
