// Conformance: the add-on runs in a bare V8 realm (ENGINEERING.md "Bare-V8 check"; gas-runtime-notes §10 on the
// V8 runtime), its Date reads the virtual clock, and script errors reach env.run with the script's message.
import { createEnvironment, FORBIDDEN_GLOBALS } from '../../emulator/src/index';

describe('bare V8 context', () => {
  test('none of the Node globals exist inside the script realm', () => {
    const env = createEnvironment().loadScript(
      'function probe(names) { return names.map(function (n) { return typeof globalThis[n]; }); }',
    );
    const types = env.run('probe', [[...FORBIDDEN_GLOBALS]]) as string[];
    expect(types).toEqual(FORBIDDEN_GLOBALS.map(() => 'undefined'));
  });

  test('the Apps Script globals and ECMAScript built-ins are there', () => {
    const env = createEnvironment().loadScript(
      'function kinds() { return [typeof SpreadsheetApp, typeof ScriptApp, typeof MailApp, typeof PropertiesService, typeof CacheService, typeof LockService, typeof Session, typeof Utilities, typeof HtmlService, typeof Logger, typeof console, typeof JSON, typeof Map]; }',
    );
    expect(env.run('kinds')).toEqual([...Array(11).fill('object'), 'object', 'function']);
  });

  test('new Date() and Date.now() read the virtual clock; other Date forms behave normally', () => {
    const env = createEnvironment({ now: '2026-03-02T09:00:00+08:00' }).loadScript(
      'function stamp() { return [new Date().toISOString(), Date.now(), new Date(0).toISOString(), new Date(2020, 0, 1) instanceof Date, typeof Date()]; }',
    );
    expect(env.run('stamp')).toEqual([
      '2026-03-02T01:00:00.000Z',
      Date.parse('2026-03-02T01:00:00Z'),
      '1970-01-01T00:00:00.000Z',
      true,
      'string',
    ]);
    env.advance({ hours: 2 });
    expect((env.run('stamp') as unknown[])[0]).toBe('2026-03-02T03:00:00.000Z');
  });

  test('service Dates are Dates of the script realm', () => {
    const env = createEnvironment().loadScript(
      "function check() { var d = Utilities.parseDate('2026-03-05', 'Asia/Shanghai', 'yyyy-MM-dd'); return [d instanceof Date, d.getTime()]; }",
    );
    expect(env.run('check')).toEqual([true, Date.parse('2026-03-04T16:00:00Z')]);
  });

  test('script errors propagate with the script message; service errors are Errors named Exception inside', () => {
    const env = createEnvironment().loadScript(
      "function boom() { throw new Error('bad input: 金额'); }\n" +
        'function svc() { try { Utilities.sleep(400000); } catch (e) { return [e instanceof Error, e.name, e.message]; } }',
    );
    expect(() => env.run('boom')).toThrow('bad input: 金额');
    expect(env.run('svc')).toEqual([true, 'Exception', 'Invalid argument: milliseconds']);
    expect(() => env.run('nope')).toThrow('Script function not found: nope');
  });

  test('top-level function declarations are the entry points', () => {
    const env = createEnvironment().loadScript('var x = 1; const y = 2; function a() {} function b() {}');
    expect(env.functions().sort()).toEqual(['a', 'b']);
  });
});

test('Dates passed in from Node arrive as Dates of the script realm (custom function arguments, §6)', () => {
  const env = createEnvironment().loadScript(
    'function isDate(x) { return [x instanceof Date, x[0][0] instanceof Date, x[0][0].getTime()]; }',
  );
  expect(env.run('isDate', [[[new Date(86400000)]]])).toEqual([false, true, 86400000]);
});
