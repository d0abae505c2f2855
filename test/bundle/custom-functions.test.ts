// The custom functions through the BUILT bundle (dist/Code.js, built by jest's global setup) in the emulator, run
// the way Sheets runs `=NAME(...)`: CUSTOM_FUNCTION auth mode (read-only services), Dates made in the script's
// realm, values in, values out. Covers scalar and range inputs, the spreadsheet time zone (not the script's, not
// UTC), bounded service calls for a 10,000-row range, and the error text a user sees in the cell note.
import path from 'node:path';
import { createEnvironment } from '../../emulator/src/index';

const dist = path.resolve(__dirname, '../../dist');

function envIn(timeZone: string, locale = 'en_US', now = '2026-03-10T12:00:00Z') {
  const env = createEnvironment({ timeZone, locale, now });
  env.loadBuild(dist);
  return env;
}
type Env = ReturnType<typeof envIn>;

/** A date cell as Sheets hands it over: a Date of the script realm for a wall-clock time in `timeZone`. */
function dateCell(env: Env, utcIso: string): Date {
  return env.core.makeDate(Date.parse(utcIso));
}

describe('DAYS_OVERDUE in two time zones', () => {
  test('a date cell at midnight in Shanghai is that day, not the UTC day before', () => {
    const env = envIn('Asia/Shanghai');
    // 2026-03-01 00:00 in Shanghai = 2026-02-28T16:00Z; reading it in UTC would make it 5 days.
    expect(env.runCustomFunction('DAYS_OVERDUE', [dateCell(env, '2026-02-28T16:00:00Z'), 100, '2026-03-05'])).toBe(4);
  });

  test('in Los Angeles, a late-evening date cell stays on its day although the script zone is Shanghai', () => {
    const env = envIn('America/Los_Angeles');
    // 2026-03-01 18:00 in Los Angeles = 2026-03-02 10:00 in Shanghai (the manifest's script zone).
    expect(env.runCustomFunction('DAYS_OVERDUE', [dateCell(env, '2026-03-02T02:00:00Z'), '', '2026-03-05'])).toBe(4);
  });

  test('the same instant is a different day in the two zones; "today" is the spreadsheet’s today', () => {
    const sh = envIn('Asia/Shanghai', 'en_US', '2026-03-10T20:00:00Z'); // Shanghai: 03-11 04:00
    const la = envIn('America/Los_Angeles', 'en_US', '2026-03-10T20:00:00Z'); // LA: 03-10 13:00
    const instant = '2026-03-01T20:00:00Z'; // Shanghai 03-02, LA 03-01
    expect(sh.runCustomFunction('DAYS_OVERDUE', [dateCell(sh, instant)])).toBe(9);
    expect(la.runCustomFunction('DAYS_OVERDUE', [dateCell(la, instant)])).toBe(9);
    expect(sh.runCustomFunction('DAYS_OVERDUE', [dateCell(sh, instant), 1, dateCell(sh, '2026-03-05T00:00:00Z')])).toBe(
      3,
    );
    expect(la.runCustomFunction('DAYS_OVERDUE', [dateCell(la, instant), 1, dateCell(la, '2026-03-05T00:00:00Z')])).toBe(
      3,
    );
    expect(sh.runCustomFunction('DAYS_OVERDUE', [dateCell(sh, instant), 1, '2026-03-05'])).toBe(3);
    expect(la.runCustomFunction('DAYS_OVERDUE', [dateCell(la, instant), 1, '2026-03-05'])).toBe(4);
  });
});

describe('ranges through the bundle', () => {
  test('10,000 rows: one call, same shape out, bounded service calls', () => {
    const env = envIn('Asia/Shanghai');
    const n = 10_000;
    // 40 distinct due dates (midnight Shanghai), some settled, some empty rows.
    const due = Array.from({ length: n }, (_, i) =>
      i % 97 === 0 ? [''] : [dateCell(env, new Date(Date.UTC(2026, 0, 1 + (i % 40)) - 8 * 3600_000).toISOString())],
    );
    const outstanding = Array.from({ length: n }, (_, i) => [i % 5 === 0 ? 0 : 100]);
    env.resetCounts();
    const started = process.cpuUsage();
    const out = env.runCustomFunction('DAYS_OVERDUE', [due, outstanding, '2026-02-15']) as unknown[][];
    const cpu = process.cpuUsage(started);
    const buckets = env.runCustomFunction('AGING_BUCKET', [due, outstanding, '2026-02-15']) as unknown[][];
    expect(out).toHaveLength(n);
    expect(buckets).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const expected = i % 97 === 0 ? '' : i % 5 === 0 ? 0 : Math.max(0, 45 - (i % 40));
      expect(out[i]).toEqual([expected]);
    }
    expect(buckets[1]).toEqual(['31-60']); // due 01-02 → 44 days
    expect(buckets[39]).toEqual(['1-30']); // due 02-09 → 6 days
    const counts = env.counts();
    // per call: the time zone once and one formatDate per distinct date, never one per row
    expect(env.total('Utilities.formatDate')).toBeLessThanOrEqual(2 * 40);
    expect(env.total('SpreadsheetApp.')).toBeLessThanOrEqual(4);
    console.log(
      `DAYS_OVERDUE over ${n} rows: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; calls ${JSON.stringify(counts)}`,
    );
  });

  test('CREDIT_SCORE and CREDIT_GRADE with scalars and ranges', () => {
    const env = envIn('Asia/Shanghai');
    // the default model v2, as worked by hand in test/unit/scoring-cell-functions.test.ts
    expect(env.runCustomFunction('CREDIT_SCORE', [0.9, 5, 20, 0.5, 18])).toBe(774);
    const scores = env.runCustomFunction('CREDIT_SCORE', [
      [[1], [''], [0.2]],
      [[0], [''], [40]],
      [[0], [''], [100]],
      [[0.1], [''], [1.5]],
      [[100], [''], [2]],
      0,
    ]);
    expect(scores).toEqual([[840], [''], [431]]);
    expect(env.runCustomFunction('credit_grade', [scores])).toEqual([['AAA'], [''], ['C']]);
    expect(env.runCustomFunction('CREDIT_GRADE', [719])).toBe('BBB');
  });
});

describe('errors as the user sees them', () => {
  test('English spreadsheet', () => {
    const env = envIn('Asia/Shanghai', 'en_US');
    expect(() => env.runCustomFunction('DAYS_OVERDUE', [[['2026-03-01'], ['2026-03-02'], ['soon']]])).toThrow(
      'DAYS_OVERDUE: due_date must be a date (row 3)',
    );
  });

  test('Chinese spreadsheet', () => {
    const env = envIn('Asia/Shanghai', 'zh_CN');
    expect(() => env.runCustomFunction('CREDIT_SCORE', [1.5, 0, 0, 0, 0])).toThrow(
      'CREDIT_SCORE：on_time_ratio 必须是 0 到 1 之间的比例（如 0.95 或 95%）',
    );
  });
});
