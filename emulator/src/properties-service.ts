// PropertiesService (gas-runtime-notes §9): script, per-user and per-document string stores with the documented
// 9 KB-per-value and 500 KB-per-store limits. Sizes count key + value in UTF-8 bytes (the stricter reading), and
// both limits throw the storage-quota text that was observed live (the per-value text is [?] in the notes).
import { currentUser, type EnvContext } from './context';

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
export const QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Entry sizes already measured, per store and key (the value they were measured for beside them): a run that writes
 * one journal property per e-mail would otherwise re-measure the whole store on every write. Only a speed-up: a
 * size is reused only for the very same key and value, so the figure is the one a full recount would give.
 */
const measured = new WeakMap<object, Map<string, { v: string; n: number }>>();

function memoOf(store: object): Map<string, { v: string; n: number }> {
  let memo = measured.get(store);
  if (!memo) {
    memo = new Map();
    measured.set(store, memo);
  }
  return memo;
}

function entrySize(memo: Map<string, { v: string; n: number }>, k: string, v: string): number {
  const m = memo.get(k);
  if (m && m.v === v) return m.n;
  const n = bytes(k) + bytes(v);
  memo.set(k, { v, n });
  return n;
}

/** The store's size in bytes with `key` set to `value` (or as it is, without a key). */
function storeSize(store: Record<string, string>, key?: string, value?: string): number {
  const memo = memoOf(store);
  let n = 0;
  let count = 0;
  for (const k in store) {
    if (!Object.hasOwn(store, k) || k === key) continue;
    n += entrySize(memo, k, store[k]);
    count++;
  }
  if (key !== undefined && value !== undefined) {
    n += entrySize(memo, key, value);
    count++;
  }
  if (memo.size > 2 * count + 64) memo.clear(); // keys deleted since: forget them now and then
  return n;
}

/**
 * The store's size as of the last counted change, kept while one execution runs: a run writing hundreds of journal
 * properties re-counted the whole store on each write (quadratic). Within an execution the store changes only
 * through this service (which keeps the total exact); a new execution, or a call outside one, counts afresh, so a
 * test or the playground changing the state between executions is seen.
 */
const totals = new WeakMap<object, { exec: object; n: number }>();

function sizeWith(exec: object | null, store: Record<string, string>, key: string, value: string): number {
  const t = exec ? totals.get(store) : undefined;
  if (!t || t.exec !== exec) {
    const n = storeSize(store, key, value);
    if (exec) totals.set(store, { exec, n: storeSize(store) });
    return n;
  }
  const memo = memoOf(store);
  const old = Object.hasOwn(store, key) ? entrySize(memo, key, store[key]) : 0;
  return t.n - old + entrySize(memo, key, value);
}

/** Records a change made through the service in the running total (`value` undefined: the key was deleted). */
function noteChange(exec: object | null, store: Record<string, string>, key: string, value: string | undefined) {
  const t = exec ? totals.get(store) : undefined;
  if (!t || t.exec !== exec) return;
  const memo = memoOf(store);
  if (Object.hasOwn(store, key)) t.n -= entrySize(memo, key, store[key]);
  if (value !== undefined) t.n += entrySize(memo, key, value);
}

function makeProperties(ctx: EnvContext, kind: string, getStore: () => Record<string, string>) {
  const call = (m: string) => ctx.core.call(`PropertiesService.Properties.${m}`, 'properties');
  const check = (next: Record<string, string>) => {
    for (const [k, v] of Object.entries(next)) {
      if (bytes(k) + bytes(v) > VALUE_LIMIT_BYTES) throw ctx.core.error(QUOTA_MESSAGE);
    }
    if (storeSize(next) > STORE_LIMIT_BYTES) throw ctx.core.error(QUOTA_MESSAGE);
  };
  const replace = (next: Record<string, string>) => {
    check(next);
    const store = getStore();
    totals.delete(store);
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
  };
  const props = {
    getProperty(key: unknown): string | null {
      call('getProperty');
      const store = getStore();
      const k = String(key);
      return Object.hasOwn(store, k) ? store[k] : null;
    },
    setProperty(key: unknown, value: unknown) {
      call('setProperty');
      if (key === null || key === undefined) throw ctx.core.error('Invalid argument: key');
      // The same checks as a replace of the whole store, without copying it: only the new entry can break the
      // per-value limit (every other entry passed it when it was set), and the store's size is counted with it.
      const k = String(key);
      const v = String(value);
      if (bytes(k) + bytes(v) > VALUE_LIMIT_BYTES) throw ctx.core.error(QUOTA_MESSAGE);
      const store = getStore();
      const exec = ctx.core.execution;
      if (sizeWith(exec, store, k, v) > STORE_LIMIT_BYTES) throw ctx.core.error(QUOTA_MESSAGE);
      noteChange(exec, store, k, v);
      store[k] = v;
      return props;
    },
    setProperties(obj: Record<string, unknown>, deleteAllOthers?: unknown) {
      call('setProperties');
      const next: Record<string, string> = deleteAllOthers === true ? {} : { ...getStore() };
      for (const [k, v] of Object.entries(obj ?? {})) next[k] = String(v);
      replace(next);
      return props;
    },
    getProperties(): Record<string, string> {
      call('getProperties');
      return { ...getStore() };
    },
    getKeys(): string[] {
      call('getKeys');
      return Object.keys(getStore());
    },
    deleteProperty(key: unknown) {
      call('deleteProperty');
      const store = getStore();
      const k = String(key);
      noteChange(ctx.core.execution, store, k, undefined);
      delete store[k];
      return props;
    },
    deleteAllProperties() {
      call('deleteAllProperties');
      replace({});
      return props;
    },
    toString: () => kind,
  };
  return props;
}

export function createPropertiesService(ctx: EnvContext) {
  const p = ctx.state.properties;
  return {
    getScriptProperties() {
      ctx.core.call('PropertiesService.getScriptProperties', 'properties');
      return makeProperties(ctx, 'ScriptProperties', () => p.script);
    },
    getUserProperties() {
      ctx.core.call('PropertiesService.getUserProperties', 'properties');
      const user = currentUser(ctx);
      return makeProperties(ctx, 'UserProperties', () => {
        p.user[user] ??= {};
        return p.user[user];
      });
    },
    /** `null` outside a bound document (notes §9). */
    getDocumentProperties() {
      ctx.core.call('PropertiesService.getDocumentProperties', 'properties');
      if (!ctx.hasSpreadsheet()) return null;
      const doc = ctx.state.docId;
      return makeProperties(ctx, 'DocumentProperties', () => {
        p.document[doc] ??= {};
        return p.document[doc];
      });
    },
  };
}
