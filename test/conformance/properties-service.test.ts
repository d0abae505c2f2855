// Conformance: PropertiesService (gas-runtime-notes §9: stores, stringified values, null when absent, copies,
// 9 KB per value / 500 KB per store with the observed storage-quota text; the per-value text is [?], stricter kept).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function setGet(store, k, v) { var p = PropertiesService[store](); p.setProperty(k, v); return [p.getProperty(k), p.getProperty('missing')]; }
function all(store) { var p = PropertiesService[store](); var copy = p.getProperties(); copy.extra = '1'; return [p.getKeys().sort(), p.getProperty('extra')]; }
function replace() { var p = PropertiesService.getScriptProperties(); p.setProperties({ a: 1, b: true }); p.setProperties({ c: 'x' }, true); return p.getProperties(); }
function del() { var p = PropertiesService.getScriptProperties(); p.setProperty('a', '1').setProperty('b', '2'); p.deleteProperty('a'); var k = p.getKeys(); p.deleteAllProperties(); return [k, p.getKeys()]; }
function big(n) { PropertiesService.getScriptProperties().setProperty('big', new Array(n + 1).join('x')); }
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

test('properties are not available in AuthMode.NONE (§5)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('setGet', ['getScriptProperties', 'a', 'b'], { authMode: 'NONE' })).toThrow(
    'You do not have permission',
  );
});
