// LockService (gas-runtime-notes §9). A lock held by another execution that is still running (a nested env.run, or
// the `holdLock` fault) blocks; waiting costs the full timeout on the virtual clock, then tryLock answers false and
// waitLock throws the observed timeout text. Locks are released when their execution ends (environment.ts).
// A second lock object in the same execution does not share the first one's hold: re-entrancy is [?] in the
// notes, so the emulator takes the stricter reading (it blocks like any other holder).
import { currentUser, type EnvContext } from './context';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
let nextLockId = 1;

function makeLock(ctx: EnvContext, key: string, faultName: 'document' | 'script' | null) {
  const id = nextLockId++;
  const call = (m: string) => ctx.core.call(`LockService.Lock.${m}`, 'cache');
  const heldByMe = () => ctx.locks.get(key)?.lockId === id;
  const busy = () => {
    if (faultName && ctx.faults.holdLock === faultName) return true;
    const h = ctx.locks.get(key);
    if (!h || h.lockId === id) return false;
    if (!ctx.running.has(h.execId)) {
      ctx.locks.delete(key);
      return false;
    }
    return true;
  };
  const acquire = (timeoutMs: unknown): boolean => {
    const ms = Number(timeoutMs);
    if (!Number.isFinite(ms) || ms < 0) throw ctx.core.error('Invalid argument: timeoutInMillis');
    if (busy()) {
      ctx.core.advance(ms);
      if (busy()) return false;
    }
    ctx.locks.set(key, { execId: ctx.core.execution?.id ?? 0, lockId: id });
    return true;
  };
  return {
    tryLock(timeoutInMillis: unknown): boolean {
      call('tryLock');
      return acquire(timeoutInMillis);
    },
    waitLock(timeoutInMillis: unknown): void {
      call('waitLock');
      if (!acquire(timeoutInMillis)) throw ctx.core.error(LOCK_TIMEOUT_MESSAGE);
    },
    hasLock(): boolean {
      call('hasLock');
      return heldByMe();
    },
    releaseLock(): void {
      call('releaseLock');
      if (heldByMe()) ctx.locks.delete(key);
    },
  };
}

export function createLockService(ctx: EnvContext) {
  return {
    /** `null` outside a bound document (notes §9). */
    getDocumentLock() {
      ctx.core.call('LockService.getDocumentLock', 'cache');
      return ctx.hasSpreadsheet() ? makeLock(ctx, `document:${ctx.state.docId}`, 'document') : null;
    },
    getScriptLock() {
      ctx.core.call('LockService.getScriptLock', 'cache');
      return makeLock(ctx, 'script', 'script');
    },
    getUserLock() {
      ctx.core.call('LockService.getUserLock', 'cache');
      return makeLock(ctx, `user:${currentUser(ctx)}`, null);
    },
  };
}

/** Releases every lock the execution holds (Apps Script does this when an execution ends). */
export function releaseLocksOf(ctx: EnvContext, execId: number): void {
  for (const [key, h] of [...ctx.locks]) if (h.execId === execId) ctx.locks.delete(key);
}
