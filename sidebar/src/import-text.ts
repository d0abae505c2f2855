// The import view's own labels in both languages (kept apart from i18n.ts so the import does not contend for the
// shared catalogue). Field names come from the workbook schema through the server's preview.
import { type Catalog, t } from '../../src/domain/i18n';
import { lang } from './i18n';

export const IMPORT_UI = {
  title: { 'zh-CN': '导入数据', en: 'Import data' },
  sourceCard: { 'zh-CN': '1. 来源', en: '1. Source' },
  sourceSheet: { 'zh-CN': '工作表标签名称', en: 'Tab name' },
  sourceHint: {
    'zh-CN': '先用 Google 表格的“文件 → 导入”把 Excel/CSV 导入为新标签，再在此填写标签名称。',
    en: 'Bring an Excel or CSV file in first with File → Import as a new tab, then enter the tab’s name here.',
  },
  target: { 'zh-CN': '导入到', en: 'Import into' },
  customers: { 'zh-CN': '客户', en: 'Customers' },
  invoices: { 'zh-CN': '应收账款', en: 'Receivables' },
  payments: { 'zh-CN': '回款', en: 'Payments' },
  interactions: { 'zh-CN': '服务记录', en: 'Interactions' },
  dedupe: { 'zh-CN': '与已有记录重复时', en: 'When a row matches an existing record' },
  skip: { 'zh-CN': '跳过', en: 'Skip it' },
  update: { 'zh-CN': '用导入的值更新', en: 'Update it with the imported values' },
  create: { 'zh-CN': '仍然新建', en: 'Create a new record anyway' },
  dedupeHint: {
    'zh-CN': '客户按统一社会信用代码、邮箱、电话、名称判断重复；单据按编号。',
    en: 'Customers match by tax ID, e-mail, phone or name; invoices by their ID.',
  },
  dateOrder: { 'zh-CN': '05/01/2024 这类日期表示', en: 'Dates like 05/01/2024 mean' },
  dmy: { 'zh-CN': '日/月/年：即 2024年1月5日', en: 'day/month/year: 5 January 2024' },
  mdy: { 'zh-CN': '月/日/年（美式）：即 2024年5月1日', en: 'month/day/year (US): May 1, 2024' },
  preview: { 'zh-CN': '预览', en: 'Preview' },
  previewing: { 'zh-CN': '正在读取并检查…', en: 'Reading and checking…' },
  mappingCard: { 'zh-CN': '2. 列对应', en: '2. Column mapping' },
  mappingHint: {
    'zh-CN': '已按标题自动对应，可逐项更正；更正后点“重新预览”。下次导入同一来源时会记住。',
    en: 'Matched by header text; correct any field and click “Preview again”. Remembered for this source next time.',
  },
  remembered: { 'zh-CN': '已沿用上次对此来源的列对应。', en: 'Using the mapping remembered for this source.' },
  notImported: { 'zh-CN': '（不导入）', en: '(not imported)' },
  previewAgain: { 'zh-CN': '重新预览', en: 'Preview again' },
  previewCard: { 'zh-CN': '3. 预览', en: '3. Preview' },
  counted: { 'zh-CN': '共 {total} 行数据。', en: '{total} data rows.' },
  created: { 'zh-CN': '新增', en: 'New' },
  updated: { 'zh-CN': '更新', en: 'Updated' },
  skipped: { 'zh-CN': '跳过', en: 'Skipped' },
  rejected: { 'zh-CN': '拒绝', en: 'Rejected' },
  firstRows: { 'zh-CN': '前 {n} 行（按保存后的样子显示）', en: 'First {n} rows, as they will be saved' },
  row: { 'zh-CN': '第 {n} 行', en: 'Row {n}' },
  new: { 'zh-CN': '新增', en: 'New' },
  reject: { 'zh-CN': '拒绝', en: 'Rejected' },
  run: { 'zh-CN': '开始导入', en: 'Import' },
  running: { 'zh-CN': '正在导入…', en: 'Importing…' },
  resultCard: { 'zh-CN': '4. 结果', en: '4. Result' },
  nothingToImport: { 'zh-CN': '没有可导入的行。', en: 'There are no rows to import.' },
  failed: {
    'zh-CN': '导入中断：{msg}。已导入的部分已保存；再次点击“开始导入”会从中断处继续。',
    en: 'The import stopped: {msg}. What was imported is saved; click “Import” again to continue where it stopped.',
  },
  done: { 'zh-CN': '完成', en: 'Done' },
  sourceKind: { 'zh-CN': '数据来源', en: 'Data comes from' },
  kindSheet: { 'zh-CN': '本表格中的另一个标签', en: 'Another tab of this spreadsheet' },
  kindFile: { 'zh-CN': 'CSV 或 Excel (XLSX) 文件', en: 'A CSV or Excel (XLSX) file' },
  file: { 'zh-CN': '选择文件', en: 'Choose a file' },
  fileHint: {
    'zh-CN':
      '文件在浏览器中读取，只有表格内容会发送。CSV 支持 UTF-8（含 BOM）和 GBK 编码；XLSX 读取与“导入到”同名的工作表，没有则读取第一个。',
    en: 'The file is read in your browser; only the table is sent. CSV in UTF-8 (with or without BOM) or GBK; XLSX: the sheet named like “Import into”, else the first.',
  },
  fileRead: {
    'zh-CN': '已读取 {name}：{rows} 行数据，{cols} 列。',
    en: 'Read {name}: {rows} data rows, {cols} columns.',
  },
  fileNone: { 'zh-CN': '请先选择文件。', en: 'Choose a file first.' },
  fileEmpty: {
    'zh-CN': '文件是空的：第一行应为标题，下面是数据行。未导入任何内容。',
    en: 'The file is empty: the first row must be headers, with data rows below. Nothing was imported.',
  },
  fileBinary: {
    'zh-CN': '这不是 CSV 或 XLSX 文件（内容是二进制数据）。请在 Excel 中“另存为” CSV 或 XLSX 后重试。未导入任何内容。',
    en: 'This is not a CSV or XLSX file (its content is binary). Save it as CSV or XLSX from Excel and try again. Nothing was imported.',
  },
  fileTooLarge: {
    'zh-CN':
      '文件大于 {mb} MB，无法在侧边栏中读取。请拆分文件，或用“文件 → 导入”导入为标签后从标签导入。未导入任何内容。',
    en: 'The file is larger than {mb} MB and cannot be read in the sidebar. Split it, or bring it in with File → Import as a tab and import from the tab. Nothing was imported.',
  },
  fileEncoding: {
    'zh-CN':
      '无法识别文件编码（只支持 UTF-8 和 GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。未导入任何内容。',
    en: 'The file’s encoding is not supported (UTF-8 and GBK only). Save it from Excel as “CSV UTF-8 (comma delimited)” and try again. Nothing was imported.',
  },
  fileXlsx: {
    'zh-CN': '无法读取这个 XLSX 文件（文件损坏或不是 Excel 工作簿）。请在 Excel 中重新保存后重试。未导入任何内容。',
    en: 'This XLSX file cannot be read (damaged, or not an Excel workbook). Save it again from Excel and try again. Nothing was imported.',
  },
  fileMerged: {
    'zh-CN': '标题行中有合并的单元格，部分列因此没有标题。请取消合并并为每列填写标题后重试。未导入任何内容。',
    en: 'The header row has merged cells, so some columns have no header. Unmerge them, give every column its own header and try again. Nothing was imported.',
  },
  exportCard: { 'zh-CN': '导出', en: 'Export' },
  exportWhat: { 'zh-CN': '导出内容', en: 'What to export' },
  exportAll: { 'zh-CN': '全部工作表', en: 'Every sheet' },
  exportFormat: { 'zh-CN': '格式', en: 'Format' },
  xlsx: { 'zh-CN': 'Excel 工作簿 (XLSX)', en: 'Excel workbook (XLSX)' },
  csv: { 'zh-CN': 'CSV（UTF-8）', en: 'CSV (UTF-8)' },
  exportHint: {
    'zh-CN':
      '文件在浏览器中生成并下载；多个工作表导出为 CSV 时打包为 ZIP。导出的 XLSX 可用上面的“导入”恢复（按工作表名称对应）。',
    en: 'The file is made in your browser and downloaded; several sheets as CSV come in one ZIP. An exported XLSX can be restored with the import above (sheets matched by name).',
  },
  export: { 'zh-CN': '导出', en: 'Export' },
  exporting: { 'zh-CN': '正在导出…', en: 'Exporting…' },
  exported: { 'zh-CN': '已生成 {file}（{rows} 行）。', en: 'Made {file} ({rows} rows).' },
  fileTitle: { 'zh-CN': '客户台账', en: 'Customer-Ledger' },
  countedPart: {
    'zh-CN': '统计与预览基于前 {n} 行；导入时全部检查。',
    en: 'Counts and preview cover the first {n} rows; every row is checked when importing.',
  },
} satisfies Catalog;

export function ti(key: keyof typeof IMPORT_UI, params?: Record<string, string | number>): string {
  return t(lang(), IMPORT_UI[key], params);
}
