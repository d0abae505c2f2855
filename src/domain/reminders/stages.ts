// Dunning stages: days relative to the due date. Non-positive stages remind before/at the due day ("upcoming"),
// positive ones chase an overdue invoice, pushed back by the grace days; the largest positive stage is the final
// notice. Pure day arithmetic on ISO days.
import { addDays, daysBetween, type IsoDay } from '../day';

export type MessageKind = 'upcoming' | 'overdue';

export function kindOfStage(stage: number): MessageKind {
  return stage <= 0 ? 'upcoming' : 'overdue';
}

/** The final-notice stage: the largest positive stage, or null when there is no overdue stage. */
export function finalStage(stages: readonly number[]): number | null {
  const pos = stages.filter((s) => s > 0);
  return pos.length ? Math.max(...pos) : null;
}

/** The day a stage falls due for an invoice. */
export function stageDay(dueDate: IsoDay, stage: number, graceDays: number): IsoDay {
  return addDays(dueDate, stage > 0 ? stage + graceDays : stage);
}

/**
 * The highest stage due today, or null. Before and on the due day only upcoming stages count; after it only overdue
 * stages (with grace), so a customer never gets a "due soon" e-mail about an invoice that is already late.
 */
export function highestDueStage(
  dueDate: IsoDay,
  today: IsoDay,
  stages: readonly number[],
  graceDays: number,
): number | null {
  const offset = daysBetween(dueDate, today);
  return Number.isNaN(offset) ? null : highestStageAt(offset, stages, graceDays);
}

/** The same from the day offset (today − due date), for callers that already have it. */
export function highestStageAt(offset: number, stages: readonly number[], graceDays: number): number | null {
  let best: number | null = null;
  for (const s of stages) {
    const eligible = offset <= 0 ? s <= 0 && s <= offset : s > 0 && s + graceDays <= offset;
    if (eligible && (best === null || s > best)) best = s;
  }
  return best;
}
