// The demo workbook generator (emulator/playground/demo-data.ts): deterministic, realistic and valid by the
// add-on's own rules. Every generated customer, invoice, payment and interaction must pass the same validation the
// sidebar forms use (src/domain/validate.ts), so the playground never opens on a workbook full of red flags.
import { dayNumber } from '../../src/domain/day';
import { numberFromCents } from '../../src/domain/money';
import { isValidPhone } from '../../src/domain/phone';
import { isValidTaxId } from '../../src/domain/tax-id';
import { type InputKind, validateInput } from '../../src/domain/validate';
import { generateDemoWorkbook } from '../../emulator/playground/demo-data';
import { makeUscc, Rng } from '../../emulator/playground/demo-pools';

const AS_OF = '2026-11-20';
const demo = generateDemoWorkbook({ seed: 42, asOf: AS_OF });

/** A record as a person would type it into a form: money as yuan text, numbers and days as text. */
function raw(record: Record<string, unknown>, moneyKeys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === null || v === undefined) out[k] = '';
    else if (moneyKeys.includes(k) && typeof v === 'number') out[k] = String(numberFromCents(v));
    else if (typeof v === 'number') out[k] = String(v);
    else out[k] = v;
  }
  return out;
}

/** The first failures among a spread of records (every `step`-th: validating all 7,000 takes long under zod). */
function invalid(kind: InputKind, records: readonly Record<string, unknown>[], money: readonly string[], step = 1) {
  return records
    .filter((_, i) => i % step === 0)
    .map((r) => ({ id: r.id, result: validateInput(kind, raw(r, money), 'en', { today: AS_OF }) }))
    .filter((x) => !x.result.ok)
    .slice(0, 3);
}

describe('generateDemoWorkbook', () => {
  test('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoWorkbook({ seed: 42, asOf: AS_OF })).toEqual(demo);
    expect(generateDemoWorkbook({ seed: 43, asOf: AS_OF }).customers[0]).not.toEqual(demo.customers[0]);
  });

  test('has a few hundred customers and a few thousand invoices by default, any size on request', () => {
    expect(demo.customers).toHaveLength(300);
    expect(demo.invoices).toHaveLength(3000);
    expect(demo.payments.length).toBeGreaterThan(1500);
    expect(demo.interactions.length).toBeGreaterThan(500);
    const small = generateDemoWorkbook({ seed: 1, invoices: 120, customers: 15, asOf: AS_OF });
    expect([small.customers.length, small.invoices.length]).toEqual([15, 120]);
    expect(generateDemoWorkbook({ seed: 1, invoices: 6000, asOf: AS_OF }).customers).toHaveLength(1200);
  });

  test('every record passes the add-on validation of its form', () => {
    expect(invalid('customer', demo.customers as never, ['creditLimit'])).toEqual([]);
    expect(invalid('invoice', demo.invoices as never, ['amount'], 5)).toEqual([]);
    expect(invalid('payment', demo.payments as never, ['amount'], 5)).toEqual([]);
    expect(invalid('interaction', demo.interactions as never, [], 2)).toEqual([]);
  });

  test('companies carry valid unified social credit codes; phones are CN mobile, landline or international', () => {
    const companies = demo.customers.filter((c) => c.type === 'company');
    const people = demo.customers.filter((c) => c.type === 'individual');
    expect(companies.length).toBeGreaterThan(100);
    expect(people.length).toBeGreaterThan(50);
    expect(companies.every((c) => isValidTaxId(c.taxId))).toBe(true);
    expect(people.every((c) => c.taxId === '' && c.birthDate !== '')).toBe(true);
    expect(demo.customers.every((c) => isValidPhone(c.phone))).toBe(true);
    const kinds = new Set(
      demo.customers.map((c) => (c.phone.startsWith('+') ? 'intl' : c.phone.startsWith('0') ? 'landline' : 'mobile')),
    );
    expect([...kinds].sort()).toEqual(['intl', 'landline', 'mobile']);
  });

  test('a check character is computed, never copied: changing one digit breaks the code', () => {
    const code = makeUscc(new Rng(9), '310000');
    expect(isValidTaxId(code)).toBe(true);
    const broken = code.slice(0, 10) + ((Number(code[10]) + 1) % 10) + code.slice(11);
    expect(isValidTaxId(broken)).toBe(false);
  });

  test('names are bilingual and unique; ids and e-mails are unique', () => {
    const names = demo.customers.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    expect(names.some((n) => /^[A-Za-z]/.test(n))).toBe(true);
    expect(new Set(demo.customers.map((c) => c.language))).toEqual(new Set(['zh-CN', 'en']));
    const emails = demo.customers.map((c) => c.email).filter(Boolean);
    expect(new Set(emails).size).toBe(emails.length);
    for (const list of [demo.customers, demo.invoices, demo.payments, demo.interactions]) {
      expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    }
    expect(demo.invoices.some((i) => /^0\d+$/.test(i.id))).toBe(true); // imported ids with leading zeros
  });

  test('covers on-time, late, open, disputed, promised and written-off cases over two years', () => {
    const statuses = new Set(demo.invoices.map((i) => i.status));
    expect(statuses).toEqual(new Set(['open', 'disputed', 'promised', 'written-off']));
    const issue = demo.invoices.map((i) => dayNumber(i.issueDate));
    expect(dayNumber(AS_OF) - Math.min(...issue)).toBeGreaterThan(700);
    expect(Math.max(...issue)).toBeLessThanOrEqual(dayNumber(AS_OF));
    const byId = new Map(demo.invoices.map((i) => [i.id, i]));
    const lastPay = new Map<string, number>();
    for (const p of demo.payments) lastPay.set(p.invoiceId, Math.max(lastPay.get(p.invoiceId) ?? 0, dayNumber(p.date)));
    let onTime = 0;
    let late = 0;
    for (const [id, day] of lastPay) {
      if (day <= dayNumber((byId.get(id) as { dueDate: string }).dueDate)) onTime++;
      else late++;
    }
    expect(onTime).toBeGreaterThan(late);
    expect(late).toBeGreaterThan(100);
    const overdueOpen = demo.invoices.filter((i) => i.status === 'open' && !lastPay.has(i.id) && i.dueDate < AS_OF);
    expect(overdueOpen.length).toBeGreaterThan(20);
    expect(demo.invoices.filter((i) => i.status === 'promised').every((i) => i.promiseDate > AS_OF)).toBe(true);
  });

  test('payments never exceed their invoice, never precede its issue and are never in the future', () => {
    const byId = new Map(demo.invoices.map((i) => [i.id, i]));
    const paid = new Map<string, number>();
    for (const p of demo.payments) {
      const inv = byId.get(p.invoiceId);
      expect(inv?.customerId).toBe(p.customerId);
      expect(p.date >= (inv?.issueDate ?? '') && p.date < AS_OF).toBe(true);
      paid.set(p.invoiceId, (paid.get(p.invoiceId) ?? 0) + p.amount);
    }
    for (const [id, sum] of paid) expect(sum).toBeLessThanOrEqual(byId.get(id)?.amount ?? 0);
  });
});
