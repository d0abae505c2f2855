// When installable time-driven triggers fire (gas-runtime-notes §5), as pure functions of the schedule and the
// virtual clock. Interval triggers fire every period after creation; daily/weekly triggers fire once per period
// at `atHour` in the trigger's zone, at a fixed pseudo-random minute within that hour unless `nearMinute` is set
// (Apps Script's "fixed random minute" fuzz, made deterministic from the trigger id).
import type { TriggerRecord, TriggerSchedule } from './context';
import { isoWeek, wallToMs, zoneFields } from './java-date-format';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;

/** The fixed minute a daily trigger without nearMinute fires at, derived from its id. */
export function fuzzMinute(uid: string): number {
  let h = 0;
  for (const c of uid) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 60;
}

function dailyAt(t: TriggerRecord, s: TriggerSchedule, after: number, stepDays: number): number | null {
  const created = zoneFields(t.createdAt, s.timeZone);
  const hour = s.atHour ?? created.hour;
  const minute = s.nearMinute ?? (s.atHour === null ? created.minute : fuzzMinute(t.uid));
  const start = Date.UTC(created.year, created.month - 1, created.day);
  // Skip straight to the day before `after` (keeping the period aligned to the creation day).
  const a = zoneFields(after, s.timeZone);
  const first = Math.max(0, Math.round((Date.UTC(a.year, a.month - 1, a.day) - start) / 86400000) - 1);
  for (let i = first; i < first + 800; i++) {
    const day = new Date(start + i * 86400000);
    const y = day.getUTCFullYear();
    const mo = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    if (s.kind === 'weeks') {
      const wd = ((day.getUTCDay() + 6) % 7) + 1;
      if (wd !== (s.weekDay ?? created.weekday)) continue;
      if (Math.floor(i / 7) % s.n !== 0) continue;
    } else if (i % stepDays !== 0) continue;
    const at = wallToMs(y, mo, d, hour, minute, 0, 0, s.timeZone);
    if (at > after && at > t.createdAt) return at;
  }
  return null;
}

/** The first fire time strictly after `after`, or null if the trigger will not fire again. */
export function nextFireAfter(t: TriggerRecord, after: number): number | null {
  const s = t.schedule;
  if (!s) return null;
  switch (s.kind) {
    case 'minutes':
    case 'hours': {
      const p = s.n * (s.kind === 'minutes' ? MIN : HOUR);
      const k = Math.max(1, Math.floor((after - t.createdAt) / p) + 1);
      return t.createdAt + k * p;
    }
    case 'after':
      return t.createdAt + s.n > after ? t.createdAt + s.n : null;
    case 'at':
      return s.n > after ? s.n : null;
    default:
      return dailyAt(t, s, after, s.n);
  }
}

/** The event object of a time-driven run (notes §5: dashed names need bracket access). */
export function clockEvent(fireMs: number, timeZone: string, triggerUid: string): Record<string, unknown> {
  const f = zoneFields(fireMs, timeZone);
  return {
    authMode: 'FULL',
    year: f.year,
    month: f.month,
    'day-of-month': f.day,
    'day-of-week': f.weekday,
    'week-of-year': isoWeek(f),
    hour: f.hour,
    minute: f.minute,
    second: f.second,
    timezone: timeZone,
    triggerUid,
  };
}
