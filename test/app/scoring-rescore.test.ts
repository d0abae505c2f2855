// Rescore and backtest use cases on the in-memory store: batched reads and one write, the five score columns,
// skipped rows reported, grade changes recorded in the audit log and read back for the reminders digest.
import { runBacktestUseCase } from '../../src/app/backtest';
import type { Clock, Identity } from '../../src/app/ports';
import { type AuditRow, rescoreCustomers, SCORE_FIELDS } from '../../src/app/rescore';
import { gradeDropsSince } from '../../src/app/rescore-anomalies';
import { buildHistories } from '../../src/domain/scoring/history';
import { SCORING_KEYS } from '../../src/domain/scoring/settings';
import { MemoryStore } from '../fakes/memory-store';
import { complaint, customer, generateLedger, invoice, payment } from '../unit/scoring-fixtures';

const clock = (today: string): Clock => ({
  today: () => today,
  nowStamp: () => `${today} 09:00:00`,
  elapsedMs: () => 0,
});
const identity: Identity = { user: () => 'finance@example.com', lang: () => 'en' };

function ledger() {
  const a = [
    invoice('A1', 'A', '2025-01-10', '2025-02-09', 100_000),
    invoice('A2', 'A', '2025-03-01', '2025-03-31', 200_000),
    invoice('A3', 'A', '2025-06-01', '2025-07-01', 100_000),
    invoice('A4', 'A', '2026-05-01', '2026-05-31', 100_000),
    invoice('A5', 'A', '2026-06-15', '2026-07-15', 100_000),
  ];
  const b = [1, 2, 3, 4].map((m) => invoice(`B${m}`, 'B', `2026-0${m}-01`, `2026-0${m}-28`, 50_000));
  const bad = invoice('BAD', 'B', '2026-01-01', '2026-01-31', 0);
  const orphan = invoice('ORPHAN', 'Z', '2026-01-01', '2026-01-31', 1000);
  const store = new MemoryStore(
    {
      customers: [
        customer('A', { creditLimit: 500_000, creditGrade: 'AA' }),
        customer('B', { creditGrade: 'AA' }),
        customer('C', { creditGrade: 'A' }),
        customer('', { name: 'no id' }),
      ],
      invoices: [...a, ...b, bad, orphan],
      payments: [
        payment('P1', a[0], '2025-02-05'),
        payment('P2', a[1], '2025-04-15'),
        payment('P3', a[2], '2025-08-15'),
        ...b.map((inv, i) => payment(`PB${i}`, inv, inv.dueDate)),
      ],
      interactions: [complaint('K1', 'A', '2026-01-10')],
    },
    // No recency decay and no shrinkage, so the figures are the hand-worked ones of
    // test/unit/scoring-scorecard.test.ts (the settings reach the model: weight 0 turns shrinkage off).
    { [SCORING_KEYS.gradeChangeSteps]: '2', [SCORING_KEYS.halfLifeDays]: '0', [SCORING_KEYS.priorWeight]: '0' },
  );
  store.issues.push({
    role: 'payments',
    row: 9,
    field: 'amount',
    message: { 'zh-CN': '金额无效', 'zh-TW': '金額無效', en: 'bad amount' },
  });
  return store;
}

test('rescore writes the five score columns for every customer in one batched update', () => {
  const store = ledger();
  const audit: AuditRow[] = [];
  const r = rescoreCustomers({
    store,
    clock: clock('2026-06-30'),
    identity,
    recordAudit: (rows) => audit.push(...rows),
  });
  expect(store.reads).toBe(4);
  expect(store.writes).toBe(1);
  const [a, b, c, noId] = store.records('customers');
  expect(a).toMatchObject({ creditScore: 501, creditGrade: 'CC', segment: 'high-risk', scoredAt: '2026-06-30' });
  expect(a.scoreReasons).toBe(
    'On-time payment share: 25% of 4 invoices due; Max days late: 45; Avg days late: 22.5; Overdue share of balance: 50%',
  );
  expect(b.creditGrade).not.toBe('NR');
  // 590 + 162 + 20 + 30 + 5 + 10 + 0 (no limit) + 0 (5 months) + 10
  expect(b).toMatchObject({ creditScore: 827, creditGrade: 'AAA' });
  expect(c).toMatchObject({ creditScore: null, creditGrade: 'NR', segment: 'normal' });
  expect(c.scoreReasons).toBe('Not rated: 0 invoices settled in the last 24 months, 3 needed');
  expect(noId.scoredAt).toBe('');
  expect(r).toMatchObject({ customers: 4, scored: 3, notRated: 1, asOf: '2026-06-30' });
  expect(SCORE_FIELDS).toEqual([
    'creditScore',
    'creditGrade',
    'segment',
    'segmentReason',
    'scoreReasons',
    'scoredAt',
    'recommendedLimit',
    'recommendedTerms',
    'policyReasons',
  ]);
  // Every segment says which rule put it there; NR is not high-risk unless a behaviour rule fires.
  expect(a.segmentReason).toBe('Grade CC is a high-risk grade');
  expect(b.segmentReason).toBe('No high-risk or VIP rule applies');
  expect(c.segmentReason).toBe('Not rated, and no high-risk rule applies');
  // A: ¥2,000.00 invoiced in 12 months, grade CC → no limit, prepayment, high-risk caps
  expect(a).toMatchObject({ recommendedLimit: 0, recommendedTerms: 0 });
  expect(a.policyReasons).toBe(
    'Grade CC: limit = average monthly invoicing over 12 months (¥166.67) × 0; Grade CC: prepayment recommended; High-risk: terms at most 15 days, limit at most monthly invoicing × 0.5',
  );
  expect(b).toMatchObject({ recommendedTerms: 60 });
  expect(c).toMatchObject({ recommendedLimit: null, recommendedTerms: null });
  expect(c.policyReasons).toBe('Not rated: too little history; keep the current limit and terms');

  // skipped: the store's unreadable payment row, the customer without id, the zero invoice, the orphan invoice
  expect(r.skipped.map((s) => [s.role, s.row, s.id, s.message.en])).toEqual([
    ['payments', 9, '', 'bad amount'],
    ['customers', 5, '', 'customer ID missing or duplicated'],
    ['invoices', 11, 'BAD', 'invalid amount'],
    ['invoices', 12, 'ORPHAN', 'unknown customer'],
  ]);
  expect(r.summary.en).toBe('Scored 3 customers (1 not rated, 4 rows skipped, 1 grade change of 2+ steps)');
  expect(r.summary['zh-CN']).toContain('已评分 3 位客户');

  // A fell from AA to CC (6 steps); C went to NR (not a step change); B rose one step to AAA (below the threshold)
  expect(r.gradeChanges.find((g) => g.customerId === 'A')).toEqual({
    customerId: 'A',
    customerName: 'Customer A',
    from: 'AA',
    to: 'CC',
    steps: 6,
  });
  expect(r.gradeChanges.some((g) => g.customerId === 'C')).toBe(false);
  expect(audit[0]).toMatchObject({ action: 'rescore', user: 'finance@example.com', at: '2026-06-30 09:00:00' });
  expect(audit.filter((x) => x.action === 'grade-change').map((x) => [x.recordId, x.oldValue, x.newValue])).toEqual(
    r.gradeChanges.map((g) => [g.customerId, g.from, g.to]),
  );
});

test('unusable settings are named in the summary and defaults are used', () => {
  const store = ledger();
  store.settingsMap[SCORING_KEYS.cutoffs] = 'AAA:1';
  const r = rescoreCustomers({ store, clock: clock('2026-06-30'), identity });
  expect(r.settingProblems.map((p) => p.key)).toEqual([SCORING_KEYS.cutoffs]);
  expect(r.summary.en).toContain('1 scoring settings are invalid and their defaults were used: scoring.gradeCutoffs');
  expect(store.records('customers')[0].creditGrade).toBe('CC');
});

test('reasons follow the requested language', () => {
  const store = ledger();
  rescoreCustomers({ store, clock: clock('2026-06-30'), identity, lang: 'zh-CN' });
  expect(store.records('customers')[0].scoreReasons).toBe(
    '按时回款占比 25%（共 4 张到期单据）；最长逾期 45 天；平均逾期 22.5 天；逾期金额占应收 50%',
  );
});

test('grade drops recorded in the audit log are found again for the digest', () => {
  const store = ledger();
  rescoreCustomers({
    store,
    clock: clock('2026-06-30'),
    identity,
    recordAudit: (rows) =>
      store.append(
        'audit',
        rows.map((x) => ({ ...x, hash: '' })),
      ),
  });
  expect(gradeDropsSince(store, '2026-06-30', 2)).toEqual([
    { customerId: 'A', from: 'AA', to: 'CC', steps: 6, at: '2026-06-30 09:00:00' },
  ]);
  expect(gradeDropsSince(store, '2026-07-01', 2)).toEqual([]);
  expect(gradeDropsSince(store, '2026-06-30', 7)).toEqual([]);
});

test('store calls do not grow with the number of customers', () => {
  const big = generateLedger(3, 2000, '2024-06-01', 24, '2026-06-30');
  const store = new MemoryStore({ customers: big.customers, invoices: big.invoices, payments: big.payments });
  const r = rescoreCustomers({ store, clock: clock('2026-06-30'), identity });
  expect(r.scored).toBe(2000);
  expect(store.reads).toBe(4);
  expect(store.writes).toBe(1);
});

test('backtest use case: default cut-off, same figures as the pure backtest, localized summary', () => {
  const big = generateLedger(11, 800, '2024-01-01', 30, '2026-06-30');
  const store = new MemoryStore({ customers: big.customers, invoices: big.invoices, payments: big.payments });
  const { report, summary } = runBacktestUseCase({ store, clock: clock('2026-06-30') });
  expect(report.cutoff).toBe('2026-03-31');
  expect(report.horizonDays).toBe(90);
  expect(report.auc).toBeGreaterThan(0.6);
  expect(summary.en).toContain(`AUC ${report.auc?.toFixed(3)}`);
  expect(summary['zh-CN']).toContain('按 2026-03-31 当日已知数据评分');
  expect(buildHistories(big.invoices, big.payments, []).skipped).toEqual([]);
  const custom = runBacktestUseCase({ store, clock: clock('2026-06-30') }, { cutoff: '2026-01-31', horizonDays: 30 });
  expect(custom.report).toMatchObject({ cutoff: '2026-01-31', horizonDays: 30 });
});
