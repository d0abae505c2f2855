// The client-side search and the duplicate rules share one normalization; both are pure and tested here.
import * as fc from 'fast-check';
import {
  buildSearchIndex,
  findDuplicates,
  foldWidth,
  normalizeKey,
  mergeInvoiceIds,
  phoneKey,
  searchIndex,
  searchWithTotal,
} from '../../src/app/sidebar-search';
import type { IndexRow } from '../../src/app/sidebar-types';

const row = (id: string, name: string, phone = '', email = '', contact = '', taxId = '', invoices = ''): IndexRow => [
  id,
  name,
  phone,
  email,
  contact,
  '',
  0,
  -1,
  -1,
  '',
  taxId,
  invoices,
];

describe('normalization', () => {
  test('folds full-width letters, digits and the ideographic space; lower-cases', () => {
    expect(foldWidth('ＡＢＣ　１２３＠Ｘ')).toBe('abc 123@x');
    expect(normalizeKey(' Acme  Trading, Ltd. ')).toBe('acmetradingltd');
    expect(normalizeKey('（上海）示例·科技')).toBe('上海示例科技');
    // A CN mobile with the country code is the same number as without it (duplicate check, search).
    expect(phoneKey('+86 138-0013-8000')).toBe('13800138000');
    expect(phoneKey('+44 20 7946 0958')).toBe('+442079460958');
    expect(phoneKey('１３８ ００１３ ８０００')).toBe('13800138000');
  });

  test('normalizeKey is idempotent and ignores case', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const k = normalizeKey(s);
        expect(normalizeKey(k)).toBe(k);
        expect(normalizeKey(s.toUpperCase())).toBe(normalizeKey(s.toLowerCase()));
      }),
    );
  });
});

describe('searchIndex', () => {
  const rows = [
    row('C-000001', 'Acme Trading Ltd', '13800138000', 'ap@acme.com', 'Wang Wei'),
    row('C-000002', '上海示例科技有限公司', '021-12345678', 'fin@sh.example', '李雷'),
    row('C-000003', 'Blue Acme Co', '', 'x@blue.example', ''),
  ];
  const index = buildSearchIndex(rows);
  const ids = (q: string) => searchIndex(index, q).map((r) => r[0]);

  test('matches name, id, phone, e-mail and contact; every word must match', () => {
    expect(ids('acme')).toEqual(['C-000001', 'C-000003']);
    expect(ids('ACME blue')).toEqual(['C-000003']);
    expect(ids('c-000002')).toEqual(['C-000002']);
    expect(ids('138 0013')).toEqual(['C-000001']);
    expect(ids('fin@sh')).toEqual(['C-000002']);
    expect(ids('李雷')).toEqual(['C-000002']);
    expect(ids('示例')).toEqual(['C-000002']);
    expect(ids('ｗａｎｇ')).toEqual(['C-000001']);
    expect(ids('nothing-like-this')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  test('name-prefix hits come first', () => {
    expect(ids('blue')).toEqual(['C-000003']);
    const idx = buildSearchIndex([row('C-1', 'Big Acme'), row('C-2', 'Acme Big')]);
    expect(searchIndex(idx, 'acme').map((r) => r[0])).toEqual(['C-2', 'C-1']);
  });

  test('every customer is found by its own id and name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 30 }), (names) => {
        const rs = names.map((n, i) => row(`C-${String(i + 1).padStart(6, '0')}`, n));
        const idx = buildSearchIndex(rs);
        rs.forEach((r) => {
          expect(searchIndex(idx, r[0], 1000).map((x) => x[0])).toContain(r[0]);
          if (normalizeKey(r[1])) expect(searchIndex(idx, r[1], 1000).map((x) => x[0])).toContain(r[0]);
        });
      }),
    );
  });
});

describe('search by tax id and invoice number, with the total (issue #16)', () => {
  const many = Array.from({ length: 57 }, (_, i) =>
    row(
      `C-${String(i + 1).padStart(6, '0')}`,
      `华东客户${i + 1}`,
      '',
      '',
      '',
      '',
      `INV-2026-${String(2000 + i).padStart(5, '0')}`,
    ),
  );
  const idx = buildSearchIndex([
    ...many,
    row('C-900001', '苏州远航', '', '', '', '91320500MA1X2Y3Z4K', 'INV-2026-09034 INV-2026-09035'),
  ]);

  test('a tax id or an invoice number (any case, any punctuation) finds its customer', () => {
    expect(searchIndex(idx, '91320500ma1x2y3z4k').map((r) => r[0])).toEqual(['C-900001']);
    expect(searchIndex(idx, 'inv 2026 09035').map((r) => r[0])).toEqual(['C-900001']);
    expect(searchIndex(idx, 'INV-2026-02034').map((r) => r[0])).toEqual(['C-000035']);
  });

  test('a word never matches across two invoice numbers', () => {
    // "09034" and "inv" are both in the key, but "09034inv" only if two numbers were glued together.
    expect(searchIndex(idx, '09034inv')).toEqual([]);
  });

  test('the total counts every match, not only those shown', () => {
    const r = searchWithTotal(idx, '华东客户', 20);
    expect(r.rows).toHaveLength(20);
    expect(r.total).toBe(57);
    expect(searchWithTotal(idx, '苏州', 20)).toMatchObject({ total: 1 });
  });

  test('merging invoice lists keeps the known numbers and adds the new one once', () => {
    expect(mergeInvoiceIds('A B', 'B C')).toBe('A B C');
    expect(mergeInvoiceIds('', 'X')).toBe('X');
  });
});

describe('findDuplicates', () => {
  const existing = [
    { id: 'C-1', name: 'Acme Trading Ltd', email: 'AP@acme.com', phone: '138 0013 8000', taxId: '91350100M000100Y43' },
    { id: 'C-2', name: 'Other', email: '', phone: '', taxId: '' },
  ];
  test.each([
    [{ name: 'X', email: '', phone: '', taxId: '91350100m000100y43' }, 'taxId'],
    [{ name: 'X', email: 'ap@ACME.com', phone: '', taxId: '' }, 'email'],
    [{ name: 'X', email: '', phone: '13800138000', taxId: '' }, 'phone'],
    [{ name: 'ACME trading, ltd.', email: '', phone: '', taxId: '' }, 'name'],
  ])('%o matches by %s', (candidate, rule) => {
    expect(findDuplicates(candidate, existing)).toEqual([{ id: 'C-1', name: 'Acme Trading Ltd', rule }]);
  });

  test('empty fields never match, and the record itself is excluded on edit', () => {
    expect(findDuplicates({ name: 'New', email: '', phone: '', taxId: '' }, existing)).toEqual([]);
    expect(findDuplicates(existing[0], existing, 'C-1')).toEqual([]);
  });
});
