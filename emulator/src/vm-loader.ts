// The bare-V8 loader: the add-on runs in a fresh `node:vm` context holding only ECMAScript built-ins and the
// emulated Apps Script globals, like the real runtime (no require, process, setTimeout, URL, atob, TextEncoder,
// structuredClone, fetch, Buffer; ENGINEERING.md "Bare-V8 check"). Inside, `Date` reads the virtual clock.
import * as vm from 'node:vm';

/** Node-only globals that must never be visible to the add-on (checked by the conformance tests). */
export const FORBIDDEN_GLOBALS = [
  'require',
  'process',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'URL',
  'atob',
  'btoa',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'fetch',
  'Buffer',
  'module',
  'exports',
  'global',
  'Intl',
] as const;

export interface ScriptRealm {
  context: vm.Context;
  /** Makes a Date of the script realm (service Dates must pass `instanceof Date` inside the add-on). */
  makeDate(ms: number): Date;
  /** Makes an Error of the script realm named "Exception" (Apps Script's service failures). */
  makeError(message: string): Error;
  /** Compiles `function (__data, __esc) { <body> }` in the script realm (sloppy mode: templates use `with`). */
  compile(body: string): (...args: unknown[]) => unknown;
  /** Runs source text as one project file. */
  load(code: string, filename: string): void;
  /** The global function `name`, or undefined. */
  fn(name: string): ((...args: unknown[]) => unknown) | undefined;
  /** Names of the global functions (the project's callable entry points). */
  functionNames(): string[];
}

const PRELUDE = `(function (now) {
  var RealDate = Date;
  function VirtualDate() {
    if (!new.target) return new RealDate(now()).toString();
    var args = Array.prototype.slice.call(arguments);
    if (args.length === 0) return Reflect.construct(RealDate, [now()], new.target);
    return Reflect.construct(RealDate, args, new.target);
  }
  VirtualDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  VirtualDate.now = function () { return now(); };
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: VirtualDate, writable: true, configurable: true, enumerable: false });
  function Exception(message) {
    var e = new Error(message);
    Object.setPrototypeOf(e, Exception.prototype);
    return e;
  }
  Exception.prototype = Object.create(Error.prototype, { constructor: { value: Exception }, name: { value: 'Exception', writable: true } });
  return {
    makeDate: function (ms) { return new RealDate(ms); },
    makeError: function (message) { return Exception(message); },
  };
})`;

export function createRealm(globals: Record<string, unknown>, now: () => number): ScriptRealm {
  // An ordinary global object (DONT_CONTEXTIFY, Node ≥ 20.18): a contextified sandbox answers every global lookup
  // (String, Math, Object, …) through an interceptor, which made the add-on's hot loops several times slower here
  // than in V8 itself and billed that to the add-on's CPU. The globals the script sees are the same either way.
  const bare = vm.constants?.DONT_CONTEXTIFY;
  const options = { name: 'apps-script', codeGeneration: { strings: true, wasm: false } };
  const context: vm.Context = bare ? vm.createContext(bare, options) : vm.createContext({}, options);
  // A fresh context has Node's console and WebAssembly; Apps Script has neither as Node defines them. Whether Apps
  // Script offers Intl is uncertain (ENGINEERING.md), so the stricter reading removes it: add-on code using it fails here.
  vm.runInContext('delete globalThis.console; delete globalThis.WebAssembly; delete globalThis.Intl;', context);
  const tools = vm.runInContext(PRELUDE, context)(now) as {
    makeDate(ms: number): Date;
    makeError(m: string): Error;
  };
  for (const [k, v] of Object.entries(globals)) {
    Object.defineProperty(context, k, { value: v, writable: true, configurable: true, enumerable: false });
  }
  const makeFunction = vm.runInContext(
    '(function (body) { return new Function("__data", "__esc", body); })',
    context,
  ) as (body: string) => (...args: unknown[]) => unknown;
  const names = new Set<string>();
  const builtIn = new Set(Object.getOwnPropertyNames(context));
  return {
    context,
    makeDate: tools.makeDate,
    makeError: tools.makeError,
    compile: makeFunction,
    load(code, filename) {
      new vm.Script(code, { filename }).runInContext(context);
      for (const k of Object.getOwnPropertyNames(context))
        if (!builtIn.has(k) && typeof (context as any)[k] === 'function') names.add(k);
    },
    fn(name) {
      const f = Object.hasOwn(context, name) ? (context as any)[name] : undefined;
      return typeof f === 'function' && !(name in globals) && names.has(name) ? f : undefined;
    },
    functionNames() {
      return [...names].filter((n) => !(n in globals) && typeof (context as any)[n] === 'function');
    },
  };
}
