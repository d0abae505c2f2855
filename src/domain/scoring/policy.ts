// Policy by segment and grade (PRODUCT §14): why a customer is in its segment, in words, and the credit limit and
// payment terms the ledger recommends from the grade, the segment and the last 12 months' invoicing. The limit is a
// number of months of the customer's average monthly invoicing (a better grade earns more cover); terms shorten as
// the grade falls, down to prepayment; VIP customers get longer terms, high-risk ones shorter terms and less cover.
// Recommendations never decide anything: an account manager reads them with their reasons and sets the real values.
import { CLAUSE_SEPARATOR, type Lang, msg, perLang, t, type Text } from '../i18n';
import { type Cents, formatMoney } from '../money';
import type { Grade, Segment } from '../records';
import type { RatedGrade } from './grades';
import { overrideConflictText } from './override-conflict';
import type { SegmentRule, SegmentRules } from './segment';

/** Months of average monthly invoicing granted as limit, per grade (non-increasing as grades fall). */
export const LIMIT_MONTHS: Readonly<Record<RatedGrade, number>> = {
  AAA: 3,
  AA: 2.5,
  A: 2,
  BBB: 1.5,
  BB: 1.25,
  B: 1,
  CCC: 0.5,
  CC: 0,
  C: 0,
};
/** Payment terms in days per grade; 0 = prepayment. */
export const TERMS_DAYS: Readonly<Record<RatedGrade, number>> = {
  AAA: 60,
  AA: 60,
  A: 45,
  BBB: 45,
  BB: 30,
  B: 30,
  CCC: 15,
  CC: 0,
  C: 0,
};
export const VIP_EXTRA_TERMS = 15;
export const HIGH_RISK_MAX_TERMS = 15;
export const HIGH_RISK_MAX_MONTHS = 0.5;
/** Limits are rounded down to whole thousands (¥1,000.00). */
const ROUND: Cents = 100_000;

const T = {
  override: msg('scoring/policy.T.override'),
  grade: msg('scoring/policy.T.grade'),
  overdue: msg('scoring/policy.T.overdue'),
  'over-limit': msg('scoring/policy.T.over-limit'),
  vip: msg('scoring/policy.T.vip'),
  default: msg('scoring/policy.T.default'),
  defaultNr: msg('scoring/policy.T.defaultNr'),
  limit: msg('scoring/policy.T.limit'),
  terms: msg('scoring/policy.T.terms'),
  prepay: msg('scoring/policy.T.prepay'),
  vipTerms: msg('scoring/policy.T.vipTerms'),
  highRisk: msg('scoring/policy.T.highRisk'),
  nr: msg('scoring/policy.T.nr'),
} as const satisfies Readonly<Record<string, Text>>;

export interface SegmentReasonInput {
  rule: SegmentRule;
  grade: Grade;
  oldestOverdueDays: number;
  outstanding: Cents;
  creditLimit: Cents | null;
  invoiced12m: Cents;
  /** The manual segment, when the rule is 'override' (to flag one that contradicts the grade). */
  override?: Segment | '';
}

/** The rule that put the customer in its segment, as a sentence with the customer's figures. */
export function segmentReason(lang: Lang, i: SegmentReasonInput, rules: SegmentRules): string {
  switch (i.rule) {
    case 'grade':
      return t(lang, T.grade, { grade: i.grade });
    case 'overdue':
      return t(lang, T.overdue, { days: i.oldestOverdueDays, max: rules.highRiskOverdueDays });
    case 'over-limit':
      return t(lang, T['over-limit'], { out: formatMoney(i.outstanding), limit: formatMoney(i.creditLimit ?? 0) });
    case 'vip':
      return t(lang, T.vip, {
        grade: i.grade,
        invoiced: formatMoney(i.invoiced12m),
        min: formatMoney(rules.vipMinInvoiced12m),
      });
    case 'override': {
      // Flagged in the sheet too when the override contradicts the grade (override-conflict.ts).
      const conflict = overrideConflictText(lang, i.override, i.grade, rules);
      return conflict ? `${t(lang, T.override)}${t(lang, CLAUSE_SEPARATOR)}${conflict}` : t(lang, T.override);
    }
    default:
      return t(lang, i.grade === 'NR' ? T.defaultNr : T.default);
  }
}

export interface Recommendation {
  /** null when not rated (no recommendation). */
  limit: Cents | null;
  /** Days; 0 = prepayment; null when not rated. */
  termsDays: number | null;
  reasons: Text[];
}

const both = (text: Text, params: Record<string, string | number>): Text => perLang((lang) => t(lang, text, params));

export function recommend(grade: Grade, segment: Segment | '', invoiced12m: Cents): Recommendation {
  return recommendWith(grade, segment, invoiced12m, both);
}

/**
 * The same recommendation with its reasons in one language only (each reason is `recommend`'s `[lang]`): rescore
 * writes one language, and building all three for every customer was a good part of its CPU at 50,000 invoices.
 */
export function recommendIn(
  lang: Lang,
  grade: Grade,
  segment: Segment | '',
  invoiced12m: Cents,
): Omit<Recommendation, 'reasons'> & { reasons: string[] } {
  return recommendWith(grade, segment, invoiced12m, (text, params) => t(lang, text, params));
}

function recommendWith<R>(
  grade: Grade,
  segment: Segment | '',
  invoiced12m: Cents,
  say: (text: Text, params: Record<string, string | number>) => R,
): { limit: Cents | null; termsDays: number | null; reasons: R[] } {
  if (grade === 'NR') return { limit: null, termsDays: null, reasons: [say(T.nr, {})] };
  const monthly = Math.round(invoiced12m / 12);
  let months = LIMIT_MONTHS[grade];
  let terms = TERMS_DAYS[grade];
  const reasons: R[] = [
    say(T.limit, { grade, monthly: formatMoney(monthly), months }),
    say(terms === 0 ? T.prepay : T.terms, { grade, days: terms }),
  ];
  if (segment === 'vip' && terms > 0) {
    terms += VIP_EXTRA_TERMS;
    reasons.push(say(T.vipTerms, { days: VIP_EXTRA_TERMS }));
  } else if (segment === 'high-risk') {
    terms = Math.min(terms, HIGH_RISK_MAX_TERMS);
    months = Math.min(months, HIGH_RISK_MAX_MONTHS);
    reasons.push(say(T.highRisk, { days: HIGH_RISK_MAX_TERMS, months: HIGH_RISK_MAX_MONTHS }));
  }
  const limit = Math.floor((monthly * months) / ROUND) * ROUND;
  return { limit, termsDays: terms, reasons };
}
