// The `google.script` object the real dist/Sidebar.html finds in the playground, injected before its own script.
// It follows the documented client API (gas-runtime-notes §7): `run` has one method per public server function
// (names ending in `_` are private), each `with*` returns a new runner, calls are asynchronous, a Date or function
// argument throws synchronously `TypeError: Failed due to illegal value in property: <key>`, a form element as the
// sole argument becomes {name: value}, and without a failure handler errors go to the console. Calls reach the
// built server code through the playground server (`POST /api/rpc` → env.callRpc). The sidebar frame is sandboxed
// without same-origin rights, as in Apps Script, so it talks to the page only through postMessage.

/** Client code; stringified into the page, so it must be self-contained ES2019 with no imports. */
function installGoogleScript(token: string, names: string[]): void {
  type Handler = ((value: unknown, userObject: unknown) => void) | null;
  interface Opts {
    ok: Handler;
    fail: Handler;
    user: unknown;
  }
  const illegal = (key: string) => new TypeError(`Failed due to illegal value in property: ${key}`);
  const check = (v: unknown, key: string, seen: unknown[]): void => {
    if (typeof v === 'function' || Object.prototype.toString.call(v) === '[object Date]') throw illegal(key);
    if (v && typeof v === 'object') {
      if (seen.indexOf(v) >= 0) throw illegal(key);
      seen.push(v);
      for (const k of Object.keys(v)) check((v as Record<string, unknown>)[k], k, seen);
      seen.pop();
    }
  };
  const formValue = (form: HTMLFormElement) => {
    const out: Record<string, unknown> = {};
    new FormData(form).forEach((value, name) => {
      if (typeof value === 'string') out[name] = value;
    });
    return out;
  };
  const call = (opts: Opts, name: string, rawArgs: unknown[]) => {
    const args =
      rawArgs.length === 1 && rawArgs[0] instanceof HTMLFormElement
        ? [formValue(rawArgs[0] as HTMLFormElement)]
        : rawArgs;
    for (let i = 0; i < args.length; i++) check(args[i], String(i), []);
    const body = JSON.stringify({ fn: name, args });
    fetch('/api/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Playground-Token': token },
      body,
    })
      .then((r) => r.json())
      .then((reply: { ok: boolean; value?: unknown; error?: string; name?: string }) => {
        parent.postMessage({ type: 'playground:rpc-done' }, '*');
        if (reply.ok) {
          if (opts.ok) opts.ok(reply.value === undefined ? undefined : reply.value, opts.user);
          return;
        }
        const err = new Error(reply.error);
        err.name = reply.name || 'Error';
        if (opts.fail) opts.fail(err, opts.user);
        else console.error(err);
      })
      .catch((e: unknown) => {
        if (opts.fail) opts.fail(e instanceof Error ? e : new Error(String(e)), opts.user);
        else console.error(e);
      });
  };
  const runner = (opts: Opts): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (fn: Handler) => runner({ ...opts, ok: fn }),
      withFailureHandler: (fn: Handler) => runner({ ...opts, fail: fn }),
      withUserObject: (o: unknown) => runner({ ...opts, user: o }),
    };
    for (const n of names) {
      if (!n.endsWith('_')) r[n] = (...args: unknown[]) => call(opts, n, args);
    }
    return r;
  };
  const w = window as unknown as { google: unknown };
  w.google = {
    script: {
      run: runner({ ok: null, fail: null, user: undefined }),
      host: {
        origin: location.origin,
        close: () => parent.postMessage({ type: 'playground:close-sidebar' }, '*'),
        setHeight: () => {},
        setWidth: () => {},
        editor: { focus: () => {} },
      },
      url: {
        getLocation: (cb: (l: unknown) => void) => setTimeout(() => cb({ hash: '', parameter: {}, parameters: {} }), 0),
      },
      history: { push: () => {}, replace: () => {}, setChangeHandler: () => {} },
    },
  };
}

/** The sidebar HTML with the bridge as the first script of <head>. */
export function withBridge(html: string, token: string, functionNames: readonly string[]): string {
  const script = `<script>(${installGoogleScript.toString()})(${JSON.stringify(token)}, ${JSON.stringify(functionNames)});</script>`;
  const safe = script.replace(/<\/(?!script>$)/g, '<\\/');
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) return safe + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + safe + html.slice(end);
}
