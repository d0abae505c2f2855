// Server-side texts of the sidebar's use cases (save outcomes, warnings, problems), zh-CN and en. Each failure
// message says what happened AND what to do next, because the user's typed values stay in the form.
import type { Catalog } from '../domain/i18n';
import { msg } from '../domain/i18n';

export const SIDEBAR_TEXT = {
  validation: msg('app/sidebar-i18n.SIDEBAR_TEXT.validation'),
  conflict: msg('app/sidebar-i18n.SIDEBAR_TEXT.conflict'),
  busy: msg('app/sidebar-i18n.SIDEBAR_TEXT.busy'),
  notFoundCustomer: msg('app/sidebar-i18n.SIDEBAR_TEXT.notFoundCustomer'),
  notFoundInvoice: msg('app/sidebar-i18n.SIDEBAR_TEXT.notFoundInvoice'),
  duplicate: msg('app/sidebar-i18n.SIDEBAR_TEXT.duplicate'),
  setup: msg('app/sidebar-i18n.SIDEBAR_TEXT.setup'),
  savedCustomer: msg('app/sidebar-i18n.SIDEBAR_TEXT.savedCustomer'),
  savedInvoice: msg('app/sidebar-i18n.SIDEBAR_TEXT.savedInvoice'),
  heldHighRisk: msg('app/sidebar-i18n.SIDEBAR_TEXT.heldHighRisk'),
  heldOverLimit: msg('app/sidebar-i18n.SIDEBAR_TEXT.heldOverLimit'),
  approved: msg('app/sidebar-i18n.SIDEBAR_TEXT.approved'),
  notPending: msg('app/sidebar-i18n.SIDEBAR_TEXT.notPending'),
  approveNotAdmin: msg('app/sidebar-i18n.SIDEBAR_TEXT.approveNotAdmin'),
  savedPayment: msg('app/sidebar-i18n.SIDEBAR_TEXT.savedPayment'),
  settled: msg('app/sidebar-i18n.SIDEBAR_TEXT.settled'),
  savedInteraction: msg('app/sidebar-i18n.SIDEBAR_TEXT.savedInteraction'),
  pausedOn: msg('app/sidebar-i18n.SIDEBAR_TEXT.pausedOn'),
  pausedOff: msg('app/sidebar-i18n.SIDEBAR_TEXT.pausedOff'),
  creditWarning: msg('app/sidebar-i18n.SIDEBAR_TEXT.creditWarning'),
  overpayment: msg('app/sidebar-i18n.SIDEBAR_TEXT.overpayment'),
  invoiceClosed: msg('app/sidebar-i18n.SIDEBAR_TEXT.invoiceClosed'),
  customerInactive: msg('app/sidebar-i18n.SIDEBAR_TEXT.customerInactive'),
  duplicateInvoice: msg('app/sidebar-i18n.SIDEBAR_TEXT.duplicateInvoice'),
} satisfies Catalog;

/** Texts of the settings view and its save (src/app/settings-view.ts, src/app/save-settings.ts). */
export const SETTINGS_TEXT = {
  groupCompany: msg('app/sidebar-i18n.SETTINGS_TEXT.groupCompany'),
  groupWorkbook: msg('app/sidebar-i18n.SETTINGS_TEXT.groupWorkbook'),
  groupReminders: msg('app/sidebar-i18n.SETTINGS_TEXT.groupReminders'),
  groupScoring: msg('app/sidebar-i18n.SETTINGS_TEXT.groupScoring'),
  groupSegments: msg('app/sidebar-i18n.SETTINGS_TEXT.groupSegments'),
  groupTemplates: msg('app/sidebar-i18n.SETTINGS_TEXT.groupTemplates'),
  groupOther: msg('app/sidebar-i18n.SETTINGS_TEXT.groupOther'),
  groupChat: msg('app/sidebar-i18n.SETTINGS_TEXT.groupChat'),
  notAdmin: msg('app/sidebar-i18n.SETTINGS_TEXT.notAdmin'),
  conflict: msg('app/sidebar-i18n.SETTINGS_TEXT.conflict'),
  saved: msg('app/sidebar-i18n.SETTINGS_TEXT.saved'),
  unchanged: msg('app/sidebar-i18n.SETTINGS_TEXT.unchanged'),
} satisfies Catalog;
