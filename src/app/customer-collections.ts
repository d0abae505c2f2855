// The collections part of the customer 360 (PRODUCT §13): contact details, the next reminders the daily run will
// send (the real planner run ahead, domain/reminders/upcoming.ts) and a manual segment that contradicts the grade.
import type { Lang } from '../domain/i18n';
import type { Customer, Invoice, ReminderLogEntry } from '../domain/records';
import { parseReminderSettings } from '../domain/reminders/settings';
import { upcomingReminders } from '../domain/reminders/upcoming';
import { overrideConflictText } from '../domain/scoring/override-conflict';
import { parseScoringSettings } from '../domain/scoring/settings';
import type { SettingsMap } from '../domain/settings-def';
import type { Customer360 } from './sidebar-types';

export function collectionsView(
  c: Customer,
  invoices: readonly Invoice[],
  log: readonly ReminderLogEntry[],
  settings: SettingsMap,
  today: string,
  lang: Lang,
): Pick<Customer360, 'contact' | 'segmentConflict' | 'upcoming'> {
  const rules = parseScoringSettings(settings).params.segment;
  return {
    contact: { contact: c.contact, phone: c.phone, email: c.email, manager: c.manager },
    segmentConflict: overrideConflictText(lang, c.segmentOverride, c.creditGrade, rules),
    upcoming: upcomingReminders({
      from: today,
      config: parseReminderSettings(settings),
      customer: c,
      invoices,
      history: log,
    }),
  };
}
