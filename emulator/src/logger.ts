// Logger and console: both write to env.logs (Apps Script shows them in the execution log). Objects are printed
// as JSON, as the V8 runtime's log viewer does.
import { type EnvContext, isoAt, type LogRecord } from './context';

export function formatLogArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Error || (a && typeof a === 'object' && 'message' in a && 'name' in a && 'stack' in a))
        return `${(a as Error).name}: ${(a as Error).message}`;
      if (Object.prototype.toString.call(a) === '[object Date]') return String(a);
      if (a && typeof a === 'object') {
        try {
          return JSON.stringify(a);
        } catch {
          return String(a);
        }
      }
      return String(a);
    })
    .join(' ');
}

export function createLogger(ctx: EnvContext) {
  const push = (level: LogRecord['level'], message: string) =>
    ctx.state.logs.push({ level, message, at: isoAt(ctx.core.now()) });
  const logger = {
    log(format: unknown, ...values: unknown[]) {
      ctx.core.call('Logger.log', 'none');
      let msg = formatLogArgs([format]);
      if (values.length && typeof format === 'string' && /%s/.test(format)) {
        let i = 0;
        msg = format.replace(/%s/g, () => formatLogArgs([values[i++]]));
      } else if (values.length) msg = formatLogArgs([format, ...values]);
      push('log', msg);
      return logger;
    },
    getLog(): string {
      return ctx.state.logs.map((l) => l.message).join('\n');
    },
    clear() {
      ctx.state.logs.length = 0;
    },
  };
  const consoleObj = {
    log: (...a: unknown[]) => push('log', formatLogArgs(a)),
    info: (...a: unknown[]) => push('info', formatLogArgs(a)),
    warn: (...a: unknown[]) => push('warn', formatLogArgs(a)),
    error: (...a: unknown[]) => push('error', formatLogArgs(a)),
  };
  return { Logger: logger, console: consoleObj };
}
