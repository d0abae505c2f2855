// PLACEHOLDER (owned by the reminders work).
export function previewReminders(): void {}
export function runRemindersNow(): void {}
export function enableDailyReminders(): void {}
export function disableDailyReminders(): void {}
export function runDailyReminders(_e: GoogleAppsScript.Events.TimeDriven): void {}
