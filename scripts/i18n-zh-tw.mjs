// Drafts Traditional Chinese (Taiwan / Hong Kong finance usage) from a Simplified text: OpenCC's phrase-level
// conversion with Taiwan idioms (cn → twp: 信息 → 資訊, 默认 → 預設), then the terms a Taiwanese or Hong Kong
// finance user writes differently from that conversion. A draft, reviewed by a person in src/i18n/zh-TW.ts.
import OpenCC from 'opencc-js';

const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });

// After conversion: [what OpenCC wrote, what a TW/HK finance team writes]. Order matters (longer first).
export const TERMS = [
  ['臺賬', '台帳'],
  ['賬', '帳'], // 應收帳款, 帳期, 對帳單, 帳戶: Taiwan writes 帳 in accounting terms
  ['統一社會信用程式碼', '統一社會信用代碼'],
  ['程式碼', '代碼'], // "代码" here is always an identifier (tax id, currency code), never program code
  ['郵箱', '電子郵件'],
  ['回複', '回覆'],
  ['天后', '天後'],
  ['合同', '合約'],
  ['保存', '儲存'],
  ['發件人', '寄件者'],
  ['收件人', '收件者'],
  ['工作簿', '試算表'], // Google Sheets calls a file 試算表 in Traditional Chinese
  ['用戶', '使用者'],
  ['短信', '簡訊'],
  ['應收單據', '應收發票'],
  ['單據', '發票'], // the receivable document: 發票 in Taiwan and Hong Kong usage
  ['菜單', '選單'],
  ['數據', '資料'],
  ['在線', '線上'],
  ['回撥', '回電'],
  ['“', '「'], // Taiwan and Hong Kong quote with corner brackets
  ['”', '」'],
  ['‘', '『'],
  ['’', '』'],
];

export function toTraditional(simplified) {
  let s = convert(simplified);
  for (const [from, to] of TERMS) s = s.split(from).join(to);
  return s;
}

// `node scripts/i18n-zh-tw.mjs --all` redrafts every entry of src/i18n/zh-TW.ts from zh-CN (overwrites reviewed
// wording: use it only when the terms table changed, then review the diff); `--key K` redrafts one entry.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { join, dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { readCatalogue, writeCatalogue } = await import('./i18n-catalogue.mjs');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const zh = readCatalogue(join(root, 'src/i18n/zh-CN.ts'));
  const tw = readCatalogue(join(root, 'src/i18n/zh-TW.ts'));
  const all = process.argv.includes('--all');
  const one = process.argv[process.argv.indexOf('--key') + 1];
  const out = new Map();
  for (const [k, v] of zh) out.set(k, all || k === one || !tw.has(k) ? toTraditional(v) : tw.get(k));
  writeCatalogue(join(root, 'src/i18n/zh-TW.ts'), 'zh-TW', out);
  console.log(`zh-TW: ${out.size} entries${all ? ' redrafted' : ''}`);
}
