// Every text of the reminder feature a person reads (e-mails, digests, skip reasons, status lines), zh-CN and en.
import { type Catalog, type Lang, t } from '../i18n';
import { daysText } from './mail-blocks';

export type SkipReason =
  | 'paid'
  | 'written-off'
  | 'disputed'
  | 'promised'
  | 'paused'
  | 'inactive'
  | 'no-email'
  | 'invalid-email'
  | 'below-minimum'
  | 'no-customer'
  | 'superseded'
  | 'duplicate-id'
  | 'pending-approval';

export const SKIP_TEXT: Catalog<SkipReason> = {
  paid: { 'zh-CN': '已结清', en: 'Paid' },
  'written-off': { 'zh-CN': '已核销', en: 'Written off' },
  disputed: { 'zh-CN': '争议中', en: 'Disputed' },
  promised: { 'zh-CN': '已承诺付款（承诺日前不催收）', en: 'Payment promised (no reminder until the promise date)' },
  paused: { 'zh-CN': '客户已暂停催收', en: 'Reminders paused for this customer' },
  inactive: { 'zh-CN': '客户已停用', en: 'Customer inactive' },
  'no-email': { 'zh-CN': '客户没有邮箱', en: 'Customer has no e-mail address' },
  'invalid-email': { 'zh-CN': '客户邮箱无效', en: 'Customer e-mail address is invalid' },
  'below-minimum': { 'zh-CN': '未收金额低于催收下限', en: 'Outstanding below the minimum to chase' },
  'no-customer': { 'zh-CN': '找不到客户', en: 'Customer not found' },
  superseded: { 'zh-CN': '已被更高阶段取代', en: 'Superseded by a later stage' },
  'duplicate-id': {
    'zh-CN': '编号重复（单据、客户或回款编号在多行出现），改正前不催收',
    en: 'Duplicate ID (the invoice, customer or payment ID is on several rows); no reminder until corrected',
  },
  'pending-approval': { 'zh-CN': '待审批（批准前不催收）', en: 'Pending approval (no reminders until approved)' },
};

export const TX = {
  // Signs e-mails while the Settings sheet has no company name yet (subjects would read "【】…" otherwise).
  companyFallback: { 'zh-CN': '财务部', en: 'Accounts Receivable' },
  colInvoice: { 'zh-CN': '单据编号', en: 'Invoice' },
  colContract: { 'zh-CN': '合同编号', en: 'Contract' },
  colProject: { 'zh-CN': '项目', en: 'Project' },
  colDue: { 'zh-CN': '到期日', en: 'Due date' },
  colAmount: { 'zh-CN': '金额', en: 'Amount' },
  colOutstanding: { 'zh-CN': '未收金额', en: 'Outstanding' },
  colDays: { 'zh-CN': '逾期天数', en: 'Days overdue' },
  colStage: { 'zh-CN': '阶段', en: 'Stage' },
  colCustomer: { 'zh-CN': '客户', en: 'Customer' },
  // {n} is a day count with its unit ("1 day", "7 days", "7 天"): see daysText.
  stageBefore: { 'zh-CN': '到期前 {n}', en: '{n} before due' },
  stageDueDay: { 'zh-CN': '到期日', en: 'Due date' },
  stageOverdue: { 'zh-CN': '逾期 {n}', en: '{n} overdue' },
  stageFinal: { 'zh-CN': '最终通知（逾期 {n}）', en: 'Final notice ({n} overdue)' },
  digestSubject: {
    'zh-CN': '【{company}】逾期账款日报 {day}：{count} 位客户，逾期 {total}',
    en: '{company}: overdue digest {day} — {count} customer(s), {total} overdue',
  },
  digestIntro: {
    'zh-CN': '截至 {day}，您负责的客户中有以下逾期账款：',
    en: 'As of {day}, these receivables of your customers are overdue:',
  },
  digestIntroFinance: {
    'zh-CN': '截至 {day}，全部逾期账款如下：',
    en: 'As of {day}, all overdue receivables:',
  },
  digestMore: {
    'zh-CN': '……另有 {n} 笔逾期账款未列出（见表格）。',
    en: '…and {n} more overdue invoice(s), not listed here (see the sheet).',
  },
  digestNone: { 'zh-CN': '没有逾期账款。', en: 'Nothing is overdue.' },
  digestSent: {
    'zh-CN': '今日发出催收邮件 {sent} 封，跳过 {skipped} 笔，延后 {deferred} 封。',
    en: "Today's run sent {sent} reminder(s), skipped {skipped} invoice(s), deferred {deferred}.",
  },
  alertsTitle: { 'zh-CN': '异常提醒', en: 'Alerts' },
  alertOverLimit: {
    'zh-CN': '{customer}：应收余额 {outstanding} 超过信用额度 {limit}',
    en: '{customer}: outstanding {outstanding} is over the credit limit {limit}',
  },
  alertVeryOverdue: {
    'zh-CN': '{customer}：单据 {invoice} 已逾期 {days} 天（{outstanding}）',
    en: '{customer}: invoice {invoice} is {days} days overdue ({outstanding})',
  },
  alertGradeDrop: {
    'zh-CN': '{customer}：信用等级由 {from} 降至 {to}',
    en: '{customer}: credit grade dropped from {from} to {to}',
  },
  lastStageNone: { 'zh-CN': '未催收', en: 'not reminded' },
  alertHighRiskReview: {
    'zh-CN': '{customer}：高风险客户，请复核（{reason}）',
    en: '{customer}: high-risk customer to review ({reason})',
  },
  alertHighRiskReviewPlain: {
    'zh-CN': '{customer}：高风险客户，请复核',
    en: '{customer}: high-risk customer to review',
  },
  // Covers "逾期 33 天" and "今日到期" alike: the upcoming section is not overdue.
  colStatus: { 'zh-CN': '到期情况', en: 'Status' },
  totalRow: { 'zh-CN': '合计', en: 'Total' },
  sectionOverdue: { 'zh-CN': '已逾期账款', en: 'Overdue invoices' },
  sectionUpcoming: { 'zh-CN': '即将到期账款', en: 'Invoices coming due' },
  amountInWords: { 'zh-CN': '合计金额（大写）：', en: 'Amount in words: ' },
  colContractProject: { 'zh-CN': '合同 / 项目', en: 'Contract / project' },
} as const satisfies Catalog;

export function tx(lang: Lang, key: keyof typeof TX, params?: Record<string, string | number>): string {
  return t(lang, TX[key], params);
}

/** "7 days overdue", "Final notice (30 days overdue)", "3 days before due". */
export function stageLabel(lang: Lang, stage: number, isFinal: boolean): string {
  if (stage < 0) return tx(lang, 'stageBefore', { n: daysText(lang, -stage) });
  if (stage === 0) return tx(lang, 'stageDueDay');
  return tx(lang, isFinal ? 'stageFinal' : 'stageOverdue', { n: daysText(lang, stage) });
}

/** The company name e-mails are signed with: the setting, or a neutral localized fallback while it is blank. */
export function companyOrFallback(companyName: string, lang: Lang): string {
  return companyName.trim() || tx(lang, 'companyFallback');
}
