// New ids continue the sheet's own series (PRODUCT.md §13): imported ERP numbers go on, gaps are not refilled.
import * as fc from 'fast-check';
import { nextIdInSeries, seriesOf } from '../../src/domain/id-series';

/** The rule as first written (every id through the regexes, a Set of all ids): the fast scan must agree with it. */
function reference(defaultPrefix: string, existing: string[]): string {
  const ids: string[] = [];
  let series: { prefix: string; width: number } | null = null;
  for (const raw of existing) {
    const id = String(raw).trim();
    if (!id) continue;
    ids.push(id);
    series = seriesOf(id) ?? series;
  }
  const { prefix, width } = series ?? { prefix: `${defaultPrefix}-`, width: 6 };
  const taken = new Set(ids);
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  let n = max + 1;
  let next = `${prefix}${String(n).padStart(width, '0')}`;
  while (taken.has(next)) next = `${prefix}${String(++n).padStart(width, '0')}`;
  return next;
}

describe('nextIdInSeries', () => {
  test.each([
    [[], 'INV-000001'],
    [['INV-000001', 'INV-000007'], 'INV-000008'],
    [['INV-2026-02033', 'INV-2026-02034'], 'INV-2026-02035'],
    [['INV-000001', 'INV-2026-02034'], 'INV-2026-02035'], // the latest id's series wins
    [['INV-2026-02034', 'INV-000009'], 'INV-000010'],
    [['0000611365', '0000611364'], '0000611366'], // leading zeros kept, highest number + 1
    [['KH999'], 'KH1000'], // width is a minimum
    [['2024-0099', '手工单据'], '2024-0100'], // an id without trailing digits starts no series
    [['A-9', 'A-09', 'A-10', 'A-010'], 'A-011'], // never a taken id, whatever its padding
  ])('%j → %s', (existing, next) => {
    expect(nextIdInSeries('INV', existing)).toBe(next);
  });

  test('agrees with the reference rule on mixed series, paddings, spaces and long numbers', () => {
    const id = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('INV-', 'A-', 'KH', '', 'INV-2026-', ' P-'),
          fc.stringMatching(/^[0-9]{1,20}$/),
          fc.constantFrom('', ' '),
        )
        .map(([p, d, s]) => `${p}${d}${s}`),
      fc.constantFrom('手工单据', 'C-', '', ' ', 'INV-x1', '１２３'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), (ids) => {
        expect(nextIdInSeries('INV', ids)).toBe(reference('INV', ids));
      }),
      { numRuns: 500 },
    );
  });

  test('seriesOf', () => {
    expect(seriesOf(' INV-2026-02034 ')).toEqual({ prefix: 'INV-2026-', width: 5 });
    expect(seriesOf('C-')).toBeNull();
  });
});
