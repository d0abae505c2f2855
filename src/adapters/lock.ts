// The RunLock port on the document lock (gas-runtime-notes §9): shared by every user of the file, so a trigger
// run and a menu run can never send at the same time. Pending sheet writes are flushed before the release.
import type { RunLock } from '../app/reminder-ports';

export function documentLock(): RunLock {
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
      SpreadsheetApp.flush();
      lock.releaseLock();
      held = false;
    },
  };
}
