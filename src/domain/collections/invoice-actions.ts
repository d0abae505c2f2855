// What a collector may do to one open invoice from the customer 360 (PRODUCT §13): mark it disputed or clear the
// dispute, record the customer's promise to pay by a date (reminders wait until that day: plan.ts), or write it off
// (admins only, checked by the use case). Pure: the rule for each action, and the fields it changes.
import { addDays, type IsoDay, isIsoDay } from '../day';
import type { Text } from '../i18n';
import type { Invoice } from '../records';
import { msg } from '../i18n';

export type InvoiceAction = 'dispute' | 'clear-dispute' | 'promise' | 'write-off';
export const INVOICE_ACTIONS: readonly InvoiceAction[] = ['dispute', 'clear-dispute', 'promise', 'write-off'];

/** A promise further out than this is not a promise a collector should accept without a new agreement. */
export const MAX_PROMISE_DAYS = 365;

export const ACTION_TEXT = {
  closed: msg('collections/invoice-actions.ACTION_TEXT.closed'),
  pending: msg('collections/invoice-actions.ACTION_TEXT.pending'),
  alreadyDisputed: msg('collections/invoice-actions.ACTION_TEXT.alreadyDisputed'),
  notDisputed: msg('collections/invoice-actions.ACTION_TEXT.notDisputed'),
  promiseRequired: msg('collections/invoice-actions.ACTION_TEXT.promiseRequired'),
  promisePast: msg('collections/invoice-actions.ACTION_TEXT.promisePast'),
  promiseFar: msg('collections/invoice-actions.ACTION_TEXT.promiseFar'),
  unknownAction: msg('collections/invoice-actions.ACTION_TEXT.unknownAction'),
} as const satisfies Readonly<Record<string, Text>>;

export type ActionOutcome =
  | { ok: true; change: Pick<Invoice, 'status'> & Partial<Pick<Invoice, 'promiseDate'>> }
  | { ok: false; text: Text; params: Record<string, string>; field: '' | 'promiseDate' };

/** The change an action makes to `inv` as of `today`, or why it is refused. */
export function invoiceActionChange(
  inv: Pick<Invoice, 'id' | 'status' | 'outstanding'>,
  action: InvoiceAction,
  promiseDate: string,
  today: IsoDay,
): ActionOutcome {
  const no = (text: Text, params: Record<string, string> = {}, field: '' | 'promiseDate' = '') =>
    ({ ok: false, text, params: { id: inv.id, ...params }, field }) as const;
  if (!INVOICE_ACTIONS.includes(action)) return no(ACTION_TEXT.unknownAction);
  if (inv.status === 'written-off' || !(inv.outstanding > 0)) return no(ACTION_TEXT.closed);
  if (inv.status === 'pending-approval' && action !== 'write-off') return no(ACTION_TEXT.pending);
  switch (action) {
    case 'dispute':
      if (inv.status === 'disputed') return no(ACTION_TEXT.alreadyDisputed);
      return { ok: true, change: { status: 'disputed' } };
    case 'clear-dispute':
      if (inv.status !== 'disputed') return no(ACTION_TEXT.notDisputed);
      return { ok: true, change: { status: 'open' } };
    case 'promise': {
      const day = promiseDate.trim();
      if (!isIsoDay(day)) return no(ACTION_TEXT.promiseRequired, {}, 'promiseDate');
      if (day < today) return no(ACTION_TEXT.promisePast, { today }, 'promiseDate');
      const max = addDays(today, MAX_PROMISE_DAYS);
      if (day > max) return no(ACTION_TEXT.promiseFar, { max }, 'promiseDate');
      return { ok: true, change: { status: 'promised', promiseDate: day } };
    }
    default:
      return { ok: true, change: { status: 'written-off' } };
  }
}
