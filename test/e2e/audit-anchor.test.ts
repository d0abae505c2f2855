// PRODUCT.md §7: the audit log is tamper-evident. Rows are keyed (HMAC-SHA256 under a secret in script properties)
// and the chain's length and head are anchored in document properties, so deleting the last rows, deleting every
// row, or recomputing the public hashes after an edit is caught, and Verify names the first altered, missing or
// inserted row. Logs written before the key existed keep verifying (their rows with the public algorithm).
import { AUDIT_FIELDS, auditHash, chainEntries } from '../../src/domain/audit-chain';
import { createEnvironment } from '../../emulator/src/index';
import {
  colIndex,
  customerWithInvoice,
  type Env,
  mustSave,
  newEnv,
  OWNER,
  saveCustomer,
  sheetName,
  sheetOf,
} from './harness';

const LOG = sheetName('audit');

/** A workbook with a few audit rows: setup, a customer with an invoice, a hand edit. */
function audited(o: { locale?: string } = {}): Env {
  const env = newEnv(o);
  customerWithInvoice(
    env,
    { name: '审计公司', email: 'a@example.com' },
    { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '55' },
  );
  const customers = sheetName('customers', o.locale === 'en_US' ? 'en' : 'zh-CN');
  const c = colIndex(env, customers, '联系人', 'Contact') + 1;
  env.userEdit(customers, `${String.fromCharCode(64 + c)}2`, [['王五']]);
  return env;
}

function verify(env: Env): string {
  env.clickMenu('verifyAuditLog');
  return String(env.ui.alerts().at(-1)?.text ?? '');
}

function logRows(env: Env, name = LOG): unknown[][] {
  return env.values(name).slice(1) as unknown[][];
}

/** What a tamperer with the public algorithm can do: rewrite row `from` on and recompute every hash after it. */
function recomputePublic(env: Env, from: number, name = LOG): void {
  const sheet = sheetOf(env, name);
  const values = env.values(name) as unknown[][];
  const hashCol = values[0].length - 1;
  let prev = from > 2 ? String(values[from - 2][hashCol]) : '';
  for (let r = from; r <= values.length; r++) {
    const row = values[r - 1];
    const entry = Object.fromEntries(AUDIT_FIELDS.map((f, i) => [f, String(row[i] ?? '')]));
    prev = auditHash(prev, entry);
    sheet.getRange(r, hashCol + 1).setValue(prev);
  }
}

describe('keyed, anchored audit chain', () => {
  test('an untouched log verifies; the key lives in script properties only', () => {
    const env = audited();
    expect(verify(env)).toMatch(/^操作日志完整/);
    const key = Object.entries(env.properties.script() as Record<string, string>).find(([k]) => /audit/i.test(k));
    expect(key?.[1]).toMatch(/^[0-9a-f]{32,}$/);
    const doc = JSON.stringify(env.properties.document());
    expect(doc).not.toContain(key![1]);
    for (const row of logRows(env)) expect(row.join('|')).not.toContain(key![1]);
  });

  test('deleting the last row is reported as rows removed from the end, and the next change is not blamed', () => {
    const env = audited();
    const n = logRows(env).length;
    sheetOf(env, LOG).deleteRow(n + 1);
    expect(verify(env)).toBe(`操作日志末尾有 1 行记录被删除：应有 ${n} 行，现只有 ${n - 1} 行。`);
    mustSave(saveCustomer(env, { name: '后来的客户', type: 'company' }));
    // The honest row chains on the anchor: the report names the gap before it, not the new row as altered.
    expect(verify(env)).toBe(`操作日志第 ${n + 1} 行之前有 1 行记录被删除（共 ${n} 行）。`);
  });

  test('a log only setup has written is anchored too: deleting its row is reported', () => {
    const env = newEnv();
    expect(verify(env)).toBe('操作日志完整：1 行记录的校验值全部吻合。');
    sheetOf(env, LOG).deleteRow(2);
    expect(verify(env)).toBe('操作日志末尾有 1 行记录被删除：应有 1 行，现只有 0 行。');
  });

  test('deleting every row is not "0 rows, all match"', () => {
    const env = audited();
    const n = logRows(env).length;
    sheetOf(env, LOG).deleteRows(2, n);
    expect(verify(env)).toBe(`操作日志末尾有 ${n} 行记录被删除：应有 ${n} 行，现只有 0 行。`);
  });

  test('an altered row whose later hashes were recomputed with the public algorithm is named', () => {
    const env = audited();
    const c = colIndex(env, LOG, '新值') + 1;
    sheetOf(env, LOG).getRange(3, c).setValue('篡改');
    recomputePublic(env, 3);
    expect(verify(env)).toMatch(/^操作日志第 3 行的内容被修改过/);
  });

  test('the setup row that opens the log is pinned too: rewriting it with the public algorithm is named', () => {
    const env = audited();
    const c = colIndex(env, LOG, '新值') + 1;
    sheetOf(env, LOG).getRange(2, c).setValue('篡改');
    recomputePublic(env, 2);
    expect(verify(env)).toMatch(/^操作日志第 2 行的内容被修改过/);
  });

  test('a row deleted in the middle and a row inserted by hand are told apart', () => {
    const env = audited();
    const n = logRows(env).length;
    sheetOf(env, LOG).deleteRow(3);
    expect(verify(env)).toBe(`操作日志第 3 行之前有 1 行记录被删除（共 ${n - 1} 行）。`);
    const other = audited();
    const sheet = sheetOf(other, LOG);
    const copy = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues();
    sheet.insertRowAfter(3);
    sheet.getRange(4, 1, 1, copy[0].length).setValues(copy);
    expect(verify(other)).toMatch(/^操作日志第 4 行不是本插件写入的/);
  });

  test('English workbooks get the same findings in English', () => {
    const env = audited({ locale: 'en_US' });
    const log = sheetName('audit', 'en');
    const n = logRows(env, log).length;
    sheetOf(env, log).deleteRow(n + 1);
    expect(verify(env)).toBe(
      `1 row was removed from the end of the audit log: it should have ${n} rows, it has ${n - 1}.`,
    );
  });

  test('a log written before the key keeps verifying; tampering with its old rows is still caught', () => {
    // A workbook of an older version: public-chain rows, no key, no anchor.
    const env = legacyWorkbook(audited());
    const n = logRows(env).length;
    expect(verify(env)).toBe(`操作日志完整：${n} 行记录的校验值全部吻合。`);
    // The next change anchors the chain: the old rows verify with the public algorithm, the new ones keyed.
    mustSave(saveCustomer(env, { name: '升级后的客户', type: 'company' }));
    expect(verify(env)).toBe(`操作日志完整：${n + 1} 行记录的校验值全部吻合。`);
    const c = colIndex(env, LOG, '新值') + 1;
    const tampered = legacyAnchored(env);
    sheetOf(tampered, LOG).getRange(3, c).setValue('篡改');
    recomputePublic(tampered, 3);
    // The old rows were made to match the public chain again, but the keyed row after them no longer does.
    expect(verify(tampered)).not.toMatch(/^操作日志完整/);
    sheetOf(env, LOG).deleteRows(n + 1, 2);
    expect(verify(env)).toMatch(/^操作日志末尾的记录被删除过/);
  });
});

/** The same workbook as an older add-on version left it: public-chain hashes, no key, no anchor. */
function legacyWorkbook(env: Env): Env {
  const values = env.values(LOG) as unknown[][];
  const drafts = values.slice(1).map((r) => Object.fromEntries(AUDIT_FIELDS.map((f, i) => [f, String(r[i])])));
  const legacy = chainEntries('', drafts).map((e) => [...AUDIT_FIELDS.map((f) => e[f]), e.hash]);
  sheetOf(env, LOG).getRange(2, 1, legacy.length, values[0].length).setValues(legacy);
  const state = JSON.parse(env.serialize());
  delete state.properties.script['customerLedger.auditKey'];
  for (const d of Object.values(state.properties.document) as Array<Record<string, string>>) {
    delete d['customerLedger.auditAnchor'];
    // The saved tail described the keyed rows just replaced: an older version had none either.
    const wb = JSON.parse(d['customerLedger.workbook']);
    delete wb.auditTail;
    d['customerLedger.workbook'] = JSON.stringify(wb);
  }
  return reload(JSON.stringify(state));
}

/** A copy of the workbook (its own environment). */
function legacyAnchored(env: Env): Env {
  return reload(env.serialize());
}

function reload(state: string): Env {
  const next = createEnvironment({ state });
  next.loadBuild('dist');
  next.openAsUser(OWNER);
  return next;
}
