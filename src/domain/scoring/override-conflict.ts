// A manual segment that contradicts the grade (issue #16: "VIP" typed for a customer graded C). The override still
// wins (segment.ts: the account manager may know more), but it is flagged where people look — the customer 360 and
// the customers sheet's segment reason — so nobody mistakes it for the scorecard's verdict. Contradiction = the
// grade is one the segment rules call high-risk while the override says VIP or normal.
import { type Lang, type Text, t, msg } from '../i18n';
import type { Grade, Segment } from '../records';
import type { SegmentRules } from './segment';

const T = {
  conflict: msg('scoring/override-conflict.T.conflict'),
  vip: msg('scoring/override-conflict.T.vip'),
  normal: msg('scoring/override-conflict.T.normal'),
} as const satisfies Readonly<Record<string, Text>>;

export function overrideContradictsGrade(
  override: Segment | '' | undefined,
  grade: Grade | '' | undefined,
  rules: Pick<SegmentRules, 'highRiskGrades'>,
): boolean {
  if (override !== 'vip' && override !== 'normal') return false;
  return !!grade && rules.highRiskGrades.includes(grade);
}

/** The warning in words, or '' when the override agrees with the grade. */
export function overrideConflictText(
  lang: Lang,
  override: Segment | '' | undefined,
  grade: Grade | '' | undefined,
  rules: Pick<SegmentRules, 'highRiskGrades'>,
): string {
  if (!overrideContradictsGrade(override, grade, rules)) return '';
  return t(lang, T.conflict, { segment: t(lang, T[override as 'vip' | 'normal']), grade: String(grade) });
}
