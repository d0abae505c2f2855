// When the monthly statements go (issue #16): on the settings day of the month, or on the month's first working day
// (the China working-day calendar when it is on, else Monday–Friday). A run that misses that day (no firing, quota
// used up) sends within the following week: the journal and the log keep it to once per customer and period. Later
// than that the letter would be stale, and enabling reminders late in a month must not send last month's.
import { cnCalendar, WEEKDAY_CALENDAR } from '../calendar/cn-workdays';
import { addDays, daysBetween, type IsoDay } from '../day';

/** Days after the due day a missed run still sends the month's letters. */
export const STATEMENT_CATCH_UP_DAYS = 7;

/** The day of today's month the statements are due: `day` (1–28), else the first working day. */
export function statementDueDay(today: IsoDay, day: number, cnWorkdays: boolean): IsoDay {
  const first = `${today.slice(0, 8)}01`;
  if (day >= 1 && day <= 28) return `${today.slice(0, 8)}${String(day).padStart(2, '0')}`;
  const cal = cnWorkdays ? cnCalendar() : WEEKDAY_CALENDAR;
  let d = first;
  // The longest run of non-working days at a month's start (Spring Festival, National Day) is under two weeks.
  for (let i = 0; i < 20 && !cal.isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** Whether today's run sends the monthly statements: due today, or due in the past week and not sent yet. */
export function statementsDue(today: IsoDay, day: number, cnWorkdays: boolean): boolean {
  const late = daysBetween(statementDueDay(today, day, cnWorkdays), today);
  return late >= 0 && late <= STATEMENT_CATCH_UP_DAYS;
}
