// CacheService (gas-runtime-notes §9): script/user/document caches that expire on the virtual clock, with the
// 250-character key and 100 KB value limits. Expiry defaults to 600 s and is capped at 21600 s.
import { currentUser, type EnvContext } from './context';

export const MAX_KEY_CHARS = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;

function makeCache(ctx: EnvContext, scope: string) {
  const call = (m: string) => ctx.core.call(`CacheService.Cache.${m}`, 'cache');
  const store = () => {
    ctx.state.cache[scope] ??= {};
    return ctx.state.cache[scope];
  };
  const live = (key: string): string | null => {
    const e = store()[key];
    if (!e) return null;
    if (e.expiresAt <= ctx.core.now()) {
      delete store()[key];
      return null;
    }
    return e.value;
  };
  const put = (key: unknown, value: unknown, ttl?: unknown) => {
    const k = String(key);
    const v = String(value);
    if (k.length > MAX_KEY_CHARS) throw ctx.core.error('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw ctx.core.error('Argument too large: value');
    const seconds = ttl === undefined || ttl === null ? DEFAULT_TTL_S : Math.min(Math.max(Number(ttl), 1), MAX_TTL_S);
    store()[k] = { value: v, expiresAt: ctx.core.now() + seconds * 1000 };
  };
  return {
    get(key: unknown): string | null {
      call('get');
      return live(String(key));
    },
    getAll(keys: unknown[]): Record<string, string> {
      call('getAll');
      const out: Record<string, string> = {};
      for (const k of keys ?? []) {
        const v = live(String(k));
        if (v !== null) out[String(k)] = v;
      }
      return out;
    },
    put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
      call('put');
      put(key, value, expirationInSeconds);
    },
    putAll(values: Record<string, unknown>, expirationInSeconds?: unknown): void {
      call('putAll');
      for (const [k, v] of Object.entries(values ?? {})) put(k, v, expirationInSeconds);
    },
    remove(key: unknown): void {
      call('remove');
      delete store()[String(key)];
    },
    removeAll(keys: unknown[]): void {
      call('removeAll');
      for (const k of keys ?? []) delete store()[String(k)];
    },
  };
}

export function createCacheService(ctx: EnvContext) {
  return {
    getScriptCache() {
      ctx.core.call('CacheService.getScriptCache', 'cache');
      return makeCache(ctx, 'script');
    },
    getUserCache() {
      ctx.core.call('CacheService.getUserCache', 'cache');
      return makeCache(ctx, `user:${currentUser(ctx)}`);
    },
    /** `null` outside a bound document (notes §9). */
    getDocumentCache() {
      ctx.core.call('CacheService.getDocumentCache', 'cache');
      return ctx.hasSpreadsheet() ? makeCache(ctx, `document:${ctx.state.docId}`) : null;
    },
  };
}
