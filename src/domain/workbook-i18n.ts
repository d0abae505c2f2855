// Texts of the workbook feature (validation, table access, setup, refresh, onEdit, audit, menus) in both languages.
// `{field}` is the column header in the reader's language, so every message names the field and the rule.
import type { Catalog } from './i18n';

export const VALIDATION = {
  required: { 'zh-CN': '{field}：必填', en: '{field} is required' },
  email: { 'zh-CN': '{field}：邮箱格式不正确', en: '{field} must be a valid e-mail address' },
  phone: {
    'zh-CN': '{field}：电话格式不正确（手机 11 位、座机带区号如 010-12345678、400/800 服务号码，或 + 开头的国际号码）',
    en: '{field} must be a CN mobile (11 digits), a landline with area code (e.g. 010-12345678), a 400/800 service number or a +international number',
  },
  taxIdLength: { 'zh-CN': '{field}：统一社会信用代码应为 18 位', en: '{field} must have 18 characters' },
  taxIdFormat: {
    'zh-CN': '{field}：统一社会信用代码含无效字符',
    en: '{field} contains characters a unified social credit code cannot have',
  },
  taxIdChecksum: { 'zh-CN': '{field}：统一社会信用代码校验位不正确', en: '{field}: the check character is wrong' },
  date: { 'zh-CN': '{field}：请输入有效日期（yyyy-MM-dd）', en: '{field} must be a valid date (yyyy-MM-dd)' },
  datePast: { 'zh-CN': '{field}：必须早于今天', en: '{field} must be in the past' },
  dateNotFuture: { 'zh-CN': '{field}：不能晚于今天', en: '{field} cannot be in the future' },
  dueBeforeIssue: { 'zh-CN': '{field}：不能早于开票日期', en: '{field} cannot be before the issue date' },
  money: { 'zh-CN': '{field}：请输入金额（最多两位小数）', en: '{field} must be an amount with at most two decimals' },
  moneyPositive: { 'zh-CN': '{field}：必须大于 0', en: '{field} must be greater than 0' },
  moneyNonNegative: { 'zh-CN': '{field}：不能为负数', en: '{field} cannot be negative' },
  integer: { 'zh-CN': '{field}：必须是整数', en: '{field} must be a whole number' },
  range: { 'zh-CN': '{field}：必须在 {min} 到 {max} 之间', en: '{field} must be between {min} and {max}' },
  enum: { 'zh-CN': '{field}：请选择以下之一：{options}', en: '{field} must be one of: {options}' },
  tooLong: { 'zh-CN': '{field}：不能超过 {max} 个字符', en: '{field} must be at most {max} characters' },
  currency: { 'zh-CN': '{field}：应为 3 位货币代码，如 CNY', en: '{field} must be a 3-letter currency code, e.g. CNY' },
  checkbox: { 'zh-CN': '{field}：应为勾选或不勾选', en: '{field} must be checked or unchecked' },
  notText: { 'zh-CN': '{field}：应为文本', en: '{field} must be text' },
  decimal: { 'zh-CN': '{field}：必须是数字，如 65 或 1.25', en: '{field} must be a number, e.g. 65 or 1.25' },
} satisfies Catalog;

export const TABLE = {
  missingColumn: {
    'zh-CN': '工作表“{sheet}”缺少必需的列“{column}”。请运行菜单“设置 / 修复工作簿”。',
    en: 'Sheet "{sheet}" is missing the required column "{column}". Please run Set up / repair workbook.',
  },
  missingSheet: {
    'zh-CN': '找不到工作表“{sheet}”。请运行菜单“设置 / 修复工作簿”。',
    en: 'Sheet "{sheet}" was not found. Please run Set up / repair workbook.',
  },
  badCell: { 'zh-CN': '第 {row} 行：{message}', en: 'Row {row}: {message}' },
  duplicateId: {
    'zh-CN': '{field} {id} 与第 {rows} 行重复：重复的行都不计入（回款也不会记到其中任何一行），请改正或删除多余的行',
    en: '{field} {id} is also used on row {rows}: none of these rows is counted (no payment goes to either) until the duplicate is corrected or removed',
  },
} satisfies Catalog;

export type ValidationRule = keyof typeof VALIDATION;

/** Hover help of the in-sheet validation rules. */
export const HELP = {
  email: { 'zh-CN': '请输入有效的邮箱地址', en: 'Enter a valid e-mail address' },
  range: { 'zh-CN': '请输入 {min} 到 {max} 之间的整数', en: 'Enter a whole number from {min} to {max}' },
  phone: {
    'zh-CN': '手机 11 位、座机带区号（如 010-12345678）、400/800 服务号码，或 + 开头的国际号码',
    en: 'CN mobile (11 digits), landline with area code (e.g. 010-12345678), 400/800 service number or +international',
  },
  taxId: {
    'zh-CN': '18 位统一社会信用代码（校验位须正确）',
    en: '18-character unified social credit code (check character verified)',
  },
  list: { 'zh-CN': '请从下拉列表中选择：{values}', en: 'Choose one of: {values}' },
  date: { 'zh-CN': '请输入有效日期，如 2026-03-31', en: 'Enter a valid date, e.g. 2026-03-31' },
  money: {
    'zh-CN': '请输入不小于 0 的金额（最多两位小数）',
    en: 'Enter an amount of 0 or more (at most two decimals)',
  },
  checkbox: { 'zh-CN': '勾选表示“是”', en: 'Tick for yes' },
} satisfies Catalog;

export const SETUP = {
  title: { 'zh-CN': '客户台账', en: 'Customer Ledger' },
  started: { 'zh-CN': '正在设置工作簿…', en: 'Setting up the workbook…' },
  progress: { 'zh-CN': '已处理 {done}/{total} 个工作表…', en: '{done} of {total} sheets done…' },
  summary: {
    'zh-CN': '工作簿已就绪。新建工作表：{created}；补充列：{columns}；新增设置项：{settings}。未修改任何已有数据。',
    en: 'The workbook is ready. Sheets created: {created}; columns added: {columns}; settings added: {settings}. No existing data was changed.',
  },
  none: { 'zh-CN': '无', en: 'none' },
} satisfies Catalog;

export const REFRESH = {
  unknownCustomer: {
    'zh-CN': '客户编号“{id}”在客户表中不存在',
    en: 'Customer ID "{id}" does not exist in the customers sheet',
  },
  unknownInvoice: {
    'zh-CN': '单据编号“{id}”在应收账款表中不存在',
    en: 'Invoice ID "{id}" does not exist in the receivables sheet',
  },
  title: { 'zh-CN': '刷新台账', en: 'Refresh ledger' },
  started: { 'zh-CN': '正在读取客户、应收与回款…', en: 'Reading customers, receivables and payments…' },
  writing: {
    'zh-CN': '正在写入：{invoices} 张单据、{customers} 位客户有变化',
    en: 'Writing: {invoices} invoices and {customers} customers changed',
  },
  summary: {
    'zh-CN':
      '台账已刷新（截至 {asOf}）：{invoices} 张单据（{invoicesChanged} 张有变化），{customers} 位客户（{customersChanged} 位有变化）。',
    en: 'Ledger refreshed as of {asOf}: {invoices} invoices ({invoicesChanged} changed), {customers} customers ({customersChanged} changed).',
  },
  skipped: {
    'zh-CN': '有 {count} 行数据有误，已跳过：',
    en: '{count} rows have invalid values and were skipped:',
  },
  issueLine: { 'zh-CN': '{sheet} 第 {row} 行：{message}', en: '{sheet} row {row}: {message}' },
  duplicateCustomer: {
    'zh-CN': '客户编号“{id}”在客户表中出现在多行，改正前不计入',
    en: 'Customer ID "{id}" is on several rows of the customers sheet; not counted until corrected',
  },
  duplicateInvoice: {
    'zh-CN': '单据编号“{id}”在应收账款表中出现在多行，改正前此回款不计入任何一行',
    en: 'Invoice ID "{id}" is on several rows of the receivables sheet; this payment goes to neither until corrected',
  },
} satisfies Catalog;

export const EDIT = {
  note: { 'zh-CN': '客户台账：{message}', en: 'Customer Ledger: {message}' },
  rangeSummary: {
    'zh-CN': '批量修改 {a1}：{rows} 行 × {cols} 列',
    en: 'Range edit {a1}: {rows} rows × {cols} columns',
  },
} satisfies Catalog;

/** Add-on menu captions, by the Apps Script function each item runs (PRODUCT.md §8). */
export const MENU = {
  showSidebar: { 'zh-CN': '打开侧边栏', en: 'Open sidebar' },
  setupWorkbook: { 'zh-CN': '设置 / 修复工作簿', en: 'Set up / repair workbook' },
  refreshLedger: { 'zh-CN': '刷新台账', en: 'Refresh ledger' },
  rescoreCustomers: { 'zh-CN': '重新评分客户', en: 'Rescore customers' },
  runBacktest: { 'zh-CN': '评分回测', en: 'Run backtest' },
  previewReminders: { 'zh-CN': '预览催收提醒', en: 'Preview reminders' },
  runRemindersNow: { 'zh-CN': '立即运行催收', en: 'Run reminders now' },
  enableDailyReminders: { 'zh-CN': '开启每日催收', en: 'Enable daily reminders' },
  disableDailyReminders: { 'zh-CN': '关闭每日催收', en: 'Disable daily reminders' },
  verifyAuditLog: { 'zh-CN': '校验操作日志', en: 'Verify audit log' },
  buildReports: { 'zh-CN': '生成报表', en: 'Build reports' },
  showImport: { 'zh-CN': '导入数据', en: 'Import data' },
  enableWeeklyBackup: { 'zh-CN': '开启每周备份邮件', en: 'Enable weekly backup e-mail' },
  disableWeeklyBackup: { 'zh-CN': '关闭每周备份邮件', en: 'Disable weekly backup e-mail' },
} satisfies Catalog;

export const UI = {
  title: { 'zh-CN': '客户台账', en: 'Customer Ledger' },
  failed: { 'zh-CN': '“{action}”未能完成：{message}', en: '"{action}" could not finish: {message}' },
  auditOk: {
    'zh-CN': '操作日志完整：{rows} 行记录的校验值全部吻合。',
    en: 'The audit log is intact: all {rows} rows match their hashes.',
  },
  auditBroken: {
    'zh-CN': '操作日志第 {row} 行被修改、插入或删除过（共 {rows} 行）。该行及之后的校验值不再吻合。',
    en: 'Row {row} of the audit log was altered, inserted or deleted ({rows} rows). Hashes from that row on no longer match.',
  },
  sidebarTitle: { 'zh-CN': '客户台账', en: 'Customer Ledger' },
  auditAltered: {
    'zh-CN': '操作日志第 {row} 行的内容被修改过（共 {rows} 行）。',
    en: 'Row {row} of the audit log was altered ({rows} rows).',
  },
  auditMissing: {
    'zh-CN': '操作日志第 {row} 行之前有 {count} 行记录被删除（共 {rows} 行）。',
    en: '{count} row(s) of the audit log were deleted just before row {row} ({rows} rows).',
  },
  auditInserted: {
    'zh-CN': '操作日志第 {row} 行不是本插件写入的，是后来插入的（共 {rows} 行）。',
    en: 'Row {row} of the audit log was inserted by hand, not written by the add-on ({rows} rows).',
  },
  auditTruncated: {
    'zh-CN': '操作日志末尾有 {count} 行记录被删除：应有 {expected} 行，现只有 {rows} 行。',
    en: '{count} row(s) were removed from the end of the audit log: it should have {expected} rows, it has {rows}.',
  },
  auditTruncatedOld: {
    'zh-CN': '操作日志末尾的记录被删除过（现有 {rows} 行）。',
    en: 'Rows were removed from the end of the audit log ({rows} rows remain).',
  },
} satisfies Catalog;
