// Texts of the customer 360's collections actions, the timeline and the split-receipt form (issue #16 part A), in
// their own catalog so parallel work on the shared UI catalog (i18n.ts) does not collide.
import { type Catalog, t, msg } from '../../src/domain/i18n';
import { lang } from './i18n';

export const COLLECTIONS_UI = {
  // Short: four actions share one line of a 300 px sidebar under each invoice.
  pay: msg('sidebar/collections-text.COLLECTIONS_UI.pay'),
  dispute: msg('sidebar/collections-text.COLLECTIONS_UI.dispute'),
  clearDispute: msg('sidebar/collections-text.COLLECTIONS_UI.clearDispute'),
  promise: msg('sidebar/collections-text.COLLECTIONS_UI.promise'),
  writeOff: msg('sidebar/collections-text.COLLECTIONS_UI.writeOff'),
  promiseDate: msg('sidebar/collections-text.COLLECTIONS_UI.promiseDate'),
  confirm: msg('sidebar/collections-text.COLLECTIONS_UI.confirm'),
  cancel: msg('sidebar/collections-text.COLLECTIONS_UI.cancel'),
  confirmWriteOff: msg('sidebar/collections-text.COLLECTIONS_UI.confirmWriteOff'),
  promisedUntil: msg('sidebar/collections-text.COLLECTIONS_UI.promisedUntil'),
  resolve: msg('sidebar/collections-text.COLLECTIONS_UI.resolve'),
  resolution: msg('sidebar/collections-text.COLLECTIONS_UI.resolution'),
  resolvedOn: msg('sidebar/collections-text.COLLECTIONS_UI.resolvedOn'),
  contact: msg('sidebar/collections-text.COLLECTIONS_UI.contact'),
  contactName: msg('sidebar/collections-text.COLLECTIONS_UI.contactName'),
  phone: msg('sidebar/collections-text.COLLECTIONS_UI.phone'),
  email: msg('sidebar/collections-text.COLLECTIONS_UI.email'),
  manager: msg('sidebar/collections-text.COLLECTIONS_UI.manager'),
  timeline: msg('sidebar/collections-text.COLLECTIONS_UI.timeline'),
  planned: msg('sidebar/collections-text.COLLECTIONS_UI.planned'),
  sent: msg('sidebar/collections-text.COLLECTIONS_UI.sent'),
  nothingPlanned: msg('sidebar/collections-text.COLLECTIONS_UI.nothingPlanned'),
  receipt: msg('sidebar/collections-text.COLLECTIONS_UI.receipt'),
  receiptTitle: msg('sidebar/collections-text.COLLECTIONS_UI.receiptTitle'),
  receiptAmount: msg('sidebar/collections-text.COLLECTIONS_UI.receiptAmount'),
  allocation: msg('sidebar/collections-text.COLLECTIONS_UI.allocation'),
  oldestFirst: msg('sidebar/collections-text.COLLECTIONS_UI.oldestFirst'),
  chosen: msg('sidebar/collections-text.COLLECTIONS_UI.chosen'),
  owes: msg('sidebar/collections-text.COLLECTIONS_UI.owes'),
  allocated: msg('sidebar/collections-text.COLLECTIONS_UI.allocated'),
  totalOpen: msg('sidebar/collections-text.COLLECTIONS_UI.totalOpen'),
  overTotal: msg('sidebar/collections-text.COLLECTIONS_UI.overTotal'),
  noOpen: msg('sidebar/collections-text.COLLECTIONS_UI.noOpen'),
  dueOn: msg('sidebar/collections-text.COLLECTIONS_UI.dueOn'),
} satisfies Catalog;

export function tc(key: keyof typeof COLLECTIONS_UI, params?: Record<string, string | number>): string {
  return t(lang(), COLLECTIONS_UI[key], params);
}
