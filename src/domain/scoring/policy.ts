// Policy by segment and grade (PRODUCT §14): why a customer is in its segment, in words, and the credit limit and
// payment terms the ledger recommends from the grade, the segment and the last 12 months' invoicing. The limit is a
// number of months of the customer's average monthly invoicing (a better grade earns more cover); terms shorten as
// the grade falls, down to prepayment; VIP customers get longer terms, high-risk ones shorter terms and less cover.
// Recommendations never decide anything: an account manager reads them with their reasons and sets the real values.
import { type Lang, type Text, t } from '../i18n';
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
  override: { 'zh-CN': '手动指定分类', en: 'Segment set manually' },
  sep: { 'zh-CN': '；', en: '. ' },
  grade: { 'zh-CN': '等级 {grade} 属于高风险等级', en: 'Grade {grade} is a high-risk grade' },
  overdue: {
    'zh-CN': '最久逾期 {days} 天，超过 {max} 天',
    en: 'Oldest overdue invoice {days} days past due, more than {max}',
  },
  'over-limit': {
    'zh-CN': '应收余额 ¥{out} 超过信用额度 ¥{limit}',
    en: 'Outstanding ¥{out} above the credit limit ¥{limit}',
  },
  vip: {
    'zh-CN': '等级 {grade}，近 12 个月开票 ¥{invoiced}（不低于 ¥{min}）',
    en: 'Grade {grade} and ¥{invoiced} invoiced in 12 months (at least ¥{min})',
  },
  default: { 'zh-CN': '未触发高风险或 VIP 规则', en: 'No high-risk or VIP rule applies' },
  defaultNr: {
    'zh-CN': '未评级，且未触发高风险规则',
    en: 'Not rated, and no high-risk rule applies',
  },
  limit: {
    'zh-CN': '等级 {grade}：额度 = 近 12 个月月均开票 ¥{monthly} × {months}',
    en: 'Grade {grade}: limit = average monthly invoicing over 12 months (¥{monthly}) × {months}',
  },
  terms: { 'zh-CN': '等级 {grade}：账期 {days} 天', en: 'Grade {grade}: {days}-day terms' },
  prepay: { 'zh-CN': '等级 {grade}：建议预付款', en: 'Grade {grade}: prepayment recommended' },
  vipTerms: { 'zh-CN': 'VIP：账期延长 {days} 天', en: 'VIP: terms extended by {days} days' },
  highRisk: {
    'zh-CN': '高风险：账期不超过 {days} 天，额度不超过月均开票 × {months}',
    en: 'High-risk: terms at most {days} days, limit at most monthly invoicing × {months}',
  },
  nr: {
    'zh-CN': '未评级：历史不足，维持现有额度与账期',
    en: 'Not rated: too little history; keep the current limit and terms',
  },
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
      return conflict ? `${t(lang, T.override)}${t(lang, T.sep)}${conflict}` : t(lang, T.override);
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

const both = (text: Text, params: Record<string, string | number>): Text => ({
  'zh-CN': t('zh-CN', text, params),
  en: t('en', text, params),
});

export function recommend(grade: Grade, segment: Segment | '', invoiced12m: Cents): Recommendation {
  if (grade === 'NR') return { limit: null, termsDays: null, reasons: [both(T.nr, {})] };
  const monthly = Math.round(invoiced12m / 12);
  let months = LIMIT_MONTHS[grade];
  let terms = TERMS_DAYS[grade];
  const reasons: Text[] = [
    both(T.limit, { grade, monthly: formatMoney(monthly), months }),
    both(terms === 0 ? T.prepay : T.terms, { grade, days: terms }),
  ];
  if (segment === 'vip' && terms > 0) {
    terms += VIP_EXTRA_TERMS;
    reasons.push(both(T.vipTerms, { days: VIP_EXTRA_TERMS }));
  } else if (segment === 'high-risk') {
    terms = Math.min(terms, HIGH_RISK_MAX_TERMS);
    months = Math.min(months, HIGH_RISK_MAX_MONTHS);
    reasons.push(both(T.highRisk, { days: HIGH_RISK_MAX_TERMS, months: HIGH_RISK_MAX_MONTHS }));
  }
  const limit = Math.floor((monthly * months) / ROUND) * ROUND;
  return { limit, termsDays: terms, reasons };
}
