// The settings view of the sidebar: every setting the add-on knows (ALL_SETTINGS) with its value from the Settings
// sheet, grouped the way an admin thinks about them, described in the reader's language. It carries a version
// (a hash of the values loaded) so a save made on a stale view is refused instead of overwriting someone's edit.
import { cnCalendar } from '../domain/calendar/cn-workdays';
import { calendarNotice } from '../domain/calendar/notice';
import { parseCalendarSettings } from '../domain/calendar/settings';
import { t } from '../domain/i18n';
import type { Lang } from '../domain/records';
import { parseReminderSettings, REMINDER_KEYS } from '../domain/reminders/settings';
import { ALL_SETTINGS, WORKBOOK_KEYS } from '../domain/settings';
import { isMultilineSetting, type SettingControl, settingControl, settingName } from '../domain/settings-validate';
import { sha256Hex } from '../domain/sha256';
import type { LedgerStore, SettingRow, Stored } from './ports';
import { isAdmin } from './reminder-admin';
import { userText } from './save-common';
import { errorText } from './sidebar-start';
import { SETTINGS_TEXT, SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import type { SettingControlView, SettingsGroupView, SettingsView } from './sidebar-types';

/** The spreadsheet owner's e-mail ('' when Apps Script hides it): always an admin. */
export type OwnerLookup = () => string;

type GroupId = 'company' | 'workbook' | 'reminders' | 'scoring' | 'segments' | 'templates' | 'other' | 'chat';

const GROUP_TITLE = {
  company: SETTINGS_TEXT.groupCompany,
  workbook: SETTINGS_TEXT.groupWorkbook,
  reminders: SETTINGS_TEXT.groupReminders,
  scoring: SETTINGS_TEXT.groupScoring,
  segments: SETTINGS_TEXT.groupSegments,
  templates: SETTINGS_TEXT.groupTemplates,
  other: SETTINGS_TEXT.groupOther,
  chat: SETTINGS_TEXT.groupChat,
} as const;

const GROUP_ORDER: readonly GroupId[] = [
  'company',
  'workbook',
  'reminders',
  'chat',
  'scoring',
  'segments',
  'templates',
  'other',
];

/** Keys listed in the order an admin fills them in; the rest go by prefix. */
const EXPLICIT: ReadonlyArray<[GroupId, readonly string[]]> = [
  [
    'company',
    [
      WORKBOOK_KEYS.companyName,
      REMINDER_KEYS.senderName,
      REMINDER_KEYS.replyTo,
      WORKBOOK_KEYS.admins,
      REMINDER_KEYS.financeRecipients,
      REMINDER_KEYS.digestLanguage,
      // What customer e-mails print below the invoices (issue #16).
      REMINDER_KEYS.payee,
      REMINDER_KEYS.bank,
      REMINDER_KEYS.bankAccount,
      REMINDER_KEYS.signature,
    ],
  ],
  [
    'workbook',
    [WORKBOOK_KEYS.language, WORKBOOK_KEYS.currency, WORKBOOK_KEYS.industries, WORKBOOK_KEYS.allowOverpayment],
  ],
];

export function groupOf(key: string): GroupId {
  for (const [group, keys] of EXPLICIT) if (keys.includes(key)) return group;
  if (key.startsWith('reminders.template.')) return 'templates';
  if (key.startsWith('reminders.') || key.startsWith('calendar.')) return 'reminders';
  if (key.startsWith('chat.')) return 'chat';
  if (key.startsWith('scoring.')) return 'scoring';
  if (key.startsWith('segment.')) return 'segments';
  return 'other';
}

function rank(key: string): number {
  for (const [, keys] of EXPLICIT) if (keys.includes(key)) return keys.indexOf(key);
  return 100 + ALL_SETTINGS.findIndex((d) => d.key === key);
}

/** The Settings sheet's rows by trimmed key; a key typed twice counts once, the last row wins (as in store.settings()). */
export function settingRows(store: LedgerStore): Map<string, Stored<SettingRow>> {
  const out = new Map<string, Stored<SettingRow>>();
  for (const s of store.read('settings').rows) {
    const key = String(s.record.key ?? '').trim();
    if (key) out.set(key, s);
  }
  return out;
}

/** Fingerprint of every known setting's sheet value (a missing row differs from an empty value). */
export function settingsVersion(rows: ReadonlyMap<string, Stored<SettingRow>>): string {
  const parts = ALL_SETTINGS.map((d) => {
    const s = rows.get(d.key);
    return s ? `${d.key}=${String(s.record.value ?? '')}` : `${d.key}\u0000`;
  });
  return sha256Hex(parts.join('\u0001')).slice(0, 32);
}

/** Admins: the admin list in Settings, or the owner (asked only when the list does not already say yes). */
export function mayEditSettings(
  services: SidebarServices,
  rows: ReadonlyMap<string, Stored<SettingRow>>,
  owner: OwnerLookup | null,
): boolean {
  const values: Record<string, string> = {};
  for (const [k, s] of rows) values[k] = String(s.record.value ?? '');
  const admins = parseReminderSettings(values).admins;
  const user = services.identity.user();
  if (isAdmin(user, admins, '')) return true;
  const o = owner ? owner() : '';
  return o !== '' && isAdmin(user, [], o);
}

export function buildSettingsView(
  rows: ReadonlyMap<string, Stored<SettingRow>>,
  lang: Lang,
  canEdit: boolean,
): SettingsView {
  const groups = new Map<GroupId, SettingsGroupView>();
  const defs = [...ALL_SETTINGS].sort((a, b) => rank(a.key) - rank(b.key));
  for (const d of defs) {
    const id = groupOf(d.key);
    let g = groups.get(id);
    if (!g) {
      g = { id, title: t(lang, GROUP_TITLE[id]), items: [] };
      groups.set(id, g);
    }
    const s = rows.get(d.key);
    g.items.push({
      key: d.key,
      value: s ? String(s.record.value ?? '') : d.defaultValue,
      defaultValue: d.defaultValue,
      name: settingName(d.key, lang),
      description: d.description[lang],
      hint: hintOf(settingName(d.key, lang), d.description[lang]),
      multiline: isMultilineSetting(d.key),
      control: controlView(settingControl(d.key), lang),
      missing: !s,
    });
  }
  return {
    lang,
    version: settingsVersion(rows),
    canEdit,
    problem: canEdit ? '' : t(lang, SETTINGS_TEXT.notAdmin),
    groups: GROUP_ORDER.flatMap((id) => {
      const g = groups.get(id);
      return g ? [g] : [];
    }),
  };
}

/** The description without the name it starts with ("Company name (signs e-mails)" → "signs e-mails"). */
export function hintOf(name: string, description: string): string {
  const rest = description.startsWith(name) ? description.slice(name.length) : description;
  // "(empty = …), e.g. …" / "（留空则…），例如…": the bracket closes mid-text; keep both parts without a stray ")".
  const mid = /^\s*([（(])([^）)]*)[）)]\s*[，,：:]?\s*(.+)$/s.exec(rest);
  if (mid) return `${mid[2].trim()}${mid[1] === '（' ? '；' : '; '}${mid[3].trim()}`;
  const bare = rest
    .replace(/^[\s（(：:，,—-]+/, '')
    .replace(/[）)]\s*$/, '')
    .trim();
  return bare === name ? '' : bare;
}

function controlView(c: SettingControl, lang: Lang): SettingControlView {
  if (c.kind !== 'choice') return { ...c };
  return { kind: 'choice', options: c.options.map((o) => ({ value: o.value, label: o.label[lang] })) };
}

/** The view for the sidebar; a sheet that cannot be read gives an empty, read-only view saying what to do. */
export function settingsView(services: SidebarServices, owner: OwnerLookup | null): SettingsView {
  const lang = services.identity.lang();
  try {
    const rows = settingRows(services.store);
    const view = buildSettingsView(rows, lang, mayEditSettings(services, rows, owner));
    const cn = parseCalendarSettings(Object.fromEntries([...rows].map(([k, s]) => [k, String(s.record.value ?? '')])));
    const notice = view.canEdit ? calendarNotice(services.clock.today(), cn.cnWorkdays, cnCalendar(), lang) : '';
    return notice ? { ...view, notice } : view;
  } catch (e) {
    const problem = userText(e, lang) ?? t(lang, SIDEBAR_TEXT.setup, { detail: errorText(e) });
    return { lang, version: '', canEdit: false, problem, groups: [] };
  }
}
