// Session (gas-runtime-notes §10): who runs the code. The active user's e-mail is '' where Apps Script hides it
// (simple triggers, custom functions); the effective user is the executing account (the owner for installable
// triggers) and is likewise blank outside FULL authorization.
import * as crypto from 'node:crypto';
import { currentUser, type EnvContext } from './context';

function user(email: string) {
  return { getEmail: () => email, toString: () => email };
}

export function createSession(ctx: EnvContext) {
  const call = (m: string) => ctx.core.call(`Session.${m}`, 'none');
  return {
    getActiveUser() {
      call('getActiveUser');
      return user(ctx.core.activeUserEmail());
    },
    getEffectiveUser() {
      call('getEffectiveUser');
      return user(ctx.core.execution?.authMode === 'FULL' ? currentUser(ctx) : '');
    },
    getScriptTimeZone(): string {
      call('getScriptTimeZone');
      return ctx.state.timeZone;
    },
    getActiveUserLocale(): string {
      call('getActiveUserLocale');
      return ctx.state.locale;
    },
    /** Stable per user and script (Apps Script rotates it every 30 days; the emulator never does). */
    getTemporaryActiveUserKey(): string {
      call('getTemporaryActiveUserKey');
      const who = currentUser(ctx);
      return crypto.createHash('sha256').update(`${ctx.state.scriptId}:${who}`).digest('base64').slice(0, 43);
    },
  };
}
