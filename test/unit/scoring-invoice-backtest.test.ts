// Invoice-level backtest: outcomes per invoice (on time, late, still open past due + grace, undecided), the naive
// baseline's input, the time split (a score as of the cut-off never sees later records), the monotonicity note,
// and the default scorecard against the naive rule on the realistic generators (one of which drifts).
import { addDays, dayNumber } from '../../src/domain/day';
import type { Invoice, Payment } from '../../src/domain/records';
import { buildHistories, historyOf } from '../../src/domain/scoring/history';
import { backtest } from '../../src/domain/scoring/backtest';
import { backtestLines } from '../../src/domain/scoring/backtest-text';
import {
  type InvoiceGradeLine,
  invoiceBacktest,
  invoiceLate,
  MONOTONE_ALPHA,
  monotoneBreaks,
  naiveLateShare,
  upperQuantile,
} from '../../src/domain/scoring/invoice-backtest';
import { auc } from '../../src/domain/scoring/metrics';
import { rateCustomer } from '../../src/domain/scoring/rate';
import { DEFAULT_PARAMS } from '../../src/domain/scoring/scorecard';
import { AR_GENERATORS, bayesLateShare, generateAr, lateCount } from './scoring-ar-generators';
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

describe('grade order judged against sampling noise', () => {
  const line = (grade: 'AA' | 'A' | 'BBB' | 'BB', rate: number, se: number): InvoiceGradeLine => ({
    grade,
    invoices: 100,
    late: Math.round(rate * 100),
    lateRate: rate,
    se,
  });
  test('one-sided normal quantiles', () => {
    expect(upperQuantile(0.05)).toBeCloseTo(1.645, 3);
    expect(upperQuantile(0.025)).toBeCloseTo(1.96, 3);
    expect(upperQuantile(0.05 / 8)).toBeCloseTo(2.498, 3);
  });
  test('an inversion smaller than the noise is not a break; a larger one is; the test covers the whole report', () => {
    // Gap 0.10, SE of the difference 0.05·√2 = 0.0707 → z = 1.41: within noise at any level.
    const small = [line('AA', 0.4, 0.05), line('A', 0.3, 0.05)];
    expect(monotoneBreaks(small)).toEqual([{ better: 'AA', worse: 'A' }]);
    expect(monotoneBreaks(small, MONOTONE_ALPHA)).toEqual([]);
    // Gap 0.15 → z = 2.12: beyond 1.645 (one pair), within 2.128 (three pairs compared, Bonferroni) …
    const mid = (n: number) => [
      line('AA', 0.45, 0.05),
      line('A', 0.3, 0.05),
      ...(n > 2 ? [line('BBB', 0.5, 0.05), line('BB', 0.6, 0.05)] : []),
    ];
    expect(monotoneBreaks(mid(2), MONOTONE_ALPHA)).toEqual([{ better: 'AA', worse: 'A' }]);
    expect(monotoneBreaks(mid(4), MONOTONE_ALPHA)).toEqual([]);
    // … unless each pair is tested alone.
    expect(monotoneBreaks(mid(4), MONOTONE_ALPHA, true)).toEqual([{ better: 'AA', worse: 'A' }]);
    // Gap 0.3 → z = 4.2: a break under every reading.
    expect(
      monotoneBreaks([line('AA', 0.6, 0.05), line('A', 0.3, 0.05), line('BBB', 0.7, 0.05)], MONOTONE_ALPHA),
    ).toEqual([{ better: 'AA', worse: 'A' }]);
  });

  // Three customers with the same punctual history (same grade); after the cut-off X is late on one of its two
  // invoices, Y on none, Z on both: rate 3/6; residuals late − rate·n = 0, −1, +1 → Var = 3/2 · 2 / 6² → SE 0.2887.
  const cutoff = '2026-03-31';
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  for (const [id, lateAfter] of [
    ['X', 1],
    ['Y', 0],
    ['Z', 2],
  ] as const) {
    for (let m = 0; m < 10; m++) {
      const issue = addDays('2025-09-01', m * 30);
      const inv = invoice(`${id}${m}`, id, issue, addDays(issue, 30), 1000);
      invoices.push(inv);
      const after = issue > cutoff ? m - 8 : -1; // 0, 1 for the two invoices issued after the cut-off (04-29, 05-29)
      payments.push(payment(`p${id}${m}`, inv, addDays(issue, after >= 0 && after < lateAfter ? 45 : 30)));
    }
  }
  const h = buildHistories(invoices, payments, []);
  const customers = ['X', 'Y', 'Z'].map((id) => customer(id));
  const r = invoiceBacktest(customers, h, cutoff, '2026-09-30', DEFAULT_PARAMS, 90);

  test('the late rate per grade has a standard error that counts customers, not invoices', () => {
    expect(r.byGrade).toHaveLength(1);
    const [g] = r.byGrade;
    expect([g.invoices, g.late, g.customers]).toEqual([6, 3, 3]);
    expect(g.se).toBeCloseTo(Math.sqrt((3 / 2) * 2) / 6, 10);
    // Invoices as if independent would say √(0.25/6) = 0.204: less noise than there is.
    expect(g.se).toBeGreaterThan(0.25);
  });

  test('the report says when an inversion is within noise, and when it is not', () => {
    const lines = (inv: typeof r) =>
      backtestLines('en', inv, backtest(customers, h, cutoff, '2026-09-30', DEFAULT_PARAMS, 90), 0, 20).grades.at(-1);
    const pair = [{ better: 'AA' as const, worse: 'A' as const }];
    expect(lines({ ...r, notMonotone: [], breaks: [] })).toMatch(
      /^Observed late rates rise as grades fall \(grades with at least 20 invoices\)\.$/,
    );
    expect(lines({ ...r, notMonotone: pair, breaks: [] })).toBe(
      'Observed late rates rise as grades fall (grades with at least 20 invoices) within sampling noise: AA is late more often than A, but by less than the noise (one-sided test, 5% risk of a false alarm per report).',
    );
    expect(lines({ ...r, notMonotone: pair, breaks: pair })).toBe(
      'Note: grades are not in order of observed late rate, beyond sampling noise: AA is late more often than A.',
    );
  });
});

describe('default scorecard vs the naive rule on realistic generators', () => {
  // Each generator once; every split scored at the default grace (0) and at 5 days (the second view of the docs).
  const ledgers = AR_GENERATORS.map((g) => {
    const l = generateAr(g.options);
    return { g, l, h: buildHistories(l.invoices, l.payments, l.interactions) };
  });
  const rowsAt = (graceDays: number) =>
    ledgers.flatMap(({ g, l, h }) =>
      [120, 210, 300].map((back) => {
        const cutoff = addDays(g.options.today, -back);
        const params = { ...DEFAULT_PARAMS, graceDays };
        const r = invoiceBacktest(l.customers, h, cutoff, g.options.today, params, 90);
        return { name: g.name, back, cutoff, auc: r.auc!, naive: r.naiveAuc!, n: r.invoices, breaks: r.breaks };
      }),
    );
  const rows = rowsAt(0);
  const graced = rowsAt(5);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  test.each(rows.map((r) => [r.name, r.back, r]))('%s, cut-off %i days back', (_n, _b, r) => {
    expect(r.n).toBeGreaterThan(1000);
    // Never worse than the naive rule by more than noise; on most splits better (next test).
    expect(r.auc).toBeGreaterThan(r.naive - 0.005);
    // Grades in order of observed late rate within sampling noise (one-sided, 5 % per report).
    expect(r.breaks).toEqual([]);
  });
  test('better than the naive rule on all but two splits, on every split of drifting or sparse data, by 0.005 on average', () => {
    // 7 generators × 3 splits. The two allowed misses are ar-c, the most stationary generator with the longest
    // records: there the naive share is close to the best estimate possible (next test, docs/scoring-model.md).
    expect(rows.length).toBe(21);
    expect(rows.filter((r) => r.auc > r.naive).length).toBeGreaterThanOrEqual(19);
    for (const r of rows.filter((x) => /drift|sparse/.test(x.name))) expect(r.auc).toBeGreaterThan(r.naive);
    expect(mean(rows.map((r) => r.auc - r.naive))).toBeGreaterThan(0.005);
  });

  test('on stationary data no rule built on late counts is clearly ahead of the naive one, and the scorecard is near that ceiling', () => {
    // The ceiling ranks each rated customer by the generator's own posterior of its propensity (bayesLateShare),
    // on the same invoices; at grace 0 an outcome is exactly the generator's draw, so nothing that reads late counts
    // does better on average.
    const margins = ledgers
      .filter(({ g }) => g.options.drift === 0)
      .flatMap(({ g, l, h }) =>
        rows
          .filter((r) => r.name === g.name)
          .map((r) => {
            const from = dayNumber(r.cutoff);
            const seen = dayNumber(g.options.today);
            const obs = l.customers.flatMap((c) => {
              const hist = historyOf(h, c.id);
              const outcomes = hist.invoices.flatMap((i) => {
                const bad = i.issue > from && i.issue <= from + 90 ? invoiceLate(i, seen, 0) : null;
                return bad === null ? [] : [bad];
              });
              if (outcomes.length === 0 || rateCustomer(c, hist, r.cutoff, DEFAULT_PARAMS).score === null) return [];
              const { k, n } = lateCount(hist, from);
              const score = -bayesLateShare(k, n, g.options.chronic);
              return outcomes.map((bad) => ({ score, bad }));
            });
            return { name: r.name, ceiling: auc(obs)! - r.naive, scorecard: r.auc - r.naive };
          }),
      );
    expect(margins).toHaveLength(12);
    // It is a better estimate than the raw share on every split (what makes it the ceiling, not another rule) …
    for (const m of margins) expect(m.ceiling).toBeGreaterThan(0);
    // … yet on ar-c it gains too little to be clearly ahead of the naive rule (bootstrap SE ≈ 0.004 there).
    for (const m of margins.filter((x) => x.name === 'ar-c')) expect(m.ceiling).toBeLessThan(0.012);
    // The scorecard takes most of what can be taken: its mean margin within 0.002 of the ceiling's.
    expect(mean(margins.map((m) => m.scorecard))).toBeGreaterThan(mean(margins.map((m) => m.ceiling)) - 0.002);
  });

  test('the ceiling is the posterior mean under the generator prior: the prior mean with no record, pulled to the data', () => {
    expect(bayesLateShare(0, 0, 0.08)).toBeCloseTo(0.92 * 0.55 + 0.08 * 0.775, 3);
    expect(bayesLateShare(0, 40, 0.08)).toBeCloseTo(0.25, 1);
    expect(bayesLateShare(40, 40, 0.08)).toBeGreaterThan(0.9);
    // Late more often → higher estimate, for any record length.
    for (const n of [3, 10, 30]) {
      for (let k = 1; k <= n; k++) expect(bayesLateShare(k, n, 0.12)).toBeGreaterThan(bayesLateShare(k - 1, n, 0.12));
    }
  });

  test('with 5 grace days (a few days late not chased) the margin is larger, most of all on drifting data', () => {
    expect(graced.filter((r) => r.auc > r.naive).length).toBeGreaterThanOrEqual(20);
    for (const r of graced) expect(r.auc).toBeGreaterThan(r.naive - 0.005);
    expect(mean(graced.map((r) => r.auc - r.naive))).toBeGreaterThan(mean(rows.map((r) => r.auc - r.naive)));
    for (const r of graced.filter((x) => /drift/.test(x.name))) expect(r.auc - r.naive).toBeGreaterThan(0.01);
  });
});
