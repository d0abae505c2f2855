// Texts of the workbook feature (validation, table access, setup, refresh, onEdit, audit, menus) in both languages.
// `{field}` is the column header in the reader's language, so every message names the field and the rule.
import type { Catalog } from './i18n';
import { msg } from './i18n';

export const VALIDATION = {
  required: msg('workbook-i18n.VALIDATION.required'),
  email: msg('workbook-i18n.VALIDATION.email'),
  phone: msg('workbook-i18n.VALIDATION.phone'),
  taxIdLength: msg('workbook-i18n.VALIDATION.taxIdLength'),
  taxIdFormat: msg('workbook-i18n.VALIDATION.taxIdFormat'),
  taxIdChecksum: msg('workbook-i18n.VALIDATION.taxIdChecksum'),
  date: msg('workbook-i18n.VALIDATION.date'),
  datePast: msg('workbook-i18n.VALIDATION.datePast'),
  dateNotFuture: msg('workbook-i18n.VALIDATION.dateNotFuture'),
  dueBeforeIssue: msg('workbook-i18n.VALIDATION.dueBeforeIssue'),
  money: msg('workbook-i18n.VALIDATION.money'),
  moneyPositive: msg('workbook-i18n.VALIDATION.moneyPositive'),
  moneyNonNegative: msg('workbook-i18n.VALIDATION.moneyNonNegative'),
  integer: msg('workbook-i18n.VALIDATION.integer'),
  range: msg('workbook-i18n.VALIDATION.range'),
  enum: msg('workbook-i18n.VALIDATION.enum'),
  tooLong: msg('workbook-i18n.VALIDATION.tooLong'),
  currency: msg('workbook-i18n.VALIDATION.currency'),
  checkbox: msg('workbook-i18n.VALIDATION.checkbox'),
  notText: msg('workbook-i18n.VALIDATION.notText'),
  decimal: msg('workbook-i18n.VALIDATION.decimal'),
} satisfies Catalog;

export const TABLE = {
  missingColumn: msg('workbook-i18n.TABLE.missingColumn'),
  missingSheet: msg('workbook-i18n.TABLE.missingSheet'),
  badCell: msg('workbook-i18n.TABLE.badCell'),
  duplicateId: msg('workbook-i18n.TABLE.duplicateId'),
} satisfies Catalog;

export type ValidationRule = keyof typeof VALIDATION;

/** Hover help of the in-sheet validation rules. */
export const HELP = {
  email: msg('workbook-i18n.HELP.email'),
  range: msg('workbook-i18n.HELP.range'),
  phone: msg('workbook-i18n.HELP.phone'),
  taxId: msg('workbook-i18n.HELP.taxId'),
  list: msg('workbook-i18n.HELP.list'),
  date: msg('workbook-i18n.HELP.date'),
  money: msg('workbook-i18n.HELP.money'),
  checkbox: msg('workbook-i18n.HELP.checkbox'),
} satisfies Catalog;

export const SETUP = {
  title: msg('workbook-i18n.SETUP.title'),
  started: msg('workbook-i18n.SETUP.started'),
  progress: msg('workbook-i18n.SETUP.progress'),
  summary: msg('workbook-i18n.SETUP.summary'),
  none: msg('workbook-i18n.SETUP.none'),
} satisfies Catalog;

export const REFRESH = {
  unknownCustomer: msg('workbook-i18n.REFRESH.unknownCustomer'),
  unknownInvoice: msg('workbook-i18n.REFRESH.unknownInvoice'),
  title: msg('workbook-i18n.REFRESH.title'),
  started: msg('workbook-i18n.REFRESH.started'),
  writing: msg('workbook-i18n.REFRESH.writing'),
  summary: msg('workbook-i18n.REFRESH.summary'),
  skipped: msg('workbook-i18n.REFRESH.skipped'),
  issueLine: msg('workbook-i18n.REFRESH.issueLine'),
  duplicateCustomer: msg('workbook-i18n.REFRESH.duplicateCustomer'),
  duplicateInvoice: msg('workbook-i18n.REFRESH.duplicateInvoice'),
} satisfies Catalog;

export const EDIT = {
  note: msg('workbook-i18n.EDIT.note'),
  rangeSummary: msg('workbook-i18n.EDIT.rangeSummary'),
} satisfies Catalog;

/** Add-on menu captions, by the Apps Script function each item runs (PRODUCT.md §8). */
export const MENU = {
  showSidebar: msg('workbook-i18n.MENU.showSidebar'),
  setupWorkbook: msg('workbook-i18n.MENU.setupWorkbook'),
  refreshLedger: msg('workbook-i18n.MENU.refreshLedger'),
  rescoreCustomers: msg('workbook-i18n.MENU.rescoreCustomers'),
  runBacktest: msg('workbook-i18n.MENU.runBacktest'),
  previewReminders: msg('workbook-i18n.MENU.previewReminders'),
  runRemindersNow: msg('workbook-i18n.MENU.runRemindersNow'),
  enableDailyReminders: msg('workbook-i18n.MENU.enableDailyReminders'),
  disableDailyReminders: msg('workbook-i18n.MENU.disableDailyReminders'),
  verifyAuditLog: msg('workbook-i18n.MENU.verifyAuditLog'),
  buildReports: msg('workbook-i18n.MENU.buildReports'),
  showImport: msg('workbook-i18n.MENU.showImport'),
  enableWeeklyBackup: msg('workbook-i18n.MENU.enableWeeklyBackup'),
  disableWeeklyBackup: msg('workbook-i18n.MENU.disableWeeklyBackup'),
} satisfies Catalog;

export const UI = {
  title: msg('workbook-i18n.UI.title'),
  failed: msg('workbook-i18n.UI.failed'),
  auditOk: msg('workbook-i18n.UI.auditOk'),
  auditBroken: msg('workbook-i18n.UI.auditBroken'),
  sidebarTitle: msg('workbook-i18n.UI.sidebarTitle'),
  auditAltered: msg('workbook-i18n.UI.auditAltered'),
  auditMissing: msg('workbook-i18n.UI.auditMissing'),
  auditInserted: msg('workbook-i18n.UI.auditInserted'),
  auditTruncated: msg('workbook-i18n.UI.auditTruncated'),
  auditTruncatedOld: msg('workbook-i18n.UI.auditTruncatedOld'),
} satisfies Catalog;
