// Grades from scores, and the grade changes worth an anomaly alert. Cut-offs are the lowest score of each grade
// from AAA down to CC; anything below the CC cut-off is C. NR (not rated) is not on the scale: moving to or from
// NR is never counted as a change of steps.
import type { Grade } from '../records';

export type RatedGrade = Exclude<Grade, 'NR'>;

/** Best first. */
export const GRADE_ORDER: readonly RatedGrade[] = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C'];

/** Lowest score of each grade above C, descending. */
export type GradeCutoffs = Readonly<Record<Exclude<RatedGrade, 'C'>, number>>;

export const DEFAULT_CUTOFFS: GradeCutoffs = {
  AAA: 800,
  AA: 760,
  A: 720,
  BBB: 680,
  BB: 640,
  B: 600,
  CCC: 550,
  CC: 500,
};

export function isRatedGrade(v: unknown): v is RatedGrade {
  return typeof v === 'string' && (GRADE_ORDER as readonly string[]).includes(v);
}

export function gradeFor(score: number, cutoffs: GradeCutoffs = DEFAULT_CUTOFFS): RatedGrade {
  for (let i = 0; i < GRADE_ORDER.length - 1; i++) {
    const g = GRADE_ORDER[i] as keyof GradeCutoffs;
    if (score >= cutoffs[g]) return g;
  }
  return 'C';
}

/** 0 for AAA … 8 for C; -1 for NR or anything else. */
export function gradeRank(g: string): number {
  return (GRADE_ORDER as readonly string[]).indexOf(g);
}

export interface GradeChange {
  customerId: string;
  customerName: string;
  from: RatedGrade;
  to: RatedGrade;
  /** Positive = downgrade (worse), negative = upgrade. */
  steps: number;
}

/**
 * Changes of at least `minSteps` grades between two ratings of the same customer, both rated. The reminders
 * digest reads the downgrades (steps > 0) as "grade drop" anomalies.
 */
export function significantGradeChange(
  customerId: string,
  customerName: string,
  before: string,
  after: string,
  minSteps = 2,
): GradeChange | null {
  const a = gradeRank(before);
  const b = gradeRank(after);
  if (a < 0 || b < 0) return null;
  const steps = b - a;
  if (Math.abs(steps) < minSteps) return null;
  return { customerId, customerName, from: before as RatedGrade, to: after as RatedGrade, steps };
}
