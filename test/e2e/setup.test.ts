// PRODUCT.md §1/§2: Set up / repair on a fresh spreadsheet (zh-CN and en), formats and validation, idempotence, and
// repair after a user deleted a column / renamed a tab / deleted a sheet / reordered columns / added own columns.
import {
  CUSTOMER_HEADERS,
  colIndex,
  type Env,
  headerRow,
  type Lang,
  mustSave,
  newEnv,
  type Role,
  rows,
  SHEET,
  saveCustomer,
  snapshot,
  snapshotAll,
  sheetName,
  sheetOf,
} from './harness';

const ROLES = Object.keys(SHEET) as Role[];

function sheet(env: Env, name: string) {
  const sh = sheetOf(env, name);
  if (!sh) throw new Error(`no sheet ${name}`);
  return sh;
}

describe.each([
  ['zh_CN', 'zh-CN'],
  ['en_US', 'en'],
] as const)('setup on a fresh spreadsheet, locale %s', (locale, lang: Lang) => {
  let env: Env;
  let setupCalls: number;
  beforeAll(() => {
    env = newEnv({ locale, setup: false });
    env.resetCounts();
    env.clickMenu('setupWorkbook');
    setupCalls = env.total('SpreadsheetApp.');
  });

  test('creates the 7 role sheets with localized names', () => {
    const names = env.spreadsheet
      .api()
      .getSheets()
      .map((s: { getName(): string }) => s.getName());
    for (const role of ROLES) expect(names).toContain(SHEET[role][lang]);
  });

  test('customer headers are in the user language', () => {
    const head = headerRow(env, sheetName('customers', lang));
    const i = lang === 'zh-CN' ? 0 : 1;
    for (const pair of Object.values(CUSTOMER_HEADERS)) expect(head).toContain(pair[i]);
  });

  test.each(ROLES)('%s: header row frozen and bold', (role) => {
    const sh = sheet(env, sheetName(role, lang));
    expect(sh.getFrozenRows()).toBe(1);
    expect(
      sh
        .getRange(1, 1, 1, sh.getLastColumn())
        .getFontWeights()[0]
        .every((w: string) => w === 'bold'),
    ).toBe(true);
  });

  test('ids, phones and tax ids are plain text (@) down the column', () => {
    const name = sheetName('customers', lang);
    const sh = sheet(env, name);
    for (const key of ['id', 'phone', 'taxId'] as const) {
      const c = colIndex(env, name, ...CUSTOMER_HEADERS[key]) + 1;
      expect(c).toBeGreaterThan(0);
      expect(sh.getRange(2, c).getNumberFormat()).toBe('@');
      expect(sh.getRange(999, c).getNumberFormat()).toBe('@');
    }
    const inv = sheetName('invoices', lang);
    const idCol = colIndex(env, inv, '单据编号', 'Invoice ID') + 1;
    expect(sheet(env, inv).getRange(2, idCol).getNumberFormat()).toBe('@');
  });

  test('enumeration columns have dropdown validation (customer type, status; invoice status)', () => {
    const cust = sheetName('customers', lang);
    for (const key of ['type', 'status'] as const) {
      const c = colIndex(env, cust, ...CUSTOMER_HEADERS[key]) + 1;
      const dv = sheet(env, cust).getRange(2, c).getDataValidation();
      expect(dv).not.toBeNull();
      expect(dv?.getCriteriaType()).toBe('VALUE_IN_LIST');
    }
    const inv = sheetName('invoices', lang);
    const sc = colIndex(env, inv, '状态', 'Status') + 1;
    const dv = sheet(env, inv).getRange(2, sc).getDataValidation();
    expect(dv?.getCriteriaType()).toBe('VALUE_IN_LIST');
    const listed = JSON.stringify(dv?.getCriteriaValues());
    expect(listed).toContain(lang === 'zh-CN' ? '争议中' : 'Disputed');
  });

  test('setup costs at most 150 spreadsheet calls', () => {
    expect(setupCalls).toBeLessThanOrEqual(150);
  });

  test('a second run changes no value and stays within budget', () => {
    const before = snapshotAll(env, lang);
    env.resetCounts();
    env.clickMenu('setupWorkbook');
    expect(env.total('SpreadsheetApp.')).toBeLessThanOrEqual(150);
    expect(snapshotAll(env, lang)).toEqual(before);
  });
});

test.each([
  ['zh_CN', 'zh-CN', /[\u4e00-\u9fff]/],
  ['en_US', 'en', /[A-Za-z]{3}/],
] as const)('phone, e-mail and tax-id rules carry localized help text (%s)', (locale, lang, script) => {
  const env = newEnv({ locale });
  const name = sheetName('customers', lang);
  for (const key of ['phone', 'email', 'taxId'] as const) {
    const c = colIndex(env, name, ...CUSTOMER_HEADERS[key]) + 1;
    const dv = sheet(env, name).getRange(2, c).getDataValidation();
    expect(String(dv?.getHelpText() ?? '')).toMatch(script);
  }
});

test.each([
  ['zh_CN', 'zh-CN', '客户类型', /企业、个人/],
  ['en_US', 'en', 'Type', /Company, Individual/],
] as const)(
  'enumeration dropdowns carry localized help text naming the choices (%s)',
  (locale, lang, header, choices) => {
    const env = newEnv({ locale });
    const name = sheetName('customers', lang);
    const dv = sheet(env, name)
      .getRange(2, colIndex(env, name, header) + 1)
      .getDataValidation();
    expect(String(dv?.getHelpText() ?? '')).toMatch(choices);
  },
);

test('every validated column of every sheet has help text', () => {
  const env = newEnv();
  for (const role of ['customers', 'invoices', 'payments', 'interactions'] as const) {
    const sh = sheet(env, sheetName(role));
    const width = sh.getLastColumn();
    const rules = sh.getRange(2, 1, 1, width).getDataValidations()[0];
    const validated = rules.filter((r) => r !== null);
    expect(validated.length).toBeGreaterThan(0);
    for (const r of validated) expect(String(r?.getHelpText() ?? '')).toMatch(/[\u4e00-\u9fff]/);
  }
});

test('the Settings sheet gets its schema widths; a second run keeps a width the user changed', () => {
  const env = newEnv();
  const sh = sheet(env, sheetName('settings'));
  expect([1, 2, 3].map((c) => sh.getColumnWidth(c))).toEqual([200, 320, 420]);
  sh.setColumnWidth(3, 250);
  env.clickMenu('setupWorkbook');
  expect(sh.getColumnWidth(3)).toBe(250);
});

describe('repair of a used workbook', () => {
  function usedEnv() {
    const env = newEnv();
    mustSave(saveCustomer(env, { name: '甲公司', type: 'company', phone: '13800138000', email: 'a@example.com' }));
    mustSave(saveCustomer(env, { name: '乙公司', type: 'company', phone: '010-12345678', email: 'b@example.com' }));
    return env;
  }

  test('a deleted column comes back; user data stays', () => {
    const env = usedEnv();
    const name = sheetName('customers');
    const c = colIndex(env, name, '地址') + 1;
    sheet(env, name).deleteColumn(c);
    expect(headerRow(env, name)).not.toContain('地址');
    const namesBefore = rows(env, name).map((r) => [r['客户编号'], r['客户名称'], r['电话']]);
    env.clickMenu('setupWorkbook');
    expect(headerRow(env, name)).toContain('地址');
    expect(rows(env, name).map((r) => [r['客户编号'], r['客户名称'], r['电话']])).toEqual(namesBefore);
  });

  test('a renamed tab is found again by id: no duplicate sheet, saves land in the renamed tab', () => {
    const env = usedEnv();
    sheet(env, sheetName('customers')).setName('我的客户');
    env.clickMenu('setupWorkbook');
    const names = env.spreadsheet
      .api()
      .getSheets()
      .map((s: { getName(): string }) => s.getName());
    expect(names).toContain('我的客户');
    expect(names).not.toContain('客户');
    mustSave(saveCustomer(env, { name: '丙公司', type: 'company' }));
    expect(rows(env, '我的客户').map((r) => r['客户名称'])).toEqual(['甲公司', '乙公司', '丙公司']);
  });

  test('a deleted sheet is recreated with its headers', () => {
    const env = usedEnv();
    env.spreadsheet.api().deleteSheet(sheet(env, sheetName('interactions')));
    env.clickMenu('setupWorkbook');
    expect(headerRow(env, sheetName('interactions'))).toContain('摘要');
    expect(rows(env, sheetName('customers'))).toHaveLength(2);
  });

  test('reordered columns: setup keeps the user order and saves write by header', () => {
    const env = usedEnv();
    const name = sheetName('customers');
    const sh = sheet(env, name);
    const p = colIndex(env, name, '电话') + 1;
    const e = colIndex(env, name, '邮箱') + 1;
    const n = sh.getLastRow();
    const pv = sh.getRange(1, p, n, 1).getValues();
    const ev = sh.getRange(1, e, n, 1).getValues();
    sh.getRange(1, p, n, 1).setValues(ev);
    sh.getRange(1, e, n, 1).setValues(pv);
    const before = snapshot(env, name);
    env.clickMenu('setupWorkbook');
    expect(snapshot(env, name)).toEqual(before);
    mustSave(saveCustomer(env, { name: '丁公司', type: 'company', phone: '13900139000', email: 'd@example.com' }));
    const d = rows(env, name).find((r) => r['客户名称'] === '丁公司');
    expect(d?.['电话']).toBe('13900139000');
    expect(d?.['邮箱']).toBe('d@example.com');
  });

  test('a user column is never touched by setup or saves', () => {
    const env = usedEnv();
    const name = sheetName('customers');
    const sh = sheet(env, name);
    const last = sh.getLastColumn();
    sh.insertColumnAfter(last);
    sh.getRange(1, last + 1, 3, 1).setValues([['我的备注'], ['keep-1'], ['keep-2']]);
    env.clickMenu('setupWorkbook');
    mustSave(saveCustomer(env, { name: '戊公司', type: 'company' }));
    env.clickMenu('refreshLedger');
    env.clickMenu('rescoreCustomers');
    const mine = rows(env, name).map((r) => r['我的备注']);
    expect(mine.slice(0, 2)).toEqual(['keep-1', 'keep-2']);
    expect(mine[2] ?? '').toBe('');
  });
});

test('conditional formats on customers / receivables; derived columns and logs are warning-only protected', () => {
  const env = newEnv();
  for (const role of ['customers', 'invoices'] as const) {
    const sh = sheet(env, sheetName(role));
    expect(sh.getConditionalFormatRules().length).toBeGreaterThan(0);
    const prot = sh.getProtections('RANGE');
    expect(prot.length).toBeGreaterThan(0);
    for (const p of prot) expect(p.isWarningOnly()).toBe(true);
  }
  // the derived "outstanding" column of customers lies inside a protected range
  const cust = sheetName('customers');
  const out = colIndex(env, cust, '应收余额') + 1;
  const ranges = sheet(env, cust)
    .getProtections('RANGE')
    .map((p) => p.getRange() as { getColumn(): number; getLastColumn(): number });
  expect(ranges.some((r) => r.getColumn() <= out && out <= r.getLastColumn())).toBe(true);
  for (const role of ['audit', 'reminders'] as const) {
    const sheetProt = sheet(env, sheetName(role)).getProtections('SHEET');
    expect(sheetProt.map((p) => p.isWarningOnly())).toEqual([true]);
  }
});
