// Issue #18 through the built bundle, once per locale (zh-CN, zh-TW, en): setup names the sheets and headers in the
// workbook's language, a sidebar save answers in it, a customer's reminder e-mail is written in the customer's
// language, and the reports sheet is built in it. zh_HK sets up in Traditional Chinese too, and headers written in
// any of the three languages are recognized (a colleague's locale does not break the workbook).
import {
  customerWithInvoice,
  type Env,
  headerRow,
  type Lang,
  mustSave,
  newEnv,
  rows,
  saveCustomer,
  saveInvoice,
  sheetName,
  sheetOf,
  start,
} from './harness';

// Characters only Simplified script has / only Traditional script has, common in this product's texts.
const SIMPLIFIED_ONLY = /[账发这们对说为时单项数额计户务欠还应请设规则银汇总结记录条据类邮号码报导]/;
const TRADITIONAL_ONLY = /[帳發這們對說為時單項數額計戶務還應請設規則銀匯總結記錄條據類郵號碼報導]/;
const CJK = /[\u4e00-\u9fff]/;

const LOCALES: Array<{ locale: string; lang: Lang; customerName: string; reports: string }> = [
  { locale: 'zh_CN', lang: 'zh-CN', customerName: '客户名称', reports: '报表' },
  { locale: 'zh_TW', lang: 'zh-TW', customerName: '客戶名稱', reports: '報表' },
  { locale: 'en_US', lang: 'en', customerName: 'Name', reports: 'Reports' },
];

/** Text in the expected script: no Simplified-only characters in zh-TW, none of either in English. */
function expectScript(lang: Lang, text: string): void {
  if (lang === 'zh-TW') {
    expect(text).not.toMatch(SIMPLIFIED_ONLY);
    expect(text).toMatch(TRADITIONAL_ONLY);
  } else if (lang === 'zh-CN') {
    expect(text).not.toMatch(TRADITIONAL_ONLY);
    expect(text).toMatch(SIMPLIFIED_ONLY);
  } else {
    expect(text).not.toMatch(CJK);
  }
}

describe.each(LOCALES)('a workbook set up under $locale', ({ locale, lang, customerName, reports }) => {
  let env: Env;
  beforeAll(() => {
    env = newEnv({ locale, now: '2026-03-02T10:00:00+08:00' });
  });

  test('setup: sheet names and headers in the workbook language', () => {
    const names = env.spreadsheet
      .api()
      .getSheets()
      .map((s) => s.getName());
    for (const role of ['customers', 'invoices', 'payments', 'interactions', 'reminders', 'audit', 'settings'] as const)
      expect(names).toContain(sheetName(role, lang));
    const header = headerRow(env, sheetName('customers', lang));
    expect(header).toContain(customerName);
    expectScript(lang, header.join(' '));
    expectScript(lang, headerRow(env, sheetName('invoices', lang)).join(' '));
  });

  test("the industry dropdown offers the Settings sheet's list, in the workbook's script", () => {
    const settings = sheetOf(env, sheetName('settings', lang)).getDataRange().getValues() as unknown[][];
    const listed = String(settings.find((r) => r[0] === 'industries')?.[1] ?? '').split(',');
    const header = headerRow(env, sheetName('customers', lang));
    const column = header.indexOf({ 'zh-CN': '行业', 'zh-TW': '行業', en: 'Industry' }[lang]) + 1;
    expect(column).toBeGreaterThan(0);
    const rule = sheetOf(env, sheetName('customers', lang)).getRange(2, column).getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toEqual(listed);
    expectScript(lang, listed.join(' '));
  });

  test('a sidebar save answers in the language, and a bad field is named in it', () => {
    const ok = saveCustomer(env, { name: '台北宏遠貿易', type: 'company', status: 'active' }, lang);
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.message).toBeTruthy();
    expectScript(lang, (ok.ok && ok.message) || '');
    const bad = saveCustomer(env, { name: 'X', type: 'company', status: 'active', email: 'not-an-address' }, lang);
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : (bad.errors ?? []);
    expect(errors.map((e) => e.field)).toContain('email');
    expectScript(lang, errors.map((e) => e.message).join(' '));
  });

  test("a reminder e-mail in the customer's language, with ¥ and real days overdue", () => {
    const { customerId } = customerWithInvoice(
      env,
      { name: 'Harbour Trading', email: `ap-${lang}@example.com`, language: lang },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '12345.67' },
    );
    expect(customerId).toBeTruthy();
    env.clickMenu('runRemindersNow');
    const mail = env.outbox.find((m) => m.to === `ap-${lang}@example.com`);
    expect(mail).toBeDefined();
    expect(mail?.body).toContain('¥12,345.67');
    expect(mail?.body).toMatch(/29/);
    expectScript(lang, `${mail?.subject} ${mail?.body.replace(/Harbour Trading|ap-\S+/g, '')}`);
    // The log row is in the workbook language too.
    const log = rows(env, sheetName('reminders', lang));
    expect(log.length).toBeGreaterThan(0);
  });

  test('reports are built in the workbook language', () => {
    env.clickMenu('buildReports');
    const sheet = sheetOf(env, reports);
    const text = (sheet.getDataRange().getValues() as unknown[][])
      .flat()
      .filter((v) => typeof v === 'string')
      .join(' ');
    expect(text.length).toBeGreaterThan(50);
    expectScript(lang, text.replace(/台北宏遠貿易|Harbour Trading/g, ''));
  });
});

describe('Traditional Chinese and mixed-locale workbooks', () => {
  test("a Settings row deleted by hand falls back to the workbook language's default (zh-TW industries)", () => {
    const env = newEnv({ locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    const settings = sheetOf(env, sheetName('settings', 'zh-TW'));
    const keys = (settings.getDataRange().getValues() as unknown[][]).map((r) => r[0]);
    settings.deleteRow(keys.indexOf('industries') + 1);
    const home = start(env);
    expect(home.industries).toContain('製造業');
    expect(home.industries).not.toContain('制造业');
  });

  test('zh_HK sets up in Traditional Chinese', () => {
    const env = newEnv({ locale: 'zh_HK', timeZone: 'Asia/Hong_Kong' });
    expect(env.spreadsheet.api().getSheetByName('應收帳款')).not.toBeNull();
    expect(env.spreadsheet.api().getSheetByName('设置')).toBeNull();
  });

  test('headers typed in another language are still recognized: a save and a refresh keep working', () => {
    const env = newEnv({ locale: 'zh_CN' });
    const customers = sheetOf(env, sheetName('customers', 'zh-CN'));
    const header = headerRow(env, sheetName('customers', 'zh-CN'));
    // A Hong Kong colleague retypes two headers in Traditional Chinese, an English one a third.
    customers.getRange(1, header.indexOf('客户名称') + 1).setValue('客戶名稱');
    customers.getRange(1, header.indexOf('邮箱') + 1).setValue('Email');
    customers.getRange(1, header.indexOf('信用额度') + 1).setValue('信用額度');
    const id = mustSave(saveCustomer(env, { name: '九龍倉儲', type: 'company', status: 'active', email: 'a@b.hk' }));
    const row = rows(env, sheetName('customers', 'zh-CN')).find((r) => r['客户编号'] === id);
    expect(row?.['客戶名稱']).toBe('九龍倉儲');
    expect(row?.Email).toBe('a@b.hk');
    mustSave(saveInvoice(env, { customerId: id, issueDate: '2026-01-05', amount: '800', currency: 'CNY' }));
    env.clickMenu('refreshLedger');
    const after = rows(env, sheetName('customers', 'zh-CN')).find((r) => r['客户编号'] === id);
    expect(after?.['应收余额']).toBe(800);
  });
});
