// The mainland China working-day calendar (PRODUCT.md §15). Data: the npm package `chinese-days` (MIT; its JSON
// follows the State Council's yearly holiday notices and is refreshed by the maintainers' daily job), pinned in
// package.json. The build keeps only the recent years of it (scripts/build.mjs, `cnCalendarData`), so the bundle
// carries a few KB, not the package's 37 KB. A day is a working day when it is a 调休 make-up day, or a Monday to
// Friday that is not a public holiday; years the data does not cover fall back to Monday–Friday (and the add-on
// warns admins in December when next year is missing).
import raw from 'chinese-days/dist/chinese-days.json';
import { addDays, dayNumber, type IsoDay } from '../day';
import type { Text } from '../i18n';
import { msg } from '../i18n';

interface RawCalendar {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface WorkCalendar {
  isWorkingDay(day: IsoDay): boolean;
  /** Whether the data has the year's holiday notice (every published year has holidays). */
  covers(year: number): boolean;
  /** Working days in (a, b] for a ≤ b; negative when b < a. Day numbers since 1970-01-01. */
  workingDaysBetween(a: number, b: number): number;
  /** Holiday name (zh-CN, en) of a day, or null. */
  holidayName(day: IsoDay): Text | null;
}

/** Day of week of a day number: 0 = Sunday (1970-01-01 was a Thursday). */
function dow(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

const isWeekday = (n: number) => dow(n) >= 1 && dow(n) <= 5;

/** Mon–Fri days in [0, n] (n ≥ -1); closed form, so a 50,000-invoice plan stays linear. */
function weekdaysThrough(n: number): number {
  const len = n + 1;
  if (len <= 0) return 0;
  const weeks = Math.floor(len / 7);
  let count = weeks * 5;
  for (let i = weeks * 7; i < len; i++) if (isWeekday(i)) count++;
  return count;
}

// The public holidays' names in every language; the data's own Chinese name is Simplified only.
const HOLIDAY_NAMES = {
  "New Year's Day": msg('calendar/cn-workdays.HOLIDAY_NAMES.New_Year_s_Day'),
  'Spring Festival': msg('calendar/cn-workdays.HOLIDAY_NAMES.Spring Festival'),
  'Tomb-sweeping Day': msg('calendar/cn-workdays.HOLIDAY_NAMES.Tomb-sweeping Day'),
  'Labour Day': msg('calendar/cn-workdays.HOLIDAY_NAMES.Labour Day'),
  'Dragon Boat Festival': msg('calendar/cn-workdays.HOLIDAY_NAMES.Dragon Boat Festival'),
  'Mid-autumn Festival': msg('calendar/cn-workdays.HOLIDAY_NAMES.Mid-autumn Festival'),
  'National Day': msg('calendar/cn-workdays.HOLIDAY_NAMES.National Day'),
};

export function makeCalendar(data: RawCalendar): WorkCalendar {
  const holidays = new Map<number, string>();
  for (const [d, name] of Object.entries(data.holidays)) holidays.set(dayNumber(d), name);
  const workdays = new Set(Object.keys(data.workdays).map(dayNumber));
  const years = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));
  // Deviations from Mon–Fri, sorted, with running sums: −1 for a weekday holiday, +1 for a weekend make-up day.
  const adj: Array<[number, number]> = [];
  for (const n of holidays.keys()) if (isWeekday(n) && !workdays.has(n)) adj.push([n, -1]);
  for (const n of workdays) if (!isWeekday(n)) adj.push([n, 1]);
  adj.sort((a, b) => a[0] - b[0]);
  const days = adj.map((a) => a[0]);
  const sums: number[] = [];
  let s = 0;
  for (const [, d] of adj) {
    s += d;
    sums.push(s);
  }
  const adjustThrough = (n: number) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid] <= n) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : sums[lo - 1];
  };
  const index = (n: number) => weekdaysThrough(n) + adjustThrough(n);
  const working = (n: number) => (workdays.has(n) ? true : holidays.has(n) ? false : isWeekday(n));
  return {
    isWorkingDay: (day) => {
      const n = dayNumber(day);
      return Number.isNaN(n) ? false : working(n);
    },
    covers: (year) => years.has(year),
    workingDaysBetween: (a, b) => index(b) - index(a),
    holidayName: (day) => {
      const name = holidays.get(dayNumber(day));
      if (!name) return null;
      const [en, zh] = name.split(',');
      const known = HOLIDAY_NAMES[en as keyof typeof HOLIDAY_NAMES];
      // A holiday the catalogue does not know yet (a one-off like 2015's) reads as the data writes it.
      return known ?? { 'zh-CN': zh ?? en, 'zh-TW': zh ?? en, en };
    },
  };
}

let cached: WorkCalendar | null = null;

/** The calendar compiled into the bundle. */
export function cnCalendar(): WorkCalendar {
  cached ??= makeCalendar(raw as RawCalendar);
  return cached;
}

/** Mon–Fri only: stage offsets in working days when the China calendar is off. */
export const WEEKDAY_CALENDAR: WorkCalendar = makeCalendar({ holidays: {}, workdays: {} });

/**
 * The stage offset of an invoice in working days (PRODUCT.md §15): after the due day, working days in (due, today];
 * before it, minus the working days in (today, due]. Null when it is past due but no working day has passed yet
 * (no overdue stage can be due, and an upcoming one must not go out late).
 */
export function workingOffset(cal: WorkCalendar, dueN: number, todayN: number): number | null {
  if (todayN > dueN) {
    const w = cal.workingDaysBetween(dueN, todayN);
    return w > 0 ? w : null;
  }
  return -cal.workingDaysBetween(todayN, dueN);
}

/** The first working day after `day` (within a month; holidays never last longer). */
export function nextWorkingDay(cal: WorkCalendar, day: IsoDay): IsoDay {
  let d = addDays(day, 1);
  for (let i = 0; i < 31 && !cal.isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}
