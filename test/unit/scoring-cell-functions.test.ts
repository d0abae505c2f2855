// The custom functions' pure logic: scalar and range shapes, empty cells, time zones (through a test env that
// formats Dates in a given zone the way Utilities.formatDate does), error texts in both languages.
import type { Lang } from '../../src/domain/i18n';
import * as cells from '../../src/domain/scoring/cell-functions';
import { DEFAULT_PARAMS, scoreFactors } from '../../src/domain/scoring/scorecard';

function env(timeZone = 'Asia/Shanghai', lang: Lang = 'en', today = '2026-03-10') {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const counts = { dateOf: 0, today: 0, lang: 0 };
  const e: cells.CellEnv = {
    dateOf: (v) => {
      if (Object.prototype.toString.call(v) !== '[object Date]') return undefined;
      counts.dateOf++;
      const d = v as Date;
      return Number.isNaN(d.getTime()) ? '' : fmt.format(d);
    },
    today: () => {
      counts.today++;
      return today;
    },
    lang: () => {
      counts.lang++;
      return lang;
    },
  };
  return Object.assign(e, { counts });
}

describe('DAYS_OVERDUE', () => {
  test('scalar: days past due against today, 0 when not due or settled', () => {
    expect(cells.daysOverdue(env(), '2026-03-01', undefined, undefined)).toBe(9);
    expect(cells.daysOverdue(env(), '2026-03-20', undefined, undefined)).toBe(0);
    expect(cells.daysOverdue(env(), '2026-03-01', 0, undefined)).toBe(0);
    expect(cells.daysOverdue(env(), '2026-03-01', 12.5, '2026-04-01')).toBe(31);
    expect(cells.daysOverdue(env(), '', 100, undefined)).toBe('');
  });

  test('the same instant is a different day in two time zones', () => {
    // 2026-03-01T20:00Z is 2026-03-02 04:00 in Shanghai and 2026-03-01 12:00 in Los Angeles.
    const due = new Date('2026-03-01T20:00:00Z');
    const asOf = new Date('2026-03-05T20:00:00Z');
    expect(cells.daysOverdue(env('Asia/Shanghai'), due, undefined, '2026-03-05')).toBe(3);
    expect(cells.daysOverdue(env('America/Los_Angeles'), due, undefined, '2026-03-05')).toBe(4);
    expect(cells.daysOverdue(env('America/Los_Angeles'), due, undefined, asOf)).toBe(4);
  });

  test('range in, same-shaped range out; scalar arguments apply to every row; today asked once', () => {
    const e = env();
    const out = cells.daysOverdue(
      e,
      [['2026-03-01'], [''], ['2026-02-01'], ['2026-03-31']],
      [[5], [5], [0], [5]],
      undefined,
    );
    expect(out).toEqual([[9], [''], [0], [0]]);
    expect(e.counts.today).toBe(1);
    expect(cells.daysOverdue(env(), [['2026-03-01', '2026-03-05']], undefined, '2026-03-06')).toEqual([[5, 1]]);
  });

  test('bad input: clear text naming the function, argument and row, in the spreadsheet language', () => {
    expect(() => cells.daysOverdue(env(), [['2026-03-01'], ['2026-03-01'], ['soon']], undefined, undefined)).toThrow(
      'DAYS_OVERDUE: due_date must be a date (row 3)',
    );
    expect(() =>
      cells.daysOverdue(env('Asia/Shanghai', 'zh-CN'), [['2026-03-01'], [45000]], undefined, undefined),
    ).toThrow('DAYS_OVERDUE：due_date 必须是日期（第 2 行）');
    expect(() => cells.daysOverdue(env(), '2026-03-01', 'lots', undefined)).toThrow(
      'DAYS_OVERDUE: outstanding must be a number ≥ 0',
    );
    expect(() => cells.daysOverdue(env(), [['2026-03-01'], ['2026-03-02']], [[1]], undefined)).toThrow(
      'DAYS_OVERDUE: outstanding must be a single value or a range the same size as the first range',
    );
    expect(() => cells.daysOverdue(env(), new Date(Number.NaN), undefined, undefined)).toThrow('must be a date');
  });

  test('errors are the only time the language is asked for', () => {
    const e = env();
    cells.daysOverdue(e, [['2026-03-01'], ['2026-03-02']], undefined, undefined);
    expect(e.counts.lang).toBe(0);
  });

  test('the pure side asks the env for every Date cell (the handler memoizes per distinct value)', () => {
    const e = env();
    const d = new Date('2026-03-01T00:00:00Z');
    cells.daysOverdue(e, [[d], [d]], undefined, '2026-03-05');
    expect(e.counts.dateOf).toBe(2);
  });
});

describe('AGING_BUCKET', () => {
  test('buckets at their edges', () => {
    const due = [
      ['2026-03-10'],
      ['2026-03-09'],
      ['2026-02-08'],
      ['2026-02-07'],
      ['2026-01-09'],
      ['2026-01-08'],
      ['2025-12-10'],
      ['2025-12-09'],
      [''],
    ];
    expect(cells.agingBucket(env(), due, undefined, undefined)).toEqual([
      ['current'],
      ['1-30'],
      ['1-30'],
      ['31-60'],
      ['31-60'],
      ['61-90'],
      ['61-90'],
      ['90+'],
      [''],
    ]);
    expect(cells.agingBucket(env(), '2025-01-01', 0, undefined)).toBe('current');
  });
});

describe('CREDIT_SCORE and CREDIT_GRADE', () => {
  test('scalar: same as the scorecard with no current overdue', () => {
    const expected = scoreFactors(
      {
        onTimeShare: 0.9,
        avgDaysLate: 5,
        maxDaysLate: 20,
        overdueRatio: 0,
        oldestOverdueDays: 0,
        utilization: 0.5,
        tenureMonths: 18,
        disputes12m: 0,
        debtRatio: null,
        currentRatio: null,
      },
      DEFAULT_PARAMS,
    ).score;
    // 590 + 126 + 10 + 12 + 5 + 10 + 5 + 6 + 10
    expect(expected).toBe(774);
    expect(
      cells.creditScore(env(), {
        on_time_ratio: 0.9,
        avg_days_late: 5,
        max_days_late: 20,
        utilization: 0.5,
        tenure_months: 18,
      }),
    ).toBe(774);
    // no limit → 0 instead of 5; one dispute → 6 instead of 10
    expect(
      cells.creditScore(env(), {
        on_time_ratio: 0.9,
        avg_days_late: 5,
        max_days_late: 20,
        utilization: '',
        tenure_months: 18,
        disputes_12m: 1,
      }),
    ).toBe(765);
  });

  test('range in, range out; empty rows stay empty', () => {
    const out = cells.creditScore(env(), {
      on_time_ratio: [[1], [''], [0.2]],
      avg_days_late: [[0], [''], [40]],
      max_days_late: [[0], [''], [100]],
      utilization: [[0.1], [''], [1.5]],
      tenure_months: [[100], [''], [2]],
      disputes_12m: 0,
    });
    // 590+162+20+30+5+10+5+8+10 = 840; 590−126−14−30+5+10−10−4+10 = 431
    expect(out).toEqual([[840], [''], [431]]);
    expect(cells.creditGrade(env(), out)).toEqual([['AAA'], [''], ['C']]);
  });

  test('bad input', () => {
    const base = { avg_days_late: 0, max_days_late: 0, utilization: 0, tenure_months: 1 };
    expect(() => cells.creditScore(env(), { ...base, on_time_ratio: 95 })).toThrow(
      'CREDIT_SCORE: on_time_ratio must be a share between 0 and 1 (e.g. 0.95 or 95%)',
    );
    expect(() => cells.creditScore(env(), { ...base, on_time_ratio: 0.9, tenure_months: '' })).toThrow(
      'CREDIT_SCORE: tenure_months is required',
    );
    expect(() =>
      cells.creditScore(env(), { ...base, on_time_ratio: [[0.9], [0.9]], avg_days_late: [[0], [-1]] }),
    ).toThrow('CREDIT_SCORE: avg_days_late must be a number ≥ 0 (row 2)');
    expect(() => cells.creditGrade(env(), 900)).toThrow('CREDIT_GRADE: score must be a score between 300 and 850');
    expect(() => cells.creditGrade(env('UTC', 'zh-CN'), [['x']])).toThrow(
      'CREDIT_GRADE：score 必须是 300 到 850 之间的评分（第 1 行）',
    );
    expect(cells.creditGrade(env(), 'NR')).toBe('NR');
  });
});
