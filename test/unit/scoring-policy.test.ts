// Policy by segment and grade: every segment names the rule that fired (with the customer's figures), not-rated
// customers are high-risk only when a behaviour rule fires, and recommendations never reward a worse grade.
import fc from 'fast-check';
import { generateDemoWorkbook } from '../../emulator/playground/demo-data';
import type { Invoice } from '../../src/domain/records';
import { buildHistories, historyOf } from '../../src/domain/scoring/history';
import { rateCustomer } from '../../src/domain/scoring/rate';
import { DEFAULT_PARAMS } from '../../src/domain/scoring/scorecard';
import { GRADE_ORDER } from '../../src/domain/scoring/grades';
import { recommend, recommendIn, segmentReason } from '../../src/domain/scoring/policy';
import { DEFAULT_SEGMENT_RULES, segmentFor } from '../../src/domain/scoring/segment';

const base = { grade: 'NR' as const, oldestOverdueDays: 0, outstanding: 0, creditLimit: null, invoiced12m: 0 };

test.each([
  ['override', { rule: 'override' }, 'Segment set manually', '手动指定分类'],
  ['grade', { rule: 'grade', grade: 'CCC' }, 'Grade CCC is a high-risk grade', '等级 CCC 属于高风险等级'],
  [
    'overdue',
    { rule: 'overdue', oldestOverdueDays: 120 },
    'Oldest overdue invoice 120 days past due, more than 90',
    '最久逾期 120 天，超过 90 天',
  ],
  [
    'over-limit',
    { rule: 'over-limit', outstanding: 1_200_050, creditLimit: 1_000_000 },
    'Outstanding ¥12,000.50 above the credit limit ¥10,000.00',
    '应收余额 ¥12,000.50 超过信用额度 ¥10,000.00',
  ],
  [
    'vip',
    { rule: 'vip', grade: 'AA', invoiced12m: 60_000_000 },
    'Grade AA and ¥600,000.00 invoiced in 12 months (at least ¥500,000.00)',
    '等级 AA，近 12 个月开票 ¥600,000.00（不低于 ¥500,000.00）',
  ],
  ['default, rated', { rule: 'default', grade: 'BBB' }, 'No high-risk or VIP rule applies', '未触发高风险或 VIP 规则'],
  ['default, NR', { rule: 'default' }, 'Not rated, and no high-risk rule applies', '未评级，且未触发高风险规则'],
] as const)('segment reason: %s', (_n, input, en, zh) => {
  const i = { ...base, ...input };
  expect(segmentReason('en', i, DEFAULT_SEGMENT_RULES)).toBe(en);
  expect(segmentReason('zh-CN', i, DEFAULT_SEGMENT_RULES)).toBe(zh);
});

test('not rated is not high-risk by itself; behaviour rules still apply to NR customers', () => {
  const nr = { grade: 'NR' as const, invoiced12m: 0, outstanding: 0, creditLimit: null, override: '' as const };
  expect(segmentFor({ ...nr, oldestOverdueDays: 0 }, DEFAULT_SEGMENT_RULES)).toEqual({
    segment: 'normal',
    rule: 'default',
  });
  expect(segmentFor({ ...nr, oldestOverdueDays: 91 }, DEFAULT_SEGMENT_RULES).rule).toBe('overdue');
  expect(segmentFor({ ...nr, oldestOverdueDays: 0, outstanding: 2, creditLimit: 1 }, DEFAULT_SEGMENT_RULES).rule).toBe(
    'over-limit',
  );
});

test('recommendation: worked example and NR', () => {
  // ¥1,200,000.00 in 12 months → ¥100,000.00 a month; A: 2 months → ¥200,000.00, 45 days; VIP adds 15 days
  expect(recommend('A', 'normal', 120_000_000)).toMatchObject({ limit: 20_000_000, termsDays: 45 });
  expect(recommend('A', 'vip', 120_000_000)).toMatchObject({ limit: 20_000_000, termsDays: 60 });
  const hr = recommend('BBB', 'high-risk', 120_000_000);
  expect(hr).toMatchObject({ limit: 5_000_000, termsDays: 15 });
  expect(hr.reasons.map((r) => r.en)).toEqual([
    'Grade BBB: limit = average monthly invoicing over 12 months (¥100,000.00) × 1.5',
    'Grade BBB: 45-day terms',
    'High-risk: terms at most 15 days, limit at most monthly invoicing × 0.5',
  ]);
  expect(recommend('C', 'high-risk', 120_000_000)).toMatchObject({ limit: 0, termsDays: 0 });
  expect(recommend('C', 'normal', 1).reasons[1]['zh-CN']).toBe('等级 C：建议预付款');
  expect(recommend('NR', 'normal', 120_000_000)).toMatchObject({ limit: null, termsDays: null });
});

test('recommendation is monotone: a worse grade or a riskier segment never earns a higher limit or longer terms; more revenue never lowers the limit', () => {
  const grade = fc.integer({ min: 0, max: GRADE_ORDER.length - 2 });
  const segment = fc.constantFrom('vip', 'normal', 'high-risk', '') as fc.Arbitrary<
    'vip' | 'normal' | 'high-risk' | ''
  >;
  fc.assert(
    fc.property(
      grade,
      segment,
      fc.integer({ min: 0, max: 1e12 }),
      fc.integer({ min: 0, max: 1e10 }),
      (g, s, rev, more) => {
        const better = recommend(GRADE_ORDER[g], s, rev);
        const worse = recommend(GRADE_ORDER[g + 1], s, rev);
        expect(worse.limit!).toBeLessThanOrEqual(better.limit!);
        expect(worse.termsDays!).toBeLessThanOrEqual(better.termsDays!);
        // more revenue never lowers the limit; high-risk never gets more than normal
        expect(recommend(GRADE_ORDER[g], s, rev + more).limit!).toBeGreaterThanOrEqual(better.limit!);
        const hr = recommend(GRADE_ORDER[g], 'high-risk', rev);
        const normal = recommend(GRADE_ORDER[g], 'normal', rev);
        expect(hr.limit!).toBeLessThanOrEqual(normal.limit!);
        expect(hr.termsDays!).toBeLessThanOrEqual(normal.termsDays!);
      },
    ),
  );
});

test('on the demo workbook no not-rated customer is high-risk without a behaviour rule (the 18 of the issue)', () => {
  const wb = generateDemoWorkbook();
  const h = buildHistories(wb.invoices as Invoice[], wb.payments, wb.interactions);
  const ratings = wb.customers.map((c) => rateCustomer(c, historyOf(h, c.id), wb.asOf, DEFAULT_PARAMS));
  const nr = ratings.filter((r) => r.grade === 'NR');
  expect(nr.length).toBeGreaterThan(10);
  const nrHighRisk = nr.filter((r) => r.segment === 'high-risk');
  // each one is there because of what it did (overdue, over the limit) or because someone set it by hand
  for (const r of nrHighRisk) expect(['overdue', 'over-limit', 'override']).toContain(r.segmentRule);
  // and the NR customers nobody flagged read "not rated, no high-risk rule" rather than being high-risk
  expect(nr.filter((r) => r.segmentRule === 'default').every((r) => r.segment === 'normal')).toBe(true);
  // a customer with nothing outstanding cannot be high-risk through a behaviour rule
  for (const r of nrHighRisk.filter((x) => x.segmentRule !== 'override'))
    expect(r.context.outstanding).toBeGreaterThan(0);
});

test('recommendIn gives recommend’s figures and its reasons in the one language asked for', () => {
  for (const grade of [...GRADE_ORDER, 'NR' as const]) {
    for (const segment of ['vip', 'normal', 'high-risk', ''] as const) {
      for (const rev of [0, 1, 123_456_789]) {
        const all = recommend(grade, segment, rev);
        for (const lang of ['zh-CN', 'en', 'zh-TW'] as const) {
          expect(recommendIn(lang, grade, segment, rev)).toEqual({ ...all, reasons: all.reasons.map((r) => r[lang]) });
        }
      }
    }
  }
});
