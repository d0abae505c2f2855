// Demo invoices and their payments. Each invoice's fate follows its customer's payment profile: paid early, on
// time or late (sometimes in two instalments), still open and overdue, disputed, promised, or written off. Ids are
// assigned in issue order per year, with a few imported numeric ids that keep their leading zeros.
import { addDays, dayNumber, type IsoDay } from '../../src/domain/day';
import type { Cents } from '../../src/domain/money';
import type { Payment } from '../../src/domain/records';
import type { Profile } from './demo-customers';
import type { BuiltCustomer as Built, DemoInvoice } from './demo-data';
import { type Rng, sortByDay } from './demo-pools';

export function makeInvoices(
  rng: Rng,
  built: readonly Built[],
  count: number,
  asOf: IsoDay,
): { invoices: DemoInvoice[]; payments: Payment[] } {
  const buyers = built.filter((b) => b.customer.status !== 'prospect');
  const cumulative: number[] = [];
  let total = 0;
  for (const b of buyers) {
    total += b.weight;
    cumulative.push(total);
  }
  const drafts: Array<{ inv: DemoInvoice; pays: Array<{ date: IsoDay; amount: Cents; b: Built }> }> = [];
  for (let i = 0; i < count && buyers.length > 0; i++) {
    const b = buyers[lowerBound(cumulative, rng.next() * total)];
    drafts.push(makeOneInvoice(rng, b, asOf));
  }
  sortByDay(drafts, (d) => d.inv.issueDate);
  const perYear = new Map<string, number>();
  const invoices: DemoInvoice[] = [];
  const pending: Array<{ date: IsoDay; amount: Cents; b: Built; inv: DemoInvoice }> = [];
  drafts.forEach((d, i) => {
    const year = d.inv.issueDate.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    // A few imported ids keep their leading zeros: the sheet must store them as text.
    d.inv.id = i % 97 === 13 ? String(611000 + n).padStart(10, '0') : `INV-${year}-${String(n).padStart(5, '0')}`;
    d.inv.contractNo = `HT-${year}-${String(Math.ceil(n / 3)).padStart(4, '0')}`;
    invoices.push(d.inv);
    for (const p of d.pays) pending.push({ ...p, inv: d.inv });
  });
  sortByDay(pending, (p) => p.date);
  const payments = pending.map(
    (p, i): Payment => ({
      id: `P-${String(i + 1).padStart(6, '0')}`,
      invoiceId: p.inv.id,
      customerId: p.inv.customerId,
      date: p.date,
      amount: p.amount,
      method: rng.weighted([
        ['bank', 80],
        ['cheque', 6],
        ['card', 6],
        ['cash', 4],
        ['other', 4],
      ] as const),
      reference: `${p.date.replace(/-/g, '')}-${rng.digits(4)}`,
      recordedBy: p.b.customer.manager,
      notes: '',
    }),
  );
  return { invoices, payments };
}

function makeOneInvoice(
  rng: Rng,
  b: Built,
  asOf: IsoDay,
): { inv: DemoInvoice; pays: Array<{ date: IsoDay; amount: Cents; b: Built }> } {
  const c = b.customer;
  const span = Math.max(0, dayNumber(b.until) - dayNumber(b.since));
  const issueDate = addDays(b.since, rng.int(0, span));
  const terms = c.termsDays ?? 30;
  const dueDate = addDays(issueDate, terms);
  const amount = roundAmount(rng, Math.round(b.typicalAmount * (0.3 + rng.next() * 1.6)));
  const zh = c.language !== 'en';
  const inv: DemoInvoice = {
    id: '',
    customerId: c.id,
    contractNo: '',
    project: zh
      ? `${rng.pick(b.flavor.projectsZh)} 第${rng.int(1, 4)}期`
      : `${rng.pick(b.flavor.projectsEn)} phase ${rng.int(1, 4)}`,
    issueDate,
    dueDate,
    amount,
    currency: 'CNY',
    status: 'open',
    promiseDate: '',
    notes: '',
  };
  const pays: Array<{ date: IsoDay; amount: Cents; b: Built }> = [];
  const overdueDays = dayNumber(asOf) - dayNumber(dueDate);
  if (b.profile === 'defaulted' && overdueDays > 120 && rng.chance(0.6)) {
    inv.status = 'written-off';
    inv.notes = zh ? '客户进入破产清算，经审批核销' : 'Customer in liquidation; written off after approval';
    if (rng.chance(0.3)) pays.push({ date: addDays(dueDate, rng.int(5, 40)), amount: Math.round(amount * 0.3), b });
    return { inv, pays };
  }
  if (
    (b.profile === 'risky' || b.profile === 'slow') &&
    overdueDays > 0 &&
    rng.chance(b.profile === 'risky' ? 0.08 : 0.02)
  ) {
    inv.status = 'disputed';
    inv.notes = zh
      ? rng.pick(['客户对交付数量有异议', '验收未通过，待复检', '发票抬头有误，待重开'])
      : rng.pick(['Quantity delivered disputed', 'Acceptance pending re-inspection', 'Invoice title to be corrected']);
    return { inv, pays };
  }
  const payDay = addDays(dueDate, delayFor(rng, b.profile));
  const lastPossible = addDays(asOf, -1);
  const date = dayNumber(payDay) < dayNumber(issueDate) ? issueDate : payDay;
  if (date <= lastPossible) {
    if (rng.chance(0.15) && dayNumber(date) - dayNumber(issueDate) > 10) {
      const first = Math.round(amount * (0.3 + rng.next() * 0.4));
      pays.push({ date: addDays(issueDate, rng.int(1, dayNumber(date) - dayNumber(issueDate) - 1)), amount: first, b });
      pays.push({ date, amount: amount - first, b });
    } else {
      pays.push({ date, amount, b });
    }
    return { inv, pays };
  }
  // Still owed today: sometimes partly paid, sometimes with a promise to pay.
  if (overdueDays > 0 && rng.chance(0.2)) {
    const paidDay = addDays(dueDate, rng.int(0, Math.max(0, overdueDays - 1)));
    if (paidDay <= lastPossible) pays.push({ date: paidDay, amount: Math.round(amount * (0.2 + rng.next() * 0.3)), b });
  }
  if (overdueDays > 3 && b.profile !== 'prompt' && rng.chance(0.15)) {
    inv.status = 'promised';
    inv.promiseDate = addDays(asOf, rng.int(2, 20));
    inv.notes = zh ? '客户电话承诺月底前付款' : 'Customer promised payment by phone';
  }
  return { inv, pays };
}

/** Days between due date and payment for a profile (negative = early). */
function delayFor(rng: Rng, profile: Profile): number {
  switch (profile) {
    case 'prompt':
      return rng.int(-12, 1);
    case 'good':
      return rng.chance(0.8) ? rng.int(-6, 2) : rng.int(3, 15);
    case 'slow':
      return rng.chance(0.5) ? rng.int(0, 10) : rng.int(10, 45);
    case 'risky':
      return rng.weighted([
        [rng.int(0, 15), 3],
        [rng.int(15, 60), 4],
        [rng.int(60, 150), 3],
      ] as const);
    case 'defaulted':
      return rng.int(30, 400);
  }
}

/** Business-like amounts: mostly whole hundreds, sometimes exact to the fen. */
function roundAmount(rng: Rng, cents: Cents): Cents {
  const min = 50000;
  const c = Math.max(min, cents);
  return rng.chance(0.7) ? Math.round(c / 10000) * 10000 : c;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
