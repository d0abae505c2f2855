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
  // Spreadsheet and finance words OpenCC leaves in mainland or programming usage (review of the first draft).
  ['合併併', '合併並'],
  ['併發送', '並傳送'],
  ['單元格', '儲存格'],
  ['型別', '類型'], // 类型 → 型別 is the programming "type"
  ['引數', '參數'],
  ['模板', '範本'],
  ['反饋', '回饋'],
  ['幣種', '幣別'],
  ['表格所有者', '試算表擁有者'],
  ['所有者', '擁有者'],
  ['Google 表格', 'Google 試算表'],
  ['本表格中', '本試算表中'],
  ['表格時區', '試算表時區'],
  ['（見表格）', '（見試算表）'],
  ['工作表標籤名稱', '工作表名稱'],
  ['標籤', '工作表'], // a sheet tab is a 工作表 in Google Sheets zh-TW
  ['生成', '產生'],
  ['審批', '核准'],
  ['批准', '核准'],
  ['刷新', '重新整理'],
  ['源資料', '來源資料'],
  ['文本', '文字'],
  ['二進位制', '二進位'],
  ['周', '週'], // a week; 應收帳款周轉天數 keeps 周轉
  ['週轉', '周轉'],
  ['渠道', '管道'],
  ['座機', '市話'],
  ['發送', '傳送'],
  ['新建', '新增'],
  ['貴司', '貴公司'],
  ['我司', '本公司'],
  ['自然日', '日曆日'],
  ['調休上班日', '補班日'],
  ['法定節假日', '國定假日'],
  ['節假日', '假日'],
  ['中國工作日曆', '中國大陸工作日曆'],
  ['落款', '署名'],
  ['收款單位', '收款戶名'],
  ['校驗值', '檢核值'],
  ['校驗位', '檢查碼'],
  ['校驗', '驗證'],
  ['群聊', '群組'],
  ['群機器人', '群組機器人'],
  ['群訊息', '群組訊息'],
  ['群提醒', '群組提醒'],
  ['Webhook 地址', 'Webhook 網址'],
  ['機器人地址', '機器人網址'],
  ['開具', '開立'],
  ['出錯', '發生錯誤'],
  ['出現問題', '發生問題'],
  ['短橫線', '連字號'],
  ['當前', '目前'],
  ['本地', '本機'],
  ['閾值', '門檻'],
  ['正文', '內文'],
  ['主題', '主旨'], // an e-mail's subject line
  ['匹配', '符合'],
  ['快捷', '快速'],
  ['暫無', '尚無'],
  ['儘快', '盡快'],
  ['抄送', '副本'],
  ['定時任務', '排程作業'],
  ['分佈', '分布'],
  ['本單', '本張發票'],
  ['最終通知', '最後通知'],
  ['未分配', '未指派'],
  ['注：', '註：'],
  ['已有', '既有'],
  ['設定項', '設定項目'],
  ['單個值', '單一值'],
  ['始終是', '一律為'],
  ['核銷', '沖銷'], // writing off a bad debt: 呆帳沖銷
  ['另存為', '另存新檔'],
  ['擴充套件程式', '擴充功能'], // the Google Sheets menu
  ['發件箱', '寄件備份'],
  ['只支援', '僅支援'],
  ['Excel 試算表', 'Excel 活頁簿'], // an Excel file is a 活頁簿; 試算表 is the Google Sheets file
  ['「匯入」恢復', '「匯入」還原'],
  ['恢復方法', '還原方式'],
  ['待核實', '待確認'],
  ['更新人', '更新者'],
  ['合作時長', '合作期間'],
];

// Mainland 行 is a row and 列 a column; Taiwan and Hong Kong (and Google Sheets / Excel in zh-TW) say 列 for a row
// and 欄 for a column. Words where 行 or 列 mean something else are kept.
const KEEP = [
  '執行',
  '銀行',
  '行業',
  '進行',
  '可多行',
  '發行',
  '自行',
  '行為',
  '行動',
  '運行',
  '另行',
  '列出',
  '列表',
  '各列一次',
];

export function rowsAndColumns(s) {
  const held = [];
  for (const w of KEEP) s = s.split(w).join(`\uE000${held.push(w) - 1}\uE001`);
  s = s.replace(/列/g, '欄').replace(/行/g, '列');
  return s.replace(/\uE000(\d+)\uE001/g, (_, i) => held[Number(i)]);
}

export function toTraditional(simplified) {
  let s = rowsAndColumns(convert(simplified));
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
