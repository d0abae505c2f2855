// The windowed offset memo (src/adapters/zone-format.ts) against the exact per-value formatter (the emulator's Java
// SimpleDateFormat port, what Utilities.formatDate returns): identical text for any instant, in zones with DST,
// half-hour and 45-minute offsets and historic changes, with a handful of service calls instead of one per date.
import fc from 'fast-check';
import { formatJavaDate } from '../../emulator/src/java-date-format';
import { type Formatter, WINDOW_MS, zoneFormat } from '../../src/adapters/zone-format';

const exact: Formatter = (d, tz, p) => formatJavaDate(d.getTime(), tz, p);

function counted(tz = '') {
  const calls: string[] = [];
  const fmt: Formatter = (d, z, p) => {
    calls.push(p);
    return exact(d, z || tz, p);
  };
  return { calls, fmt };
}

const DAY = 86400000;
const at = (iso: string) => Date.parse(iso);

/** Zones and the years around their interesting changes. */
const ERAS: Array<[string, string, string]> = [
  ['Asia/Kathmandu', '1985-06-01', '1987-06-01'], // +5:30 → +5:45 in 1986
  ['Australia/Lord_Howe', '2025-01-01', '2027-01-01'], // 30-minute DST
  ['America/St_Johns', '2025-01-01', '2027-01-01'], // -3:30 with DST
  ['Europe/London', '1940-01-01', '1948-01-01'], // double summer time
  ['Europe/London', '2025-01-01', '2027-06-01'],
  ['Asia/Shanghai', '1985-01-01', '1992-06-01'], // DST 1986-1991
  ['Asia/Shanghai', '2024-06-01', '2027-01-01'],
  ['Pacific/Apia', '2011-06-01', '2012-06-01'], // skipped 2011-12-30 (−10 → +14)
  ['America/Los_Angeles', '2025-01-01', '2027-01-01'],
  ['Asia/Kolkata', '1940-01-01', '1947-01-01'],
  ['Africa/Monrovia', '1965-01-01', '1974-01-01'], // −0:44:30 until 1972: seconds in the offset
  ['UTC', '2025-01-01', '2026-01-01'],
];

/** Every excursion (an offset left and returned to) shorter than 15 days in Node's tz database, 1900–2040. */
const SHORT_EXCURSIONS: Array<[string, number, number]> = [
  ['Africa/Tunis', -842918400000, -842223600000],
  ['America/Argentina/Tucuman', 1086058800000, 1087099200000],
  ['America/Boa_Vista', 970977600000, 971578800000],
  ['America/Fortaleza', 970974000000, 972180000000],
  ['America/Maceio', 970974000000, 972180000000],
  ['America/Noronha', 970970400000, 971571600000],
  ['America/Recife', 970974000000, 971575200000],
  ['Europe/Tirane', -844556400000, -843519600000],
  ['Europe/Vienna', -781052400000, -780188400000],
];

function agrees(tz: string, instants: readonly number[]): void {
  const z = zoneFormat(() => tz, exact);
  for (const ms of instants) {
    const d = new Date(ms);
    expect([tz, d.toISOString(), z.day(d)]).toEqual([tz, d.toISOString(), exact(d, tz, 'yyyy-MM-dd')]);
    expect([tz, d.toISOString(), z.stamp(d)]).toEqual([tz, d.toISOString(), exact(d, tz, 'yyyy-MM-dd HH:mm:ss')]);
  }
}

describe('zoneFormat equals per-value formatDate', () => {
  test.each(ERAS)('%s from %s to %s (property)', (tz, from, to) => {
    const lo = at(`${from}T00:00:00Z`);
    const hi = at(`${to}T00:00:00Z`);
    // Batches of instants: some spread over the era, some clustered (same window, same day, around midnight).
    const instant = fc.integer({ min: lo, max: hi - 1 });
    const cluster = fc
      .tuple(instant, fc.array(fc.integer({ min: -3 * DAY, max: 3 * DAY }), { maxLength: 20 }))
      .map(([c, ds]) => ds.map((d) => Math.min(hi - 1, Math.max(lo, c + d))));
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            instant.map((x) => [x]),
            cluster,
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (groups) => {
          agrees(tz, groups.flat());
        },
      ),
      { numRuns: 40 },
    );
  });

  test.each(ERAS)('%s from %s to %s: every seven hours of the era', (tz, from, to) => {
    const lo = at(`${from}T00:00:00Z`);
    const hi = at(`${to}T00:00:00Z`);
    const z = zoneFormat(() => tz, exact);
    for (let t = lo; t < hi; t += 7 * 3600000 + 61000) {
      const d = new Date(t);
      expect([d.toISOString(), z.stamp(d)]).toEqual([d.toISOString(), exact(d, tz, 'yyyy-MM-dd HH:mm:ss')]);
    }
  });

  test.each(SHORT_EXCURSIONS)('%s: the short excursion from %d is seen (each day, both sides)', (tz, s, e) => {
    const instants: number[] = [];
    for (let t = s - 3 * DAY; t < e + 3 * DAY; t += 6 * 3600000 + 17000) instants.push(t);
    agrees(tz, [...instants, s - 1000, s, e - 1000, e]);
    // …and every one of them contains a window boundary (what the formatter relies on)
    expect(Math.ceil(s / WINDOW_MS) * WINDOW_MS).toBeLessThan(e);
  });
});

describe('zoneFormat calls', () => {
  test('two years of daily due dates in Shanghai cost one call per 12-day window, not per day', () => {
    const { calls, fmt } = counted('Asia/Shanghai');
    const z = zoneFormat(() => 'Asia/Shanghai', fmt);
    const lo = at('2024-11-20T16:00:00Z');
    let days = 0;
    for (let t = lo; t < lo + 730 * DAY; t += DAY) {
      z.day(new Date(t));
      z.day(new Date(t)); // repeated values are free
      days++;
    }
    expect(days).toBe(730);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(730 / 12) + 3);
  });

  test('a DST zone adds one bisection (≈ 14 calls) per transition; the rest is arithmetic', () => {
    const { calls, fmt } = counted('Europe/London');
    const z = zoneFormat(() => 'Europe/London', fmt);
    const lo = at('2025-01-01T00:00:00Z');
    for (let t = lo; t < lo + 730 * DAY; t += 3 * 3600000) z.stamp(new Date(t));
    // 61 windows, 4 transitions
    expect(calls.length).toBeLessThanOrEqual(62 + 4 * 16);
    expect(calls.length).toBeGreaterThan(62);
  });

  test('a window holding a single value costs one exact call; the zone is asked once', () => {
    const { calls, fmt } = counted('Asia/Kolkata');
    let asked = 0;
    const z = zoneFormat(() => {
      asked++;
      return 'Asia/Kolkata';
    }, fmt);
    const births = ['1985-04-01T18:30:00Z', '1990-07-15T18:30:00Z', '2001-02-28T18:30:00Z'].map((t) => new Date(t));
    for (const d of [...births, ...births]) expect(z.day(d)).toBe(exact(d, 'Asia/Kolkata', 'yyyy-MM-dd'));
    expect(calls).toHaveLength(3);
    expect(asked).toBe(1);
    expect(z.timeZone).toBe('Asia/Kolkata');
  });

  test('instants before 1900 and invalid dates take the exact path', () => {
    const { calls, fmt } = counted('Asia/Shanghai');
    const z = zoneFormat(() => 'Asia/Shanghai', fmt);
    const old = new Date('1899-12-30T00:00:00Z');
    expect(z.day(old)).toBe(exact(old, 'Asia/Shanghai', 'yyyy-MM-dd'));
    expect(z.day(old)).toBe(exact(old, 'Asia/Shanghai', 'yyyy-MM-dd'));
    expect(calls).toEqual(['yyyy-MM-dd']);
  });
});
