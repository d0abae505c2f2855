// Texts of the import (PRODUCT.md §12), zh-CN and en: row problems written to the Import report sheet, refusals of
// a whole source (nothing is written then) and progress lines. Each refusal says what is wrong and what to do.
import type { Catalog } from '../domain/i18n';
import { msg } from '../domain/i18n';

export const IMPORT_TEXT = {
  unknownCustomer: msg('app/import-i18n.IMPORT_TEXT.unknownCustomer'),
  ambiguousCustomer: msg('app/import-i18n.IMPORT_TEXT.ambiguousCustomer'),
  unknownInvoice: msg('app/import-i18n.IMPORT_TEXT.unknownInvoice'),
  invoiceClosed: msg('app/import-i18n.IMPORT_TEXT.invoiceClosed'),
  overpayment: msg('app/import-i18n.IMPORT_TEXT.overpayment'),
  duplicateId: msg('app/import-i18n.IMPORT_TEXT.duplicateId'),
  duplicateInFile: msg('app/import-i18n.IMPORT_TEXT.duplicateInFile'),
  sourceMissing: msg('app/import-i18n.IMPORT_TEXT.sourceMissing'),
  sourceIsLedger: msg('app/import-i18n.IMPORT_TEXT.sourceIsLedger'),
  empty: msg('app/import-i18n.IMPORT_TEXT.empty'),
  noHeader: msg('app/import-i18n.IMPORT_TEXT.noHeader'),
  blankHeader: msg('app/import-i18n.IMPORT_TEXT.blankHeader'),
  tooManyRows: msg('app/import-i18n.IMPORT_TEXT.tooManyRows'),
  tooManyColumns: msg('app/import-i18n.IMPORT_TEXT.tooManyColumns'),
  requiredUnmapped: msg('app/import-i18n.IMPORT_TEXT.requiredUnmapped'),
  badRequest: msg('app/import-i18n.IMPORT_TEXT.badRequest'),
  busy: msg('app/import-i18n.IMPORT_TEXT.busy'),
  progress: msg('app/import-i18n.IMPORT_TEXT.progress'),
  finished: msg('app/import-i18n.IMPORT_TEXT.finished'),
  seeReport: msg('app/import-i18n.IMPORT_TEXT.seeReport'),
  reportSheet: msg('app/import-i18n.IMPORT_TEXT.reportSheet'),
  reportRun: msg('app/import-i18n.IMPORT_TEXT.reportRun'),
  reportSource: msg('app/import-i18n.IMPORT_TEXT.reportSource'),
  reportRow: msg('app/import-i18n.IMPORT_TEXT.reportRow'),
  reportField: msg('app/import-i18n.IMPORT_TEXT.reportField'),
  reportMessage: msg('app/import-i18n.IMPORT_TEXT.reportMessage'),
  reportValue: msg('app/import-i18n.IMPORT_TEXT.reportValue'),
} satisfies Catalog;
