// One receipt (a customer's single transfer) split across several of its open invoices (PRODUCT §1 payments,
// §13): oldest due first, or amounts the user chose per invoice. Pure allocation and checks in cents; the use case
// (app/save-receipt.ts) writes one payment row per invoice, all sharing one receiptId, in one save.
import type { Text } from '../i18n';
import type { Cents } from '../money';
import { msg } from '../i18n';

export interface OpenItem {
  invoiceId: string;
  dueDate: string;
  outstanding: Cents;
  currency: string;
}

export interface Part {
  invoiceId: string;
  amount: Cents;
}

export const RECEIPT_TEXT = {
  overTotal: msg('collections/receipt.RECEIPT_TEXT.overTotal'),
  partOver: msg('collections/receipt.RECEIPT_TEXT.partOver'),
  partsSum: msg('collections/receipt.RECEIPT_TEXT.partsSum'),
  noParts: msg('collections/receipt.RECEIPT_TEXT.noParts'),
  notOpen: msg('collections/receipt.RECEIPT_TEXT.notOpen'),
  mixedCurrency: msg('collections/receipt.RECEIPT_TEXT.mixedCurrency'),
  partAmount: msg('collections/receipt.RECEIPT_TEXT.partAmount'),
  twice: msg('collections/receipt.RECEIPT_TEXT.twice'),
} as const satisfies Readonly<Record<string, Text>>;

export type Refusal = { text: Text; params: Record<string, string | number>; field: string };

/** Oldest due first (then by id): each invoice takes what it still owes until the receipt is used up. */
export function allocateOldestFirst(amount: Cents, open: readonly OpenItem[]): Part[] {
  const sorted = [...open].sort((a, b) =>
    a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.invoiceId < b.invoiceId ? -1 : 1,
  );
  const parts: Part[] = [];
  let left = amount;
  for (const inv of sorted) {
    if (left <= 0) break;
    const take = Math.min(left, inv.outstanding);
    if (take > 0) parts.push({ invoiceId: inv.invoiceId, amount: take });
    left -= take;
  }
  return parts;
}

/**
 * The checks of a receipt against the customer's open invoices: nothing above the total outstanding, every part on
 * an open invoice, within what it owes, in one currency, adding up to the receipt. `money` formats cents for the
 * messages. Returns the first refusal, or null when the receipt may be saved.
 */
export function checkReceipt(
  amount: Cents,
  parts: readonly Part[],
  open: readonly OpenItem[],
  money: (c: Cents, currency: string) => string,
): Refusal | null {
  const byId = new Map(open.map((o) => [o.invoiceId, o]));
  const total = open.reduce((s, o) => s + o.outstanding, 0);
  const currency = open[0]?.currency ?? '';
  if (amount > total)
    return {
      text: RECEIPT_TEXT.overTotal,
      params: { amount: money(amount, currency), outstanding: money(total, currency) },
      field: 'amount',
    };
  const used = parts.filter((p) => p.amount > 0);
  if (!used.length) return { text: RECEIPT_TEXT.noParts, params: {}, field: 'allocation' };
  const seen = new Set<string>();
  for (const p of used) {
    const inv = byId.get(p.invoiceId);
    if (!inv) return { text: RECEIPT_TEXT.notOpen, params: { id: p.invoiceId }, field: 'allocation' };
    if (seen.has(p.invoiceId)) return { text: RECEIPT_TEXT.twice, params: { id: p.invoiceId }, field: 'allocation' };
    seen.add(p.invoiceId);
    if (p.amount > inv.outstanding)
      return {
        text: RECEIPT_TEXT.partOver,
        params: {
          id: p.invoiceId,
          amount: money(p.amount, inv.currency),
          outstanding: money(inv.outstanding, inv.currency),
        },
        field: 'allocation',
      };
  }
  const currencies = [...new Set(used.map((p) => byId.get(p.invoiceId)?.currency ?? ''))];
  if (currencies.length > 1)
    return { text: RECEIPT_TEXT.mixedCurrency, params: { list: currencies.join(', ') }, field: 'allocation' };
  const sum = used.reduce((s, p) => s + p.amount, 0);
  if (sum !== amount) {
    const cur = currencies[0] ?? currency;
    return {
      text: RECEIPT_TEXT.partsSum,
      params: { sum: money(sum, cur), amount: money(amount, cur) },
      field: 'allocation',
    };
  }
  return null;
}
