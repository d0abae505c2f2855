// The sidebar's start-up: ONE server call returning all the home view needs — language, user, today, the few
// settings forms use and the compact customer index searched client-side (10,000 customers stay well under a
// megabyte as tuples). It reads only the columns the sidebar shows (PRODUCT.md §10): the reminder status, whose
// exact count plans today's run over the whole ledger, is the sidebar's second call (`sidebarReminderStatus`), made
// by the home view as soon as it is on screen.
import { t } from '../domain/i18n';
import { sheetOf } from '../domain/schema';
import { WORKBOOK_KEYS } from '../domain/settings';
import { REFRESH } from '../domain/workbook-i18n';
import type { SettingsMap } from '../domain/settings-def';
import { indexRow, userText } from './save-common';
import { SIDEBAR_TEXT } from './sidebar-i18n';
import type { SidebarServices } from './sidebar-ports';
import type { ReminderStatusView, SidebarHome } from './sidebar-types';
import { keyTable } from './store-reads';

/** The customer columns the sidebar's index shows (indexRow): start-up reads only these (PRODUCT.md §10). */
export const INDEX_FIELDS = [
  'id',
  'name',
  'phone',
  'email',
  'contact',
  'segmentOverride',
  'segment',
  'outstanding',
  'creditLimit',
  'termsDays',
  'status',
  'taxId',
] as const;

/** First non-empty value among the given setting keys, else the fallback. */
export function settingOf(map: SettingsMap, keys: readonly string[], fallback: string): string {
  for (const k of keys) {
    const v = map[k];
    if (v !== undefined && String(v).trim() !== '') return String(v).trim();
  }
  return fallback;
}

export function listOf(text: string): string[] {
  return text
    .split(/[,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function allowsOverpayment(map: SettingsMap): boolean {
  return /^(true|yes|1|是|允许)$/i.test(settingOf(map, [WORKBOOK_KEYS.allowOverpayment], 'false'));
}

export function defaultCurrency(map: SettingsMap): string {
  return settingOf(map, [WORKBOOK_KEYS.currency], 'CNY').toUpperCase();
}

export function sidebarStart(services: SidebarServices): SidebarHome {
  const lang = services.identity.lang();
  const home: SidebarHome = {
    lang,
    user: services.identity.user(),
    today: services.clock.today(),
    currency: 'CNY',
    industries: [],
    allowOverpayment: false,
    customers: [],
    problem: '',
  };
  try {
    const settings = services.store.settings();
    home.currency = defaultCurrency(settings);
    home.industries = listOf(settingOf(settings, [WORKBOOK_KEYS.industries], ''));
    home.allowOverpayment = allowsOverpayment(settings);
    const customers = keyTable(services.store, 'customers', INDEX_FIELDS);
    // Search finds a customer by any of its invoice numbers (issue #16): two key columns of the invoices sheet.
    const ids = new Map<string, string[]>();
    for (const s of keyTable(services.store, 'invoices', ['id', 'customerId']).rows) {
      const { id, customerId } = s.record;
      if (!id || !customerId) continue;
      const list = ids.get(customerId);
      if (list) list.push(id);
      else ids.set(customerId, [id]);
    }
    home.customers = customers.rows
      .filter((s) => s.record.id)
      .map((s) => indexRow(s.record, ids.get(s.record.id)?.join(' ') ?? ''));
    const duplicates = customers.issues.filter((i) => i.duplicateId);
    if (duplicates.length) {
      const sheet = sheetOf('customers').name[lang];
      home.dataIssues = duplicates
        .slice(0, 5)
        .map((i) => t(lang, REFRESH.issueLine, { sheet, row: i.row, message: i.message[lang] }));
    }
  } catch (e) {
    home.problem = userText(e, lang) ?? t(lang, SIDEBAR_TEXT.setup, { detail: errorText(e) });
  }
  try {
    // One document property: the start-up stays one server call with the report cards in it.
    home.reportCards = services.reportCards?.() ?? null;
  } catch {
    home.reportCards = null;
  }
  return home;
}

/** The home view's reminder panel, asked after the home view rendered; null hides the panel (as when unavailable). */
export function sidebarReminderStatus(services: SidebarServices): ReminderStatusView | null {
  try {
    return services.reminderStatus();
  } catch {
    return null;
  }
}

export function errorText(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
}
