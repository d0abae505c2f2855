// New ids continue the sheet's own series (PRODUCT.md §13): imported ERP numbers go on, gaps are not refilled.
import { nextIdInSeries, seriesOf } from '../../src/domain/id-series';

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

  test('seriesOf', () => {
    expect(seriesOf(' INV-2026-02034 ')).toEqual({ prefix: 'INV-2026-', width: 5 });
    expect(seriesOf('C-')).toBeNull();
  });
});
