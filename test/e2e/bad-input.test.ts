// PRODUCT.md §9 through the sidebar RPCs of the built add-on: every bad input gets a localized message naming the
// field and the rule, and nothing is written (every sheet, audit log included, is identical before and after).
// Also: a required column deleted by a user, and rows typed by hand with bad values (skipped, reported, no crash).
import type { SaveFailure, SaveResult } from '../../src/app/sidebar-types';
import {
  badTaxId,
  colIndex,
  customerWithInvoice,
  type Env,
  type Lang,
  lastAlert,
  mustSave,
  newEnv,
  rows,
  SHEET,
  saveCustomer,
  saveInteraction,
  saveInvoice,
  savePayment,
  sheetName,
  sheetOf,
  snapshot,
} from './harness';

function everything(env: Env, lang: Lang): unknown {
  return Object.values(SHEET).map((n) => snapshot(env, n[lang]));
}

/** Runs `save`, asserts it failed and that no sheet changed; returns the failure. */
function refused(env: Env, lang: Lang, save: () => SaveResult): SaveFailure {
  const before = everything(env, lang);
  const r = save();
  expect(r.ok).toBe(false);
  expect(everything(env, lang)).toEqual(before);
  return r as SaveFailure;
}

function fieldError(r: SaveFailure, field: string): string {
  const hit = r.errors.find((e) => e.field === field);
  if (!hit) throw new Error(`no error for ${field}: ${JSON.stringify(r)}`);
  return hit.message;
}

describe.each([
  ['zh_CN', 'zh-CN'],
  ['en_US', 'en'],
] as const)('sidebar saves refuse bad input (%s)', (locale, lang: Lang) => {
  let env: Env;
  let customerId: string;
  let invoiceId: string;
  const zh = lang === 'zh-CN';
  beforeAll(() => {
    env = newEnv({ locale });
    ({ customerId, invoiceId } = customerWithInvoice(
      env,
      { name: 'Base Co', email: 'base@example.com' },
      { issueDate: '2026-02-01', dueDate: '2026-02-28', amount: '1000' },
    ));
  });

  test('customer: missing required name', () => {
    const r = refused(env, lang, () => saveCustomer(env, { name: '', type: 'company' }, lang));
    expect(fieldError(r, 'name')).toContain(zh ? '客户名称' : 'Name');
    expect(r.message.length).toBeGreaterThan(0);
  });

  test('customer: text in number fields (credit limit, terms)', () => {
    const r = refused(env, lang, () =>
      saveCustomer(env, { name: 'X', type: 'company', creditLimit: 'lots', termsDays: 'thirty' }, lang),
    );
    expect(fieldError(r, 'creditLimit')).toContain(zh ? '信用额度' : 'Credit limit');
    expect(fieldError(r, 'termsDays')).toContain(zh ? '账期' : 'terms');
  });

  test('customer: invalid e-mail, phone and tax id', () => {
    const r = refused(env, lang, () =>
      saveCustomer(env, { name: 'X', type: 'company', email: 'not-an-email', phone: '12345', taxId: badTaxId() }, lang),
    );
    expect(fieldError(r, 'email')).toContain(zh ? '邮箱' : 'Email');
    expect(fieldError(r, 'phone')).toContain(zh ? '电话' : 'Phone');
    expect(fieldError(r, 'taxId')).toContain(zh ? '统一社会信用代码' : 'Tax ID');
  });

  test('customer: text over 50,000 characters', () => {
    const r = refused(env, lang, () =>
      saveCustomer(env, { name: 'X', type: 'company', notes: 'a'.repeat(50001) }, lang),
    );
    expect(fieldError(r, 'notes')).toContain(zh ? '备注' : 'Notes');
    expect(fieldError(r, 'notes')).toMatch(/50,?000/);
  });

  test('invoice: unknown customer', () => {
    const r = refused(env, lang, () =>
      saveInvoice(env, { customerId: 'C-999999', issueDate: '2026-02-01', amount: '10' }, lang),
    );
    expect(JSON.stringify(r)).toContain('C-999999');
    expect(r.errors.map((e) => e.field)).toContain('customerId');
  });

  test('invoice: text in amount and date fields', () => {
    const r = refused(env, lang, () =>
      saveInvoice(env, { customerId, issueDate: 'next tuesday', amount: 'ten yuan' }, lang),
    );
    expect(fieldError(r, 'issueDate')).toContain(zh ? '开票日期' : 'Issue date');
    expect(fieldError(r, 'amount')).toContain(zh ? '金额' : 'Amount');
  });

  test('invoice: due date before issue date', () => {
    const r = refused(env, lang, () =>
      saveInvoice(env, { customerId, issueDate: '2026-02-10', dueDate: '2026-02-01', amount: '10' }, lang),
    );
    expect(fieldError(r, 'dueDate')).toContain(zh ? '到期日' : 'Due date');
  });

  test('invoice: missing required issue date and amount', () => {
    const r = refused(env, lang, () => saveInvoice(env, { customerId }, lang));
    expect(r.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['issueDate', 'amount']));
  });

  test('invoice: duplicate id', () => {
    const r = refused(env, lang, () =>
      saveInvoice(env, { id: invoiceId, customerId, issueDate: '2026-02-01', amount: '10' }, lang),
    );
    expect(fieldError(r, 'id')).toContain(invoiceId);
  });

  test('payment: unknown invoice', () => {
    const r = refused(env, lang, () =>
      savePayment(env, { invoiceId: 'INV-NOPE', date: '2026-03-01', amount: '10', method: 'bank' }, lang),
    );
    expect(JSON.stringify(r)).toContain('INV-NOPE');
    expect(r.errors.map((e) => e.field)).toContain('invoiceId');
  });

  test('payment: overpayment', () => {
    const r = refused(env, lang, () =>
      savePayment(env, { invoiceId, date: '2026-03-01', amount: '1000.01', method: 'bank' }, lang),
    );
    expect(fieldError(r, 'amount')).toContain(zh ? '金额' : 'mount');
  });

  test('payment: date in the future, text in amount', () => {
    const r = refused(env, lang, () =>
      savePayment(env, { invoiceId, date: '2026-03-09', amount: 'abc', method: 'bank' }, lang),
    );
    expect(r.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['date', 'amount']));
  });

  test('interaction: missing summary, unknown customer, satisfaction out of range', () => {
    const r1 = refused(env, lang, () =>
      saveInteraction(env, { customerId, date: '2026-03-01', channel: 'phone', type: 'inquiry', summary: '' }, lang),
    );
    expect(fieldError(r1, 'summary')).toContain(zh ? '摘要' : 'Summary');
    const r2 = refused(env, lang, () =>
      saveInteraction(env, { customerId: 'C-424242', date: '2026-03-01', summary: 'hi', type: 'inquiry' }, lang),
    );
    expect(JSON.stringify(r2)).toContain('C-424242');
    const r3 = refused(env, lang, () =>
      saveInteraction(env, { customerId, date: '2026-03-01', summary: 'hi', type: 'inquiry', satisfaction: '9' }, lang),
    );
    expect(fieldError(r3, 'satisfaction')).toContain(zh ? '满意度' : 'Satisfaction');
  });

  test('a valid payment of exactly the outstanding amount is accepted', () => {
    expect(savePayment(env, { invoiceId, date: '2026-03-01', amount: '1000', method: 'bank' }, lang).ok).toBe(true);
  });
});

describe('a required column deleted by a user', () => {
  test.each([
    ['zh_CN', 'zh-CN', '客户名称', /设置\s*\/\s*修复/],
    ['en_US', 'en', 'Name', /Set up \/ repair/i],
  ] as const)('%s: the save names the column and says to run Set up / repair', (locale, lang, header, advice) => {
    const env = newEnv({ locale });
    mustSave(saveCustomer(env, { name: 'Keep', type: 'company' }, lang));
    const name = sheetName('customers', lang);
    sheetOf(env, name).deleteColumn(colIndex(env, name, header) + 1);
    const r = refused(env, lang, () => saveCustomer(env, { name: 'New', type: 'company' }, lang));
    expect(r.message).toContain(header);
    expect(r.message).toMatch(advice);
  });

  test('refresh with a deleted required column shows the same advice, no crash', () => {
    const env = newEnv();
    const name = sheetName('invoices');
    sheetOf(env, name).deleteColumn(colIndex(env, name, '金额') + 1);
    env.clickMenu('refreshLedger');
    expect(lastAlert(env)).toContain('金额');
    expect(lastAlert(env)).toMatch(/设置\s*\/\s*修复/);
  });
});

describe('rows typed by hand with bad values', () => {
  function handTyped() {
    const env = newEnv();
    const good = customerWithInvoice(
      env,
      { name: '好客户', email: 'good@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500' },
    );
    const inv = sheetName('invoices');
    const head = env.values(inv)[0] as string[];
    const row = head.map((h) => {
      if (h === '单据编号') return 'BAD-1';
      if (h === '客户编号') return good.customerId;
      if (h === '开票日期') return 'yesterday';
      if (h === '金额') return 'lots';
      return '';
    });
    const sh = sheetOf(env, inv);
    sh.getRange(sh.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    return { env, good };
  }

  test('refresh skips and reports the bad row and still computes the good one', () => {
    const { env, good } = handTyped();
    env.clickMenu('refreshLedger');
    expect(env.executions.filter((x: { error?: unknown }) => x.error)).toEqual([]);
    expect(lastAlert(env)).toMatch(/BAD-1|第\s*\d+\s*行|row\s*\d+/i);
    const g = rows(env, sheetName('invoices')).find((r) => r['单据编号'] === good.invoiceId);
    expect(g?.['逾期天数']).toBe(29);
  });

  test('rescore and the daily reminder run do not crash on the bad row', () => {
    const { env } = handTyped();
    env.clickMenu('rescoreCustomers');
    expect(env.executions.filter((x: { error?: unknown }) => x.error)).toEqual([]);
    expect(rows(env, sheetName('customers'))[0]['信用等级']).not.toBe('');
    env.clickMenu('runRemindersNow');
    expect(env.executions.filter((x: { error?: unknown }) => x.error)).toEqual([]);
    expect(env.outbox.length).toBeGreaterThan(0);
    expect(env.outbox.some((m: { body: string }) => m.body.includes('BAD-1'))).toBe(false);
  });
});

describe('more hand-typed rows and hostile payloads', () => {
  function typedRows() {
    const env = newEnv({ now: '2026-03-02T10:00:00+08:00' });
    const good = customerWithInvoice(
      env,
      { name: '好客户', email: 'good@example.com' },
      { issueDate: '2026-01-01', dueDate: '2026-02-01', amount: '500' },
    );
    const inv = sheetName('invoices');
    const head = env.values(inv)[0] as string[];
    const orphan = head.map((h) =>
      h === '单据编号'
        ? 'ORPHAN'
        : h === '客户编号'
          ? 'C-404'
          : h === '开票日期'
            ? '2026-01-01'
            : h === '到期日'
              ? '2026-01-05'
              : h === '金额'
                ? 50
                : '',
    );
    const sh = sheetOf(env, inv);
    sh.getRange(3, 1, 1, orphan.length).setValues([orphan]);
    const cust = sheetName('customers');
    const ch = env.values(cust)[0] as string[];
    const nameless = ch.map((h) => (h === '客户编号' ? 'C-HAND' : h === '邮箱' ? 'not-an-email' : ''));
    sheetOf(env, cust).getRange(3, 1, 1, nameless.length).setValues([nameless]);
    return { env, good };
  }

  test('a hand-typed customer row without a name is reported by refresh with its row', () => {
    const { env } = typedRows();
    env.clickMenu('refreshLedger');
    expect(lastAlert(env)).toMatch(/客户\s*第\s*3\s*行.*客户名称/);
    env.clickMenu('runRemindersNow');
    expect(env.executions.filter((x: { error?: unknown }) => x.error)).toEqual([]);
    expect(env.outbox.map((m: { to: string }) => m.to)).toEqual(['good@example.com']);
  });

  test('an invoice typed by hand for an unknown customer is reported by refresh', () => {
    const { env } = typedRows();
    env.clickMenu('refreshLedger');
    expect(lastAlert(env)).toMatch(/ORPHAN|应收账款\s*第\s*3\s*行/);
  });

  test('object / array field values are refused, nothing written', () => {
    const env = newEnv();
    for (const v of [{ a: 1 }, ['x']]) {
      const r = refused(
        env,
        'zh-CN',
        () => env.callRpc('saveCustomer', [{ values: { name: v, type: 'company' } }]) as SaveResult,
      );
      expect(r.errors.map((e) => e.field)).toContain('name');
    }
  });

  test('a hostile payload gets a validation failure, not an exception', () => {
    const env = newEnv();
    expect(() => env.callRpc('saveCustomer', [{ values: { name: { toString: 1 }, type: 'company' } }])).not.toThrow();
  });
});
