// Grade drops recorded by rescores, for the reminders digest's anomaly alerts. Rescore writes one audit row per
// grade change of several steps; reading them back from the audit log (one read) keeps the record durable and
// tamper-evident instead of inventing a second store for it.
import type { IsoDay } from '../domain/day';
import { gradeRank } from '../domain/scoring/grades';
import type { LedgerStore } from './ports';
import { GRADE_CHANGE_ACTION } from './rescore';

export interface RecordedGradeDrop {
  customerId: string;
  from: string;
  to: string;
  /** Grades worse by this many steps (positive). */
  steps: number;
  /** Audit stamp of the rescore that found it ('yyyy-MM-dd HH:mm:ss'). */
  at: string;
}

/** Downgrades of at least `minSteps` recorded on or after `since` (a day in the spreadsheet's time zone). */
export function gradeDropsSince(store: LedgerStore, since: IsoDay, minSteps: number): RecordedGradeDrop[] {
  const out: RecordedGradeDrop[] = [];
  for (const { record: a } of store.read('audit').rows) {
    if (a.action !== GRADE_CHANGE_ACTION || a.at.slice(0, 10) < since) continue;
    const from = gradeRank(a.oldValue);
    const to = gradeRank(a.newValue);
    if (from < 0 || to < 0 || to - from < minSteps) continue;
    out.push({ customerId: a.recordId, from: a.oldValue, to: a.newValue, steps: to - from, at: a.at });
  }
  return out;
}
