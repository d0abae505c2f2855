// The custom functions' entry points (PRODUCT.md §4; signatures and JSDoc in src/main.ts). Custom functions run
// without authorization and may only read the spreadsheet, so this file asks for two read-only facts, once per
// call and only when needed: the spreadsheet's time zone (Date cells become days in that zone, memoized per distinct
// value so a 10,000-row range costs a handful of formatDate calls) and its locale (for error texts). Settings are
// deliberately not read: a formula must give the same answer whatever the Settings sheet says today, so
// CREDIT_SCORE and CREDIT_GRADE use the default model (docs/scoring-model.md).
import { type Lang, langFromLocale } from '../domain/i18n';
import * as cells from '../domain/scoring/cell-functions';

function isDate(v: unknown): v is Date {
  // Dates from services may come from another realm: never instanceof.
  return Object.prototype.toString.call(v) === '[object Date]';
}

function sheetEnv(): cells.CellEnv {
  let tz: string | undefined;
  let lang: Lang | undefined;
  const days = new Map<number, string>();
  const timeZone = () => {
    if (tz === undefined) tz = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
    return tz;
  };
  const dayOf = (d: Date): string => {
    const ms = d.getTime();
    let day = days.get(ms);
    if (day === undefined) {
      day = Number.isNaN(ms) ? '' : Utilities.formatDate(d, timeZone(), 'yyyy-MM-dd');
      days.set(ms, day);
    }
    return day;
  };
  return {
    dateOf: (v) => (isDate(v) ? dayOf(v) : undefined),
    today: () => dayOf(new Date()),
    lang: () => {
      if (lang === undefined) {
        try {
          lang = langFromLocale(SpreadsheetApp.getActive().getSpreadsheetLocale());
        } catch (_e) {
          lang = 'en';
        }
      }
      return lang;
    },
  };
}

export function DAYS_OVERDUE(due_date: unknown, outstanding?: unknown, as_of?: unknown): unknown {
  return cells.daysOverdue(sheetEnv(), due_date, outstanding, as_of);
}

export function AGING_BUCKET(due_date: unknown, outstanding?: unknown, as_of?: unknown): unknown {
  return cells.agingBucket(sheetEnv(), due_date, outstanding, as_of);
}

export function CREDIT_SCORE(
  on_time_ratio: unknown,
  avg_days_late: unknown,
  max_days_late: unknown,
  utilization: unknown,
  tenure_months: unknown,
  disputes_12m?: unknown,
): unknown {
  return cells.creditScore(sheetEnv(), {
    on_time_ratio,
    avg_days_late,
    max_days_late,
    utilization,
    tenure_months,
    disputes_12m,
  });
}

export function CREDIT_GRADE(score: unknown): unknown {
  return cells.creditGrade(sheetEnv(), score);
}
