// Server-side texts of the sidebar's use cases (save outcomes, warnings, problems), zh-CN and en. Each failure
// message says what happened AND what to do next, because the user's typed values stay in the form.
import type { Catalog } from '../domain/i18n';

export const SIDEBAR_TEXT = {
  validation: {
    'zh-CN': '有 {n} 处需要修改，请按字段提示更正后再保存。',
    en: '{n} field(s) need attention. Correct them as shown and save again.',
  },
  conflict: {
    'zh-CN':
      '保存被拒绝：该记录在您打开之后已被他人修改（{at} {by}）。您的输入仍在表单中；请复制需要的内容，重新打开记录后再修改。',
    en: 'Not saved: this record was changed by someone else after you opened it ({at} {by}). Your input is still in the form; copy what you need, reopen the record and edit again.',
  },
  busy: {
    'zh-CN': '其他用户正在保存，暂时无法写入。您的输入已保留，请稍等几秒后再次点击保存。',
    en: 'Another user is saving right now. Your input is kept; wait a few seconds and click Save again.',
  },
  notFoundCustomer: {
    'zh-CN': '找不到客户 {id}（可能已被删除）。请从搜索中重新选择客户。',
    en: 'Customer {id} was not found (it may have been deleted). Pick the customer again from search.',
  },
  notFoundInvoice: {
    'zh-CN': '找不到单据 {id}（可能已被删除或结清）。请重新选择单据。',
    en: 'Invoice {id} was not found (it may have been deleted or settled). Pick the invoice again.',
  },
  duplicate: {
    'zh-CN': '可能与已有客户重复。请先查看已有记录；确认不是同一客户后可点击“仍然保存”。',
    en: 'This may duplicate an existing customer. Check the existing record; if it is a different customer, click “Save anyway”.',
  },
  setup: {
    'zh-CN': '无法读取台账：{detail} 请在菜单中运行“设置 / 修复工作簿”后重试。',
    en: 'The ledger cannot be read: {detail} Run “Set up / repair workbook” from the menu and try again.',
  },
  savedCustomer: { 'zh-CN': '已保存客户 {id}。', en: 'Customer {id} saved.' },
  savedInvoice: { 'zh-CN': '已保存单据 {id}。', en: 'Invoice {id} saved.' },
  heldHighRisk: {
    'zh-CN': '客户为高风险，单据 {id} 已保存为“待审批”：管理员批准前不会催收。',
    en: 'The customer is high-risk: invoice {id} is saved as pending approval, with no reminders until an admin approves it.',
  },
  heldOverLimit: {
    'zh-CN': '超出信用额度，单据 {id} 已保存为“待审批”：管理员批准前不会催收。',
    en: 'Over the credit limit: invoice {id} is saved as pending approval, with no reminders until an admin approves it.',
  },
  approved: {
    'zh-CN': '单据 {id} 已批准，将按正常流程催收。',
    en: 'Invoice {id} approved; reminders follow the usual stages.',
  },
  notPending: {
    'zh-CN': '单据 {id} 不是待审批状态，无需批准。',
    en: 'Invoice {id} is not pending approval; nothing to approve.',
  },
  approveNotAdmin: {
    'zh-CN': '只有管理员可以批准单据（设置中的管理员或表格所有者）。',
    en: 'Only admins can approve invoices (the admins in Settings, or the spreadsheet owner).',
  },
  savedPayment: { 'zh-CN': '已登记回款 {id}。', en: 'Payment {id} recorded.' },
  settled: { 'zh-CN': '单据 {id} 已结清。', en: 'Invoice {id} is now settled.' },
  savedInteraction: { 'zh-CN': '已保存服务记录 {id}。', en: 'Interaction {id} saved.' },
  pausedOn: { 'zh-CN': '已暂停客户 {id} 的催收。', en: 'Reminders paused for {id}.' },
  pausedOff: { 'zh-CN': '已恢复客户 {id} 的催收。', en: 'Reminders resumed for {id}.' },
  creditWarning: {
    'zh-CN': '超出信用额度：应收余额 {outstanding} + 本单 {amount} > 额度 {limit}。',
    en: 'Over the credit limit: outstanding {outstanding} + this invoice {amount} > limit {limit}.',
  },
  overpayment: {
    'zh-CN': '回款金额超过单据未收金额 {outstanding}。请输入不超过未收金额的数值。',
    en: 'The amount exceeds the invoice’s outstanding {outstanding}. Enter at most the outstanding amount.',
  },
  invoiceClosed: {
    'zh-CN': '单据 {id} 已结清或已核销，不能再登记回款。',
    en: 'Invoice {id} is settled or written off; no payment can be recorded against it.',
  },
  customerInactive: {
    'zh-CN': '客户 {id} 已停用。',
    en: 'Customer {id} is inactive.',
  },
  duplicateInvoice: {
    'zh-CN': '单据编号 {id} 在应收账款表中出现在多行，改正前不能登记回款（回款不会记到其中任何一行）。',
    en: 'Invoice ID {id} is on several rows of the receivables sheet; no payment can be recorded against it until the duplicate is corrected.',
  },
} satisfies Catalog;

/** Texts of the settings view and its save (src/app/settings-view.ts, src/app/save-settings.ts). */
export const SETTINGS_TEXT = {
  groupCompany: { 'zh-CN': '公司与邮件', en: 'Company & e-mail' },
  groupWorkbook: { 'zh-CN': '工作簿', en: 'Workbook' },
  groupReminders: { 'zh-CN': '自动催收', en: 'Reminders' },
  groupScoring: { 'zh-CN': '信用评分', en: 'Credit scoring' },
  groupSegments: { 'zh-CN': '客户分类', en: 'Segments' },
  groupTemplates: { 'zh-CN': '催收邮件模板', en: 'Reminder e-mail templates' },
  groupOther: { 'zh-CN': '其他', en: 'Other' },
  groupChat: { 'zh-CN': '企业微信 / 钉钉群提醒', en: 'WeCom / DingTalk alerts' },
  notAdmin: {
    'zh-CN': '只有管理员可以修改设置（设置中的管理员或表格所有者）。您可以查看，但不能保存。',
    en: 'Only admins can change settings (the admins in Settings, or the spreadsheet owner). You can look but not save.',
  },
  conflict: {
    'zh-CN': '保存被拒绝：设置在您打开之后已被修改。您的输入仍在表单中；请复制需要的内容，重新打开设置后再修改。',
    en: 'Not saved: the settings were changed after you opened them. Your input is still in the form; copy what you need, reopen Settings and edit again.',
  },
  saved: { 'zh-CN': '已保存 {n} 项设置。', en: '{n} setting(s) saved.' },
  unchanged: { 'zh-CN': '没有修改，无需保存。', en: 'Nothing changed; nothing to save.' },
} satisfies Catalog;
