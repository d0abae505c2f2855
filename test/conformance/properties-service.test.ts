// Conformance: PropertiesService (gas-runtime-notes §9: stores, stringified values, null when absent, copies,
// 9 KB per value / 500 KB per store with the observed storage-quota text; the per-value text is [?], stricter kept).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function setGet(store, k, v) { var p = PropertiesService[store](); p.setProperty(k, v); return [p.getProperty(k), p.getProperty('missing')]; }
function all(store) { var p = PropertiesService[store](); var copy = p.getProperties(); copy.extra = '1'; return [p.getKeys().sort(), p.getProperty('extra')]; }
function replace() { var p = PropertiesService.getScriptProperties(); p.setProperties({ a: 1, b: true }); p.setProperties({ c: 'x' }, true); return p.getProperties(); }
function del() { var p = PropertiesService.getScriptProperties(); p.setProperty('a', '1').setProperty('b', '2'); p.deleteProperty('a'); var k = p.getKeys(); p.deleteAllProperties(); return [k, p.getKeys()]; }
function big(n) { PropertiesService.getScriptProperties().setProperty('big', new Array(n + 1).join('x')); }
function utf8(s) { return unescape(encodeURIComponent(s)).length; }
function storeBytes(p) { var all = p.getProperties(), n = 0; for (var k in all) n += utf8(k) + utf8(all[k]); return n; }
function churn() {
  var p = PropertiesService.getUserProperties();
  p.setProperties({ b: new Array(3001).join('b') });
  p.setProperty('zh', new Array(2001).join('额')).setProperty('a', 'x').setProperty('a', new Array(4001).join('z'));
  p.setProperty('zh', 'short'); p.deleteProperty('a'); p.deleteProperty('absent');
  p.setProperty('b', 'c'); p.setProperty('d', new Array(4001).join('é'));
  for (var i = 0; ; i++) {
    var before = storeBytes(p), v = new Array(1001 + i).join('y');
    try { p.setProperty('f' + i, v); } catch (e) { return [before, utf8('f' + i) + utf8(v), String(e.message)]; }
  }
}
function fill(count, size) { var p = PropertiesService.getUserProperties(); for (var i = 0; i < count; i++) p.setProperty('k' + i, new Array(size + 1).join('y')); }
`;

test('values are stringified; absent keys read null; stores are per user and per document (§9)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(env.run('setGet', ['getScriptProperties', 'n', 42])).toEqual(['42', null]);
  expect(env.run('setGet', ['getUserProperties', 'lang', 'zh-CN'], { user: 'alice@example.com' })).toEqual([
    'zh-CN',
    null,
  ]);
  env.run('setGet', ['getDocumentProperties', 'sheetId', 7]);
  expect(env.properties.user('alice@example.com')).toEqual({ lang: 'zh-CN' });
  expect(env.properties.user('owner@example.com')).toEqual({});
  expect(env.properties.document()).toEqual({ sheetId: '7' });
  expect(env.properties.script()).toEqual({ n: '42' });
});

test('getProperties returns a copy; setProperties(obj, deleteAllOthers); delete', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('setGet', ['getScriptProperties', 'k', 'v']);
  expect(env.run('all', ['getScriptProperties'])).toEqual([['k'], null]);
  expect(env.run('replace')).toEqual({ c: 'x' });
  expect(env.run('del')).toEqual([['c', 'b'], []]);
});

test('9 KB per value and 500 KB per store throw the storage-quota text (§9)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const msg = 'You have exceeded the property storage quota. Please remove some properties and try again.';
  env.run('big', [9 * 1024 - 3]); // key 'big' + value = exactly 9 KB
  expect(() => env.run('big', [9 * 1024 - 2])).toThrow(msg);
  expect(() => env.run('fill', [60, 9000])).toThrow(msg);
  expect(Object.keys(env.properties.user('owner@example.com')).length).toBeLessThan(60);
});

test('the 500 KB store limit counts the store exactly after overwrites, deletes and multi-byte values in one run', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const [before, next, message] = env.run('churn') as [number, number, string];
  expect(message).toMatch(/property storage quota/);
  expect(before).toBeLessThanOrEqual(500 * 1024);
  expect(before + next).toBeGreaterThan(500 * 1024);
});

test('properties are not available in AuthMode.NONE (§5)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('setGet', ['getScriptProperties', 'a', 'b'], { authMode: 'NONE' })).toThrow(
    'You do not have permission',
  );
});
