// Default reminder e-mail templates, one per kind and language. They are written into the Settings sheet at setup
// so a finance team can reword them; placeholders in braces are filled by render.ts (values HTML-escaped there).
import type { Lang } from '../i18n';

export type TemplateKind = 'upcoming' | 'overdue' | 'final';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['upcoming', 'overdue', 'final'];

export function templateKey(kind: TemplateKind, lang: Lang, part: 'subject' | 'body'): string {
  return `reminders.template.${kind}.${lang}.${part}`;
}

/** The segments that may reword their reminders (PRODUCT §14); settings spell high-risk as highRisk. */
export const TEMPLATE_SEGMENTS = ['vip', 'high-risk'] as const;
export type TemplateSegment = (typeof TEMPLATE_SEGMENTS)[number];

/** e.g. reminders.template.overdue.highRisk.zh-CN.subject; empty = the general template of that kind. */
export function segmentTemplateKey(
  seg: TemplateSegment,
  lang: Lang,
  part: 'subject' | 'body',
  kind: TemplateKind = 'overdue',
): string {
  return `reminders.template.${kind}.${seg === 'vip' ? 'vip' : 'highRisk'}.${lang}.${part}`;
}

type Defaults = Record<TemplateKind, Record<Lang, { subject: string; body: string }>>;

export const DEFAULT_TEMPLATES: Defaults = {
  upcoming: {
    'zh-CN': {
      subject: '{company}：付款提醒，{count} 笔账款即将到期',
      body: '{customer}，您好：\n\n以下账款即将到期，请留意按时付款：\n\n{invoices}\n\n合计应付：{total}\n\n{payment}\n\n如您已安排付款，请忽略本邮件。\n\n{signature}',
    },
    en: {
      subject: '{company}: payment reminder — {invoiceCount} due soon',
      body: 'Dear {customer},\n\nThis is a friendly reminder of {invoiceCount} coming due soon:\n\n{invoices}\n\nTotal due: {total}\n\n{payment}\n\nIf payment is already on its way, please disregard this message.\n\nKind regards,\n{signature}',
    },
  },
  overdue: {
    'zh-CN': {
      subject: '{company}：逾期付款提醒，{count} 笔账款，最长逾期 {daysOverdue} 天',
      body: '{customer}，您好：\n\n截至今日，以下账款已逾期未付：\n\n{invoices}\n\n逾期合计：{total}\n\n{payment}\n\n请尽快安排付款；如有疑问，请回复本邮件与我们联系。\n\n{signature}',
    },
    en: {
      subject: '{company}: overdue payment — {invoiceCount}, up to {daysLate} late',
      body: 'Dear {customer},\n\nOur records show {invoiceCount} past due:\n\n{invoices}\n\nTotal overdue: {total}\n\n{payment}\n\nPlease arrange payment as soon as possible, or reply to this e-mail if you have any questions.\n\nKind regards,\n{signature}',
    },
  },
  final: {
    'zh-CN': {
      subject: '{company}：最终催款通知，逾期合计 {total}',
      body: '{customer}，您好：\n\n这是关于以下逾期账款的最终通知，最长已逾期 {daysOverdue} 天：\n\n{invoices}\n\n逾期合计：{total}\n\n{payment}\n\n请立即安排付款。如仍未收到款项，我们将采取进一步措施。\n\n{signature}',
    },
    en: {
      subject: '{company}: FINAL NOTICE — {total} overdue',
      body: 'Dear {customer},\n\nThis is a final notice about {invoiceCount} overdue, the oldest {daysLate} late:\n\n{invoices}\n\nTotal overdue: {total}\n\n{payment}\n\nPlease arrange payment immediately. If we do not receive payment, we will have to take further steps.\n\nKind regards,\n{signature}',
    },
  },
};
