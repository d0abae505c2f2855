// Reminder settings (rows of the Settings sheet) and their parser. Bad values typed into the sheet fall back to the
// defaults instead of stopping the daily run: a finance team must not lose a day of reminders to a typo.
import { parseCalendarSettings, type StageDays } from '../calendar/settings';
import { isLang, type Lang } from '../i18n';
import { type Cents, parseMoney } from '../money';
import type { SettingDef, SettingsMap } from '../settings-def';
import {
  DEFAULT_TEMPLATES,
  segmentTemplateKey,
  TEMPLATE_KINDS,
  TEMPLATE_SEGMENTS,
  type TemplateKind,
  type TemplateSegment,
  templateKey,
} from './templates';

export const REMINDER_KEYS = {
  hour: 'reminders.hour',
  stages: 'reminders.stages',
  graceDays: 'reminders.graceDays',
  minAmount: 'reminders.minAmount',
  escalationStage: 'reminders.escalationStage',
  senderName: 'reminders.senderName',
  replyTo: 'reminders.replyTo',
  financeRecipients: 'reminders.financeRecipients',
  digestLanguage: 'reminders.digestLanguage',
  anomalyDaysOverdue: 'reminders.anomaly.daysOverdue',
  stagesVip: 'reminders.stages.vip',
  stagesHighRisk: 'reminders.stages.highRisk',
  payee: 'reminders.payment.payee',
  bank: 'reminders.payment.bank',
  bankAccount: 'reminders.payment.account',
  signature: 'reminders.signature',
  statementDay: 'reminders.statementDay',
} as const;

/**
 * Keys owned by the workbook settings (company name, admins, currency). Read here with several spellings so the
 * reminders keep working whichever key the workbook feature settles on.
 */
export const SHARED_KEYS = {
  companyName: ['companyName', 'company.name', 'company'],
  admins: ['adminEmails', 'admins', 'admin.emails'],
  currency: ['defaultCurrency', 'currency.default', 'currency'],
  /** The scoring feature's "grade change worth an alert" step count. */
  gradeDrop: ['scoring.gradeChangeAlertSteps'],
} as const;

const D = (key: string, defaultValue: string, zh: string, en: string): SettingDef => ({
  key,
  defaultValue,
  description: { 'zh-CN': zh, en },
});

const KIND_ZH: Record<TemplateKind, string> = { upcoming: '即将到期', overdue: '逾期', final: '最终通知' };

const TEMPLATE_SETTINGS: SettingDef[] = TEMPLATE_KINDS.flatMap((kind) =>
  (['zh-CN', 'en'] as const).flatMap((lang) =>
    (['subject', 'body'] as const).map((part) =>
      D(
        templateKey(kind, lang, part),
        DEFAULT_TEMPLATES[kind][lang][part],
        `催收邮件模板（${KIND_ZH[kind]}，${lang === 'en' ? '英文' : '中文'}，${part === 'subject' ? '主题' : '正文'}）。占位符：{customer} {contact} {company} {invoices} {total} {daysOverdue} {count} {stage} {manager} {invoiceCount} {daysLate} {payment} {signature}`,
        `Reminder template (${kind}, ${lang}, ${part}). Placeholders: {customer} {contact} {company} {invoices} {total} {daysOverdue} {count} {stage} {manager} {invoiceCount} {daysLate} {payment} {signature}`,
      ),
    ),
  ),
);

const SEGMENT_ZH: Record<TemplateSegment, string> = { vip: 'VIP 客户', 'high-risk': '高风险客户' };
const SEGMENT_TEMPLATE_SETTINGS: SettingDef[] = TEMPLATE_SEGMENTS.flatMap((seg) =>
  (['zh-CN', 'en'] as const).flatMap((lang) =>
    (['subject', 'body'] as const).map((part) =>
      D(
        segmentTemplateKey(seg, lang, part),
        '',
        `${SEGMENT_ZH[seg]}的逾期催收模板（${lang === 'en' ? '英文' : '中文'}，${part === 'subject' ? '主题' : '正文'}），留空则用通用逾期模板。占位符同上`,
        `Overdue reminder template for ${seg === 'vip' ? 'VIP' : 'high-risk'} customers (${lang}, ${part}); empty = the general overdue template. Same placeholders`,
      ),
    ),
  ),
);

export const REMINDER_SETTINGS: SettingDef[] = [
  D(
    REMINDER_KEYS.hour,
    '9',
    '每日催收的时间（0–23 点，表格时区）',
    'Hour of the daily reminder run (0–23, spreadsheet time zone)',
  ),
  D(
    REMINDER_KEYS.stages,
    '-3,1,7,15,30',
    '催收阶段：相对到期日的天数，负数为到期前；最大者为最终通知',
    'Reminder stages: days relative to the due date (negative = before); the largest is the final notice',
  ),
  D(REMINDER_KEYS.graceDays, '0', '宽限天数：逾期阶段推迟的天数', 'Grace days added before each overdue stage'),
  D(REMINDER_KEYS.minAmount, '0', '催收最低未收金额（低于此额不催收）', 'Minimum outstanding amount to chase'),
  D(
    REMINDER_KEYS.escalationStage,
    '15',
    '升级阶段：从此阶段起抄送客户经理',
    'Escalation stage: from this stage on the account manager is in cc',
  ),
  D(REMINDER_KEYS.senderName, '', '发件人名称（留空则用公司名称）', 'Sender name (blank = company name)'),
  D(REMINDER_KEYS.replyTo, '', '回复地址（留空则回复给发送账号）', 'Reply-to address (blank = the sending account)'),
  D(
    REMINDER_KEYS.financeRecipients,
    '',
    '财务汇总邮件收件人（逗号分隔）',
    'Finance digest recipients (comma-separated)',
  ),
  D(
    REMINDER_KEYS.digestLanguage,
    'zh-CN',
    '内部汇总邮件语言（zh-CN 或 en）',
    'Language of internal digests (zh-CN or en)',
  ),
  D(REMINDER_KEYS.anomalyDaysOverdue, '90', '异常提醒：逾期天数阈值', 'Anomaly alert: days overdue threshold'),
  ...TEMPLATE_SETTINGS,
  ...SEGMENT_TEMPLATE_SETTINGS,
  D(
    REMINDER_KEYS.stagesVip,
    '',
    'VIP 客户的催收阶段（留空则用通用催收阶段），例如「1,15,30,45」更温和、更晚',
    'Reminder stages for VIP customers (empty = the general reminder stages), e.g. "1,15,30,45": gentler and later',
  ),
  D(
    REMINDER_KEYS.stagesHighRisk,
    '',
    '高风险客户的催收阶段（留空则用通用催收阶段），例如「-7,-1,1,5,10,20」更早、更紧',
    'Reminder stages for high-risk customers (empty = the general reminder stages), e.g. "-7,-1,1,5,10,20": earlier and firmer',
  ),
  D(
    REMINDER_KEYS.payee,
    '',
    // Named by the field itself: the settings view takes the name from the text before the first bracket or colon.
    '收款单位（付款信息，显示在催收邮件和对账单上）',
    'Payee (payment details shown on reminders and statements)',
  ),
  D(REMINDER_KEYS.bank, '', '开户银行（付款信息）', 'Bank (payment details)'),
  D(REMINDER_KEYS.bankAccount, '', '银行账号（付款信息）', 'Account number (payment details)'),
  D(
    REMINDER_KEYS.signature,
    '',
    '邮件落款（可多行；留空则用公司名称）',
    'E-mail signature (may span lines; blank = the company name)',
  ),
  D(
    REMINDER_KEYS.statementDay,
    '0',
    '月度对账单发送日（1–28；0 = 每月第一个工作日）',
    'Monthly statement day (1–28; 0 = the month’s first working day)',
  ),
];

export interface Template {
  subject: string;
  body: string;
}

export interface ReminderConfig {
  hour: number;
  /** Sorted ascending, unique. Non-positive stages are "upcoming", the largest positive one is the final notice. */
  stages: number[];
  graceDays: number;
  minAmount: Cents;
  escalationStage: number;
  senderName: string;
  replyTo: string;
  financeRecipients: string[];
  digestLang: Lang;
  companyName: string;
  currency: string;
  admins: string[];
  anomalyDaysOverdue: number;
  anomalyGradeDrop: number;
  templates: Record<TemplateKind, Record<Lang, Template>>;
  /** Follow the mainland China working-day calendar (PRODUCT.md §15); absent = off. */
  cnWorkdays?: boolean;
  /** Whether stage offsets count calendar or working days; absent = calendar. */
  stageDays?: StageDays;
  /** Overdue templates for VIP and high-risk customers (PRODUCT §14); null = the general overdue template. */
  segmentTemplates: Record<TemplateSegment, Record<Lang, Template | null>>;
  /** Stages for VIP and high-risk customers (PRODUCT §14); null = the general `stages`. */
  segmentStages: { vip: number[] | null; 'high-risk': number[] | null };
  /** Payment instructions printed on customer e-mails (blank parts are left out). */
  payment: { payee: string; bank: string; account: string };
  /** Sign-off of customer e-mails; blank = the company name. */
  signature: string;
  /** Day of the month the monthly statements go (1–28); 0 = the month's first working day. */
  statementDay: number;
}

export const DEFAULT_STAGES = [-3, 1, 7, 15, 30];

/** Reads the reminder configuration from the settings map; every unusable value falls back to its default. */
export function parseReminderSettings(map: SettingsMap): ReminderConfig {
  const get = (key: string) => (map[key] ?? '').trim();
  const stages = parseStages(get(REMINDER_KEYS.stages));
  const templates = {} as Record<TemplateKind, Record<Lang, Template>>;
  for (const kind of TEMPLATE_KINDS) {
    const byLang = {} as Record<Lang, Template>;
    for (const lang of ['zh-CN', 'en'] as const) {
      const subject = get(templateKey(kind, lang, 'subject'));
      const body = (map[templateKey(kind, lang, 'body')] ?? '').trim();
      byLang[lang] = {
        subject: subject || DEFAULT_TEMPLATES[kind][lang].subject,
        body: body || DEFAULT_TEMPLATES[kind][lang].body,
      };
    }
    templates[kind] = byLang;
  }
  const digestLang = get(REMINDER_KEYS.digestLanguage);
  return {
    hour: intIn(get(REMINDER_KEYS.hour), 0, 23, 9),
    stages,
    graceDays: intIn(get(REMINDER_KEYS.graceDays), 0, 365, 0),
    minAmount: Math.max(0, parseMoney(get(REMINDER_KEYS.minAmount)) ?? 0),
    escalationStage: intIn(get(REMINDER_KEYS.escalationStage), -365, 3650, 15),
    senderName: get(REMINDER_KEYS.senderName),
    replyTo: get(REMINDER_KEYS.replyTo),
    financeRecipients: splitEmails(get(REMINDER_KEYS.financeRecipients)),
    digestLang: isLang(digestLang) ? digestLang : 'zh-CN',
    companyName: firstOf(map, SHARED_KEYS.companyName),
    currency: firstOf(map, SHARED_KEYS.currency) || 'CNY',
    admins: splitEmails(firstOf(map, SHARED_KEYS.admins)).map((e) => e.toLowerCase()),
    anomalyDaysOverdue: intIn(get(REMINDER_KEYS.anomalyDaysOverdue), 1, 3650, 90),
    anomalyGradeDrop: intIn(firstOf(map, SHARED_KEYS.gradeDrop), 1, 8, 2),
    templates,
    ...parseCalendarSettings(map),
    segmentTemplates: segmentTemplates(map, templates.overdue),
    segmentStages: {
      vip: parseSegmentStages(get(REMINDER_KEYS.stagesVip)),
      'high-risk': parseSegmentStages(get(REMINDER_KEYS.stagesHighRisk)),
    },
    payment: {
      payee: get(REMINDER_KEYS.payee),
      bank: get(REMINDER_KEYS.bank),
      account: get(REMINDER_KEYS.bankAccount),
    },
    signature: (map[REMINDER_KEYS.signature] ?? '').trim(),
    statementDay: intIn(get(REMINDER_KEYS.statementDay), 0, 28, 0),
  };
}

function segmentTemplates(
  map: SettingsMap,
  overdue: Record<Lang, Template>,
): Record<TemplateSegment, Record<Lang, Template | null>> {
  const out = {} as Record<TemplateSegment, Record<Lang, Template | null>>;
  for (const seg of TEMPLATE_SEGMENTS) {
    const byLang = {} as Record<Lang, Template | null>;
    for (const lang of ['zh-CN', 'en'] as const) {
      const subject = (map[segmentTemplateKey(seg, lang, 'subject')] ?? '').trim();
      const body = (map[segmentTemplateKey(seg, lang, 'body')] ?? '').trim();
      const general = overdue[lang];
      // Either part may be reworded alone; the other comes from the general overdue template of the sheet.
      byLang[lang] = subject || body ? { subject: subject || general.subject, body: body || general.body } : null;
    }
    out[seg] = byLang;
  }
  return out;
}

/** A segment's own stages: empty (or unusable) = null, the general stages apply. */
function parseSegmentStages(text: string): number[] | null {
  const nums = text
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map((p) => Number(p));
  if (!nums.length || nums.some((n) => !Number.isInteger(n) || n < -365 || n > 3650)) return null;
  return [...new Set(nums)].sort((x, y) => x - y);
}

/** The stages that apply to a customer: its segment's own (manual override first), else the general ones. */
export function stagesFor(
  config: Pick<ReminderConfig, 'stages' | 'segmentStages'>,
  customer: { segment?: string; segmentOverride?: string } | undefined,
): number[] {
  const seg = customer?.segmentOverride || customer?.segment || '';
  const own = seg === 'vip' || seg === 'high-risk' ? config.segmentStages?.[seg] : null;
  return own ?? config.stages;
}

/** "-3, 1,7,15,30" → [-3, 1, 7, 15, 30]; anything unusable → the defaults. */
export function parseStages(text: string): number[] {
  const parts = text.split(/[,，;；\s]+/).filter(Boolean);
  const nums = parts.map((p) => Number(p));
  if (!nums.length || nums.some((n) => !Number.isInteger(n) || n < -365 || n > 3650)) return [...DEFAULT_STAGES];
  return [...new Set(nums)].sort((a, b) => a - b);
}

/** A list of addresses typed with commas, semicolons or spaces (either width). */
export function splitEmails(text: string): string[] {
  return text
    .split(/[,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@,;<>"()[\]]+@[^\s@,;<>"()[\]]+\.[^\s@,;<>"()[\]]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

function intIn(text: string, min: number, max: number, fallback: number): number {
  if (!/^-?\d+$/.test(text)) return fallback;
  const n = Number(text);
  return n >= min && n <= max ? n : fallback;
}

function firstOf(map: SettingsMap, keys: readonly string[]): string {
  for (const k of keys) {
    const v = (map[k] ?? '').trim();
    if (v) return v;
  }
  return '';
}
