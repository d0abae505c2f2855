// The TriggerManager port on ScriptApp (gas-runtime-notes §5). An editor add-on sees only the current user's
// triggers in this document (getUserTriggers) and may own one time-driven trigger here, firing at most hourly.
import type { TriggerInfo, TriggerManager } from '../app/reminder-ports';

export function scriptAppTriggers(): TriggerManager {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const find = (id: string) => ScriptApp.getUserTriggers(ss).find((t) => t.getUniqueId() === id);
  return {
    list: (): TriggerInfo[] =>
      ScriptApp.getUserTriggers(ss).map((t) => ({
        id: t.getUniqueId(),
        handler: t.getHandlerFunction(),
        clock: t.getEventType() === ScriptApp.EventType.CLOCK,
      })),
    createHourly: (handler: string) => ScriptApp.newTrigger(handler).timeBased().everyHours(1).create().getUniqueId(),
    remove(id: string) {
      const t = find(id);
      if (t) ScriptApp.deleteTrigger(t);
    },
  };
}

/**
 * True when the user's authorization lapsed (e.g. new scopes after an update): a trigger must then exit before
 * its first call needing a missing scope (editor add-on rule, gas-runtime-notes §5).
 */
export function authorizationRequired(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}
