// The complete list of server functions the sidebar may call through google.script.run. The sidebar derives its
// client types from `typeof rpc` (import type only); every key here is also a top-level export of src/main.ts.
// Payloads are JSON-safe: no Date (google.script.run rejects it), days as 'yyyy-MM-dd' strings.
export const rpc = {
  sidebarStart(): { ok: true } {
    return { ok: true };
  },
};
export type Rpc = typeof rpc;
