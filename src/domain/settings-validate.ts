// Strict checks for values typed into the settings form. The feature parsers (reminders/settings.ts,
// scoring/settings.ts) are lenient on purpose: a typo in the sheet falls back to the default so the nightly work
// never stops. The sidebar is where a typo can be refused instead, so it uses these checks, built on the same
// parsers, and the server runs them again before writing. Pure: shared by the server bundle and the sidebar.
import { CALENDAR_KEYS } from './calendar/settings';
import { CHAT_KEYS, DINGTALK_SECRET, DINGTALK_WEBHOOK, parseAlertKinds, WECOM_WEBHOOK } from './chat/settings';
import { type Lang, LANGS, msg, t, type Text, verbatim } from './i18n';
import { parseMoney } from './money';
import { isEmail, REMINDER_KEYS, splitEmails } from './reminders/settings';
import { segmentTemplateKey, TEMPLATE_KINDS, TEMPLATE_SEGMENTS, templateKey } from './reminders/templates';
import { parseBins } from './scoring/bins';
import { FACTOR_KEYS } from './scoring/factors';
import { GRADE_ORDER } from './scoring/grades';
import { FACTOR_DIRECTION } from './scoring/scorecard';
import { binsKey, parseCutoffs, SCORING_KEYS } from './scoring/settings';
import { ALL_SETTINGS, listSetting, WORKBOOK_KEYS } from './settings';

/** Longest text a cell takes from the add-on (PRODUCT.md §9). */
export const MAX_SETTING_LENGTH = 50000;

/** Placeholders the reminder renderer fills (src/domain/reminders/render.ts). */
export const TEMPLATE_PLACEHOLDERS = [
  'customer',
  'contact',
  'company',
  'invoices',
  'total',
  'daysOverdue',
  'count',
  'stage',
  'manager',
  'invoiceCount',
  'daysLate',
  'payment',
  'signature',
] as const;

const RULE = {
  required: msg('settings-validate.RULE.required'),
  tooLong: msg('settings-validate.RULE.tooLong'),
  unknown: msg('settings-validate.RULE.unknown'),
  int: msg('settings-validate.RULE.int'),
  number: msg('settings-validate.RULE.number'),
  money: msg('settings-validate.RULE.money'),
  emails: msg('settings-validate.RULE.emails'),
  email: msg('settings-validate.RULE.email'),
  currency: msg('settings-validate.RULE.currency'),
  langOrBlank: msg('settings-validate.RULE.langOrBlank'),
  lang: msg('settings-validate.RULE.lang'),
  bool: msg('settings-validate.RULE.bool'),
  flag: msg('settings-validate.RULE.flag'),
  list: msg('settings-validate.RULE.list'),
  bankAccount: msg('settings-validate.RULE.bankAccount'),
  stages: msg('settings-validate.RULE.stages'),
  binsSyntax: msg('settings-validate.RULE.binsSyntax'),
  binsOrder: msg('settings-validate.RULE.binsOrder'),
  binsMonotonic: msg('settings-validate.RULE.binsMonotonic'),
  cutoffs: msg('settings-validate.RULE.cutoffs'),
  grades: msg('settings-validate.RULE.grades'),
  placeholders: msg('settings-validate.RULE.placeholders'),
  wecomUrl: msg('settings-validate.RULE.wecomUrl'),
  dingtalkUrl: msg('settings-validate.RULE.dingtalkUrl'),
  dingtalkSecret: msg('settings-validate.RULE.dingtalkSecret'),
  chatAlerts: msg('settings-validate.RULE.chatAlerts'),
  stageDays: msg('settings-validate.RULE.stageDays'),
  range: msg('settings-validate.RULE.range'),
  message: msg('settings-validate.RULE.message'),
} as const satisfies Record<string, Text>;

type Rule = keyof typeof RULE;
type Check = (value: string) => { rule: Rule; params?: Record<string, string | number> } | null;

const int =
  (min: number, max: number): Check =>
  (v) =>
    /^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? null : { rule: 'int', params: { min, max } };

const range =
  (min: number, max: number): Check =>
  (v) =>
    /^\d+(\.\d+)?$/.test(v) && Number(v) >= min && Number(v) <= max ? null : { rule: 'range', params: { min, max } };

const number: Check = (v) => (v !== '' && Number.isFinite(Number(v)) ? null : { rule: 'number' });

const money: Check = (v) => {
  const c = parseMoney(v);
  return c !== null && c >= 0 ? null : { rule: 'money' };
};

const emails: Check = (v) => {
  const bad = splitEmails(v).filter((e) => !isEmail(e));
  return bad.length ? { rule: 'emails', params: { bad: bad.join(', ') } } : null;
};

const oneOf =
  (re: RegExp, rule: Rule): Check =>
  (v) =>
    re.test(v) ? null : { rule };

const stages: Check = (v) => {
  const parts = v.split(/[,，;；\s]+/).filter(Boolean);
  const ok = parts.length > 0 && parts.every((p) => /^-?\d+$/.test(p) && Number(p) >= -365 && Number(p) <= 3650);
  return ok ? null : { rule: 'stages' };
};

const grades: Check = (v) => {
  const known = [...(GRADE_ORDER as readonly string[]), 'NR'];
  const list = v.split(/[,;，；\s]+/).filter(Boolean);
  const bad = list.filter((g) => !known.includes(g.toUpperCase()));
  return bad.length ? { rule: 'grades', params: { bad: bad.join(', ') } } : null;
};

const template: Check = (v) => {
  const names = [...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const bad = [...new Set(names.filter((n) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(n)))];
  if (!bad.length) return null;
  return {
    rule: 'placeholders',
    params: {
      bad: bad.map((b) => `{${b}}`).join(' '),
      list: TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' '),
    },
  };
};

const BINS_RULE = { syntax: 'binsSyntax', order: 'binsOrder', monotonic: 'binsMonotonic' } as const;

/**
 * How the sidebar lets an admin edit a setting: free text, a yes/no toggle, a choice from a list, or a points table
 * (upper bound → points rows). The stored value stays the sheet's text; the control only writes well-formed text.
 */
export type SettingControl =
  | { readonly kind: 'text' }
  | { readonly kind: 'multiline' }
  | { readonly kind: 'toggle'; readonly on: string; readonly off: string }
  | { readonly kind: 'choice'; readonly options: ReadonlyArray<{ readonly value: string; readonly label: Text }> }
  | { readonly kind: 'bins' };

const LANG_CHOICES = LANGS.map((value) => ({ value, label: msg(`settings-validate.LANG_CHOICES.${value}`) }));
const HOURS = Array.from({ length: 24 }, (_, h) => {
  const text = `${String(h).padStart(2, '0')}:00`;
  return { value: String(h), label: verbatim(text) };
});

/** Values a yes/no setting reads as "yes" (the parsers accept the same spellings). */
const YES = /^(true|yes|y|1|是|开|允许)$/i;

/** Whether a yes/no setting's text means yes. */
export function isYesSetting(value: string): boolean {
  return YES.test(value.trim());
}

interface Spec {
  check?: Check;
  /** The sidebar's control; text (or multiline) when absent. */
  control?: SettingControl;
  /** Blank is refused (the parser would silently use the default, which the user did not ask for). */
  required?: boolean;
  maxLength?: number;
  /** Multi-line text (e-mail bodies): kept exactly as typed; everything else is trimmed. */
  multiline?: boolean;
  /** Canonical spelling of an accepted value (e.g. currency in upper case). */
  normalize?: (v: string) => string;
}

const SPECS: Record<string, Spec> = {
  [WORKBOOK_KEYS.companyName]: { maxLength: 200 },
  [WORKBOOK_KEYS.admins]: { check: emails },
  [WORKBOOK_KEYS.currency]: {
    required: true,
    check: oneOf(/^[A-Za-z]{3}$/, 'currency'),
    normalize: (v) => v.toUpperCase(),
  },
  [WORKBOOK_KEYS.language]: {
    check: oneOf(/^(zh-CN|zh-TW|en)?$/, 'langOrBlank'),
    control: {
      kind: 'choice',
      options: [{ value: '', label: msg('settings-validate.SPECS.control.options.label') }, ...LANG_CHOICES],
    },
  },
  [WORKBOOK_KEYS.industries]: { required: true, check: (v) => (listSetting(v).length ? null : { rule: 'list' }) },
  [WORKBOOK_KEYS.allowOverpayment]: {
    required: true,
    check: oneOf(/^(true|false|yes|no|1|0|是|否|允许|不允许)$/i, 'bool'),
    control: { kind: 'toggle', on: 'true', off: 'false' },
  },
  [REMINDER_KEYS.hour]: { required: true, check: int(0, 23), control: { kind: 'choice', options: HOURS } },
  [REMINDER_KEYS.stages]: { required: true, check: stages },
  [REMINDER_KEYS.stagesVip]: { check: (v) => (v === '' ? null : stages(v)) },
  [REMINDER_KEYS.stagesHighRisk]: { check: (v) => (v === '' ? null : stages(v)) },
  [REMINDER_KEYS.graceDays]: { required: true, check: int(0, 365) },
  [REMINDER_KEYS.minAmount]: { required: true, check: money },
  [REMINDER_KEYS.escalationStage]: { required: true, check: int(-365, 3650) },
  [REMINDER_KEYS.senderName]: { maxLength: 200 },
  [REMINDER_KEYS.replyTo]: { check: (v) => (v === '' || isEmail(v) ? null : { rule: 'email' }) },
  [REMINDER_KEYS.financeRecipients]: { check: emails },
  [REMINDER_KEYS.digestLanguage]: {
    required: true,
    check: oneOf(/^(zh-CN|zh-TW|en)$/, 'lang'),
    control: { kind: 'choice', options: LANG_CHOICES },
  },
  [REMINDER_KEYS.anomalyDaysOverdue]: { required: true, check: int(1, 3650) },
  [CHAT_KEYS.wecomWebhook]: { check: oneOf(WECOM_WEBHOOK, 'wecomUrl') },
  [CHAT_KEYS.dingtalkWebhook]: { check: oneOf(DINGTALK_WEBHOOK, 'dingtalkUrl') },
  [CHAT_KEYS.dingtalkSecret]: { check: oneOf(DINGTALK_SECRET, 'dingtalkSecret') },
  [CHAT_KEYS.alerts]: {
    check: (v) => (parseAlertKinds(v) ? null : { rule: 'chatAlerts' }),
    normalize: (v) => (parseAlertKinds(v) ?? []).join(','),
  },
  [CALENDAR_KEYS.cnWorkdays]: {
    required: true,
    check: oneOf(/^(true|false|yes|no|1|0|是|否)$/i, 'bool'),
    normalize: (v) => v.toLowerCase(),
  },
  [CALENDAR_KEYS.stageDays]: {
    required: true,
    check: oneOf(/^(calendar|working)$/i, 'stageDays'),
    normalize: (v) => v.toLowerCase(),
  },
  [REMINDER_KEYS.payee]: { maxLength: 200 },
  [REMINDER_KEYS.bank]: { maxLength: 200 },
  [REMINDER_KEYS.bankAccount]: { check: (v) => (v === '' || isBankAccount(v) ? null : { rule: 'bankAccount' }) },
  [REMINDER_KEYS.signature]: { maxLength: 1000, multiline: true },
  [SCORING_KEYS.basePoints]: { required: true, check: number },
  [SCORING_KEYS.noLimitPoints]: { required: true, check: number },
  [SCORING_KEYS.minSettled]: { required: true, check: int(0, 1000) },
  [SCORING_KEYS.cutoffs]: { required: true, check: (v) => (parseCutoffs(v) ? null : { rule: 'cutoffs' }) },
  [SCORING_KEYS.gradeChangeSteps]: { required: true, check: int(1, 8) },
  [SCORING_KEYS.backtestHorizonDays]: { required: true, check: int(1, 3650) },
  [SCORING_KEYS.vipGrades]: { required: true, check: grades, normalize: (v) => v.toUpperCase() },
  [SCORING_KEYS.vipMinInvoiced12m]: { required: true, check: money },
  [SCORING_KEYS.highRiskGrades]: { required: true, check: grades, normalize: (v) => v.toUpperCase() },
  [SCORING_KEYS.highRiskOverdueDays]: { required: true, check: int(0, 3650) },
  [SCORING_KEYS.highRiskOverLimit]: {
    required: true,
    check: oneOf(/^(yes|true|y|1|是|开|no|false|n|0|否|关)$/i, 'flag'),
    control: { kind: 'toggle', on: 'yes', off: 'no' },
  },
  [SCORING_KEYS.halfLifeDays]: { required: true, check: int(0, 3650) },
  [SCORING_KEYS.priorOnTimeShare]: { required: true, check: range(0, 1) },
  [SCORING_KEYS.priorWeight]: { required: true, check: range(0, 100) },
};
for (const f of FACTOR_KEYS) {
  SPECS[binsKey(f)] = {
    required: true,
    control: { kind: 'bins' },
    check: (v) => {
      const r = parseBins(v, FACTOR_DIRECTION[f]);
      return r.ok ? null : { rule: BINS_RULE[r.problem] };
    },
  };
}
for (const seg of TEMPLATE_SEGMENTS) {
  for (const lang of LANGS) {
    for (const kind of TEMPLATE_KINDS) {
      SPECS[segmentTemplateKey(seg, lang, 'subject', kind)] = { check: template, maxLength: 1000 };
      SPECS[segmentTemplateKey(seg, lang, 'body', kind)] = { check: template, multiline: true };
    }
  }
}
for (const kind of TEMPLATE_KINDS) {
  for (const lang of LANGS) {
    SPECS[templateKey(kind, lang, 'subject')] = { check: template, maxLength: 1000 };
    SPECS[templateKey(kind, lang, 'body')] = { check: template, multiline: true };
  }
}

const DEFS = new Map(ALL_SETTINGS.map((d) => [d.key, d]));

/** Whether the value is long free text (e-mail bodies): shown in a textarea and never trimmed. */
export function isMultilineSetting(key: string): boolean {
  return SPECS[key]?.multiline === true;
}

/** The sidebar control of a setting (text when it has no special one). */
export function settingControl(key: string): SettingControl {
  const spec = SPECS[key];
  return spec?.control ?? { kind: spec?.multiline ? 'multiline' : 'text' };
}

/** The setting's short name for messages: its description up to the first bracket or punctuation. */
export function settingName(key: string, lang: Lang): string {
  // "Points table: maximum days late. …" is named by what it scores, not by its kind (every table is one).
  const text = (DEFS.get(key)?.description[lang] ?? key).replace(/^(分数表|Points table)\s*[：:]\s*/, '');
  const cut = text.split(/[（(：:。；;，,]|\. /)[0].trim();
  return cut || key;
}

export type SettingCheck = { ok: true; value: string } | { ok: false; message: string };

/** Checks one typed value; on success returns the text to store (trimmed, canonical spelling). */
export function validateSetting(key: string, raw: unknown, lang: Lang): SettingCheck {
  const fail = (rule: Rule, params: Record<string, string | number> = {}): SettingCheck => ({
    ok: false,
    message: t(lang, RULE.message, { name: settingName(key, lang), key, rule: t(lang, RULE[rule], params) }),
  });
  if (!DEFS.has(key)) return fail('unknown');
  const spec = SPECS[key] ?? {};
  const text = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  const value = spec.multiline ? text : text.trim();
  const max = spec.maxLength ?? MAX_SETTING_LENGTH;
  if (value.length > max) return fail('tooLong', { max });
  if (value === '') return spec.required ? fail('required') : { ok: true, value };
  const problem = spec.check?.(value);
  if (problem) return fail(problem.rule, problem.params);
  return { ok: true, value: spec.normalize ? spec.normalize(value) : value };
}

export interface SettingsCheck {
  /** Accepted values, canonical (only when every value passed). */
  values: Record<string, string>;
  /** One per refused value: field = the setting key. */
  errors: Array<{ field: string; message: string }>;
}

/** Checks every given value; nothing is accepted unless all pass (a save writes all or nothing). */
export function validateSettings(values: Readonly<Record<string, unknown>>, lang: Lang): SettingsCheck {
  const out: Record<string, string> = {};
  const errors: SettingsCheck['errors'] = [];
  for (const [key, raw] of Object.entries(values)) {
    const r = validateSetting(key, raw, lang);
    if (r.ok) out[key] = r.value;
    else errors.push({ field: key, message: r.message });
  }
  return { values: errors.length ? {} : out, errors };
}

/** A bank account as printed: digits (and letters, for IBAN-style numbers) grouped by spaces or hyphens. */
export function isBankAccount(v: string): boolean {
  const core = v.replace(/[\s-]/g, '');
  return /^[A-Za-z0-9]{6,40}$/.test(core) && /\d/.test(core) && /^[A-Za-z0-9][A-Za-z0-9 -]*$/.test(v);
}
