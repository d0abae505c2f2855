// Properties of the model: monotonic in every factor (for the default tables and for any table the settings parser
// accepts), score always an integer in 300–850, and as-of correctness (data dated after the as-of day never changes
// the rating for that day).
import * as fc from 'fast-check';
import { addDays } from '../../src/domain/day';
import type { Bins } from '../../src/domain/scoring/bins';
import { parseBins } from '../../src/domain/scoring/bins';
import { computeFactors, FACTOR_KEYS, type FactorKey, type Factors } from '../../src/domain/scoring/factors';
import { buildHistories, historyOf } from '../../src/domain/scoring/history';
import { rateCustomer } from '../../src/domain/scoring/rate';
import { DEFAULT_PARAMS, FACTOR_DIRECTION, type ScoringParams, scoreFactors } from '../../src/domain/scoring/scorecard';
import { complaint, customer, invoice, payment } from './scoring-fixtures';

// Values near the default bin edges are where a broken table would show, so they are drawn often.
const near = (key: FactorKey, arb: fc.Arbitrary<number>) =>
  fc.oneof(arb, fc.constantFrom(...DEFAULT_PARAMS.bins[key].edges.flatMap((e) => [e, e + 0.005, e + 1])));
const ratio = fc.double({ min: 0, max: 1, noNaN: true });
const days = fc.double({ min: 0, max: 400, noNaN: true });
const factorsArb: fc.Arbitrary<Factors> = fc.record({
  onTimeShare: near('onTimeShare', ratio).map((v) => Math.min(1, v)),
  avgDaysLate: near('avgDaysLate', days),
  maxDaysLate: near('maxDaysLate', days),
  overdueRatio: near('overdueRatio', ratio).map((v) => Math.min(1, v)),
  oldestOverdueDays: near('oldestOverdueDays', fc.integer({ min: 0, max: 400 })),
  utilization: fc.option(near('utilization', fc.double({ min: 0, max: 5, noNaN: true })), { nil: null }),
  tenureMonths: near('tenureMonths', fc.integer({ min: 0, max: 240 })),
  disputes12m: near('disputes12m', fc.integer({ min: 0, max: 20 })),
  debtRatio: fc.option(near('debtRatio', fc.double({ min: 0, max: 300, noNaN: true })), { nil: null }),
  currentRatio: fc.option(near('currentRatio', fc.double({ min: 0, max: 10, noNaN: true })), { nil: null }),
});
const deltaArb = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0, max: 300, noNaN: true }),
  fc.constantFrom(0.005, 0.01, 0.04, 1, 5),
);

/** Makes one factor worse by `delta` (> 0), staying in the factor's domain. */
function worsen(f: Factors, key: FactorKey, delta: number): Factors {
  const v = f[key];
  if (v === null) return f;
  const worse = FACTOR_DIRECTION[key] === 'higher-is-better' ? Math.max(0, v - delta) : v + delta;
  return { ...f, [key]: key === 'onTimeShare' || key === 'overdueRatio' ? Math.min(1, Math.max(0, worse)) : worse };
}

/** Random tables that the settings parser accepts (it refuses non-monotone ones). */
const binsArb = (key: FactorKey): fc.Arbitrary<Bins> =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: -80, max: 80 }), { minLength: 7, maxLength: 7 }),
    )
    .map(([edges, pts]) => {
      const e = [...edges].sort((a, b) => a - b);
      const p = pts.slice(0, e.length + 1).sort((a, b) => a - b);
      const points = FACTOR_DIRECTION[key] === 'higher-is-better' ? p : p.reverse();
      const text = `${e.map((x, i) => `${x}:${points[i]}`).join(', ')}, *:${points[e.length]}`;
      const parsed = parseBins(text, FACTOR_DIRECTION[key]);
      if (!parsed.ok) throw new Error(`generator made an invalid table: ${text}`);
      return parsed.bins;
    });

const paramsArb: fc.Arbitrary<ScoringParams> = fc
  .tuple(fc.integer({ min: 200, max: 700 }), ...FACTOR_KEYS.map(binsArb))
  .map(([base, ...tables]) => ({
    ...DEFAULT_PARAMS,
    basePoints: base,
    bins: Object.fromEntries(FACTOR_KEYS.map((k, i) => [k, tables[i]])) as Record<FactorKey, Bins>,
  }));

describe('monotonicity', () => {
  test('with the default tables, a worse value of any one factor never raises the score', () => {
    fc.assert(
      fc.property(factorsArb, fc.constantFrom(...FACTOR_KEYS), deltaArb, (f, k, d) => {
        expect(scoreFactors(worsen(f, k, d)).score).toBeLessThanOrEqual(scoreFactors(f).score);
      }),
      { numRuns: 3000 },
    );
  });

  test('with any tables the parser accepts, the same holds', () => {
    fc.assert(
      fc.property(paramsArb, factorsArb, fc.constantFrom(...FACTOR_KEYS), deltaArb, (p, f, k, d) => {
        expect(scoreFactors(worsen(f, k, d), p).score).toBeLessThanOrEqual(scoreFactors(f, p).score);
      }),
      { numRuns: 2000 },
    );
  });

  test('the score is an integer in 300–850 and the same for the same input', () => {
    fc.assert(
      fc.property(paramsArb, factorsArb, (p, f) => {
        const s = scoreFactors(f, p).score;
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(300);
        expect(s).toBeLessThanOrEqual(850);
        expect(scoreFactors({ ...f }, p)).toEqual(scoreFactors(f, p));
      }),
    );
  });

  test('a late payment recorded in the ledger never raises the customer’s score (end to end)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 5 }), (late, which) => {
        const invs = [0, 1, 2, 3, 4, 5].map((m) =>
          invoice(`I${m}`, 'X', addDays('2025-01-01', m * 30), addDays('2025-01-31', m * 30), 10_000),
        );
        const onTime = invs.map((inv, i) => payment(`P${i}`, inv, inv.dueDate));
        const delayed = onTime.map((p, i) => (i === which ? { ...p, date: addDays(p.date, late) } : p));
        const rate = (pays: typeof onTime) =>
          rateCustomer(customer('X'), historyOf(buildHistories(invs, pays, []), 'X'), '2026-01-01', DEFAULT_PARAMS)
            .score ?? 0;
        expect(rate(delayed)).toBeLessThanOrEqual(rate(onTime));
      }),
    );
  });
});

describe('shrinkage keeps punctuality monotonic', () => {
  test('paying one more invoice on time never lowers the on-time share, for any reference share and weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 14 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.constantFrom(0, 90, 270, 730),
        (delays, pick, priorShare, priorWeight, halfLifeDays) => {
          const invs = delays.map((_, m) =>
            invoice(`I${m}`, 'X', addDays('2025-01-01', m * 30), addDays('2025-01-31', m * 30), 10_000),
          );
          const share = (ds: number[]) => {
            const pays = invs.map((inv, i) => payment(`P${i}`, inv, addDays(inv.dueDate, ds[i])));
            const h = historyOf(buildHistories(invs, pays, []), 'X');
            const opts = { graceDays: 0, creditLimit: null, halfLifeDays, priorShare, priorWeight };
            return computeFactors(h, '2026-06-30', opts).factors.onTimeShare ?? 0;
          };
          const better = delays.map((d, i) => (i === pick % delays.length ? 0 : d));
          expect(share(better)).toBeGreaterThanOrEqual(share(delays) - 1e-12);
        },
      ),
    );
  });
});

describe('as-of correctness', () => {
  const AS_OF = '2025-12-31';
  const dayArb = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));

  test('invoices, payments and complaints dated after the as-of day never change that day’s rating', () => {
    const pastInvoice = fc.tuple(
      dayArb('2023-06-01', 900),
      fc.integer({ min: 0, max: 90 }),
      fc.integer({ min: 1, max: 100_000 }),
    );
    fc.assert(
      fc.property(
        fc.array(pastInvoice, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: -20, max: 200 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.tuple(dayArb('2026-01-01', 400), fc.integer({ min: 1, max: 100_000 })), { maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 12 }),
        fc.array(dayArb('2026-01-01', 300), { maxLength: 3 }),
        (past, payDelays, futureInvoices, futurePayDelays, futureComplaints) => {
          const invs = past
            .filter(([issue]) => issue <= AS_OF)
            .map(([issue, terms, amt], i) => invoice(`I${i}`, 'X', issue, addDays(issue, terms), amt));
          const pays = invs.flatMap((inv, i) => {
            const on = addDays(inv.dueDate, payDelays[i]);
            return on <= AS_OF ? [payment(`P${i}`, inv, on)] : [];
          });
          const base = buildHistories(invs, pays, [complaint('K0', 'X', '2025-06-01')]);
          // Future: new invoices, payments (on past and future invoices) and complaints, all after AS_OF.
          const fInvs = futureInvoices.map(([issue, amt], i) => invoice(`F${i}`, 'X', issue, addDays(issue, 30), amt));
          const fPays = [...invs, ...fInvs].flatMap((inv, i) =>
            i < futurePayDelays.length
              ? [payment(`FP${i}`, inv, addDays(AS_OF, futurePayDelays[i]), 1 + (inv.amount >> 1))]
              : [],
          );
          const more = buildHistories(
            [...invs, ...fInvs],
            [...pays, ...fPays],
            [complaint('K0', 'X', '2025-06-01'), ...futureComplaints.map((d, i) => complaint(`K${i + 1}`, 'X', d))],
          );
          const c = customer('X', { creditLimit: 200_000 });
          const before = rateCustomer(c, historyOf(base, 'X'), AS_OF, DEFAULT_PARAMS);
          const after = rateCustomer(c, historyOf(more, 'X'), AS_OF, DEFAULT_PARAMS);
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });
});
