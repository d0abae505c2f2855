// Conformance: CacheService and LockService (gas-runtime-notes §9: cache limits and expiry; lock timeout text,
// auto-release at execution end; re-entrancy within one execution is [?], the emulator blocks — the stricter reading).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function put(k, v, ttl) { CacheService.getScriptCache().put(k, v, ttl); }
function get(k) { return CacheService.getScriptCache().get(k); }
function many() { var c = CacheService.getUserCache(); c.putAll({ a: 1, b: 2 }); c.remove('a'); return c.getAll(['a', 'b', 'z']); }
function wait(kind, ms) { var l = LockService[kind](); l.waitLock(ms); return l.hasLock(); }
function tryIt(kind, ms) { return LockService[kind]().tryLock(ms); }
function holdAndNest(kind) { LockService[kind]().waitLock(1000); return nested(kind); }
function release(kind) { var l = LockService[kind](); l.waitLock(10); l.releaseLock(); return [l.hasLock(), LockService[kind]().tryLock(0)]; }
`;

test('cache: expiry on the virtual clock, default 600 s, and the size limits (§9)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('put', ['k', 'v', 60]);
  env.run('put', ['d', 'default']);
  env.advance({ seconds: 59 });
  expect(env.run('get', ['k'])).toBe('v');
  env.advance({ seconds: 1 });
  expect(env.run('get', ['k'])).toBeNull();
  env.advance({ seconds: 539 });
  expect(env.run('get', ['d'])).toBe('default');
  env.advance({ seconds: 1 });
  expect(env.run('get', ['d'])).toBeNull();
  expect(env.run('many')).toEqual({ b: '2' });
  expect(() => env.run('put', ['k', 'x'.repeat(100 * 1024 + 1)])).toThrow('Argument too large: value');
  expect(() => env.run('put', ['k'.repeat(251), 'x'])).toThrow('Argument too large: key');
});

test('a lock held by another execution times out with the observed text, after waiting on the clock (§9)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.faults.holdLock = 'script';
  const before = env.now();
  expect(() => env.run('wait', ['getScriptLock', 5000])).toThrow(
    'Lock timeout: another process was holding the lock for too long.',
  );
  expect(env.now() - before).toBe(5000);
  expect(env.run('tryIt', ['getScriptLock', 100])).toBe(false);
  expect(env.run('tryIt', ['getDocumentLock', 0])).toBe(true); // another lock is free
  env.faults.holdLock = undefined;
  expect(env.run('wait', ['getScriptLock', 10])).toBe(true);
});

test('locks are released when the execution ends, and block a nested execution while held', () => {
  // The test injects a host hook into the script's globals, so the realm must persist between executions.
  const env = createEnvironment({ freshGlobals: false }).loadScript(`${SCRIPT}
function nested(kind) { return globalThis.__nested(kind); }`);
  // A nested env.run started from inside the script is a second, concurrent execution.
  (env.evaluate('globalThis') as any).__nested = (kind: string) => {
    try {
      env.run('wait', [kind, 2000], { user: 'bob@example.com' });
      return 'acquired';
    } catch (e) {
      return (e as Error).message;
    }
  };
  expect(env.run('holdAndNest', ['getDocumentLock'])).toBe(
    'Lock timeout: another process was holding the lock for too long.',
  );
  expect(env.run('wait', ['getDocumentLock', 0])).toBe(true); // released at the end of the first execution
  expect(env.run('release', ['getScriptLock'])).toEqual([false, true]);
});
