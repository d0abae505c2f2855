// Build reports (menu *Build reports*, the daily run after reminders, the sidebar's as-of day; PRODUCT.md §11): reads
// the ledger once, computes the report as of a day (today or a past day, rebuilt from invoices and the payment log)
// and hands the laid-out sheet to a writer. The headline figures come back for the sidebar's cards.
import { type IsoDay, isIsoDay } from '../domain/day';
import type { Lang } from '../domain/i18n';
import { buildReport, type Headline } from '../domain/reports/build';
import { layoutReport, type ReportSheet } from '../domain/reports/layout';
import { REPORT } from '../domain/reports/report-i18n';
import { WORKBOOK_KEYS } from '../domain/settings';
import type { Clock, LedgerStore } from './ports';

/** What the report's writer needs: one sheet written whole, charts kept in place; what it wrote comes back. */
export interface ReportWriter {
  write(sheet: ReportSheet, lang: Lang, cards: ReportCards): { sheetName: string };
}

/** The sidebar's headline cards: JSON-safe, money in cents. */
export interface ReportCards extends Headline {
  asOf: IsoDay;
  builtAt: string;
  excluded: number;
}

export interface BuildReportsResult {
  ok: true;
  cards: ReportCards;
  sheetName: string;
}

export interface BuildReportsRefusal {
  ok: false;
  message: string;
}

export interface ReportDeps {
  store: LedgerStore;
  clock: Clock;
  writer: ReportWriter;
  /** The spreadsheet's time zone name (shown on the sheet: days are counted in it). */
  zone: string;
}

/** `asOf` '' = today; a past day must be a real calendar day no later than today. */
export function buildReports(
  deps: ReportDeps,
  lang: Lang,
  asOf: IsoDay = '',
): BuildReportsResult | BuildReportsRefusal {
  const today = deps.clock.today();
  const day = asOf || today;
  if (!isIsoDay(day) || day > today) return { ok: false, message: REPORT.badDay[lang] };
  const { store } = deps;
  const customers = store.read('customers');
  const invoices = store.read('invoices');
  const payments = store.read('payments');
  const interactions = store.read('interactions');
  // Rows typed with another row's id are left out by the reader (neither copy counts, PRODUCT.md §9) and reported as
  // issues of their own kind; every other issue is a row that could not be read.
  const issues = [...customers.issues, ...invoices.issues, ...payments.issues, ...interactions.issues];
  const duplicates = issues.filter((i) => i.duplicateId !== undefined).length;
  const unreadable = issues.length - duplicates;
  const currency = store.settings()[WORKBOOK_KEYS.currency] || 'CNY';
  const model = buildReport(
    {
      customers: customers.rows.map((r) => r.record),
      invoices: invoices.rows.map((r) => r.record),
      payments: payments.rows.map((r) => r.record),
      interactions: interactions.rows.map((r) => r.record),
      unreadable,
      duplicates,
    },
    day,
    currency,
  );
  const builtAt = deps.clock.nowStamp();
  const sheet = layoutReport(model, lang, deps.zone, builtAt, today);
  const e = model.excluded;
  const cards: ReportCards = {
    ...model.headline,
    asOf: day,
    builtAt,
    excluded: e.unreadable + e.unknownCustomer + e.unknownInvoice + e.duplicateId,
  };
  const { sheetName } = deps.writer.write(sheet, lang, cards);
  return { ok: true, cards, sheetName };
}
