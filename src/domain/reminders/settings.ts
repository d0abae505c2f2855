// Reminder settings (rows of the Settings sheet) and their parser. Bad values typed into the sheet fall back to the
// defaults instead of stopping the daily run: a finance team must not lose a day of reminders to a typo.
import { parseCalendarSettings, type StageDays } from '../calendar/settings';
import { isLang, LANGS, type Lang, msg, perLang, type Text, t } from '../i18n';
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

const D = (key: string, defaultValue: string, description: Text): SettingDef => ({
  key,
  defaultValue,
  description,
});

const PLACEHOLDERS =
  '{customer} {contact} {company} {invoices} {total} {daysOverdue} {count} {stage} {manager} {invoiceCount} {daysLate} {payment} {signature}';

// The words the template settings' descriptions are made of (what the Settings sheet shows beside each template).
const TEMPLATE_TEXT = {
  kind: {
    upcoming: msg('reminders/settings.TEMPLATE_TEXT.kind.upcoming'),
    overdue: msg('reminders/settings.TEMPLATE_TEXT.kind.overdue'),
    final: msg('reminders/settings.TEMPLATE_TEXT.kind.final'),
  },
  lang: {
    'zh-CN': msg('reminders/settings.TEMPLATE_TEXT.lang.zh-CN'),
    'zh-TW': msg('reminders/settings.TEMPLATE_TEXT.lang.zh-TW'),
    en: msg('reminders/settings.TEMPLATE_TEXT.lang.en'),
  },
  part: {
    subject: msg('reminders/settings.TEMPLATE_TEXT.part.subject'),
    body: msg('reminders/settings.TEMPLATE_TEXT.part.body'),
  },
  segment: {
    vip: msg('reminders/settings.TEMPLATE_TEXT.segment.vip'),
    'high-risk': msg('reminders/settings.TEMPLATE_TEXT.segment.high-risk'),
  },
  description: msg('reminders/settings.TEMPLATE_TEXT.description'),
  segmentDescription: msg('reminders/settings.TEMPLATE_TEXT.segmentDescription'),
};

// Upcoming and final notices per segment (the overdue one keeps its own description above).
const SEGMENT_KIND_TEXT = {
  description: msg('reminders/settings.SEGMENT_KIND_TEXT.description'),
};

const TEMPLATE_SETTINGS: SettingDef[] = TEMPLATE_KINDS.flatMap((kind) =>
  LANGS.flatMap((lang) =>
    (['subject', 'body'] as const).map((part) =>
      D(
        templateKey(kind, lang, part),
        DEFAULT_TEMPLATES[kind][part][lang],
        perLang((l) =>
          t(l, TEMPLATE_TEXT.description, {
            kind: TEMPLATE_TEXT.kind[kind][l],
            lang: TEMPLATE_TEXT.lang[lang][l],
            part: TEMPLATE_TEXT.part[part][l],
            placeholders: PLACEHOLDERS,
          }),
        ),
      ),
    ),
  ),
);

const segmentTemplateSettings = (kind: TemplateKind): SettingDef[] =>
  TEMPLATE_SEGMENTS.flatMap((seg) =>
    LANGS.flatMap((lang) =>
      (['subject', 'body'] as const).map((part) =>
        D(
          segmentTemplateKey(seg, lang, part, kind),
          '',
          perLang((l) =>
            t(l, kind === 'overdue' ? TEMPLATE_TEXT.segmentDescription : SEGMENT_KIND_TEXT.description, {
              segment: TEMPLATE_TEXT.segment[seg][l],
              kind: TEMPLATE_TEXT.kind[kind][l],
              lang: TEMPLATE_TEXT.lang[lang][l],
              part: TEMPLATE_TEXT.part[part][l],
            }),
          ),
        ),
      ),
    ),
  );
// Overdue first (its keys predate the others); upcoming and final notices appended after it.
const SEGMENT_TEMPLATE_SETTINGS: SettingDef[] = [
  ...segmentTemplateSettings('overdue'),
  ...segmentTemplateSettings('upcoming'),
  ...segmentTemplateSettings('final'),
];

export const REMINDER_SETTINGS: SettingDef[] = [
  D(REMINDER_KEYS.hour, '9', msg('reminders/settings.REMINDER_SETTINGS.hour')),
  D(REMINDER_KEYS.stages, '-3,1,7,15,30', msg('reminders/settings.REMINDER_SETTINGS.stages')),
  D(REMINDER_KEYS.graceDays, '0', msg('reminders/settings.REMINDER_SETTINGS.graceDays')),
  D(REMINDER_KEYS.minAmount, '0', msg('reminders/settings.REMINDER_SETTINGS.minAmount')),
  D(REMINDER_KEYS.escalationStage, '15', msg('reminders/settings.REMINDER_SETTINGS.escalationStage')),
  D(REMINDER_KEYS.senderName, '', msg('reminders/settings.REMINDER_SETTINGS.senderName')),
  D(REMINDER_KEYS.replyTo, '', msg('reminders/settings.REMINDER_SETTINGS.replyTo')),
  D(REMINDER_KEYS.financeRecipients, '', msg('reminders/settings.REMINDER_SETTINGS.financeRecipients')),
  {
    ...D(REMINDER_KEYS.digestLanguage, 'zh-CN', msg('reminders/settings.REMINDER_SETTINGS.digestLanguage')),
    // Staff digests start in the workbook's language (a Hong Kong team's digest in Traditional Chinese).
    localDefault: perLang((lang) => lang),
  },
  D(REMINDER_KEYS.anomalyDaysOverdue, '90', msg('reminders/settings.REMINDER_SETTINGS.anomalyDaysOverdue')),
  ...TEMPLATE_SETTINGS,
  ...SEGMENT_TEMPLATE_SETTINGS,
  D(REMINDER_KEYS.stagesVip, '', msg('reminders/settings.REMINDER_SETTINGS.stagesVip')),
  D(REMINDER_KEYS.stagesHighRisk, '', msg('reminders/settings.REMINDER_SETTINGS.stagesHighRisk')),
  D(REMINDER_KEYS.payee, '', msg('reminders/settings.REMINDER_SETTINGS.payee')),
  D(REMINDER_KEYS.bank, '', msg('reminders/settings.REMINDER_SETTINGS.bank')),
  D(REMINDER_KEYS.bankAccount, '', msg('reminders/settings.REMINDER_SETTINGS.bankAccount')),
  D(REMINDER_KEYS.signature, '', msg('reminders/settings.REMINDER_SETTINGS.signature')),
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
  /** Templates per kind for VIP and high-risk customers (PRODUCT §14); null = the general template of the kind. */
  segmentTemplates: Record<TemplateKind, Record<TemplateSegment, Record<Lang, Template | null>>>;
  /** Stages for VIP and high-risk customers (PRODUCT §14); null = the general `stages`. */
  segmentStages: { vip: number[] | null; 'high-risk': number[] | null };
  /** Payment instructions printed on customer e-mails (blank parts are left out). */
  payment: { payee: string; bank: string; account: string };
  /** Sign-off of customer e-mails; blank = the company name. */
  signature: string;
}

export const DEFAULT_STAGES = [-3, 1, 7, 15, 30];

/** Reads the reminder configuration from the settings map; every unusable value falls back to its default. */
export function parseReminderSettings(map: SettingsMap): ReminderConfig {
  const get = (key: string) => (map[key] ?? '').trim();
  const stages = parseStages(get(REMINDER_KEYS.stages));
  const templates = {} as Record<TemplateKind, Record<Lang, Template>>;
  for (const kind of TEMPLATE_KINDS) {
    const byLang = {} as Record<Lang, Template>;
    for (const lang of LANGS) {
      const subject = get(templateKey(kind, lang, 'subject'));
      const body = (map[templateKey(kind, lang, 'body')] ?? '').trim();
      byLang[lang] = {
        subject: subject || DEFAULT_TEMPLATES[kind].subject[lang],
        body: body || DEFAULT_TEMPLATES[kind].body[lang],
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
    segmentTemplates: {
      upcoming: segmentTemplates(map, 'upcoming', templates.upcoming),
      overdue: segmentTemplates(map, 'overdue', templates.overdue),
      final: segmentTemplates(map, 'final', templates.final),
    },
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
  };
}

function segmentTemplates(
  map: SettingsMap,
  kind: TemplateKind,
  general: Record<Lang, Template>,
): Record<TemplateSegment, Record<Lang, Template | null>> {
  const out = {} as Record<TemplateSegment, Record<Lang, Template | null>>;
  for (const seg of TEMPLATE_SEGMENTS) {
    const byLang = {} as Record<Lang, Template | null>;
    for (const lang of LANGS) {
      const subject = (map[segmentTemplateKey(seg, lang, 'subject', kind)] ?? '').trim();
      const body = (map[segmentTemplateKey(seg, lang, 'body', kind)] ?? '').trim();
      const g = general[lang];
      // Either part may be reworded alone; the other comes from the general template of the same kind.
      byLang[lang] = subject || body ? { subject: subject || g.subject, body: body || g.body } : null;
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
