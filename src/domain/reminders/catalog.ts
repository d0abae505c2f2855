// Every text of the reminder feature a person reads (e-mails, digests, skip reasons, status lines), zh-CN and en.
import { type Catalog, type Lang, t, msg } from '../i18n';
import { daysText } from './mail-blocks';

export type SkipReason =
  | 'paid'
  | 'written-off'
  | 'disputed'
  | 'promised'
  | 'paused'
  | 'inactive'
  | 'no-email'
  | 'invalid-email'
  | 'below-minimum'
  | 'no-customer'
  | 'superseded'
  | 'duplicate-id'
  | 'pending-approval';

export const SKIP_TEXT: Catalog<SkipReason> = {
  paid: msg('reminders/catalog.SKIP_TEXT.paid'),
  'written-off': msg('reminders/catalog.SKIP_TEXT.written-off'),
  disputed: msg('reminders/catalog.SKIP_TEXT.disputed'),
  promised: msg('reminders/catalog.SKIP_TEXT.promised'),
  paused: msg('reminders/catalog.SKIP_TEXT.paused'),
  inactive: msg('reminders/catalog.SKIP_TEXT.inactive'),
  'no-email': msg('reminders/catalog.SKIP_TEXT.no-email'),
  'invalid-email': msg('reminders/catalog.SKIP_TEXT.invalid-email'),
  'below-minimum': msg('reminders/catalog.SKIP_TEXT.below-minimum'),
  'no-customer': msg('reminders/catalog.SKIP_TEXT.no-customer'),
  superseded: msg('reminders/catalog.SKIP_TEXT.superseded'),
  'duplicate-id': msg('reminders/catalog.SKIP_TEXT.duplicate-id'),
  'pending-approval': msg('reminders/catalog.SKIP_TEXT.pending-approval'),
};

export const TX = {
  // Signs e-mails while the Settings sheet has no company name yet (subjects would read "【】…" otherwise).
  companyFallback: msg('reminders/catalog.TX.companyFallback'),
  colInvoice: msg('reminders/catalog.TX.colInvoice'),
  colContract: msg('reminders/catalog.TX.colContract'),
  colProject: msg('reminders/catalog.TX.colProject'),
  colDue: msg('reminders/catalog.TX.colDue'),
  colAmount: msg('reminders/catalog.TX.colAmount'),
  colOutstanding: msg('reminders/catalog.TX.colOutstanding'),
  colDays: msg('reminders/catalog.TX.colDays'),
  colStage: msg('reminders/catalog.TX.colStage'),
  colCustomer: msg('reminders/catalog.TX.colCustomer'),
  // {n} is a day count with its unit ("1 day", "7 days", "7 天"): see daysText.
  stageBefore: msg('reminders/catalog.TX.stageBefore'),
  stageDueDay: msg('reminders/catalog.TX.stageDueDay'),
  stageOverdue: msg('reminders/catalog.TX.stageOverdue'),
  stageFinal: msg('reminders/catalog.TX.stageFinal'),
  digestSubject: msg('reminders/catalog.TX.digestSubject'),
  digestIntro: msg('reminders/catalog.TX.digestIntro'),
  digestIntroFinance: msg('reminders/catalog.TX.digestIntroFinance'),
  digestMore: msg('reminders/catalog.TX.digestMore'),
  digestNone: msg('reminders/catalog.TX.digestNone'),
  digestSent: msg('reminders/catalog.TX.digestSent'),
  alertsTitle: msg('reminders/catalog.TX.alertsTitle'),
  alertOverLimit: msg('reminders/catalog.TX.alertOverLimit'),
  alertVeryOverdue: msg('reminders/catalog.TX.alertVeryOverdue'),
  alertGradeDrop: msg('reminders/catalog.TX.alertGradeDrop'),
  lastStageNone: msg('reminders/catalog.TX.lastStageNone'),
  alertHighRiskReview: msg('reminders/catalog.TX.alertHighRiskReview'),
  alertHighRiskReviewPlain: msg('reminders/catalog.TX.alertHighRiskReviewPlain'),
  colStatus: msg('reminders/catalog.TX.colStatus'),
  totalRow: msg('reminders/catalog.TX.totalRow'),
  sectionOverdue: msg('reminders/catalog.TX.sectionOverdue'),
  sectionUpcoming: msg('reminders/catalog.TX.sectionUpcoming'),
  amountInWords: msg('reminders/catalog.TX.amountInWords'),
} as const satisfies Catalog;

export function tx(lang: Lang, key: keyof typeof TX, params?: Record<string, string | number>): string {
  return t(lang, TX[key], params);
}

/** "7 days overdue", "Final notice (30 days overdue)", "3 days before due". */
export function stageLabel(lang: Lang, stage: number, isFinal: boolean): string {
  if (stage < 0) return tx(lang, 'stageBefore', { n: daysText(lang, -stage) });
  if (stage === 0) return tx(lang, 'stageDueDay');
  return tx(lang, isFinal ? 'stageFinal' : 'stageOverdue', { n: daysText(lang, stage) });
}

/** The company name e-mails are signed with: the setting, or a neutral localized fallback while it is blank. */
export function companyOrFallback(companyName: string, lang: Lang): string {
  return companyName.trim() || tx(lang, 'companyFallback');
}
