// PLACEHOLDER (owned by the workbook work): menu building and the sidebar.
export function onOpen(_e: GoogleAppsScript.Events.SheetsOnOpen): void {}
export function onInstall(e: GoogleAppsScript.Events.AddonOnInstall): void { onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen); }
export function showSidebar(): void {}
