// The reminders a customer will get next, with their dates, for the customer 360's timeline (PRODUCT §13). Not a
// second planner: it runs the real one (plan.ts) day by day over the coming weeks on this customer's invoices,
// treating each planned message as sent on its day, so working days, catch-up pacing, per-segment stages, promise
// dates and disputes are honoured exactly as the daily run will honour them.
import { addDays, type IsoDay } from '../day';
import type { Customer, Invoice, ReminderLogEntry } from '../records';
import { planReminders } from './plan';
import type { ReminderConfig } from './settings';

export interface UpcomingReminder {
  day: IsoDay;
  /** The message's highest stage (picks the template). */
  stage: number;
  isFinal: boolean;
  invoiceIds: string[];
  /** Each invoice's own stage, in the order of `invoiceIds` (one e-mail may list an upcoming and an overdue one). */
  stages: number[];
}

/** How far ahead the timeline looks, and how many planned messages it shows at most. */
export const UPCOMING_HORIZON_DAYS = 60;
export const UPCOMING_MAX = 6;

export interface UpcomingInput {
  /** The first day that may still get a message: today when today's run has not sent yet, else tomorrow. */
  from: IsoDay;
  config: ReminderConfig;
  customer: Customer;
  /** This customer's invoices (other customers' rows change nothing). */
  invoices: readonly Invoice[];
  history: ReadonlyArray<Pick<ReminderLogEntry, 'invoiceIds' | 'stage' | 'result'> & { at?: string }>;
}

export function upcomingReminders(input: UpcomingInput, horizon = UPCOMING_HORIZON_DAYS): UpcomingReminder[] {
  const history = [...input.history];
  const out: UpcomingReminder[] = [];
  for (let i = 0; i < horizon && out.length < UPCOMING_MAX; i++) {
    const day = addDays(input.from, i);
    const plan = planReminders({
      today: day,
      config: input.config,
      customers: [input.customer],
      invoices: input.invoices,
      history,
    });
    for (const m of plan.messages) {
      out.push({
        day,
        stage: m.stage,
        isFinal: m.isFinal,
        invoiceIds: m.invoices.map((x) => x.invoiceId),
        stages: m.invoices.map((x) => x.stage),
      });
      // As the run would log it: sent today, the lower stages it jumped over superseded.
      for (const x of m.invoices) {
        history.push({ at: `${day} 00:00:00`, invoiceIds: x.invoiceId, stage: String(x.stage), result: 'sent' });
        for (const s of x.superseded)
          history.push({
            at: `${day} 00:00:00`,
            invoiceIds: x.invoiceId,
            stage: String(s),
            result: 'skipped:superseded',
          });
      }
    }
  }
  return out.slice(0, UPCOMING_MAX);
}
