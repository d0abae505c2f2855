// The typed client of src/rpc.ts: one Promise-returning function per server function, typed from `typeof rpc`
// (import type only, so no server code is bundled). Calls go through google.script.run; a thrown server error
// rejects the Promise with an Error whose message is the server's text.
import type { Rpc } from '../../src/rpc';

export type Client = { [K in keyof Rpc]: (...args: Parameters<Rpc[K]>) => Promise<ReturnType<Rpc[K]>> };

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
  [fn: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: Runner } };
  }
}

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = run.withSuccessHandler(resolve).withFailureHandler(reject) as unknown as Record<
      string,
      (...a: unknown[]) => void
    >;
    runner[name](...args);
  });
}

export const server = new Proxy({} as Client, {
  get:
    (_target, name) =>
    (...args: unknown[]) =>
      call(String(name), args),
});
