// Working-day calendar settings (PRODUCT.md §15): whether reminders follow the mainland China working-day calendar
// (public holidays off, 调休 make-up weekend days on), and whether stage offsets count working days.
import type { SettingDef, SettingsMap } from '../settings-def';

export const CALENDAR_KEYS = {
  cnWorkdays: 'calendar.cnWorkdays',
  stageDays: 'calendar.stageDays',
} as const;

export type StageDays = 'calendar' | 'working';

export const CALENDAR_SETTINGS: SettingDef[] = [
  {
    key: CALENDAR_KEYS.cnWorkdays,
    defaultValue: 'false',
    description: {
      'zh-CN': '按中国大陆工作日历发送催收（true / false）：法定节假日不发送，调休上班日照常发送',
      en: 'Follow the mainland China working-day calendar (true / false): nothing is sent on public holidays; make-up working days count as working days',
    },
  },
  {
    key: CALENDAR_KEYS.stageDays,
    defaultValue: 'calendar',
    description: {
      'zh-CN': '催收阶段天数的计法：calendar（自然日）或 working（工作日）；逾期天数始终按自然日计算',
      en: 'How stage offsets count: calendar (calendar days) or working (working days); days overdue are always calendar days',
    },
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
