// PRODUCT.md §4, optional financial ratios through the built add-on: the 资产负债率 / 流动比率 customer columns are
// added to an older workbook by Set up / repair, validated with localized messages naming the field and the rule,
// and feed the score when filled in (nothing when left empty).
import {
  colIndex,
  type Env,
  headerRow,
  mustSave,
  newEnv,
  rows,
  rpc,
  saveCustomer,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
} from './harness';
import type { Customer360, SaveResult } from '../../src/app/sidebar-types';

const CUSTOMERS = sheetName('customers');

describe('repair adds the ratio columns to an older workbook', () => {
  test('deleted (never had) columns come back at the end; data stays', () => {
    const env = newEnv();
    mustSave(saveCustomer(env, { name: '甲公司', type: 'company' }));
    const sh = sheetOf(env, CUSTOMERS)!;
    for (const h of ['流动比率', '资产负债率(%)']) sh.deleteColumn(colIndex(env, CUSTOMERS, h) + 1);
    expect(headerRow(env, CUSTOMERS)).not.toContain('资产负债率(%)');
    env.clickMenu('setupWorkbook');
    const head = headerRow(env, CUSTOMERS);
    expect(head.slice(-2)).toEqual(['资产负债率(%)', '流动比率']);
    expect(rows(env, CUSTOMERS).map((r) => r['客户名称'])).toEqual(['甲公司']);
  });
});

describe('validation', () => {
  let env: Env;
  beforeAll(() => {
    env = newEnv();
  });
  test('a percent sign is accepted; the sheet holds plain numbers', () => {
    mustSave(saveCustomer(env, { name: '乙公司', type: 'company', debtRatio: '65.5%', currentRatio: '1.25' }));
    const r = rows(env, CUSTOMERS).find((x) => x['客户名称'] === '乙公司')!;
    expect(r['资产负债率(%)']).toBe(65.5);
    expect(r['流动比率']).toBe(1.25);
  });
  test.each([
    ['zh-CN', 'debtRatio', 'abc', '资产负债率(%)：必须是数字，如 65 或 1.25'],
    ['en', 'debtRatio', '1200', 'Debt ratio (%) must be between 0 and 1000'],
    ['zh-CN', 'currentRatio', '-1', '流动比率：必须在 0 到 100 之间'],
    ['en', 'currentRatio', 'high', 'Current ratio must be a number, e.g. 65 or 1.25'],
  ] as const)('%s %s "%s" is refused: %s', (lang, field, value, message) => {
    const r = saveCustomer(env, { name: '丙公司', type: 'company', [field]: value }, lang);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toContain(message);
  });
});

test('filled-in ratios feed the score; empty ones change nothing', () => {
  const env = newEnv();
  const make = (name: string, ratios: Record<string, string>) => {
    const id = mustSave(saveCustomer(env, { name, type: 'company', ...ratios }));
    for (let m = 1; m <= 6; m++) {
      const mm = String(m).padStart(2, '0');
      const inv = mustSave(
        saveInvoice(env, { customerId: id, issueDate: `2025-${mm}-01`, dueDate: `2025-${mm}-15`, amount: '1000' }),
      );
      mustSave(savePayment(env, { invoiceId: inv, date: `2025-${mm}-20`, amount: '1000', method: 'bank' }));
    }
  };
  make('无比率', {});
  make('稳健', { debtRatio: '35', currentRatio: '2.5' });
  make('高杠杆', { debtRatio: '92', currentRatio: '0.7' });
  env.clickMenu('rescoreCustomers');
  const by = Object.fromEntries(rows(env, CUSTOMERS).map((r) => [String(r['客户名称']), r]));
  const score = (n: string) => Number(by[n]['信用评分']);
  // default tables: debt ≤ 40 % +10, current > 2 +10; debt 85–100 % −20, current ≤ 0.8 −20
  expect(score('稳健') - score('无比率')).toBe(20);
  expect(score('无比率') - score('高杠杆')).toBe(40);
  expect(String(by['高杠杆']['评分原因'])).toContain('资产负债率 92%');
  expect(String(by['高杠杆']['评分原因'])).toContain('流动比率 0.70');
});

test('editing a customer in the sidebar keeps its ratios, and can change them', () => {
  const env = newEnv();
  const id = mustSave(saveCustomer(env, { name: '丁公司', type: 'company', debtRatio: '65.5', currentRatio: '1.25' }));
  const loaded = rpc<Customer360>(env, 'customer360', id);
  expect([loaded.form.debtRatio, loaded.form.currentRatio]).toEqual(['65.5', '1.25']);
  const save = (values: Record<string, string | boolean>, version: string) =>
    rpc<SaveResult>(env, 'saveCustomer', { id, version, values, lang: 'zh-CN' });
  expect(save({ ...loaded.form, contact: '李四' }, loaded.version).ok).toBe(true);
  const row = () => rows(env, CUSTOMERS).find((x) => x['客户编号'] === id)!;
  expect([row()['资产负债率(%)'], row()['流动比率'], row()['联系人']]).toEqual([65.5, 1.25, '李四']);
  const again = rpc<Customer360>(env, 'customer360', id);
  expect(save({ ...again.form, debtRatio: '58' }, again.version).ok).toBe(true);
  expect(row()['资产负债率(%)']).toBe(58);
});
