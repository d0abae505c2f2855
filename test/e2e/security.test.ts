// PRODUCT.md §7: formula-looking text is stored as text and read back unchanged, leading zeros survive, user data is
// escaped in reminder e-mails and the preview dialog, the audit log records sidebar saves and user edits and its
// hash chain names the first altered row, and the manifest asks only for the narrow scopes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Customer360 } from '../../src/app/sidebar-types';
import {
  colIndex,
  customerWithInvoice,
  type Env,
  lastAlert,
  mustSave,
  newEnv,
  rows,
  rpc,
  saveCustomer,
  saveInteraction,
  saveInvoice,
  sheetName,
  sheetOf,
} from './harness';

function cell(env: Env, sheet: string, row: number, header: string) {
  const c = colIndex(env, sheet, header) + 1;
  expect(c).toBeGreaterThan(0);
  return sheetOf(env, sheet).getRange(row, c);
}

describe('formula-looking text and leading zeros', () => {
  const tricky = {
    name: '=1+1',
    contact: '@x',
    address: '-5',
    region: '+SUM(A1:A9)',
    phone: '+8613800138000',
    notes: '=IMPORTXML("http://evil","//a")',
  };
  let env: Env;
  let id: string;
  beforeAll(() => {
    env = newEnv();
    id = mustSave(saveCustomer(env, { type: 'company', ...tricky }));
  });

  test('stored as text in the sheet (no formula, exact value)', () => {
    const name = sheetName('customers');
    const headers: Record<string, string> = {
      name: '客户名称',
      contact: '联系人',
      address: '地址',
      region: '地区',
      phone: '电话',
      notes: '备注',
    };
    for (const [k, h] of Object.entries(headers)) {
      const r = cell(env, name, 2, h);
      expect(r.getFormula()).toBe('');
      expect(r.getValue()).toBe(tricky[k as keyof typeof tricky]);
    }
  });

  test('read back unchanged through the sidebar (customer360 form and search index)', () => {
    const c = rpc<Customer360>(env, 'customer360', id);
    for (const [k, v] of Object.entries(tricky)) expect(c.form[k]).toBe(v);
    const home = rpc<{ customers: unknown[][] }>(env, 'sidebarStart');
    expect(home.customers[0][1]).toBe('=1+1');
    expect(home.customers[0][2]).toBe('+8613800138000');
  });

  test('interaction summary starting with = or - stays text', () => {
    mustSave(
      saveInteraction(env, {
        customerId: id,
        date: '2026-03-01',
        channel: 'phone',
        type: 'inquiry',
        summary: '-5 =A1',
      }),
    );
    const r = cell(env, sheetName('interactions'), 2, '摘要');
    expect(r.getFormula()).toBe('');
    expect(r.getValue()).toBe('-5 =A1');
  });

  test('leading-zero invoice id and contract number survive a save, a refresh and a read-back', () => {
    mustSave(
      saveInvoice(env, {
        id: '0000611365',
        contractNo: '007',
        customerId: id,
        issueDate: '2026-02-01',
        amount: '100',
      }),
    );
    env.clickMenu('refreshLedger');
    const inv = rows(env, sheetName('invoices'));
    expect(inv[0]['单据编号']).toBe('0000611365');
    expect(inv[0]['合同编号']).toBe('007');
    const open = rpc<Array<{ id: string; contractNo: string }>>(env, 'openInvoices', id);
    expect(open.map((o) => o.id)).toEqual(['0000611365']);
    expect(open[0].contractNo).toBe('007');
  });

  test('a leading-zero id typed by hand into the id column stays text', () => {
    const name = sheetName('invoices');
    const c = colIndex(env, name, '单据编号') + 1;
    const a1 = `${String.fromCharCode(64 + c)}3`;
    env.userEdit(name, a1, [['000123']]);
    expect(env.values(name)[2][c - 1]).toBe('000123');
  });
});

describe('escaping of user data', () => {
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script> & Co';
  let env: Env;
  beforeAll(() => {
    env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    customerWithInvoice(
      env,
      { name: evil, email: 'evil@example.com', contact: '<b>Boss</b>' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500', id: '<i>INV</i>' },
    );
  });

  test('preview dialog escapes the customer name', () => {
    env.clickMenu('previewReminders');
    const html = String(env.ui.dialogs().slice(-1)[0]?.html ?? '');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });

  test('reminder e-mail HTML escapes name, contact and invoice id', () => {
    env.clickMenu('runRemindersNow');
    const mail = env.outbox.find((m: { to: string }) => m.to === 'evil@example.com');
    expect(mail).toBeDefined();
    const html = String(mail?.htmlBody ?? '');
    expect(html).not.toMatch(/<script|<img|<b>Boss|<i>INV/);
    expect(html).toMatch(/&lt;script&gt;|&lt;b&gt;Boss/);
    expect(html).toContain('&lt;i&gt;INV&lt;/i&gt;');
    // the plain-text part is not HTML: it shows the text as typed
    expect(String(mail?.body ?? '')).toContain('<i>INV</i>');
  });
});

describe('audit log', () => {
  function audited() {
    const env = newEnv();
    const id = mustSave(saveCustomer(env, { name: '审计公司', type: 'company' }));
    const name = sheetName('customers');
    const c = colIndex(env, name, '联系人') + 1;
    env.userEdit(name, `${String.fromCharCode(64 + c)}2`, [['王五']]);
    return { env, id };
  }

  test('sidebar saves and user edits both produce audit rows', () => {
    const { env, id } = audited();
    const log = rows(env, sheetName('audit'));
    const sidebar = log.find((r) => r['来源'] === 'sidebar' && r['记录编号'] === id);
    const edit = log.find((r) => r['来源'] === 'edit' && r['记录编号'] === id);
    expect(sidebar).toBeDefined();
    expect(edit).toBeDefined();
    expect(edit?.['新值']).toBe('王五');
    for (const r of log) expect(String(r['校验值'])).toMatch(/^[0-9a-f]{16,}$/);
  });

  test('verifyAuditLog passes on an untouched log and names the first tampered row', () => {
    const { env } = audited();
    env.clickMenu('verifyAuditLog');
    const ok = lastAlert(env);
    const name = sheetName('audit');
    const n = env.values(name).length; // rows incl. header
    expect(n).toBeGreaterThanOrEqual(4);
    const c = colIndex(env, name, '新值') + 1;
    sheetOf(env, name).getRange(3, c).setValue('tampered');
    env.clickMenu('verifyAuditLog');
    const broken = lastAlert(env);
    expect(broken).not.toEqual(ok);
    expect(broken).toMatch(/第\s*3\s*行|row\s*3\b/i);
  });

  test('deleting an audit row is detected too', () => {
    const { env } = audited();
    const name = sheetName('audit');
    sheetOf(env, name).deleteRow(3);
    env.clickMenu('verifyAuditLog');
    expect(lastAlert(env)).toMatch(/第\s*3\s*行|row\s*3\b/i);
  });
});

test('manifest asks only for the narrow OAuth scopes (plus external_request for the chat alerts, §15)', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../dist/appsscript.json'), 'utf8'));
  const scopes = (manifest.oauthScopes as string[]).map((s) => s.replace('https://www.googleapis.com/auth/', ''));
  expect(scopes.sort()).toEqual(
    [
      'spreadsheets.currentonly',
      'script.container.ui',
      'script.send_mail',
      'script.scriptapp',
      'userinfo.email',
      'script.external_request',
    ].sort(),
  );
});
