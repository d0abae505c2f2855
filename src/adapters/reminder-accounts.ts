// The Accounts port: the effective user (a trigger runs as the account that created it) and the file's owner,
// who is always an admin. Either may be hidden by Apps Script; '' then, and the admin check simply fails closed.
import type { Accounts } from '../app/reminder-ports';

export function sessionAccounts(): Accounts {
  return {
    effectiveUser() {
      try {
        return Session.getEffectiveUser().getEmail() || '';
      } catch (_e) {
        return '';
      }
    },
    owner() {
      try {
        return SpreadsheetApp.getActiveSpreadsheet().getOwner()?.getEmail() ?? '';
      } catch (_e) {
        return '';
      }
    },
  };
}
