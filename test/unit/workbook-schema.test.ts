import { ROLES } from '../../src/app/ports';
import {
  columnsOf,
  enumLabel,
  enumValue,
  findColumn,
  headerOf,
  normalizeHeader,
  roleOfSheetName,
  SHEETS,
} from '../../src/domain/schema';
import { isValidPhone, phoneKey } from '../../src/domain/phone';
import { isValidTaxId, taxIdCheckChar, taxIdProblem } from '../../src/domain/tax-id';
import { guardText, looksLikeFormula } from '../../src/domain/text-safety';

describe('schema', () => {
  test('every role has a sheet whose column keys are unique and headers unique in both languages', () => {
    for (const role of ROLES) {
      const cols = columnsOf(role);
      expect(cols.length).toBeGreaterThan(0);
      const keys = cols.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of cols) {
        const mine = [normalizeHeader(c.header['zh-CN']), normalizeHeader(c.header.en)];
        const clash = cols.filter(
          (o) =>
            o !== c && mine.some((h) => h === normalizeHeader(o.header['zh-CN']) || h === normalizeHeader(o.header.en)),
        );
        expect(clash.map((o) => o.key)).toEqual([]);
        expect(findColumn(role, c.header['zh-CN'])).toBe(c);
        expect(findColumn(role, c.header.en)).toBe(c);
      }
    }
  });

  test('customer columns follow PRODUCT.md §1 order and types', () => {
    const keys = columnsOf('customers').map((c) => c.key);
    expect(keys.slice(0, 5)).toEqual(['id', 'name', 'type', 'contact', 'phone']);
    const tax = columnsOf('customers').find((c) => c.key === 'taxId')!;
    expect(tax.type).toBe('taxId');
    expect(tax.format).toBe('@');
    const amount = columnsOf('invoices').find((c) => c.key === 'amount')!;
    expect(amount.format).toBe('#,##0.00');
    expect(amount.positive).toBe(true);
    expect(columnsOf('invoices').find((c) => c.key === 'outstanding')!.derived).toBe(true);
    expect(columnsOf('invoices').find((c) => c.key === 'outstanding')!.protect).toBe(true);
  });

  test('findColumn matches either language, case and space insensitive; unknown → undefined', () => {
    expect(findColumn('customers', ' customer  id ')?.key).toBe('id');
    expect(findColumn('customers', '客户编号')?.key).toBe('id');
    expect(findColumn('invoices', 'DUE DATE')?.key).toBe('dueDate');
    expect(findColumn('invoices', '到期日')?.key).toBe('dueDate');
    expect(findColumn('customers', 'My own column')).toBeUndefined();
    expect(findColumn('customers', '')).toBeUndefined();
    expect(headerOf(findColumn('payments', 'method')!, 'zh-CN')).toBe('付款方式');
  });

  test('enums read in either language or canonical, written as the label', () => {
    const type = findColumn('customers', 'type')!;
    expect(enumValue(type, '企业')).toBe('company');
    expect(enumValue(type, 'company')).toBe('company');
    expect(enumValue(type, ' Individual ')).toBe('individual');
    expect(enumValue(type, 'person')).toBeUndefined();
    expect(enumLabel(type, 'company', 'zh-CN')).toBe('企业');
    expect(enumLabel(type, 'company', 'en')).toBe('Company');
    const status = findColumn('invoices', 'status')!;
    expect(enumValue(status, '已核销')).toBe('written-off');
  });

  test('sheet names in either language map back to their role', () => {
    expect(roleOfSheetName('应收账款')).toBe('invoices');
    expect(roleOfSheetName('receivables')).toBe('invoices');
    expect(roleOfSheetName('Sheet1')).toBeUndefined();
    expect(Object.keys(SHEETS).sort()).toEqual([...ROLES].sort());
  });
});

describe('phone', () => {
  test.each([
    ['13812345678', true],
    ['138 1234 5678', true],
    ['+86 138-1234-5678', true],
    ['010-12345678', true],
    ['0755-1234567', true],
    ['075512345678', true],
    ['021-87654321-123', true],
    ['+1 415 555 0100', true],
    ['+44 20 7946 0958', true],
    ['12812345678', false],
    ['1381234567', false],
    ['12345', false],
    ['0755-123', false],
    ['abc', false],
    ['', false],
  ])('%s → %s', (p, ok) => expect(isValidPhone(p)).toBe(ok));

  test('phoneKey ignores formatting and the +86 prefix of mobiles', () => {
    expect(phoneKey('+86 138-1234-5678')).toBe(phoneKey('13812345678'));
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  test('a published code validates; its check character is recomputed', () => {
    // Tencent Technology (Shenzhen) Co., Ltd., a public registration
    expect(isValidTaxId('9144030071526726XG')).toBe(true);
    expect(taxIdCheckChar('9144030071526726X')).toBe('G');
    expect(isValidTaxId('91110000802100433B')).toBe(true);
    expect(isValidTaxId(' 9144030071526726xg ')).toBe(true);
  });
  test('problems are told apart', () => {
    expect(taxIdProblem('9144030071526726X')).toBe('length');
    expect(taxIdProblem('9144030071526726XI')).toBe('format');
    expect(taxIdProblem('9144030071526726XA')).toBe('checksum');
  });
  test('hand check: weights 1,3,9,… mod 31', () => {
    // 17 zeros → sum 0 → check (31-0)%31 = 0 → '0'
    expect(taxIdCheckChar('00000000000000000')).toBe('0');
    // '1' then zeros → sum 1 → 30 → 'Y'
    expect(taxIdCheckChar('10000000000000000')).toBe('Y');
  });
});

describe('text safety', () => {
  test('formula-looking and reinterpretable text gets an apostrophe, plain text does not', () => {
    expect(looksLikeFormula('=HYPERLINK("x")')).toBe(true);
    expect(guardText('=1+1')).toBe("'=1+1");
    expect(guardText('+8613812345678')).toBe("'+8613812345678");
    expect(guardText('0000611365')).toBe("'0000611365");
    expect(guardText('@foo')).toBe("'@foo");
    expect(guardText('-5')).toBe("'-5");
    expect(guardText('TRUE')).toBe("'TRUE");
    expect(guardText('Acme 公司')).toBe('Acme 公司');
  });
});
