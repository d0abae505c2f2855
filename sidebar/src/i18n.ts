// The sidebar's own labels in both languages. Field labels and enum labels come from the workbook schema
// (src/domain/schema.ts) so the form and the sheet always name a field the same way.
import { type Catalog, type Lang, t } from '../../src/domain/i18n';

export const UI = {
  title: { 'zh-CN': '客户台账', en: 'Customer Ledger' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  back: { 'zh-CN': '返回', en: 'Back' },
  searchPlaceholder: {
    'zh-CN': '搜索客户：名称、编号、电话、邮箱、联系人、税号、单据号',
    en: 'Search: name, ID, phone, e-mail, contact, tax ID, invoice no.',
  },
  noResults: { 'zh-CN': '没有匹配的客户', en: 'No matching customers' },
  customersCount: { 'zh-CN': '共 {n} 位客户', en: '{n} customers' },
  quickActions: { 'zh-CN': '快捷操作', en: 'Quick actions' },
  newCustomer: { 'zh-CN': '新建客户', en: 'New customer' },
  newInvoice: { 'zh-CN': '新建应收', en: 'New invoice' },
  recordPayment: { 'zh-CN': '登记回款', en: 'Record payment' },
  logInteraction: { 'zh-CN': '服务记录', en: 'Log interaction' },
  editCustomer: { 'zh-CN': '编辑客户', en: 'Edit customer' },
  reminders: { 'zh-CN': '自动催收', en: 'Reminders' },
  remindersOn: { 'zh-CN': '已开启', en: 'On' },
  remindersOff: { 'zh-CN': '未开启', en: 'Off' },
  preview: { 'zh-CN': '预览今日催收', en: 'Preview today’s reminders' },
  previewTitle: { 'zh-CN': '催收预览', en: 'Reminder preview' },
  previewSends: { 'zh-CN': '将发送', en: 'Would send' },
  previewSkips: { 'zh-CN': '跳过及原因', en: 'Skipped, with reasons' },
  save: { 'zh-CN': '保存', en: 'Save' },
  saving: { 'zh-CN': '正在保存…', en: 'Saving…' },
  saveAnyway: { 'zh-CN': '仍然保存', en: 'Save anyway' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  customer: { 'zh-CN': '客户', en: 'Customer' },
  pickCustomer: { 'zh-CN': '输入名称或编号选择客户', en: 'Type a name or ID to pick a customer' },
  change: { 'zh-CN': '更换', en: 'Change' },
  invoice: { 'zh-CN': '单据', en: 'Invoice' },
  pickInvoice: { 'zh-CN': '请选择未结清单据', en: 'Choose an open invoice' },
  noOpenInvoices: { 'zh-CN': '该客户没有未结清的单据', en: 'This customer has no open invoices' },
  invoiceOption: { 'zh-CN': '{id} · 到期 {due} · 未收 {out}', en: '{id} · due {due} · owes {out}' },
  optional: { 'zh-CN': '（选填，留空自动生成）', en: '(optional; generated if empty)' },
  dueDefault: { 'zh-CN': '默认：开票日 + 账期 {n} 天', en: 'Default: issue date + {n} days terms' },
  creditWarning: {
    'zh-CN': '超出信用额度：应收余额 {out} + 本单 {amount} > 额度 {limit}',
    en: 'Over the credit limit: outstanding {out} + this invoice {amount} > limit {limit}',
  },
  overpay: { 'zh-CN': '金额不能超过未收金额 {out}', en: 'The amount cannot exceed the outstanding {out}' },
  duplicateOf: { 'zh-CN': '相同{rule}：', en: 'Same {rule}: ' },
  ruleTaxId: { 'zh-CN': '统一社会信用代码', en: 'tax ID' },
  ruleEmail: { 'zh-CN': '邮箱', en: 'e-mail' },
  rulePhone: { 'zh-CN': '电话', en: 'phone' },
  ruleName: { 'zh-CN': '名称', en: 'name' },
  fixFields: {
    'zh-CN': '有 {n} 处需要修改，请按提示更正。',
    en: '{n} field(s) need attention; correct them as shown.',
  },
  serverError: {
    'zh-CN': '服务器出错，未保存：{msg}。您的输入已保留，请稍后再次点击保存；如持续失败，请关闭并重新打开侧边栏。',
    en: 'Server error, nothing was saved: {msg}. Your input is kept; click Save again in a moment. If it keeps failing, close and reopen the sidebar.',
  },
  loadError: { 'zh-CN': '加载失败：{msg}', en: 'Could not load: {msg}' },
  retry: { 'zh-CN': '重试', en: 'Retry' },
  score: { 'zh-CN': '信用评分', en: 'Score' },
  grade: { 'zh-CN': '等级', en: 'Grade' },
  reasons: { 'zh-CN': '评分原因', en: 'Score reasons' },
  outstanding: { 'zh-CN': '应收余额', en: 'Outstanding' },
  overdue: { 'zh-CN': '逾期金额', en: 'Overdue' },
  oldestOverdue: { 'zh-CN': '最长逾期', en: 'Oldest overdue' },
  days: { 'zh-CN': '{n} 天', en: '{n} days' },
  creditLimit: { 'zh-CN': '信用额度', en: 'Credit limit' },
  noLimit: { 'zh-CN': '无', en: 'None' },
  aging: { 'zh-CN': '账龄', en: 'Aging' },
  openInvoices: { 'zh-CN': '未结清单据', en: 'Open invoices' },
  recentPayments: { 'zh-CN': '最近回款', en: 'Recent payments' },
  interactions: { 'zh-CN': '服务记录', en: 'Interactions' },
  reminderHistory: { 'zh-CN': '催收记录', en: 'Reminder history' },
  none: { 'zh-CN': '暂无', en: 'None' },
  pause: { 'zh-CN': '暂停催收', en: 'Pause reminders' },
  resume: { 'zh-CN': '恢复催收', en: 'Resume reminders' },
  paused: { 'zh-CN': '催收已暂停', en: 'Reminders paused' },
  notFound: { 'zh-CN': '找不到客户 {id}', en: 'Customer {id} not found' },
  due: { 'zh-CN': '到期 {d}', en: 'due {d}' },
  daysLate: { 'zh-CN': '逾期 {n} 天', en: '{n} days late' },
  settings: { 'zh-CN': '设置', en: 'Settings' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  binsUpper: { 'zh-CN': '上限（含）', en: 'Up to (incl.)' },
  binsPoints: { 'zh-CN': '分数', en: 'Points' },
  binsAbove: { 'zh-CN': '以上', en: 'Above' },
  binsAdd: { 'zh-CN': '＋ 添加一档', en: '+ Add a row' },
  binsRemove: { 'zh-CN': '删除此档', en: 'Remove this row' },
  settingMissing: { 'zh-CN': '表中尚无此行，显示的是默认值。', en: 'Not in the sheet yet; the default is shown.' },
  chatTest: { 'zh-CN': '发送测试消息', en: 'Send a test message' },
  chatTesting: { 'zh-CN': '正在发送…', en: 'Sending…' },
  chatTestHint: {
    'zh-CN': '使用已保存的机器人设置；消息不含任何台账数据。',
    en: 'Uses the saved robot settings; the message carries no ledger data.',
  },
  backtest: { 'zh-CN': '评分回测', en: 'Score backtest' },
  backtestCutoff: { 'zh-CN': '回测截止日', en: 'Backtest cut-off' },
  backtestHint: {
    'zh-CN': '按当日已知数据评分，再看其后开具的单据是否逾期。留空则用最近一个观察期已完整的日期。',
    en: 'Customers are scored from what was known that day, then compared with how later invoices were paid. Leave empty for the latest fully observed day.',
  },
  backtestRun: { 'zh-CN': '运行回测', en: 'Run backtest' },
  backtestGrades: { 'zh-CN': '各等级逾期率（单据）', en: 'Late rate by grade (invoices)' },
  backtestCustomers: { 'zh-CN': '客户级视图', en: 'Customer-level view' },
  recommendation: { 'zh-CN': '建议额度与账期', en: 'Recommended limit and terms' },
  recommendedLimit: { 'zh-CN': '建议信用额度', en: 'Recommended limit' },
  recommendedTerms: { 'zh-CN': '建议账期', en: 'Recommended terms' },
  prepayment: { 'zh-CN': '预付款', en: 'Prepayment' },
  approve: { 'zh-CN': '批准', en: 'Approve' },
  sendStatement: { 'zh-CN': '发送对账单', en: 'Send statement' },
  sendConfirmation: { 'zh-CN': '发送询证函', en: 'Send balance confirmation' },
  searchMore: {
    'zh-CN': '显示前 {shown} 条，共 {total} 条；请输入更多字词缩小范围',
    en: 'Showing the first {shown} of {total}; type more to narrow the search',
  },
  invoiceHit: { 'zh-CN': '单据 {id}', en: 'Invoice {id}' },
  taxIdHit: { 'zh-CN': '税号 {id}', en: 'Tax ID {id}' },
  outstandingLabel: { 'zh-CN': '未收金额', en: 'Outstanding' },
  dueOverdue: { 'zh-CN': '到期 {due} · 已逾期 {n} 天', en: 'due {due} · {n} days overdue' },
  dueOverdueOne: { 'zh-CN': '到期 {due} · 已逾期 1 天', en: 'due {due} · 1 day overdue' },
} satisfies Catalog;

export type UiKey = keyof typeof UI;

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function tr(key: UiKey, params?: Record<string, string | number>): string {
  return t(current, UI[key], params);
}
