// Turning the daily reminders on and off. An editor add-on may own one time-driven trigger per user per document,
// firing at most hourly, so "enable" keeps exactly one hourly trigger for runDailyReminders (removing stale or
// duplicate ones) and records who enabled it: that account's trigger is the one that sends. Admin-only.
import type { Text } from '../domain/i18n';
import { t, msg } from '../domain/i18n';
import { parseReminderSettings } from '../domain/reminders/settings';
import type { Clock, Identity, LedgerStore } from './ports';
import type { Accounts, ReminderStateStore, TriggerManager } from './reminder-ports';

export const DAILY_HANDLER = 'runDailyReminders';

export interface AdminDeps {
  store: LedgerStore;
  clock: Clock;
  identity: Identity;
  accounts: Accounts;
  triggers: TriggerManager;
  state: ReminderStateStore;
}

export interface AdminResult {
  ok: boolean;
  reason: '' | 'not-admin';
  message: string;
  triggers: number;
}

const MSG = {
  notAdmin: msg('app/reminder-admin.MSG.notAdmin'),
  enabled: msg('app/reminder-admin.MSG.enabled'),
  disabled: msg('app/reminder-admin.MSG.disabled'),
} as const satisfies Record<string, Text>;

/** The owner is always an admin; otherwise the admin list in Settings decides (case-insensitive). */
export function isAdmin(user: string, admins: readonly string[], owner: string): boolean {
  const u = user.trim().toLowerCase();
  if (!u) return false;
  return u === owner.trim().toLowerCase() || admins.some((a) => a.toLowerCase() === u);
}

function currentUser(deps: AdminDeps): string {
  return deps.identity.user() || deps.accounts.effectiveUser();
}

function checkAdmin(deps: AdminDeps): AdminResult | null {
  const config = parseReminderSettings(deps.store.settings());
  if (isAdmin(currentUser(deps), config.admins, deps.accounts.owner())) return null;
  return {
    ok: false,
    reason: 'not-admin',
    message: t(deps.identity.lang(), MSG.notAdmin),
    triggers: deps.triggers.list().filter((x) => x.clock).length,
  };
}

export function enableDailyReminders(deps: AdminDeps): AdminResult {
  const denied = checkAdmin(deps);
  if (denied) return denied;
  const clocks = deps.triggers.list().filter((x) => x.clock);
  const keep = clocks.find((x) => x.handler === DAILY_HANDLER);
  for (const x of clocks) if (x !== keep) deps.triggers.remove(x.id);
  if (!keep) deps.triggers.createHourly(DAILY_HANDLER);
  const user = currentUser(deps);
  deps.state.setEnabled({ by: user, at: deps.clock.nowStamp() });
  const hour = parseReminderSettings(deps.store.settings()).hour;
  return { ok: true, reason: '', message: t(deps.identity.lang(), MSG.enabled, { hour, user }), triggers: 1 };
}

export function disableDailyReminders(deps: AdminDeps): AdminResult {
  const denied = checkAdmin(deps);
  if (denied) return denied;
  for (const x of deps.triggers.list()) if (x.handler === DAILY_HANDLER) deps.triggers.remove(x.id);
  deps.state.setEnabled(null);
  return { ok: true, reason: '', message: t(deps.identity.lang(), MSG.disabled), triggers: 0 };
}

/**
 * A trigger that fires for an account that is no longer the enabled sender (another admin re-enabled, or someone
 * disabled while this user's trigger could not be seen) removes itself, so only one account ever sends.
 */
export function isStaleTrigger(state: ReminderStateStore, runner: string): boolean {
  const info = state.enabled();
  return !info || (!!runner && info.by.toLowerCase() !== runner.toLowerCase());
}

export function removeOwnDailyTriggers(triggers: TriggerManager): number {
  let n = 0;
  for (const x of triggers.list()) {
    if (x.handler !== DAILY_HANDLER) continue;
    triggers.remove(x.id);
    n++;
  }
  return n;
}
