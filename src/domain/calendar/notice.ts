// The December warning (PRODUCT.md §15): the State Council publishes next year's holidays late in the year and the
// calendar data arrives with an add-on update; until then next year would be treated as plain Monday–Friday.
import { type Lang, t, msg } from '../i18n';
import type { WorkCalendar } from './cn-workdays';

const TEXT = {
  missing: msg('calendar/notice.TEXT.missing'),
} as const;

/** '' unless it is December, the calendar is on, and next year is missing from the data. */
export function calendarNotice(today: string, enabled: boolean, cal: WorkCalendar, lang: Lang): string {
  if (!enabled || today.slice(5, 7) !== '12') return '';
  const next = Number(today.slice(0, 4)) + 1;
  return cal.covers(next) ? '' : t(lang, TEXT.missing, { year: next });
}
