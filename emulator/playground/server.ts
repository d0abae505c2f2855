// The playground's HTTP server, on 127.0.0.1 only. It serves the page (bundled with esbuild at start), the real
// sidebar HTML with the google.script bridge, e-mail bodies, and a small JSON API that drives the Session.
// Every POST must carry the token written into the page and the sidebar: other web sites open in the same browser
// can send requests to localhost but cannot read the token, so they cannot drive the add-on.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { withBridge } from './bridge';
import { cellDetail, cellViews } from './cell-view';
import type { DemoBuildReport } from './demo-workbook';
import { Session, type SessionOptions } from './session';
import { snapshot } from './snapshot';

export interface PlaygroundOptions extends Omit<SessionOptions, 'storeFile'> {
  port?: number;
  /** Workbook file, relative to root unless absolute. Default: defaultStore(locale). */
  storeFile?: string;
}

export interface Playground {
  url: string;
  port: number;
  session: Session;
  report: DemoBuildReport | null;
  close(): Promise<void>;
}

export async function startPlayground(o: PlaygroundOptions): Promise<Playground> {
  const storeFile = path.resolve(o.root, o.storeFile ?? defaultStore(o.locale));
  const session = new Session({ ...o, storeFile });
  const token = randomBytes(16).toString('hex');
  const page = (await buildPage(o.root)).replace('__TOKEN__', token);
  let ready = false;
  const server = http.createServer((req, res) => {
    if (!ready) return send(res, 503, { error: 'the workbook is still being prepared' });
    handle(session, token, page, req, res).catch((e: Error) => send(res, 500, { error: e.message }));
  });
  // The port first: a busy port is reported at once, not after a minute of generating a large demo workbook.
  const wanted = o.port ?? 8080;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(
              `port ${wanted} on 127.0.0.1 is already in use (another playground?). Try: npm start -- --port ${wanted + 1}   (or --port 0 for any free port)`,
            )
          : e,
      ),
    );
    server.listen(wanted, '127.0.0.1', () => resolve());
  });
  let report: DemoBuildReport | null;
  try {
    report = session.start();
  } catch (e) {
    server.close();
    throw e;
  }
  ready = true;
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    session,
    report,
    close: () =>
      new Promise<void>((resolve) => {
        session.flush();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The default workbook file of a locale: each locale keeps its own (`--locale en_US` opens the English workbook,
 * and going back to the default opens the Chinese one again) unless `--store` names a file.
 */
export function defaultStore(locale: string | undefined): string {
  const l = locale ?? 'zh_CN';
  return path.join('.playground', l === 'zh_CN' ? 'workbook.json' : `workbook-${l.replace(/[^A-Za-z_]/g, '')}.json`);
}

/** The page: page/index.html with its CSS and the esbuild bundle of page/main.ts inlined. */
async function buildPage(root: string): Promise<string> {
  const dir = path.join(root, 'emulator', 'playground', 'page');
  const out = await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const js = out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const css = fs.readFileSync(path.join(dir, 'style.css'), 'utf8');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  return html.replace('/*__STYLE__*/', () => css).replace('/*__SCRIPT__*/', () => js);
}

const SECURITY = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
// The sandboxed sidebar frame has an opaque origin ("null"): it may call /api/rpc, nothing else.
const RPC_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'content-type, x-playground-token',
};

function send(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY, ...extra });
  res.end(JSON.stringify(body));
}

function sendHtml(res: http.ServerResponse, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY, ...extra });
  res.end(html);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function handle(
  s: Session,
  token: string,
  page: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const p = url.pathname;
  const q = (k: string) => Number(url.searchParams.get(k));
  if (req.method === 'OPTIONS' && p === '/api/rpc') {
    res.writeHead(204, { ...RPC_CORS, 'Access-Control-Allow-Methods': 'POST' });
    return void res.end();
  }
  if (req.method === 'GET') {
    if (p === '/') return sendHtml(res, page);
    if (p === '/favicon.ico') {
      res.writeHead(204, SECURITY);
      return void res.end();
    }
    const sidebar = /^\/sidebar\/(\d+)$/.exec(p);
    if (sidebar) {
      const rec = s.env.ui.sidebars()[Number(sidebar[1])];
      if (!rec) return send(res, 404, { error: 'no such sidebar' });
      return sendHtml(res, withBridge(rec.html ?? rec.text, token, s.env.functions()));
    }
    const dialog = /^\/dialog\/(\d+)$/.exec(p);
    if (dialog) {
      const rec = s.env.ui.dialogs()[Number(dialog[1])];
      if (!rec) return send(res, 404, { error: 'no such dialog' });
      return sendHtml(res, withBridge(rec.html ?? rec.text, token, s.env.functions()));
    }
    if (p === '/api/version') return send(res, 200, { version: s.version });
    if (p === '/api/snapshot') return send(res, 200, snapshot(s));
    if (p === '/api/cells') {
      const sheet = s.sheetById(q('sheet'));
      const r0 = Math.max(0, q('r0'));
      const n = Math.min(500, Math.max(1, q('n')));
      return send(res, 200, {
        version: s.version,
        sheetId: sheet.id,
        r0,
        rows: cellViews(s.env.spreadsheet, sheet, r0, n),
      });
    }
    if (p === '/api/cell')
      return send(res, 200, cellDetail(s.env.spreadsheet, s.sheetById(q('sheet')), q('row'), q('col')));
    if (p === '/api/mail') {
      const m = s.env.outbox[q('i')];
      if (!m) return send(res, 404, { error: 'no such mail' });
      return send(res, 200, { html: m.htmlBody, body: m.body });
    }
    return send(res, 404, { error: 'not found' });
  }
  if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
  const isRpc = p === '/api/rpc';
  if (req.headers['x-playground-token'] !== token) return send(res, 403, { error: 'bad token' }, isRpc ? RPC_CORS : {});
  const body = await readJson(req);
  switch (p) {
    case '/api/rpc':
      return send(res, 200, s.rpc(String(body.fn), Array.isArray(body.args) ? body.args : []), RPC_CORS);
    case '/api/edit':
      return send(res, 200, s.edit(Number(body.sheetId), Number(body.row), Number(body.col), String(body.value ?? '')));
    case '/api/run':
      return send(
        res,
        200,
        s.runMenu(String(body.functionName), Array.isArray(body.answers) ? (body.answers as never[]) : []),
      );
    case '/api/open':
      return send(res, 200, s.open());
    case '/api/clock':
      if (typeof body.setLocal === 'string') return send(res, 200, s.setLocal(body.setLocal));
      return send(res, 200, s.advance(Math.max(0, Number(body.advanceMs) || 0)));
    case '/api/activate':
      s.activate(Number(body.sheetId));
      return send(res, 200, { version: s.version });
    default:
      return send(res, 404, { error: 'not found' });
  }
}
