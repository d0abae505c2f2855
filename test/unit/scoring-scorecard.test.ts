// Hand-computed ratings for three customers (every factor, point and reason worked out in the comments), NR,
// reason texts in both languages, grades and segments.
import { addDays, addMonths } from '../../src/domain/day';
import { buildHistories, historyOf } from '../../src/domain/scoring/history';
import { computeFactors } from '../../src/domain/scoring/factors';
import { gradeFor, significantGradeChange } from '../../src/domain/scoring/grades';
import { rateCustomer } from '../../src/domain/scoring/rate';
import { DEFAULT_PARAMS, scoreFactors } from '../../src/domain/scoring/scorecard';
import { nrReasonCell, reasonsCell } from '../../src/domain/scoring/scoring-text';
import { type SegmentInput, segmentFor } from '../../src/domain/scoring/segment';
import { complaint, customer, invoice, payment } from './scoring-fixtures';

const AS_OF = '2026-06-30';

// Customer A: one on-time, one 15 days late, one 45 days late (all settled), one 30 days overdue, one not yet due.
const a1 = invoice('A1', 'A', '2025-01-10', '2025-02-09', 100_000);
const a2 = invoice('A2', 'A', '2025-03-01', '2025-03-31', 200_000);
const a3 = invoice('A3', 'A', '2025-06-01', '2025-07-01', 100_000);
const a4 = invoice('A4', 'A', '2026-05-01', '2026-05-31', 100_000);
const a5 = invoice('A5', 'A', '2026-06-15', '2026-07-15', 100_000);
const aPays = [
  payment('PA1', a1, '2025-02-05'),
  payment('PA2a', a2, '2025-04-01', 50_000),
  payment('PA2b', a2, '2025-04-15', 150_000),
  payment('PA3', a3, '2025-08-15'),
];

// Customer B: always on time, big invoices in the last 12 months, first invoice 30 months ago, no credit limit.
const b1 = invoice('B1', 'B', '2024-01-05', '2024-02-04', 1_000_000);
const bInv = [
  b1,
  invoice('B2', 'B', '2025-07-01', '2025-07-31', 20_000_000),
  invoice('B3', 'B', '2025-08-01', '2025-08-31', 20_000_000),
  invoice('B4', 'B', '2025-09-01', '2025-10-01', 20_000_000),
];
const bPays = bInv.map((inv, i) => payment(`PB${i}`, inv, inv.dueDate));

// Customer C: only two settled invoices → NR.
const c1 = invoice('C1', 'C', '2026-01-01', '2026-01-31', 50_000);
const c2 = invoice('C2', 'C', '2026-02-01', '2026-03-03', 50_000);
const cPays = [payment('PC1', c1, '2026-01-31'), payment('PC2', c2, '2026-03-01')];

const histories = buildHistories(
  [a1, a2, a3, a4, a5, ...bInv, c1, c2],
  [...aPays, ...bPays, ...cPays],
  [complaint('X1', 'A', '2026-01-10'), complaint('X0', 'A', '2025-05-01')],
);

describe('factors', () => {
  test('customer A, worked by hand', () => {
    const { factors, context } = computeFactors(historyOf(histories, 'A'), AS_OF, {
      graceDays: 0,
      creditLimit: 500_000,
      halfLifeDays: 0,
    });
    // fallen due in 24 months: A1 (on time), A2 (settled 04-15: 15 late), A3 (45 late), A4 (open, 30 days past due:
    // late already); A5 is not due yet. Without recency decay: 1 of 4 on time.
    expect(factors.onTimeShare).toBe(0.25);
    // (0 + 15 + 45 + 30) / 4
    expect(factors.avgDaysLate).toBe(22.5);
    expect(factors.maxDaysLate).toBe(45);
    // outstanding A4 + A5 = 200,000, overdue A4 = 100,000 (due 05-31, 30 days)
    expect(factors.overdueRatio).toBe(0.5);
    expect(factors.oldestOverdueDays).toBe(30);
    expect(factors.utilization).toBe(0.4);
    // 2025-01-10 → 2026-06-30
    expect(factors.tenureMonths).toBe(17);
    // complaint 2026-01-10 counts, 2025-05-01 is older than 12 months
    expect(factors.disputes12m).toBe(1);
    expect(context).toEqual({
      settledCount: 3,
      outstanding: 200_000,
      overdue: 100_000,
      invoiced12m: 200_000,
      firstIssue: '2025-01-10',
      onTimeRaw: 0.25,
      dueCount: 4,
    });
  });

  test('shrinkage: a short record is pooled with pseudo-invoices at the reference share', () => {
    const opts = { graceDays: 0, creditLimit: 500_000, halfLifeDays: 0 };
    const h = historyOf(histories, 'A');
    // 1 of 4 on time, pooled with one pseudo-invoice at 50 %: (4 × 0.25 + 1 × 0.5) ÷ 5 = 0.3
    const shrunk = computeFactors(h, AS_OF, { ...opts, priorShare: 0.5, priorWeight: 1 });
    expect(shrunk.factors.onTimeShare).toBeCloseTo(0.3, 12);
    expect(shrunk.context.onTimeRaw).toBe(0.25);
    // weight 0 = the customer's own share; the weight counts invoices, so decay does not change how far it pulls
    expect(computeFactors(h, AS_OF, { ...opts, priorShare: 0.5, priorWeight: 0 }).factors.onTimeShare).toBe(0.25);
    const decayed = computeFactors(h, AS_OF, { ...opts, halfLifeDays: 270, priorShare: 0.5, priorWeight: 1 });
    expect(decayed.factors.onTimeShare).toBeCloseTo((4 * decayed.context.onTimeRaw! + 0.5) / 5, 12);
  });

  test('grace days turn a slightly late payment into an on-time one, without changing days late', () => {
    const f15 = computeFactors(historyOf(histories, 'A'), AS_OF, { graceDays: 15, creditLimit: null }).factors;
    // A1 and A2 (15 late = within grace) on time; A3 and A4 (open past due + 15) late
    expect(f15.onTimeShare).toBe(0.5);
    expect(f15.maxDaysLate).toBe(45);
    expect(f15.utilization).toBeNull();
  });

  test('written-off invoices count as unpaid but not as the oldest overdue; disputed ones count as disputes', () => {
    const w = invoice('W1', 'W', '2026-01-01', '2026-01-31', 10_000, 'written-off');
    const d = invoice('W2', 'W', '2026-02-01', '2026-03-03', 10_000, 'disputed');
    const { factors, context } = computeFactors(historyOf(buildHistories([w, d], [], []), 'W'), AS_OF, {
      graceDays: 0,
      creditLimit: 0,
    });
    expect(context.outstanding).toBe(20_000);
    // The oldest-overdue figure is the ledger's one rule (domain/overdue.ts, issue #16): the written-off W1 owes
    // nothing any more, so the disputed W2 (119 days past due) is the oldest; the 360 and the sheet say the same.
    expect(factors.oldestOverdueDays).toBe(119);
    expect(factors.disputes12m).toBe(1);
    expect(factors.utilization).toBeNull(); // a 0 limit means "not set"
  });
});

describe('scorecard', () => {
  test('customer A (no decay, no shrinkage): 590 − 108 − 8 + 0 + 0 + 10 + 5 + 6 + 6 = 501 → CC, high-risk by grade', () => {
    const p = { ...DEFAULT_PARAMS, halfLifeDays: 0, priorWeight: 0 };
    const r = rateCustomer(customer('A', { creditLimit: 500_000 }), historyOf(histories, 'A'), AS_OF, p);
    expect(r.score).toBe(501);
    expect(r.grade).toBe('CC');
    expect(r.segment).toBe('high-risk');
    // costs vs best bin: on-time 162+108, max 30, avg 20+8, overdue ratio 5, disputes 4, tenure 2
    expect(r.reasons.map((x) => [x.factor, x.cost])).toEqual([
      ['onTimeShare', 270],
      ['maxDaysLate', 30],
      ['avgDaysLate', 28],
      ['overdueRatio', 5],
    ]);
    expect(reasonsCell('en', r.reasons)).toBe(
      'On-time payment share: 25% of 4 invoices due; Max days late: 45; Avg days late: 22.5; Overdue share of balance: 50%',
    );
    expect(reasonsCell('zh-CN', r.reasons)).toBe(
      '按时回款占比 25%（共 4 张到期单据）；最长逾期 45 天；平均逾期 22.5 天；逾期金额占应收 50%',
    );
    // With the default shrinkage the share counts as 30 % (bin −90 instead of −108): 519, still CC
    const d = rateCustomer(customer('A', { creditLimit: 500_000 }), historyOf(histories, 'A'), AS_OF, {
      ...p,
      priorWeight: DEFAULT_PARAMS.priorWeight,
    });
    expect(d.score).toBe(519);
    expect(d.grade).toBe('CC');
  });

  test('recency: an invoice due one half-life earlier counts half', () => {
    // X due 2025-10-03 (270 days before AS_OF) paid 10 days late; Y due 2026-06-28 (2 days before) paid on time.
    const x = invoice('X1', 'R', '2025-09-03', '2025-10-03', 1000);
    const y = invoice('X2', 'R', '2026-05-29', '2026-06-28', 1000);
    const h = buildHistories([x, y], [payment('PX', x, '2025-10-13'), payment('PY', y, '2026-06-28')], []);
    const opts = { graceDays: 0, creditLimit: null };
    // ages 270 and 2 days: weights 0.5 and 0.5^(2/270)
    const wy = 0.5 ** (2 / 270);
    const f = computeFactors(historyOf(h, 'R'), AS_OF, { ...opts, halfLifeDays: 270 }).factors;
    expect(f.onTimeShare).toBeCloseTo(wy / (0.5 + wy), 12);
    expect(f.avgDaysLate).toBeCloseTo((0.5 * 10) / (0.5 + wy), 12);
    // without decay both count the same
    expect(computeFactors(historyOf(h, 'R'), AS_OF, { ...opts, halfLifeDays: 0 }).factors.onTimeShare).toBe(0.5);
  });

  test('customer B: 590 + 126 + 20 + 30 + 5 + 10 + 0 + 8 + 10 = 799 → AA, VIP (three invoices cannot earn AAA)', () => {
    const r = rateCustomer(customer('B'), historyOf(histories, 'B'), AS_OF, DEFAULT_PARAMS);
    expect(r.factors.tenureMonths).toBe(29);
    // B2–B4 fell due in 24 months, all on time: (3 × 1 + 0.5) ÷ 4 = 0.875 → bin 0.9 → 126 (162 for a long record)
    expect(r.factors.onTimeShare).toBe(0.875);
    expect(r.score).toBe(799);
    expect(r.grade).toBe('AA');
    expect(r.segment).toBe('vip');
    // no credit limit is not a behaviour, so it is never a reason; the reason says the share is all of a short record
    expect(reasonsCell('en', r.reasons)).toBe('On-time payment share: 100% of 3 invoices due');
    expect(reasonsCell('zh-CN', r.reasons)).toBe('按时回款占比 100%（共 3 张到期单据）');
    // without shrinkage the same record is a perfect 835
    expect(
      rateCustomer(customer('B'), historyOf(histories, 'B'), AS_OF, { ...DEFAULT_PARAMS, priorWeight: 0 }).score,
    ).toBe(835);
    expect(r.context.invoiced12m).toBe(60_000_000);
  });

  test('customer B without enough revenue is normal; an override always wins', () => {
    const p = { ...DEFAULT_PARAMS, segment: { ...DEFAULT_PARAMS.segment, vipMinInvoiced12m: 70_000_000 } };
    expect(rateCustomer(customer('B'), historyOf(histories, 'B'), AS_OF, p).segment).toBe('normal');
    const over = customer('A', { creditLimit: 500_000, segmentOverride: 'vip' });
    expect(rateCustomer(over, historyOf(histories, 'A'), AS_OF, DEFAULT_PARAMS).segment).toBe('vip');
  });

  test('customer C: two settled invoices → NR, no score, NR reason', () => {
    const r = rateCustomer(customer('C'), historyOf(histories, 'C'), AS_OF, DEFAULT_PARAMS);
    expect(r.score).toBeNull();
    expect(r.grade).toBe('NR');
    expect(r.segment).toBe('normal');
    expect(r.reasons).toEqual([]);
    expect(nrReasonCell('en', r.context.settledCount, DEFAULT_PARAMS.minSettled)).toBe(
      'Not rated: 2 invoices settled in the last 24 months, 3 needed',
    );
    const lenient = { ...DEFAULT_PARAMS, minSettled: 2 };
    expect(rateCustomer(customer('C'), historyOf(histories, 'C'), AS_OF, lenient).grade).not.toBe('NR');
  });

  test('score is clamped to 300–850', () => {
    const worst = scoreFactors(
      {
        onTimeShare: 0,
        avgDaysLate: 400,
        maxDaysLate: 400,
        overdueRatio: 1,
        oldestOverdueDays: 400,
        utilization: 9,
        tenureMonths: 0,
        disputes12m: 20,
        debtRatio: null,
        currentRatio: null,
      },
      { ...DEFAULT_PARAMS, basePoints: 500 },
    );
    expect(worst.score).toBe(300);
    const best = scoreFactors(
      {
        onTimeShare: 1,
        avgDaysLate: 0,
        maxDaysLate: 0,
        overdueRatio: 0,
        oldestOverdueDays: 0,
        utilization: 0,
        tenureMonths: 100,
        disputes12m: 0,
        debtRatio: null,
        currentRatio: null,
      },
      { ...DEFAULT_PARAMS, basePoints: 700 },
    );
    expect(best.score).toBe(850);
    expect(best.reasons).toEqual([]);
  });
});

describe('grades', () => {
  test('default cut-offs', () => {
    expect([850, 800, 799, 760, 720, 680, 640, 600, 550, 500, 499, 300].map((s) => gradeFor(s))).toEqual([
      'AAA',
      'AAA',
      'AA',
      'AA',
      'A',
      'BBB',
      'BB',
      'B',
      'CCC',
      'CC',
      'C',
      'C',
    ]);
  });

  test('grade changes of two or more steps', () => {
    expect(significantGradeChange('C-1', 'X', 'AA', 'BBB')).toEqual({
      customerId: 'C-1',
      customerName: 'X',
      from: 'AA',
      to: 'BBB',
      steps: 2,
    });
    expect(significantGradeChange('C-1', 'X', 'AA', 'A')).toBeNull();
    expect(significantGradeChange('C-1', 'X', 'B', 'A')?.steps).toBe(-3);
    expect(significantGradeChange('C-1', 'X', 'NR', 'C')).toBeNull();
    expect(significantGradeChange('C-1', 'X', '', 'C')).toBeNull();
  });
});

describe('segments', () => {
  const base = {
    grade: 'A' as const,
    invoiced12m: 0,
    oldestOverdueDays: 0,
    outstanding: 0,
    creditLimit: null,
    override: '' as const,
  };
  const rules = DEFAULT_PARAMS.segment;
  test.each([
    ['default', {}, 'normal', 'default'],
    ['VIP needs the grade and the revenue', { grade: 'AA', invoiced12m: 50_000_000 }, 'vip', 'vip'],
    ['VIP grade without revenue', { grade: 'AAA', invoiced12m: 49_999_999 }, 'normal', 'default'],
    ['high-risk grade', { grade: 'CCC' }, 'high-risk', 'grade'],
    ['90 days overdue is not yet high-risk', { oldestOverdueDays: 90 }, 'normal', 'default'],
    [
      '91 days overdue beats VIP',
      { grade: 'AAA', invoiced12m: 90_000_000, oldestOverdueDays: 91 },
      'high-risk',
      'overdue',
    ],
    ['outstanding above the limit', { outstanding: 1001, creditLimit: 1000 }, 'high-risk', 'over-limit'],
    ['a 0 limit is no limit', { outstanding: 1001, creditLimit: 0 }, 'normal', 'default'],
    ['override wins', { grade: 'C', override: 'vip' }, 'vip', 'override'],
  ])('%s', (_name, input, segment, rule) => {
    expect(segmentFor({ ...base, ...input } as SegmentInput, rules)).toEqual({ segment, rule });
  });

  test('the over-limit rule can be switched off', () => {
    expect(
      segmentFor({ ...base, outstanding: 2000, creditLimit: 1000 }, { ...rules, highRiskOverLimit: false }).segment,
    ).toBe('normal');
  });
});

describe('principles of the default model (docs/scoring-model.md)', () => {
  const span = (k: keyof typeof DEFAULT_PARAMS.bins) =>
    Math.max(...DEFAULT_PARAMS.bins[k].points) - Math.min(...DEFAULT_PARAMS.bins[k].points);

  test("today's state does not outweigh two years of history", () => {
    // 24 monthly invoices paid on time, then the latest one a day overdue
    const invs = Array.from({ length: 25 }, (_, m) => {
      const issue = addMonths('2024-06-01', m);
      return invoice(`H${m}`, 'H', issue, addMonths(issue, 1), 10_000);
    });
    const pays = invs.slice(0, 24).map((inv, i) => payment(`PH${i}`, inv, inv.dueDate));
    const h = historyOf(buildHistories(invs, pays, []), 'H');
    const due = invs[24].dueDate;
    const before = rateCustomer(customer('H'), h, due, DEFAULT_PARAMS).score!;
    const after = rateCustomer(customer('H'), h, addDays(due, 1), DEFAULT_PARAMS).score!;
    // 835 → 787: overdue ratio 100 % (−10) and, the invoice being late already at grace 0, the recency-weighted
    // on-time share falls to ~91 %, pooled with the pseudo-invoice to ~89.6 % (−36), and the average days late to
    // ~0.1 (−2). One grade step (AAA → AA), no more: a late invoice is punctuality, not only today's state.
    expect(before).toBe(835);
    expect(after).toBe(787);
    expect(gradeFor(before)).toBe('AAA');
    expect(gradeFor(after)).toBe('AA');
    // With 5 grace days the invoice is not late yet: only the current-state factors move (−10).
    const grace = { ...DEFAULT_PARAMS, graceDays: 5 };
    expect(
      rateCustomer(customer('H'), h, due, grace).score! - rateCustomer(customer('H'), h, addDays(due, 1), grace).score!,
    ).toBe(10);
    // the current-state factors together span less than a fifth of punctuality's span
    expect(span('overdueRatio') + span('oldestOverdueDays')).toBeLessThan(span('onTimeShare') / 5);
  });

  test('disputes, which mostly repeat lateness, swing the score far less than punctuality', () => {
    expect(span('disputes12m')).toBeLessThanOrEqual(20);
    expect(span('disputes12m')).toBeLessThan(span('onTimeShare') / 10);
  });
});

describe('optional financial ratios (PRODUCT §4)', () => {
  const h = historyOf(histories, 'B');
  const rate = (ratios: { debtRatio?: number | null; currentRatio?: number | null }) =>
    rateCustomer(customer('B', ratios), h, AS_OF, DEFAULT_PARAMS);
  test('not filled in: no points either way, never a reason', () => {
    const r = rate({ debtRatio: null, currentRatio: null });
    expect(r.factors.debtRatio).toBeNull();
    expect(r.score).toBe(rate({}).score);
    expect(r.reasons.map((x) => x.factor)).not.toContain('debtRatio');
  });
  test('filled in: points from the tables, and a reason with the value when they cost points', () => {
    const base = rate({}).score!;
    expect(rate({ debtRatio: 35, currentRatio: 2.5 }).score).toBe(base + 20);
    const weak = rate({ debtRatio: 120, currentRatio: 0.5 });
    expect(weak.score).toBe(base - 50);
    expect(reasonsCell('zh-CN', weak.reasons)).toContain('资产负债率 120%');
    expect(reasonsCell('en', weak.reasons)).toContain('Current ratio: 0.50');
  });
});
