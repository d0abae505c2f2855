// The RunLock port on the document lock (gas-runtime-notes §9): shared by every user of the file, so a trigger
// run and a menu run can never send at the same time. Pending sheet writes are flushed before the release (Google's
// advice), but only when the execution wrote: a flush with nothing pending is a wasted spreadsheet call.
import type { RunLock } from '../app/reminder-ports';

/** `wrote` tells whether this execution wrote to the spreadsheet; without it every release flushes. */
export function documentLock(wrote?: () => boolean): RunLock {
  const lock = LockService.getDocumentLock();
  let held = false;
  return {
    tryAcquire(waitMs: number) {
      if (!lock) return false;
      held = lock.tryLock(waitMs);
      return held;
    },
    release() {
      if (!lock || !held) return;
      if (!wrote || wrote()) SpreadsheetApp.flush();
      lock.releaseLock();
      held = false;
    },
  };
}
