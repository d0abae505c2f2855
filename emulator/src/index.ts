// The emulator's public API (documented in emulator/README.md): tests, the playground and the benchmark create an
// environment, load the built add-on into a bare-V8 realm and drive it as users, triggers and the clock would.
import { Environment } from './environment-actions';
import type { EnvironmentOptions } from './environment';

export type { EnvState, Faults, MailRecord, MenuItem, MenuRecord, TriggerRecord, UiRecord, LogRecord } from './context';
export type { AuthModeName, Capability, Execution } from './core';
export { ExecutionKilled, ScriptException, TIME_LIMIT_MS } from './core';
export { type EnvironmentOptions, type RunOptions, ScriptError } from './environment';
export { type Duration, Environment, type UserEditResult } from './environment-actions';
export { FORBIDDEN_GLOBALS } from './vm-loader';
export type { FetchRecord } from './context';
export type { HttpHandler, HttpReply, HttpRequest } from './url-fetch-app';
export { type ConditionalCell, evaluateConditionalFormats } from './spreadsheet/conditional-eval';

/** A fresh environment (or one restored from `options.state`). */
export function createEnvironment(options: EnvironmentOptions = {}): Environment {
  return new Environment(options);
}
