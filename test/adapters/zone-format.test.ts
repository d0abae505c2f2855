// The offset memo (src/adapters/zone-format.ts) against the exact per-value formatter (the emulator's Java
// SimpleDateFormat port): identical text across DST changes, for whole- and half-hour zones, with one service
// call per UTC-day boundary instead of one per value.
import { formatJavaDate } from '../../emulator/src/java-date-format';
import { type Formatter, zoneFormat } from '../../src/adapters/zone-format';

const exact: Formatter = (d, tz, p) => formatJavaDate(d.getTime(), tz, p);

function counted() {
  const calls: string[] = [];
  const fmt: Formatter = (d, tz, p) => {
    calls.push(p);
    return exact(d, tz, p);
  };
  return { calls, fmt };
}

/** Instants every 17 minutes from `fromIso` for `days` days (hits every hour and minute residue). */
function instants(fromIso: string, days: number): Date[] {
  const out: Date[] = [];
  const start = Date.parse(fromIso);
  for (let t = start; t < start + days * 86400000; t += 17 * 60000 + 13001) out.push(new Date(t));
  return out;
}

const ZONES: Array<[string, string]> = [
  ['America/Los_Angeles', '2026-03-06T00:00:00Z'], // spring forward on 2026-03-08
  ['America/Los_Angeles', '2026-10-30T00:00:00Z'], // fall back on 2026-11-01
  ['Asia/Shanghai', '2026-01-01T00:00:00Z'],
  ['Asia/Kolkata', '2026-06-01T00:00:00Z'],
  ['Australia/Adelaide', '2026-04-02T00:00:00Z'], // +10:30 → +9:30 on 2026-04-05
  ['Australia/Adelaide', '2026-10-01T00:00:00Z'], // +9:30 → +10:30 on 2026-10-04
  ['UTC', '2026-01-01T00:00:00Z'],
];

describe('zoneFormat', () => {
  test.each(ZONES)('%s from %s: day and stamp equal the exact formatter', (tz, from) => {
    const z = zoneFormat(() => tz, exact);
    for (const d of instants(from, 6)) {
      expect(z.day(d)).toBe(exact(d, tz, 'yyyy-MM-dd'));
      expect(z.stamp(d)).toBe(exact(d, tz, 'yyyy-MM-dd HH:mm:ss'));
    }
  });

  test('calls grow with UTC days, not values: one exact call, then one offset call per boundary', () => {
    const { calls, fmt } = counted();
    let asked = 0;
    const z = zoneFormat(() => {
      asked++;
      return 'Asia/Shanghai';
    }, fmt);
    const values = instants('2026-01-01T00:00:00Z', 10);
    for (const d of values) z.stamp(d);
    expect(values.length).toBeGreaterThan(700);
    // 10 days: each day's first value exactly (10), then the 11 boundaries between and around them
    expect(calls.filter((p) => p === 'Z')).toHaveLength(11);
    expect(calls.filter((p) => p !== 'Z')).toHaveLength(10);
    expect(asked).toBe(1);
    expect(z.timeZone).toBe('Asia/Shanghai');
  });

  test('a day holding a single (repeated) value costs one call', () => {
    const { calls, fmt } = counted();
    const z = zoneFormat(() => 'Asia/Kolkata', fmt);
    const births = ['1985-04-01T18:30:00Z', '1990-07-15T18:30:00Z', '2001-02-28T18:30:00Z'].map((t) => new Date(t));
    for (const d of [...births, ...births]) expect(z.day(d)).toBe(exact(d, 'Asia/Kolkata', 'yyyy-MM-dd'));
    expect(calls).toHaveLength(3);
  });

  test('a DST-change day falls back to one exact call per distinct value, memoized', () => {
    const { calls, fmt } = counted();
    const z = zoneFormat(() => 'America/Los_Angeles', fmt);
    const d = new Date('2026-03-08T12:00:00Z'); // the UTC day holding the spring-forward change (10:00 UTC)
    const e = new Date('2026-03-08T20:00:00Z');
    expect(z.stamp(d)).toBe('2026-03-08 05:00:00');
    expect(z.stamp(e)).toBe('2026-03-08 13:00:00');
    expect(z.stamp(new Date(d.getTime()))).toBe('2026-03-08 05:00:00');
    expect(z.stamp(new Date(e.getTime()))).toBe('2026-03-08 13:00:00');
    // the two boundaries disagree (-0800 / -0700): each distinct value exactly, once
    expect(calls.filter((p) => p === 'Z')).toHaveLength(2);
    expect(calls.filter((p) => p !== 'Z')).toEqual(['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm:ss']);
  });

  test('instants before 1970 and invalid dates take the exact path', () => {
    const { calls, fmt } = counted();
    const z = zoneFormat(() => 'Asia/Shanghai', fmt);
    const old = new Date('1899-12-30T00:00:00Z');
    expect(z.day(old)).toBe(exact(old, 'Asia/Shanghai', 'yyyy-MM-dd'));
    expect(calls).toEqual(['yyyy-MM-dd']);
  });
});
