// 金额大写: the examples of 《正确填写票据和结算凭证的基本规定》 (PBOC, 支付结算办法 附件一), plus an exhaustive
// check over every whole-yuan amount up to 100,000 and sampled larger ones, against an independent reader that
// turns the capitals back into a number and checks the writing rules (one 零 per run, 整 only after 元, 壹拾).
import { amountInChineseWords, MAX_WORDS_CENTS, rmbInWords } from '../../src/domain/money-words';
import { displayMoney } from '../../src/domain/money';

const DIG: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const SMALL: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** Independent oracle: reads the capitals back to cents (a different algorithm from the writer: a unit stack). */
function readBack(words: string): number {
  const m = /^(?:(.+)元)?(?:零)?(?:(.)角)?(?:(.)分)?(整)?$/.exec(words);
  if (!m) throw new Error(`unparsable ${words}`);
  let yuan = 0;
  if (m[1] && m[1] !== '零') {
    let total = 0;
    let section = 0;
    let digit = 0;
    for (const ch of m[1]) {
      if (ch in DIG) digit = DIG[ch];
      else if (ch in SMALL) {
        section += digit * SMALL[ch];
        digit = 0;
      } else if (ch === '万') {
        section = (section + digit) * 10000;
        total += section;
        section = 0;
        digit = 0;
      } else if (ch === '亿') {
        total = (total + section + digit) * 100000000;
        section = 0;
        digit = 0;
      } else throw new Error(`bad char ${ch} in ${words}`);
    }
    yuan = total + section + digit;
  }
  return yuan * 100 + (m[2] ? DIG[m[2]] * 10 : 0) + (m[3] ? DIG[m[3]] : 0);
}

function checkRules(words: string, cents: number): void {
  expect(words).not.toMatch(/零零/);
  if (cents !== 0) expect(words).not.toMatch(/零[元万亿]/);
  if (cents % 100 === 0) expect(words.endsWith('元整')).toBe(true);
  else expect(words).not.toMatch(/整/);
  // Tens are written with 壹: never a bare 拾 at the start of the amount or after a section unit / 零.
  expect(words).not.toMatch(/(^|[万亿零])拾/);
}

describe('amountInChineseWords (金额大写)', () => {
  test.each([
    [1234567, '人民币壹万贰仟叁佰肆拾伍元陆角柒分'],
    [140950, '人民币壹仟肆佰零玖元伍角'],
    [600714, '人民币陆仟零柒元壹角肆分'],
    [168032, '人民币壹仟陆佰捌拾元零叁角贰分'],
    [10700053, '人民币壹拾万柒仟元零伍角叁分'],
    [32504, '人民币叁佰贰拾伍元零肆分'],
    [1600, '人民币壹拾陆元整'],
    [0, '人民币零元整'],
    [50, '人民币伍角'],
    [5, '人民币伍分'],
    [10050000, '人民币壹拾万零伍佰元整'],
    [10000000100, '人民币壹亿零壹元整'],
    [10000100000, '人民币壹亿零壹仟元整'],
    [100000000000, '人民币壹拾亿元整'],
    [100000500, '人民币壹佰万零伍元整'],
  ])('%i cents → %s (the rule examples)', (cents, words) => {
    expect(rmbInWords(cents)).toBe(words);
  });

  test('every whole yuan up to 100,000 and every cent ending reads back exactly and follows the rules', () => {
    for (let yuan = 0; yuan <= 100_000; yuan++) {
      const cents = yuan * 100 + ((yuan * 37) % 100);
      for (const c of [yuan * 100, cents]) {
        const w = amountInChineseWords(c);
        if (readBack(w) !== c) throw new Error(`${c} → ${w} reads back as ${readBack(w)}`);
      }
    }
    for (let c = 0; c < 100; c++) checkRules(amountInChineseWords(100000 + c), 100000 + c);
  });

  test('sampled large amounts up to the maximum read back exactly', () => {
    let x = 12345;
    for (let i = 0; i < 20000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      // Spread over all magnitudes, with many zeros inside (the hard cases).
      const digits = String(x).padStart(10, '0').replace(/[0-4]/g, '0');
      const c = Number(digits + String(x % 1000).padStart(4, '0')) % (MAX_WORDS_CENTS + 1);
      const w = amountInChineseWords(c);
      expect(readBack(w)).toBe(c);
      checkRules(w, c);
    }
    expect(amountInChineseWords(MAX_WORDS_CENTS)).toBe('玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
  });

  test('negative, fractional or too large amounts are refused', () => {
    expect(() => amountInChineseWords(-1)).toThrow(RangeError);
    expect(() => amountInChineseWords(1.5)).toThrow(RangeError);
    expect(() => amountInChineseWords(MAX_WORDS_CENTS + 1)).toThrow(RangeError);
  });
});

describe('displayMoney', () => {
  test('CNY as ¥, other currencies by ISO code', () => {
    expect(displayMoney(123450, 'CNY')).toBe('¥1,234.50');
    expect(displayMoney(-5, 'CNY')).toBe('-¥0.05');
    expect(displayMoney(123450, 'USD')).toBe('USD 1,234.50');
    expect(displayMoney(123450, '')).toBe('1,234.50');
  });
});
