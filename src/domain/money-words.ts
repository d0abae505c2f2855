// The amount in Chinese capitals (金额大写) as printed on final notices, statements and confirmation letters.
// Rules followed: 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》:
//  - digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿 and 元角分, "人民币" written right before the amount;
//  - an amount ending at 元 is followed by 整; after 角 整 may be left out (we leave it out, as the rule's own
//    example "¥1409.50 → 人民币壹仟肆佰零玖元伍角"); after 分 never 整;
//  - a 0 between digits is written 零, several 0 in a row as one 零; when the 元 digit is 0 (or 0s run up to it)
//    and the 角 digit is not, 零 may be written or not: we write it ("¥1680.32 → 壹仟陆佰捌拾元零叁角贰分");
//  - tens start with 壹: "¥16.00 → 壹拾陆元整", "¥107000.53 → 壹拾万柒仟元零伍角叁分".
// Pure, no Intl: runs in the bare Apps Script V8 context.
import type { Cents } from './money';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const IN_SECTION = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];
/** 9,999亿9,999万9,999元99分: beyond this a section unit would be needed that the rules do not show (万亿). */
export const MAX_WORDS_CENTS = 999_999_999_999_99;

/** The capitals without the currency word: 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分. RangeError outside 0…MAX. */
export function amountInChineseWords(cents: Cents): string {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_WORDS_CENTS)
    throw new RangeError(`amount out of range for 金额大写: ${cents}`);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  let out = yuan > 0 ? `${integerWords(yuan)}元` : '';
  if (jiao === 0 && fen === 0) return `${out || '零元'}整`;
  if (yuan > 0 && (jiao === 0 || yuan % 10 === 0)) out += '零';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return out;
}

// The same capitals in Traditional script (as a Hong Kong or Taiwan reader writes 人民幣 amounts).
const TRADITIONAL: Readonly<Record<string, string>> = { 贰: '貳', 叁: '參', 陆: '陸', 万: '萬', 亿: '億' };

/**
 * With the currency word, as on a 人民币 document: 人民币壹万贰仟叁佰肆拾伍元陆角柒分; in Traditional script
 * (`traditional`) 人民幣壹萬貳仟參佰肆拾伍元陸角柒分.
 */
export function rmbInWords(cents: Cents, traditional = false): string {
  const words = `人民币${amountInChineseWords(cents)}`;
  return traditional ? words.replace(/[贰叁陆万亿币]/g, (c) => (c === '币' ? '幣' : TRADITIONAL[c])) : words;
}

/** 1 ≤ n < 10^12, whole yuan. */
function integerWords(n: number): string {
  const sections: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10000)) sections.push(v % 10000);
  let out = '';
  let zero = false;
  for (let s = sections.length - 1; s >= 0; s--) {
    const sec = sections[s];
    if (sec === 0) {
      zero = out !== '';
      continue;
    }
    // A section below 1000 after a higher one: the thousands place is a 0 between digits (10,0500 → 壹拾万零伍佰).
    if (out !== '' && sec < 1000) zero = true;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(sec / 10 ** p) % 10;
      if (d === 0) {
        if (out !== '') zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d] + IN_SECTION[p];
    }
    // Zeros at the end of a section stand before its unit (壹拾万柒仟), not between digits.
    out += SECTIONS[s];
    zero = false;
  }
  return out;
}
