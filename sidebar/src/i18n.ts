// The sidebar's own labels in both languages. Field labels and enum labels come from the workbook schema
// (src/domain/schema.ts) so the form and the sheet always name a field the same way.
import { type Catalog, type Lang, t, msg } from '../../src/domain/i18n';

export const UI = {
  title: msg('sidebar/i18n.UI.title'),
  loading: msg('sidebar/i18n.UI.loading'),
  back: msg('sidebar/i18n.UI.back'),
  searchPlaceholder: msg('sidebar/i18n.UI.searchPlaceholder'),
  noResults: msg('sidebar/i18n.UI.noResults'),
  customersCount: msg('sidebar/i18n.UI.customersCount'),
  quickActions: msg('sidebar/i18n.UI.quickActions'),
  newCustomer: msg('sidebar/i18n.UI.newCustomer'),
  newInvoice: msg('sidebar/i18n.UI.newInvoice'),
  recordPayment: msg('sidebar/i18n.UI.recordPayment'),
  logInteraction: msg('sidebar/i18n.UI.logInteraction'),
  editCustomer: msg('sidebar/i18n.UI.editCustomer'),
  reminders: msg('sidebar/i18n.UI.reminders'),
  remindersOn: msg('sidebar/i18n.UI.remindersOn'),
  remindersOff: msg('sidebar/i18n.UI.remindersOff'),
  preview: msg('sidebar/i18n.UI.preview'),
  previewTitle: msg('sidebar/i18n.UI.previewTitle'),
  previewSends: msg('sidebar/i18n.UI.previewSends'),
  previewSkips: msg('sidebar/i18n.UI.previewSkips'),
  save: msg('sidebar/i18n.UI.save'),
  saving: msg('sidebar/i18n.UI.saving'),
  saveAnyway: msg('sidebar/i18n.UI.saveAnyway'),
  cancel: msg('sidebar/i18n.UI.cancel'),
  customer: msg('sidebar/i18n.UI.customer'),
  pickCustomer: msg('sidebar/i18n.UI.pickCustomer'),
  change: msg('sidebar/i18n.UI.change'),
  invoice: msg('sidebar/i18n.UI.invoice'),
  pickInvoice: msg('sidebar/i18n.UI.pickInvoice'),
  noOpenInvoices: msg('sidebar/i18n.UI.noOpenInvoices'),
  invoiceOption: msg('sidebar/i18n.UI.invoiceOption'),
  optional: msg('sidebar/i18n.UI.optional'),
  dueDefault: msg('sidebar/i18n.UI.dueDefault'),
  creditWarning: msg('sidebar/i18n.UI.creditWarning'),
  overpay: msg('sidebar/i18n.UI.overpay'),
  duplicateOf: msg('sidebar/i18n.UI.duplicateOf'),
  ruleTaxId: msg('sidebar/i18n.UI.ruleTaxId'),
  ruleEmail: msg('sidebar/i18n.UI.ruleEmail'),
  rulePhone: msg('sidebar/i18n.UI.rulePhone'),
  ruleName: msg('sidebar/i18n.UI.ruleName'),
  fixFields: msg('sidebar/i18n.UI.fixFields'),
  serverError: msg('sidebar/i18n.UI.serverError'),
  loadError: msg('sidebar/i18n.UI.loadError'),
  retry: msg('sidebar/i18n.UI.retry'),
  score: msg('sidebar/i18n.UI.score'),
  grade: msg('sidebar/i18n.UI.grade'),
  reasons: msg('sidebar/i18n.UI.reasons'),
  outstanding: msg('sidebar/i18n.UI.outstanding'),
  overdue: msg('sidebar/i18n.UI.overdue'),
  oldestOverdue: msg('sidebar/i18n.UI.oldestOverdue'),
  days: msg('sidebar/i18n.UI.days'),
  creditLimit: msg('sidebar/i18n.UI.creditLimit'),
  noLimit: msg('sidebar/i18n.UI.noLimit'),
  aging: msg('sidebar/i18n.UI.aging'),
  openInvoices: msg('sidebar/i18n.UI.openInvoices'),
  recentPayments: msg('sidebar/i18n.UI.recentPayments'),
  interactions: msg('sidebar/i18n.UI.interactions'),
  reminderHistory: msg('sidebar/i18n.UI.reminderHistory'),
  none: msg('sidebar/i18n.UI.none'),
  pause: msg('sidebar/i18n.UI.pause'),
  resume: msg('sidebar/i18n.UI.resume'),
  paused: msg('sidebar/i18n.UI.paused'),
  notFound: msg('sidebar/i18n.UI.notFound'),
  due: msg('sidebar/i18n.UI.due'),
  daysLate: msg('sidebar/i18n.UI.daysLate'),
  settings: msg('sidebar/i18n.UI.settings'),
  yes: msg('sidebar/i18n.UI.yes'),
  no: msg('sidebar/i18n.UI.no'),
  binsUpper: msg('sidebar/i18n.UI.binsUpper'),
  binsPoints: msg('sidebar/i18n.UI.binsPoints'),
  binsAbove: msg('sidebar/i18n.UI.binsAbove'),
  binsAdd: msg('sidebar/i18n.UI.binsAdd'),
  binsRemove: msg('sidebar/i18n.UI.binsRemove'),
  settingMissing: msg('sidebar/i18n.UI.settingMissing'),
  chatTest: msg('sidebar/i18n.UI.chatTest'),
  chatTesting: msg('sidebar/i18n.UI.chatTesting'),
  chatTestHint: msg('sidebar/i18n.UI.chatTestHint'),
  backtest: msg('sidebar/i18n.UI.backtest'),
  backtestCutoff: msg('sidebar/i18n.UI.backtestCutoff'),
  backtestHint: msg('sidebar/i18n.UI.backtestHint'),
  backtestRun: msg('sidebar/i18n.UI.backtestRun'),
  backtestGrades: msg('sidebar/i18n.UI.backtestGrades'),
  backtestCustomers: msg('sidebar/i18n.UI.backtestCustomers'),
  recommendation: msg('sidebar/i18n.UI.recommendation'),
  recommendedLimit: msg('sidebar/i18n.UI.recommendedLimit'),
  recommendedTerms: msg('sidebar/i18n.UI.recommendedTerms'),
  prepayment: msg('sidebar/i18n.UI.prepayment'),
  approve: msg('sidebar/i18n.UI.approve'),
  sendStatement: msg('sidebar/i18n.UI.sendStatement'),
  sendConfirmation: msg('sidebar/i18n.UI.sendConfirmation'),
} satisfies Catalog;

export type UiKey = keyof typeof UI;

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function tr(key: UiKey, params?: Record<string, string | number>): string {
  return t(current, UI[key], params);
}
