// Customer segments (VIP / normal / high-risk) from configurable rules. High-risk rules are checked first: a
// customer who is 100 days late is high-risk however much it buys, because the segment drives collection effort.
// A manual override in the customers sheet always wins: the account manager knows things the ledger does not.
import type { Cents } from '../money';
import type { Grade, Segment } from '../records';

export interface SegmentRules {
  /** Grades that qualify for VIP (together with the revenue rule). */
  vipGrades: readonly Grade[];
  /** Minimum amount invoiced in the last 12 months for VIP, in cents. */
  vipMinInvoiced12m: Cents;
  /** Grades that make a customer high-risk. */
  highRiskGrades: readonly Grade[];
  /** High-risk when the oldest overdue invoice is more than this many days past due. */
  highRiskOverdueDays: number;
  /** High-risk when the outstanding balance is above the credit limit. */
  highRiskOverLimit: boolean;
}

export const DEFAULT_SEGMENT_RULES: SegmentRules = {
  vipGrades: ['AAA', 'AA'],
  vipMinInvoiced12m: 50_000_000,
  highRiskGrades: ['CCC', 'CC', 'C'],
  highRiskOverdueDays: 90,
  highRiskOverLimit: true,
};

export interface SegmentInput {
  grade: Grade;
  invoiced12m: Cents;
  oldestOverdueDays: number;
  outstanding: Cents;
  /** null or 0 = no limit. */
  creditLimit: Cents | null;
  override: Segment | '';
}

/** Why a segment was chosen: the rule that decided it (for the sidebar and the docs). */
export type SegmentRule = 'override' | 'grade' | 'overdue' | 'over-limit' | 'vip' | 'default';

export function segmentFor(input: SegmentInput, rules: SegmentRules): { segment: Segment; rule: SegmentRule } {
  if (input.override) return { segment: input.override, rule: 'override' };
  if (rules.highRiskGrades.includes(input.grade)) return { segment: 'high-risk', rule: 'grade' };
  if (input.oldestOverdueDays > rules.highRiskOverdueDays) return { segment: 'high-risk', rule: 'overdue' };
  const limit = input.creditLimit && input.creditLimit > 0 ? input.creditLimit : null;
  if (rules.highRiskOverLimit && limit !== null && input.outstanding > limit) {
    return { segment: 'high-risk', rule: 'over-limit' };
  }
  if (rules.vipGrades.includes(input.grade) && input.invoiced12m >= rules.vipMinInvoiced12m) {
    return { segment: 'vip', rule: 'vip' };
  }
  return { segment: 'normal', rule: 'default' };
}
