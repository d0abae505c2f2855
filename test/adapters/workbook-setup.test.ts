// Set up / repair through the BUILT bundle (dist/, run `npm run build` first) in the emulator: the schema drives the
// sheets, repair after user damage keeps user data, a second run changes nothing, and the call count stays ≤ 150.
import { createEnvironment } from '../../emulator/src/index';
import { columnsOf, sheetOf } from '../../src/domain/schema';

type Env = ReturnType<typeof createEnvironment>;
const WORKBOOK = 'customerLedger.workbook';

function fresh(locale = 'zh_CN'): Env {
  const env = createEnvironment({ now: '2026-03-02T09:00:00+08:00', timeZone: 'Asia/Shanghai', locale });
  env.loadBuild('dist');
  env.openAsUser('owner@example.com');
  return env;
}

function sheet(env: Env, name: string) {
  const s = env.spreadsheet.api().getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function setup(env: Env): number {
  env.resetCounts();
  env.clickMenu('setupWorkbook');
  return env.total('');
}

function allValues(env: Env): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const s of env.spreadsheet.api().getSheets()) out[s.getName()] = env.values(s.getName());
  return out;
}

describe('setupWorkbook on a new spreadsheet', () => {
  const env = fresh();
  const calls = setup(env);

  test('creates every sheet with its localized name and header, within 150 calls', () => {
    expect(calls).toBeLessThanOrEqual(150);
    const names = env.spreadsheet
      .api()
      .getSheets()
      .map((s: { getName(): string }) => s.getName());
    for (const role of [
      'customers',
      'invoices',
      'payments',
      'interactions',
      'reminders',
      'audit',
      'settings',
    ] as const) {
      expect(names).toContain(sheetOf(role).name['zh-CN']);
      expect(env.values(sheetOf(role).name['zh-CN'])[0]).toEqual(columnsOf(role).map((c) => c.header['zh-CN']));
    }
    expect(env.ui.alerts().at(-1)?.text).toMatch(/^工作簿已就绪/);
    expect(env.lastError).toBeNull();
  });

  test('header frozen and bold; ids, phones and tax ids are plain text; money and dates formatted', () => {
    const s = sheet(env, '客户');
    expect(s.getFrozenRows()).toBe(1);
    expect(s.getRange('A1').getFontWeight()).toBe('bold');
    const fmt = (key: string) => {
      const i = columnsOf('customers').findIndex((c) => c.key === key);
      return s.getRange(2, i + 1).getNumberFormat();
    };
    expect(fmt('id')).toBe('@');
    expect(fmt('phone')).toBe('@');
    expect(fmt('taxId')).toBe('@');
    expect(fmt('creditLimit')).toBe('#,##0.00');
    expect(fmt('birthDate')).toBe('yyyy-mm-dd');
  });

  test('validation rules: dropdowns with localized labels, e-mail, ranges, checkbox, phone/tax id formulas', () => {
    const s = sheet(env, '客户');
    const rule = (key: string, row = 5) => {
      const i = columnsOf('customers').findIndex((c) => c.key === key);
      const v = s.getRange(row, i + 1).getDataValidation();
      if (!v) throw new Error(`no rule on ${key}`);
      return v;
    };
    expect(rule('type').getCriteriaType().toString()).toBe('VALUE_IN_LIST');
    expect(rule('type').getCriteriaValues()[0]).toEqual(['企业', '个人']);
    expect(rule('email').getCriteriaType().toString()).toBe('TEXT_IS_VALID_EMAIL');
    expect(rule('termsDays').getCriteriaValues()).toEqual([0, 365]);
    expect(rule('termsDays').getHelpText()).toBe('请输入 0 到 365 之间的整数');
    expect(rule('remindersPaused').getCriteriaType().toString()).toBe('CHECKBOX');
    expect(rule('phone', 900).getCriteriaType().toString()).toBe('CUSTOM_FORMULA');
    expect(String(rule('taxId').getCriteriaValues()[0])).toContain('SUMPRODUCT');
    expect(rule('industry').getCriteriaValues()[0]).toContain('制造业');
    expect(s.getRange(1, 1).getDataValidation()).toBeNull();
    const outstanding = columnsOf('customers').findIndex((c) => c.key === 'outstanding');
    expect(s.getRange(5, outstanding + 1).getDataValidation()).toBeNull();
  });

  test('derived columns and logs are protected warning-only; highlights exist', () => {
    const inv = sheet(env, '应收账款');
    const prot = inv.getProtections('RANGE');
    expect(prot.length).toBe(1);
    expect(prot[0].isWarningOnly()).toBe(true);
    expect(sheet(env, '操作日志').getProtections('SHEET')[0].isWarningOnly()).toBe(true);
    expect(inv.getConditionalFormatRules().length).toBe(1);
    expect(sheet(env, '客户').getConditionalFormatRules().length).toBe(1);
  });

  test('sheet ids stored in document properties; settings rows written; setup audited with a hash', () => {
    const props = JSON.parse(env.properties.document()[WORKBOOK]);
    expect(props.sheets.customers).toBe(sheet(env, '客户').getSheetId());
    expect(props.lang).toBe('zh-CN');
    const settings = env.values('设置');
    expect(settings.some((r) => r[0] === 'defaultCurrency' && r[1] === 'CNY')).toBe(true);
    const audit = env.values('操作日志');
    expect(audit.length).toBe(2);
    expect(audit[1][2]).toBe('setup');
    expect(String(audit[1][9])).toMatch(/^[0-9a-f]{64}$/);
  });

  test('verifyAuditLog reports the fresh log intact', () => {
    env.clickMenu('verifyAuditLog');
    expect(env.ui.alerts().at(-1)?.text).toMatch(/操作日志完整/);
  });
});

describe('setupWorkbook in English', () => {
  test('sheet names, headers and labels follow an en locale', () => {
    const env = fresh('en_US');
    setup(env);
    expect(env.values('Customers')[0][0]).toBe('Customer ID');
    const s = sheet(env, 'Receivables');
    const i = columnsOf('invoices').findIndex((c) => c.key === 'status');
    expect(
      s
        .getRange(3, i + 1)
        .getDataValidation()
        ?.getCriteriaValues()[0],
    ).toEqual(['Open', 'Disputed', 'Promised', 'Written off', 'Pending approval', 'Paid']);
    expect(env.menu?.items.find((it) => it.functionName === 'setupWorkbook')?.caption).toBe('Set up / repair workbook');
  });
});

describe('repair and idempotence on a used workbook', () => {
  const env = fresh();
  setup(env);
  const cust = sheet(env, '客户');
  // Typed by hand: leading-zero id, a formula-looking name, a user column at the end.
  const width = columnsOf('customers').length;
  cust.insertColumnsAfter(cust.getMaxColumns(), 1);
  cust.getRange(1, width + 1).setValue('我的备注');
  cust.getRange(2, 1, 1, 3).setValues([["'0000611365", "'=1+1", '企业']]);
  cust.getRange(2, width + 1).setValue('keep me');

  test('a second run changes no data, adds nothing and stays cheap', () => {
    const before = allValues(env);
    const audits = env.values('操作日志').length;
    const calls = setup(env);
    const after = allValues(env);
    after['操作日志'] = after['操作日志'].slice(0, audits);
    expect(after).toEqual(before);
    expect(calls).toBeLessThanOrEqual(60);
    expect(sheet(env, '应收账款').getProtections('RANGE').length).toBe(1);
    expect(sheet(env, '应收账款').getConditionalFormatRules().length).toBe(1);
    expect(env.values('客户')[1][0]).toBe('0000611365');
    expect(env.values('客户')[1][1]).toBe('=1+1');
  });

  test('deleted column, renamed tab, reordered columns, deleted sheet: repaired without touching user data', () => {
    const emailCol = columnsOf('customers').findIndex((c) => c.key === 'email') + 1;
    cust.deleteColumn(emailCol); // user deletes the e-mail column
    cust.setName('我的客户'); // renames the tab
    const pay = sheet(env, '回款');
    const payHeader = env.values('回款')[0];
    pay.getRange(1, 1, 1, 2).setValues([[payHeader[1], payHeader[0]]]); // swaps two headers (reordered columns)
    env.spreadsheet.api().deleteSheet(sheet(env, '服务记录'));
    const settingsKeys = env.values('设置').map((r) => r[0]);
    sheet(env, '设置').deleteRow(settingsKeys.indexOf('defaultCurrency') + 1); // a deleted setting row
    const userCells = env.values('我的客户').map((r) => r[r.length - 1]);
    const calls = setup(env);
    expect(calls).toBeLessThanOrEqual(150);
    const names = env.spreadsheet
      .api()
      .getSheets()
      .map((s: { getName(): string }) => s.getName());
    expect(names).toContain('我的客户');
    expect(names).not.toContain('客户');
    expect(names).toContain('服务记录');
    const header = env.values('我的客户')[0];
    expect(header.at(-1)).toBe('邮箱');
    expect(header.at(-2)).toBe('我的备注');
    expect(env.values('我的客户').map((r) => r[r.length - 2])).toEqual(userCells);
    expect(env.values('我的客户')[1].slice(0, 2)).toEqual(['0000611365', '=1+1']);
    expect(env.values('回款')[0].slice(0, 2)).toEqual([payHeader[1], payHeader[0]]);
    expect(env.ui.alerts().at(-1)?.text).toContain('补充列：客户: 邮箱');
    expect(env.ui.alerts().at(-1)?.text).toContain('新增设置项：1');
    expect(env.values('设置').at(-1)?.slice(0, 2)).toEqual(['defaultCurrency', 'CNY']);
    // The re-added e-mail column got its rule; the user column got none.
    const s = sheet(env, '我的客户');
    expect(s.getRange(3, header.length).getDataValidation()?.getCriteriaType().toString()).toBe('TEXT_IS_VALID_EMAIL');
    expect(s.getRange(3, header.length - 1).getDataValidation()).toBeNull();
    expect(s.getProtections('RANGE').length).toBe(1);
  });

  test('a missing required column stops refresh with a message naming it and Set up / repair', () => {
    const inv = sheet(env, '应收账款');
    inv.deleteColumn(columnsOf('invoices').findIndex((c) => c.key === 'amount') + 1);
    env.clickMenu('refreshLedger');
    expect(env.ui.alerts().at(-1)?.text).toBe(
      '“刷新台账”未能完成：工作表“应收账款”缺少必需的列“金额”。请运行菜单“设置 / 修复工作簿”。',
    );
  });
});
