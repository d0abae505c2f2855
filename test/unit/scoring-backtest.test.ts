// Backtest: metrics checked on small hand-worked samples, outcomes on hand-built invoices, and the whole backtest
// on a seeded ledger where riskiness is planted: the score must rank customers clearly better than chance.
import { backtest, defaultCutoff, outcomeAfter } from '../../src/domain/scoring/backtest';
import { buildHistories, historyOf } from '../../src/domain/scoring/history';
import { auc, ks } from '../../src/domain/scoring/metrics';
import { DEFAULT_PARAMS } from '../../src/domain/scoring/scorecard';
import { generateLedger, invoice, payment } from './scoring-fixtures';

describe('metrics', () => {
  test('AUC and KS on a hand-worked sample', () => {
    // good scores 700, 650, 600; bad scores 620, 500. Pairs good > bad: 700>620, 700>500, 650>620, 650>500, 600>500 = 5 of 6
    const obs = [
      { score: 700, bad: false },
      { score: 650, bad: false },
      { score: 600, bad: false },
      { score: 620, bad: true },
      { score: 500, bad: true },
    ];
    expect(auc(obs)).toBeCloseTo(5 / 6, 12);
    // CDFs after 500: bad 1/2, good 0 → 0.5; after 600: 1/2 vs 1/3; after 620: 1 vs 1/3 → 2/3
    expect(ks(obs)).toBeCloseTo(2 / 3, 12);
  });

  test('ties count half; perfect and reversed ranking; one class → null', () => {
    expect(
      auc([
        { score: 5, bad: false },
        { score: 5, bad: true },
      ]),
    ).toBe(0.5);
    expect(
      auc([
        { score: 9, bad: false },
        { score: 1, bad: true },
      ]),
    ).toBe(1);
    expect(
      auc([
        { score: 1, bad: false },
        { score: 9, bad: true },
      ]),
    ).toBe(0);
    expect(auc([{ score: 1, bad: false }])).toBeNull();
    expect(ks([{ score: 1, bad: true }])).toBeNull();
  });
});

describe('outcomes', () => {
  const cutoff = '2026-03-31';
  const seen = '2026-08-31';
  const build = (dueDate: string, paidOn?: string) => {
    const inv = invoice('I', 'X', '2026-03-01', dueDate, 1000);
    return historyOf(buildHistories([inv], paidOn ? [payment('P', inv, paidOn)] : [], []), 'X');
  };
  test.each([
    ['due after cut-off, paid on time', '2026-04-30', '2026-04-30', 0, 'on-time'],
    ['paid one day late', '2026-04-30', '2026-05-01', 0, 'late'],
    ['paid within grace', '2026-04-30', '2026-05-03', 3, 'on-time'],
    ['still unpaid past due', '2026-04-30', undefined, 0, 'late'],
    ['due before the cut-off is not an outcome', '2026-03-30', '2026-06-01', 0, 'none'],
    ['due after the horizon is not an outcome', '2026-07-01', undefined, 0, 'none'],
  ])('%s', (_name, due, paid, grace, expected) => {
    expect(outcomeAfter(build(due, paid), cutoff, 90, seen, grace)).toBe(expected);
  });

  test('an open invoice whose grace period has not ended is undecided', () => {
    expect(outcomeAfter(build('2026-04-30'), cutoff, 90, '2026-05-02', 5)).toBe('none');
    expect(outcomeAfter(build('2026-04-30'), cutoff, 90, '2026-05-06', 5)).toBe('late');
  });

  test('default cut-off leaves the whole horizon observed', () => {
    expect(defaultCutoff('2026-06-30', 90, 5)).toBe('2026-03-26');
  });
});

describe('backtest on a ledger with a planted relationship', () => {
  const today = '2026-06-30';
  const ledger = generateLedger(20261122, 1500, '2024-01-01', 30, today);
  const histories = buildHistories(ledger.invoices, ledger.payments, ledger.interactions);
  const cutoff = defaultCutoff(today, 90, 0);
  const report = backtest(ledger.customers, histories, cutoff, today, DEFAULT_PARAMS);

  test('the score ranks customers clearly better than chance', () => {
    // Printed so the figure can be quoted (docs/scoring-model.md); the assertions are the contract.
    console.log(
      `backtest seed 20261122: cutoff ${cutoff}, n=${report.customers}, late=${report.late}, AUC=${report.auc?.toFixed(3)}, KS=${report.ks?.toFixed(3)}`,
    );
    expect(report.customers).toBeGreaterThan(1000);
    expect(report.late).toBeGreaterThan(100);
    expect(report.auc).toBeGreaterThan(0.65);
    expect(report.ks).toBeGreaterThan(0.25);
  });

  test('late rate falls from the worst grades to the best', () => {
    const rated = report.byGrade.filter((g) => g.grade !== 'NR' && g.customers >= 30);
    expect(rated.length).toBeGreaterThanOrEqual(3);
    const first = rated[0].lateRate ?? 0;
    const last = rated[rated.length - 1].lateRate ?? 0;
    expect(first).toBeLessThan(last);
    expect(report.byGrade.reduce((s, g) => s + g.customers, 0)).toBe(report.customers + report.notRated);
  });

  test('when the future is unrelated to the past, AUC is near 0.5', () => {
    // Invoices due up to the cut-off from this ledger, later ones from another seed: no relationship to find.
    const other = generateLedger(7, 1500, '2024-01-01', 30, today);
    const pastIds = new Set(ledger.invoices.filter((i) => i.dueDate <= cutoff).map((i) => i.id));
    const future = other.invoices.filter((i) => i.dueDate > cutoff).map((i) => ({ ...i, id: `F${i.id}` }));
    const futureIds = new Set(future.map((i) => i.id));
    const mixed = buildHistories(
      [...ledger.invoices.filter((i) => pastIds.has(i.id)), ...future],
      [
        ...ledger.payments.filter((p) => pastIds.has(p.invoiceId)),
        ...other.payments
          .map((p) => ({ ...p, invoiceId: `F${p.invoiceId}` }))
          .filter((p) => futureIds.has(p.invoiceId)),
      ],
      [],
    );
    const unrelated = backtest(ledger.customers, mixed, cutoff, today, DEFAULT_PARAMS);
    expect(unrelated.customers).toBeGreaterThan(1000);
    console.log(`backtest, unrelated future: AUC=${unrelated.auc?.toFixed(3)}`);
    expect(Math.abs((unrelated.auc ?? 0) - 0.5)).toBeLessThan(0.06);
  });
});
