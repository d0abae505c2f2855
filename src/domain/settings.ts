// Every setting of the add-on in one list: the workbook's own (company, admins, currency, language, industries,
// overpayment) plus those each feature declares next to its code. Setup writes the missing rows with their defaults;
// the store fills defaults for keys a user deleted, so features always find a value.
import { CALENDAR_SETTINGS } from './calendar/settings';
import { CHAT_SETTINGS } from './chat/settings';
import { REMINDER_SETTINGS } from './reminders/settings';
import { SCORING_SETTINGS } from './scoring/settings';
import type { SettingDef, SettingsMap } from './settings-def';

export const WORKBOOK_KEYS = {
  companyName: 'companyName',
  admins: 'adminEmails',
  currency: 'defaultCurrency',
  /** '' follows each user's locale; 'zh-CN' or 'en' forces the UI and workbook language. */
  language: 'language',
  industries: 'industries',
  allowOverpayment: 'allowOverpayment',
} as const;

const D = (key: string, defaultValue: string, zh: string, en: string): SettingDef => ({
  key,
  defaultValue,
  description: { 'zh-CN': zh, en },
});

export const WORKBOOK_SETTINGS: SettingDef[] = [
  D(WORKBOOK_KEYS.companyName, '', '公司名称（用于邮件落款）', 'Company name (signs e-mails)'),
  D(
    WORKBOOK_KEYS.admins,
    '',
    '管理员邮箱（逗号分隔；表格所有者始终是管理员）',
    'Admin e-mails (comma-separated; the owner is always an admin)',
  ),
  D(WORKBOOK_KEYS.currency, 'CNY', '默认币种（ISO 代码，如 CNY）', 'Default currency (ISO code, e.g. CNY)'),
  D(
    WORKBOOK_KEYS.language,
    '',
    '界面与工作簿语言：zh-CN 或 en；留空则跟随用户语言设置',
    "Interface and workbook language: zh-CN or en; blank follows each user's locale",
  ),
  D(
    WORKBOOK_KEYS.industries,
    '制造业,批发零售,信息技术,金融,建筑,服务业,其他',
    '行业列表（逗号分隔，用于客户表下拉）',
    'Industry list (comma-separated, for the customer dropdown)',
  ),
  D(
    WORKBOOK_KEYS.allowOverpayment,
    'false',
    '是否允许回款超过未收金额（true / false）',
    'Allow payments above the outstanding amount (true / false)',
  ),
];

/** All settings, first declaration of a key wins (features must not redeclare another's key). */
export const ALL_SETTINGS: readonly SettingDef[] = dedupe([
  ...WORKBOOK_SETTINGS,
  ...SCORING_SETTINGS,
  ...REMINDER_SETTINGS,
  ...CHAT_SETTINGS,
  ...CALENDAR_SETTINGS,
]);

function dedupe(defs: readonly SettingDef[]): SettingDef[] {
  const seen = new Set<string>();
  return defs.filter((d) => {
    if (seen.has(d.key)) return false;
    seen.add(d.key);
    return true;
  });
}

/** Sheet values over defaults: a key missing from the sheet (or never set up) reads as its default. */
export function withDefaults(values: Readonly<Record<string, string>>): SettingsMap {
  const out: Record<string, string> = {};
  for (const d of ALL_SETTINGS) out[d.key] = d.defaultValue;
  for (const [k, v] of Object.entries(values)) if (k) out[k] = v;
  return out;
}

/** Comma/semicolon/newline separated list setting → trimmed non-empty items. */
export function listSetting(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,;，；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
