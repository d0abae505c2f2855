// What google.script.run lets through (gas-runtime-notes §7): arguments containing a Date or a Function fail on the
// client with `TypeError: Failed due to illegal value in property: <key>`; return values are copied, with Dates
// arriving as null, `undefined` inside arrays as null, and functions dropped.

export function illegalArgumentError(key: string): TypeError {
  return new TypeError(`Failed due to illegal value in property: ${key}`);
}

const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

/** Throws the client-side TypeError for the first Date/Function found (depth-first). */
export function checkRpcArgs(args: unknown[]): void {
  const seen = new Set<unknown>();
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'function' || isDate(v)) throw illegalArgumentError(key);
    if (v && typeof v === 'object') {
      if (seen.has(v)) throw illegalArgumentError(key);
      seen.add(v);
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) walk(v[i], String(i));
      } else for (const [k, x] of Object.entries(v)) walk(x, k);
      seen.delete(v);
    }
  };
  for (let i = 0; i < args.length; i++) walk(args[i], String(i));
}

/** The value the client's success handler receives (a Node-realm copy). */
export function copyRpcResult(v: unknown): unknown {
  if (v === undefined || typeof v === 'function') return undefined;
  if (v === null || isDate(v)) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => copyRpcResult(x) ?? null);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const c = copyRpcResult(x);
    if (c !== undefined) out[k] = c;
  }
  return out;
}
