// Invoice-level backtest: outcomes per invoice (on time, late, still open past due + grace, undecided), the naive
// baseline's input, the time split (a score as of the cut-off never sees later records), the monotonicity note,
// and the default scorecard against the naive rule on the realistic generators (one of which drifts).
import { addDays } from '../../src/domain/day';
import type { Invoice, Payment } from '../../src/domain/records';
import { buildHistories, historyOf } from '../../src/domain/scoring/history';
import {
  invoiceBacktest,
  invoiceLate,
  monotoneBreaks,
  naiveLateShare,
} from '../../src/domain/scoring/invoice-backtest';
import { DEFAULT_PARAMS } from '../../src/domain/scoring/scorecard';
import { AR_GENERATORS, generateAr } from './scoring-ar-generators';
import { customer, invoice, payment } from './scoring-fixtures';

const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

describe('one invoice', () => {
  const inv = invoice('I', 'X', '2026-04-01', '2026-04-30', 1000);
  const h = (paidOn?: string, amount = 1000) =>
    historyOf(buildHistories([inv], paidOn ? [payment('P', inv, paidOn, amount)] : [], []), 'X').invoices[0];
  test.each([
    ['paid on the due date', '2026-04-30', 0, '2026-06-30', false],
    ['paid a day late', '2026-05-01', 0, '2026-06-30', true],
    ['paid within grace', '2026-05-03', 3, '2026-06-30', false],
    ['still open past due + grace: late already', undefined, 3, '2026-06-30', true],
    ['open, due + grace not passed yet: undecided', undefined, 3, '2026-05-03', null],
    ['paid early but due + grace not passed yet: undecided too', '2026-04-20', 3, '2026-05-03', null],
  ])('%s', (_n, paid, grace, seen, expected) => {
    expect(invoiceLate(h(paid as string | undefined), day(seen as string), grace as number)).toBe(expected);
  });
  test('partly paid by the deadline is late', () => {
    expect(invoiceLate(h('2026-04-30', 999), day('2026-06-30'), 0)).toBe(true);
  });
});

describe('naive rule', () => {
  test('share of invoices settled by the cut-off that were late; open and later ones do not count', () => {
    const i1 = invoice('1', 'N', '2026-01-01', '2026-01-31', 100);
    const i2 = invoice('2', 'N', '2026-02-01', '2026-02-28', 100);
    const i3 = invoice('3', 'N', '2026-03-01', '2026-03-31', 100); // open at the cut-off
    const i4 = invoice('4', 'N', '2026-01-05', '2026-02-04', 100); // paid after the cut-off
    const h = historyOf(
      buildHistories(
        [i1, i2, i3, i4],
        [payment('a', i1, '2026-01-31'), payment('b', i2, '2026-03-10'), payment('c', i4, '2026-04-20')],
        [],
      ),
      'N',
    );
    expect(naiveLateShare(h, day('2026-04-15'), 0)).toBe(0.5);
    expect(naiveLateShare(h, day('2026-04-15'), 10)).toBe(0);
    expect(naiveLateShare(h, day('2025-12-31'), 0)).toBeNull();
  });
});

describe('report', () => {
  // P pays everything on time; L pays everything 20 days late; N has only two invoices before the cut-off (NR).
  const cutoff = '2026-03-31';
  const today = '2026-08-31';
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  for (const [id, late] of [
    ['P', 0],
    ['L', 20],
  ] as const) {
    for (let m = 0; m < 9; m++) {
      const issue = addDays('2025-10-01', m * 30);
      const inv = invoice(`${id}${m}`, id, issue, addDays(issue, 30), 1000);
      invoices.push(inv);
      payments.push(payment(`p${id}${m}`, inv, addDays(issue, 30 + late)));
    }
  }
  for (let m = 0; m < 4; m++) {
    const issue = addDays('2026-01-15', m * 30);
    invoices.push(invoice(`N${m}`, 'N', issue, addDays(issue, 30), 1000));
  }
  const customers = ['P', 'L', 'N'].map((id) => customer(id));
  const r = invoiceBacktest(customers, buildHistories(invoices, payments, []), cutoff, today, DEFAULT_PARAMS, 90);

  test('counts invoices issued in the horizon, splits NR off, ranks perfectly here', () => {
    // issued in (03-31, 06-29]: P and L each have 2 (04-29, 05-29) → 4 rated invoices, L's 2 late
    expect(r.invoices).toBe(4);
    expect(r.late).toBe(2);
    expect(r.auc).toBe(1);
    expect(r.naiveAuc).toBe(1);
    // N: one invoice issued after the cut-off (04-15), never paid
    expect(r.nrInvoices).toBe(1);
    expect(r.nrLate).toBe(1);
    expect(r.byGrade.map((g) => [g.grade, g.invoices, g.late])).toEqual([
      ['AAA', 2, 0],
      ['C', 2, 2],
      ['NR', 1, 1],
    ]);
  });

  test('the score as of the cut-off ignores what happened later (time split)', () => {
    // Rewriting what happened after the cut-off (L pays its later invoices on time) changes outcomes, not grades.
    const onTime = payments.map((p) => {
      const inv = invoices.find((i) => i.id === p.invoiceId)!;
      return inv.issueDate > cutoff && p.customerId === 'L' ? { ...p, date: inv.dueDate } : p;
    });
    const r2 = invoiceBacktest(customers, buildHistories(invoices, onTime, []), cutoff, today, DEFAULT_PARAMS, 90);
    expect(r2.byGrade.map((g) => [g.grade, g.invoices])).toEqual(r.byGrade.map((g) => [g.grade, g.invoices]));
    expect(r2.late).toBe(0);
  });

  test('grades out of order of observed late rate are named', () => {
    const line = (grade: 'AA' | 'A' | 'BBB', invoices: number, late: number) => ({
      grade,
      invoices,
      late,
      lateRate: late / invoices,
    });
    expect(monotoneBreaks([line('AA', 50, 5), line('A', 50, 10), line('BBB', 50, 20)])).toEqual([]);
    expect(monotoneBreaks([line('AA', 50, 15), line('A', 50, 10), line('BBB', 50, 20)])).toEqual([
      { better: 'AA', worse: 'A' },
    ]);
    // too few invoices in A to judge: skipped, AA compared with BBB
    expect(monotoneBreaks([line('AA', 50, 5), line('A', 5, 5), line('BBB', 50, 20)])).toEqual([]);
  });
});

describe('default scorecard vs the naive rule on realistic generators', () => {
  const rows = AR_GENERATORS.flatMap((g) => {
    const l = generateAr(g.options);
    const h = buildHistories(l.invoices, l.payments, l.interactions);
    return [120, 210, 300].map((back) => {
      const r = invoiceBacktest(l.customers, h, addDays(g.options.today, -back), g.options.today, DEFAULT_PARAMS, 90);
      return { name: g.name, back, auc: r.auc!, naive: r.naiveAuc!, n: r.invoices };
    });
  });
  test.each(rows.map((r) => [r.name, r.back, r]))('%s, cut-off %i days back', (_n, _b, r) => {
    expect(r.n).toBeGreaterThan(1000);
    // Never worse than the naive rule by more than noise; on most splits better (next test).
    expect(r.auc).toBeGreaterThan(r.naive - 0.005);
  });
  test('better than the naive rule on all but two splits, on every split of drifting or sparse data, by 0.005 on average', () => {
    // 7 generators × 3 splits. The two allowed misses are ar-c, the most stationary generator with the longest
    // records: there the naive share is close to the best estimate possible (docs/scoring-model.md).
    expect(rows.length).toBe(21);
    expect(rows.filter((r) => r.auc > r.naive).length).toBeGreaterThanOrEqual(19);
    for (const r of rows.filter((x) => /drift|sparse/.test(x.name))) expect(r.auc).toBeGreaterThan(r.naive);
    const mean = rows.reduce((s, r) => s + (r.auc - r.naive), 0) / rows.length;
    expect(mean).toBeGreaterThan(0.005);
  });
});
