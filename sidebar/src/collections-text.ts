// Texts of the customer 360's collections actions, the timeline and the split-receipt form (issue #16 part A), in
// their own catalog so parallel work on the shared UI catalog (i18n.ts) does not collide.
import { type Catalog, t } from '../../src/domain/i18n';
import { lang } from './i18n';

export const COLLECTIONS_UI = {
  // Short: four actions share one line of a 300 px sidebar under each invoice.
  pay: { 'zh-CN': '登记回款', en: 'Payment' },
  dispute: { 'zh-CN': '标记争议', en: 'Dispute' },
  clearDispute: { 'zh-CN': '解除争议', en: 'Clear dispute' },
  promise: { 'zh-CN': '承诺付款', en: 'Promise' },
  writeOff: { 'zh-CN': '核销', en: 'Write off' },
  promiseDate: { 'zh-CN': '承诺付款日', en: 'Promised date' },
  confirm: { 'zh-CN': '确认', en: 'Confirm' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  confirmWriteOff: {
    'zh-CN': '确认核销单据 {id}？未收 {amount} 将不再计入应收。',
    en: 'Write off invoice {id}? Its outstanding {amount} will no longer count as receivable.',
  },
  promisedUntil: { 'zh-CN': '承诺 {d} 付款', en: 'promised by {d}' },
  resolve: { 'zh-CN': '标记已解决', en: 'Resolve' },
  resolution: { 'zh-CN': '处理结果', en: 'Resolution' },
  resolvedOn: { 'zh-CN': '{d} 已解决：{text}', en: 'Resolved {d}: {text}' },
  contact: { 'zh-CN': '联系方式', en: 'Contact details' },
  contactName: { 'zh-CN': '联系人', en: 'Contact' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '邮箱', en: 'E-mail' },
  manager: { 'zh-CN': '客户经理', en: 'Account manager' },
  timeline: { 'zh-CN': '催收时间线', en: 'Reminder timeline' },
  planned: { 'zh-CN': '计划', en: 'Planned' },
  sent: { 'zh-CN': '已发生', en: 'Done' },
  nothingPlanned: {
    'zh-CN': '近 60 天内没有计划发送的催收。',
    en: 'No reminder is planned in the next 60 days.',
  },
  receipt: { 'zh-CN': '一笔回款分配多张单据', en: 'Split a receipt' },
  receiptTitle: { 'zh-CN': '登记收款（多张单据）', en: 'Receipt across invoices' },
  receiptAmount: { 'zh-CN': '收款金额', en: 'Receipt amount' },
  allocation: { 'zh-CN': '分配方式', en: 'Allocation' },
  oldestFirst: { 'zh-CN': '按到期日从早到晚', en: 'Oldest due first' },
  chosen: { 'zh-CN': '手动填写各单据金额', en: 'Amounts I choose' },
  owes: { 'zh-CN': '未收 {out}', en: 'owes {out}' },
  allocated: { 'zh-CN': '已分配 {sum} / {amount}', en: 'Allocated {sum} of {amount}' },
  totalOpen: { 'zh-CN': '未结清合计 {out}', en: 'Total outstanding {out}' },
  overTotal: {
    'zh-CN': '收款金额超过未结清合计 {out}。',
    en: 'The receipt is more than the total outstanding {out}.',
  },
  noOpen: { 'zh-CN': '该客户没有未结清的单据。', en: 'This customer has no open invoices.' },
  dueOn: { 'zh-CN': '到期 {d}', en: 'due {d}' },
} satisfies Catalog;

export function tc(key: keyof typeof COLLECTIONS_UI, params?: Record<string, string | number>): string {
  return t(lang(), COLLECTIONS_UI[key], params);
}
