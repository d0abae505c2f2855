// Serves the BUILT sidebar (dist/Sidebar.html) to real Chromium with a google.script.run bridge: the page's calls
// are POSTed to this Node server, which runs them in the emulator through env.callRpc (google.script.run
// semantics) on the BUILT dist/Code.js. The bridge is the part the playground can reuse: inject BRIDGE_SCRIPT
// before the page's own script and answer POST /rpc with { ok, value } or { ok: false, error: { name, message } }.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * window.google.script.run as documented (gas-runtime-notes §7): asynchronous, returns nothing; each with*()
 * returns a NEW runner (the original is unchanged); the success handler gets (value, userObject), the failure
 * handler (Error, userObject); the user object never leaves the page; Date/function arguments throw at once.
 */
export const BRIDGE_SCRIPT = `(function () {
  function illegal(v, key) {
    if (v instanceof Date || typeof v === 'function') throw new TypeError('Failed due to illegal value in property: ' + key);
    if (v && typeof v === 'object') for (var k in v) illegal(v[k], k);
  }
  function runner(success, failure, userObject) {
    var base = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (obj) { return runner(success, failure, obj); },
    };
    return new Proxy(base, {
      get: function (target, name) {
        if (name in target) return target[name];
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          args.forEach(function (a, i) { illegal(a, i); });
          fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (r) {
              if (r.ok) { if (success) success(r.value, userObject); }
              else {
                var e = new Error(r.error.message); e.name = r.error.name;
                if (failure) failure(e, userObject); else console.error(e);
              }
            }, function (err) { if (failure) failure(err, userObject); });
        };
      },
    });
  }
  window.google = window.google || {};
  window.google.script = { run: runner(null, null, undefined), host: { close: function () {}, origin: location.origin } };
})();`;

/** What the server needs from the emulator environment. */
export interface RpcTarget {
  callRpc(fnName: string, args: unknown[], opts: { user?: string }): unknown;
}

export interface SidebarServer {
  url: string;
  /** Every rpc the page made, in order. */
  calls: Array<{ fn: string; args: unknown[]; ok: boolean }>;
  /** Runs before each rpc; throw to make that call fail as a server error would. */
  beforeRpc: ((fn: string, args: unknown[]) => void) | null;
  /** The acting user of the next rpc calls (two users = two servers or switch this). */
  user: string;
  close(): Promise<void>;
}

export function sidebarHtml(distDir = path.resolve(__dirname, '../../dist')): string {
  const html = fs.readFileSync(path.join(distDir, 'Sidebar.html'), 'utf8');
  const tag = `<script>${BRIDGE_SCRIPT}</script>`;
  return html.includes('<head>') ? html.replace('<head>', () => `<head>${tag}`) : tag + html;
}

export async function serveSidebar(
  env: RpcTarget,
  opts: { user?: string; distDir?: string } = {},
): Promise<SidebarServer> {
  const page = sidebarHtml(opts.distDir);
  const state: SidebarServer = {
    url: '',
    calls: [],
    beforeRpc: null,
    user: opts.user ?? 'owner@example.com',
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
      return;
    }
    if (req.method === 'POST' && req.url === '/rpc') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: { fn: string; args: unknown[] } = { fn: '', args: [] };
        let reply: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          state.beforeRpc?.(body.fn, body.args);
          const value = env.callRpc(body.fn, body.args ?? [], { user: state.user });
          reply = { ok: true, value: value === undefined ? null : value };
          state.calls.push({ fn: body.fn, args: body.args, ok: true });
        } catch (e) {
          const err = e as Error;
          reply = { ok: false, error: { name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) } };
          state.calls.push({ fn: body.fn, args: body.args, ok: false });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
      });
      return;
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** Real Chromium, or null (with a LOUD warning) when the Debian package is not installed. */
export async function launchChromium(): Promise<Browser | null> {
  if (!fs.existsSync(CHROMIUM)) {
    const line = '!'.repeat(100);
    console.warn(
      `${line}\n!!! ${CHROMIUM} IS MISSING: browser tests are SKIPPED. Install it: apt-get install -y chromium\n${line}`,
    );
    return null;
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export const SCREENSHOTS = path.resolve(__dirname, '../../artifacts/screenshots');
