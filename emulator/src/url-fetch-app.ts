// UrlFetchApp (emulator/README.md "UrlFetchApp"): fetch / fetchAll / getRequest with HTTPResponse, the documented
// option handling (method, payload, contentType, headers, muteHttpExceptions) and the observed error texts. Nothing
// leaves the machine: a request goes to the handler the test or the playground registered for its host; a host with
// no handler fails as a DNS failure does. Every request counts against the per-user daily quota (consumer: 20,000).
import { currentUser, type EnvContext, type FetchRecord, isoAt } from './context';

export const URL_FETCH_QUOTA = 20000;
export const URL_FETCH_QUOTA_MESSAGE = 'Service invoked too many times for one day: urlfetch.';
/** Characters of the body the "Request failed" message keeps (one observed sample; the exact cut is [?]). */
export const TRUNCATED_RESPONSE_CHARS = 147;
export const MAX_URL_LENGTH = 2048;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface HttpRequest {
  url: string;
  /** Upper-case verb. */
  method: string;
  /** Request headers as sent (lower-case names), including content-type when there is a payload. */
  headers: Record<string, string>;
  /** The body as UTF-8 text ('' without payload). */
  body: string;
  host: string;
  /** Query parameters of the URL, decoded. */
  query: Record<string, string>;
}

export interface HttpReply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A registered server: returns the reply, or throws to simulate a connection that fails after DNS. */
export type HttpHandler = (req: HttpRequest) => HttpReply;

interface Params {
  method?: unknown;
  payload?: unknown;
  contentType?: unknown;
  headers?: unknown;
  muteHttpExceptions?: unknown;
  followRedirects?: unknown;
  validateHttpsCertificates?: unknown;
  escaping?: unknown;
}

const METHODS = new Set(['GET', 'DELETE', 'PATCH', 'POST', 'PUT']);

function usage(ctx: EnvContext, user: string) {
  const now = ctx.core.now();
  ctx.state.fetchUsage ??= {};
  let u = ctx.state.fetchUsage[user];
  if (!u || now - u.since >= DAY_MS) {
    u = { since: now, used: 0 };
    ctx.state.fetchUsage[user] = u;
  }
  return u;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Checks and completes the URL the way Apps Script reports problems (notes in emulator/README.md). */
function normalizeUrl(
  ctx: EnvContext,
  raw: unknown,
): { url: string; host: string; origin: string; query: Record<string, string> } {
  const text = raw === undefined || raw === null ? '' : String(raw);
  if (text === '') throw ctx.core.error('Attribute provided with no value: url');
  // A URL without a scheme is fetched as http:// (observed: `DNS error: http://undefined`).
  const url = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`;
  const m = /^(https?):\/\/([^/?#:@\s]+)(:\d+)?([/?#][^\s]*)?$/i.exec(url);
  if (!m || /[\s<>"{}|\\^`]/.test(url)) throw ctx.core.error(`Invalid argument: ${url}`);
  if (url.length > MAX_URL_LENGTH) throw ctx.core.error('Limit Exceeded: URLFetch URL Length.');
  const host = m[2].toLowerCase();
  const query: Record<string, string> = {};
  const q = /\?([^#]*)/.exec(m[4] ?? '');
  if (q)
    for (const part of q[1].split('&')) {
      if (!part) continue;
      const i = part.indexOf('=');
      query[decode(i < 0 ? part : part.slice(0, i))] = i < 0 ? '' : decode(part.slice(i + 1));
    }
  return { url, host, origin: `${m[1].toLowerCase()}://${host}${m[3] ?? ''}`, query };
}

function formEncode(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function bodyOf(payload: unknown): { text: string; isForm: boolean } {
  if (payload === undefined || payload === null) return { text: '', isForm: false };
  if (typeof payload === 'string') return { text: payload, isForm: false };
  if (Array.isArray(payload))
    return { text: Buffer.from(payload.map((b) => Number(b) & 0xff)).toString('utf8'), isForm: false };
  if (typeof payload === 'object') return { text: formEncode(payload as Record<string, unknown>), isForm: true };
  return { text: String(payload), isForm: false };
}

function toSigned(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function makeResponse(status: number, body: string, headers: Record<string, string>) {
  const bytes = Buffer.from(body, 'utf8');
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
  return {
    getResponseCode: () => status,
    getContentText: (charset?: string) =>
      charset && /^(us-ascii|iso-8859-1)$/i.test(charset) ? bytes.toString('latin1') : body,
    getContent: () => toSigned(bytes),
    getHeaders: () => ({ ...headers }),
    getAllHeaders: () => ({ ...headers }),
    getBlob: () => ({
      getBytes: () => toSigned(bytes),
      getDataAsString: () => body,
      getContentType: () => contentType,
      getName: () => null,
    }),
  };
}

export function createUrlFetchApp(ctx: EnvContext) {
  function prepare(urlArg: unknown, paramsArg: unknown): { req: HttpRequest; mute: boolean; origin: string } {
    const params = (paramsArg && typeof paramsArg === 'object' ? paramsArg : {}) as Params;
    const { url, host, origin, query } = normalizeUrl(ctx, urlArg);
    const method = String(params.method ?? 'get').toUpperCase();
    if (!METHODS.has(method)) throw ctx.core.error(`Invalid argument: method`);
    const headers: Record<string, string> = {};
    if (params.headers && typeof params.headers === 'object')
      for (const [k, v] of Object.entries(params.headers as Record<string, unknown>))
        headers[k.toLowerCase()] = String(v);
    const body = bodyOf(params.payload);
    if (params.payload !== undefined && params.payload !== null) {
      // contentType wins over a Content-Type header; the default for a payload is form encoding (reference page).
      const ct =
        typeof params.contentType === 'string'
          ? params.contentType
          : (headers['content-type'] ?? 'application/x-www-form-urlencoded');
      headers['content-type'] = ct;
    }
    return {
      req: { url, method, headers, body: body.text, host, query },
      mute: params.muteHttpExceptions === true,
      origin,
    };
  }

  function send(p: { req: HttpRequest; mute: boolean; origin: string }) {
    const user = currentUser(ctx);
    const u = usage(ctx, user);
    if (u.used >= (ctx.faults.urlFetchQuota ?? ctx.urlFetchQuota)) throw ctx.core.error(URL_FETCH_QUOTA_MESSAGE);
    u.used++;
    const record: FetchRecord = {
      at: isoAt(ctx.core.now()),
      from: user,
      url: p.req.url,
      method: p.req.method,
      headers: p.req.headers,
      body: p.req.body,
      status: null,
      response: '',
      error: null,
    };
    ctx.state.fetches ??= [];
    ctx.state.fetches.push(record);
    const handler = ctx.httpHandlers.get(p.req.host);
    if (!handler) {
      record.error = `DNS error: ${p.req.url}`;
      throw ctx.core.error(record.error);
    }
    let reply: HttpReply;
    try {
      reply = handler(p.req);
    } catch {
      record.error = `Address unavailable: ${p.req.url}`;
      throw ctx.core.error(record.error);
    }
    const status = reply.status ?? 200;
    const text = reply.body ?? '';
    record.status = status;
    record.response = text;
    if (status >= 400 && !p.mute) {
      const cut = text.length > TRUNCATED_RESPONSE_CHARS ? `${text.slice(0, TRUNCATED_RESPONSE_CHARS)}...` : text;
      throw ctx.core.error(
        `Request failed for ${p.origin} returned code ${status}. Truncated server response: ${cut} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return makeResponse(status, text, reply.headers ?? {});
  }

  return {
    fetch(url: unknown, params?: unknown) {
      ctx.core.call('UrlFetchApp.fetch', 'fetch');
      return send(prepare(url, params));
    },
    /** Requests are strings or objects with `url` plus the fetch params; all are checked before any is sent. */
    fetchAll(requests: unknown) {
      ctx.core.call('UrlFetchApp.fetchAll', 'fetch');
      if (!Array.isArray(requests)) throw ctx.core.error('Invalid argument: requests');
      const prepared = requests.map((r) =>
        typeof r === 'string' ? prepare(r, {}) : prepare((r as { url?: unknown })?.url, r),
      );
      return prepared.map(send);
    },
    /** What would be sent, without sending (reference: getRequest). */
    getRequest(url: unknown, params?: unknown) {
      ctx.core.call('UrlFetchApp.getRequest', 'fetch');
      const { req } = prepare(url, params);
      return {
        url: req.url,
        method: req.method.toLowerCase(),
        headers: req.headers,
        payload: req.body,
        contentType: req.headers['content-type'] ?? null,
      };
    },
  };
}

/** The emulator side: handlers by host and the record of requests (env.http in the README). */
export function httpControls(ctx: EnvContext) {
  return {
    /** Serves requests to `host` (e.g. 'oapi.dingtalk.com'; case-insensitive) with `handler`. */
    register(host: string, handler: HttpHandler): void {
      ctx.httpHandlers.set(host.toLowerCase(), handler);
    },
    unregister(host: string): void {
      ctx.httpHandlers.delete(host.toLowerCase());
    },
    /** Every request the script made, in order (including failed ones). */
    get requests(): FetchRecord[] {
      ctx.state.fetches ??= [];
      return ctx.state.fetches;
    },
  };
}
