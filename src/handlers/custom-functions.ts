// The custom functions' entry points (PRODUCT.md §4; signatures and JSDoc in src/main.ts). Custom functions run
// without authorization and may only read the spreadsheet, so this file asks for two read-only facts, once per
// call and only when needed: the spreadsheet's time zone (Date cells become days in that zone through the adapters'
// offset memo, so a 10,000-row range costs a few formatDate calls per distinct day) and its locale (for error
// texts). Settings are deliberately not read: a formula must give the same answer whatever the Settings sheet says
// today, so CREDIT_SCORE and CREDIT_GRADE use the default model (docs/scoring-model.md).
import { type Lang, langFromLocale } from '../domain/i18n';
import * as cells from '../domain/scoring/cell-functions';
import { zoneFormat } from '../adapters/zone-format';

function isDate(v: unknown): v is Date {
  // Dates from services may come from another realm: never instanceof.
  return Object.prototype.toString.call(v) === '[object Date]';
}

function sheetEnv(): cells.CellEnv {
  let lang: Lang | undefined;
  // Offset memo (zone-format.ts): a 10,000-row range costs a few calls per distinct day, not one per distinct value.
  const zone = zoneFormat(() => SpreadsheetApp.getActive().getSpreadsheetTimeZone());
  const dayOf = (d: Date): string => (Number.isNaN(d.getTime()) ? '' : zone.day(d));
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
