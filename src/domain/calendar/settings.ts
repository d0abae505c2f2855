// Working-day calendar settings (PRODUCT.md §15): whether reminders follow the mainland China working-day calendar
// (public holidays off, 调休 make-up weekend days on), and whether stage offsets count working days.
import type { SettingDef, SettingsMap } from '../settings-def';
import { msg } from '../i18n';

export const CALENDAR_KEYS = {
  cnWorkdays: 'calendar.cnWorkdays',
  stageDays: 'calendar.stageDays',
} as const;

export type StageDays = 'calendar' | 'working';

export const CALENDAR_SETTINGS: SettingDef[] = [
  {
    key: CALENDAR_KEYS.cnWorkdays,
    defaultValue: 'false',
    description: msg('calendar/settings.CALENDAR_SETTINGS.description'),
  },
  {
    key: CALENDAR_KEYS.stageDays,
    defaultValue: 'calendar',
    description: msg('calendar/settings.CALENDAR_SETTINGS.description#2'),
  },
];

export interface CalendarConfig {
  cnWorkdays: boolean;
  stageDays: StageDays;
}

export function parseCalendarSettings(map: SettingsMap): CalendarConfig {
  const on = (map[CALENDAR_KEYS.cnWorkdays] ?? '').trim().toLowerCase();
  const stage = (map[CALENDAR_KEYS.stageDays] ?? '').trim().toLowerCase();
  return {
    cnWorkdays: ['true', 'yes', '1', '是', '开'].includes(on),
    stageDays: stage === 'working' ? 'working' : 'calendar',
  };
}
