// Conformance: UrlFetchApp. Sources (facts recorded in emulator/README.md "UrlFetchApp"):
// - options, defaults, HTTPResponse members: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app [D]
// - quota 20,000 calls/day (consumer), 2 KB URL: gas-runtime-notes §10 [D]; exhaustion text
//   `Service invoked too many times for one day: urlfetch.` [O] (github.com/nuadi/googlecrestscript/issues/36)
// - ≥400 without muteHttpExceptions: `Request failed for <scheme://host> returned code N. Truncated server response: …
//   (use muteHttpExceptions option to examine full response)` [O] (github.com/fredericharnois/facebook-ads-reporting-
//   google-apps-script/issues/29, github.com/melissaguyre/mixpanel-segmentation-google-spreadsheets/issues/12)
// - unknown host `DNS error: <url>`, scheme-less URLs fetched as http:// [O] (github.com/bradjasper/ImportJSON/issues/78)
// - empty URL `Attribute provided with no value: url` [O] (github.com/bradjasper/ImportJSON/issues/210)
// - LIMITED / NONE cannot fetch, CUSTOM_FUNCTION can: gas-runtime-notes §5 [D]
import { createEnvironment, type HttpRequest } from '../../emulator/src/index';

const SCRIPT = `
function get(url, params) { var r = UrlFetchApp.fetch(url, params); return { code: r.getResponseCode(), text: r.getContentText(), headers: r.getHeaders(), all: r.getAllHeaders(), blob: r.getBlob().getDataAsString(), type: r.getBlob().getContentType() }; }
function all(reqs) { return UrlFetchApp.fetchAll(reqs).map(function (r) { return r.getResponseCode() + ':' + r.getContentText(); }); }
function peek(url, params) { return UrlFetchApp.getRequest(url, params); }
function caught(url, params) { try { UrlFetchApp.fetch(url, params); return 'no error'; } catch (e) { return e.name + ': ' + e.message; } }
`;

function env() {
  const e = createEnvironment().loadScript(SCRIPT);
  const seen: HttpRequest[] = [];
  e.http.register('api.example.com', (req) => {
    seen.push(req);
    if (req.url.includes('/fail')) return { status: 500, body: 'x'.repeat(300) };
    if (req.url.includes('/short')) return { status: 404, body: 'not here' };
    return { status: 200, body: `echo ${req.method} ${req.body}`, headers: { 'Content-Type': 'text/plain' } };
  });
  return { e, seen };
}

test('fetch: GET by default, the handler sees URL, query and headers; HTTPResponse getters', () => {
  const { e, seen } = env();
  const r = e.run('get', ['https://api.example.com/a?x=1&y=%E4%B8%AD', { headers: { 'X-Key': 'k' } }]) as any;
  expect(r).toEqual({
    code: 200,
    text: 'echo GET ',
    headers: { 'Content-Type': 'text/plain' },
    all: { 'Content-Type': 'text/plain' },
    blob: 'echo GET ',
    type: 'text/plain',
  });
  expect(seen[0]).toMatchObject({ method: 'GET', host: 'api.example.com', query: { x: '1', y: '中' } });
  expect(seen[0].headers).toEqual({ 'x-key': 'k' });
  expect(e.http.requests).toHaveLength(1);
  expect(e.counts()['UrlFetchApp.fetch']).toBe(1);
});

test('payload: a string is sent as is with contentType; an object is form-encoded by default', () => {
  const { e, seen } = env();
  e.run('get', [
    'https://api.example.com/p',
    { method: 'post', contentType: 'application/json', payload: '{"a":"中"}' },
  ]);
  e.run('get', ['https://api.example.com/p', { method: 'POST', payload: { a: '1 2', b: '&' } }]);
  expect(seen[0]).toMatchObject({
    method: 'POST',
    body: '{"a":"中"}',
    headers: { 'content-type': 'application/json' },
  });
  expect(seen[1]).toMatchObject({
    body: 'a=1%202&b=%26',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(
    e.run('peek', ['https://api.example.com/p', { method: 'put', payload: 'x', contentType: 'text/plain' }]),
  ).toEqual({
    url: 'https://api.example.com/p',
    method: 'put',
    headers: { 'content-type': 'text/plain' },
    payload: 'x',
    contentType: 'text/plain',
  });
  expect(seen).toHaveLength(2); // getRequest sends nothing
});

test('a response ≥ 400 throws the observed text unless muteHttpExceptions', () => {
  const { e } = env();
  expect(e.run('caught', ['https://api.example.com/fail/deep?q=1'])).toBe(
    `Exception: Request failed for https://api.example.com returned code 500. Truncated server response: ${'x'.repeat(147)}... (use muteHttpExceptions option to examine full response)`,
  );
  expect(e.run('caught', ['https://api.example.com/short'])).toBe(
    'Exception: Request failed for https://api.example.com returned code 404. Truncated server response: not here (use muteHttpExceptions option to examine full response)',
  );
  expect(e.run('get', ['https://api.example.com/short', { muteHttpExceptions: true }])).toMatchObject({
    code: 404,
    text: 'not here',
  });
});

test('URL errors: empty, illegal characters, unknown host (DNS), scheme-less URLs go to http://', () => {
  const { e } = env();
  expect(e.run('caught', [''])).toBe('Exception: Attribute provided with no value: url');
  expect(e.run('caught', ['https://api.example.com/a b'])).toBe(
    'Exception: Invalid argument: https://api.example.com/a b',
  );
  expect(e.run('caught', ['https://nowhere.example.net/x'])).toBe(
    'Exception: DNS error: https://nowhere.example.net/x',
  );
  expect(e.run('caught', ['undefined'])).toBe('Exception: DNS error: http://undefined');
  expect(e.run('caught', [`https://api.example.com/${'a'.repeat(2100)}`])).toBe(
    'Exception: Limit Exceeded: URLFetch URL Length.',
  );
  e.http.register('down.example.com', () => {
    throw new Error('connection reset');
  });
  expect(e.run('caught', ['https://down.example.com/'])).toBe(
    'Exception: Address unavailable: https://down.example.com/',
  );
  expect(e.http.requests.map((r) => r.error)).toEqual([
    'DNS error: https://nowhere.example.net/x',
    'DNS error: http://undefined',
    'Address unavailable: https://down.example.com/',
  ]);
});

test('fetchAll: strings and request objects, answers in order, each counted against the quota', () => {
  const { e } = env();
  expect(
    e.run('all', [['https://api.example.com/1', { url: 'https://api.example.com/2', method: 'post', payload: 'b' }]]),
  ).toEqual(['200:echo GET ', '200:echo POST b']);
  expect(e.http.requests).toHaveLength(2);
});

test('the daily quota: 20,000 per user, then the exhaustion text; resets 24 h after first use (§10)', () => {
  const e = createEnvironment({ urlFetchQuota: 2 }).loadScript(SCRIPT);
  e.http.register('api.example.com', () => ({ body: 'ok' }));
  e.run('get', ['https://api.example.com/']);
  e.run('get', ['https://api.example.com/']);
  expect(e.run('caught', ['https://api.example.com/'])).toBe(
    'Exception: Service invoked too many times for one day: urlfetch.',
  );
  e.run('get', ['https://api.example.com/'], { user: 'bob@example.com' });
  e.advance({ hours: 24 });
  expect(e.run('get', ['https://api.example.com/'])).toMatchObject({ code: 200 });
  expect(createEnvironment().loadScript(SCRIPT).run('caught', ['https://x.example.com/'])).toBe(
    'Exception: DNS error: https://x.example.com/',
  );
});

test('auth modes: LIMITED cannot fetch (simple triggers), CUSTOM_FUNCTION can (§5)', () => {
  const { e } = env();
  expect(() => e.run('get', ['https://api.example.com/'], { authMode: 'LIMITED' })).toThrow(
    /You do not have permission to call/,
  );
  expect(e.run('get', ['https://api.example.com/'], { authMode: 'CUSTOM_FUNCTION' })).toMatchObject({ code: 200 });
});

test('requests survive serialize(); handlers are live and must be registered again', () => {
  const { e } = env();
  e.run('get', ['https://api.example.com/']);
  const again = createEnvironment({ state: e.serialize() }).loadScript(SCRIPT);
  expect(again.http.requests).toHaveLength(1);
  expect(again.run('caught', ['https://api.example.com/'])).toBe('Exception: DNS error: https://api.example.com/');
});
