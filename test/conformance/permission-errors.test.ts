// Conformance: the text of a call the execution's auth mode does not allow (gas-runtime-notes §6 "You do not have
// permission to call X service."; the forms below are observed in public reports, emulator/README.md "Permission
// errors"):
// - `You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets`
//   from simple triggers (GH/peterherrmann/BetterLog/issues/29 and /issues/21, GH/andrewroberts/BBLog/issues/4);
// - `… call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail` (CI:68447368015,
//   CI:70868330337); `… call ScriptApp.getProjectTriggers. Required permissions: …/auth/script.scriptapp.` (CI:56200590650);
//   `… call Ui.showSidebar` (CI:12256997642);
// - several scopes in parentheses joined by ` || `: `… call SpreadsheetApp.getActiveSpreadsheet. Required permissions:
//   (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)`, and the
//   newest reports (December 2025) end with `. For more information, see
//   https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is` (CI:21892805733, also
//   `UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request`); the emulator
//   writes that newest form;
// - a custom function writing to its read-only sheet: bare method, `You do not have permission to call setValue`
//   (CI:3346997566, CI:45720136543).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function mail() { MailApp.sendEmail('a@example.com', 's', 'b'); }
function open() { return SpreadsheetApp.openById(SpreadsheetApp.getActiveSpreadsheet().getId()).getName(); }
function active() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function triggers() { return ScriptApp.getProjectTriggers().length; }
function fetchIt() { return UrlFetchApp.fetch('https://oapi.dingtalk.com/robot/send'); }
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x')); }
function WRITE() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue(1); }
function MAILCF() { mail(); }
`;

const MORE =
  '. For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';
const AUTH = 'https://www.googleapis.com/auth/';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

test('a missing scope names service and method, then the scope, as Apps Script does (§6; public reports)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const limited = { authMode: 'LIMITED' as const };
  expect(message(() => env.run('mail', [], limited))).toBe(
    `You do not have permission to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail${MORE}`,
  );
  expect(message(() => env.run('open', [], limited))).toBe(
    `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${AUTH}spreadsheets${MORE}`,
  );
  expect(message(() => env.run('triggers', [], limited))).toBe(
    `You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: ${AUTH}script.scriptapp${MORE}`,
  );
  expect(message(() => env.run('fetchIt', [], limited))).toBe(
    `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${AUTH}script.external_request${MORE}`,
  );
  expect(message(() => env.run('sidebar', [], limited))).toBe(
    `You do not have permission to call Ui.showSidebar. Required permissions: ${AUTH}script.container.ui${MORE}`,
  );
});

test('either of two scopes is written in parentheses joined by ||; AuthMode NONE cannot open the document', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(message(() => env.run('active', [], { authMode: 'NONE' }))).toBe(
    'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ' +
      `(${AUTH}spreadsheets.currentonly || ${AUTH}spreadsheets)${MORE}`,
  );
});

test('custom functions: a scope they never get is named the same way; writing the sheet names the bare method', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(message(() => env.runCustomFunction('MAILCF', []))).toBe(
    `You do not have permission to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail${MORE}`,
  );
  expect(message(() => env.runCustomFunction('WRITE', []))).toBe('You do not have permission to call setValue');
  // The error reaches the script as an Exception, like every service failure.
  expect(env.executions.at(-1)?.error).toBe('Exception: You do not have permission to call setValue');
});
