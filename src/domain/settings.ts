// Every setting of the add-on in one list: the workbook's own (company, admins, currency, language, industries,
// overpayment) plus those each feature declares next to its code. Setup writes the missing rows with their defaults;
// the store fills defaults for keys a user deleted, so features always find a value.
import { CALENDAR_SETTINGS } from './calendar/settings';
import { CHAT_SETTINGS } from './chat/settings';
import { REMINDER_SETTINGS } from './reminders/settings';
import { SCORING_SETTINGS } from './scoring/settings';
import { defaultIn, type SettingDef, type SettingsMap } from './settings-def';
import { type Lang, msg, type Text } from './i18n';

export const WORKBOOK_KEYS = {
  companyName: 'companyName',
  admins: 'adminEmails',
  currency: 'defaultCurrency',
  /** '' follows each user's locale; 'zh-CN' or 'en' forces the UI and workbook language. */
  language: 'language',
  industries: 'industries',
  allowOverpayment: 'allowOverpayment',
} as const;

const D = (key: string, defaultValue: string, description: Text): SettingDef => ({
  key,
  defaultValue,
  description,
});

const INDUSTRIES = msg('settings.INDUSTRIES');

export const WORKBOOK_SETTINGS: SettingDef[] = [
  D(WORKBOOK_KEYS.companyName, '', msg('settings.WORKBOOK_SETTINGS.companyName')),
  D(WORKBOOK_KEYS.admins, '', msg('settings.WORKBOOK_SETTINGS.admins')),
  D(WORKBOOK_KEYS.currency, 'CNY', msg('settings.WORKBOOK_SETTINGS.currency')),
  D(WORKBOOK_KEYS.language, '', msg('settings.WORKBOOK_SETTINGS.language')),
  {
    ...D(
      WORKBOOK_KEYS.industries,
      '制造业,批发零售,信息技术,金融,建筑,服务业,其他',
      msg('settings.WORKBOOK_SETTINGS.industries'),
    ),
    // A Traditional-Chinese workbook lists its industries in Traditional script (the customers' dropdown).
    localDefault: INDUSTRIES,
  },
  D(WORKBOOK_KEYS.allowOverpayment, 'false', msg('settings.WORKBOOK_SETTINGS.allowOverpayment')),
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
export function withDefaults(values: Readonly<Record<string, string>>, lang?: Lang): SettingsMap {
  const out: Record<string, string> = {};
  // A missing row falls back to what setup would write in this workbook's language (a zh-TW industry list).
  for (const d of ALL_SETTINGS) out[d.key] = lang ? defaultIn(d, lang) : d.defaultValue;
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
