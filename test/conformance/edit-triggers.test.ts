// Conformance: what a user's typing fires (gas-runtime-notes §5 "Simple triggers", "Event objects"): simple onEdit
// runs LIMITED with the user hidden; value/oldValue only for single-cell edits; script writes never fire it;
// installable edit triggers run FULL as their owner with triggerUid.
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function onEdit(e) {
  var log = JSON.parse(PropertiesService.getDocumentProperties().getProperty('log') || '[]');
  log.push({ mode: String(e.authMode), a1: e.range.getA1Notation(), hasValue: 'value' in e, value: e.value, hasOld: 'oldValue' in e, oldValue: e.oldValue,
    user: e.user.getEmail(), active: Session.getActiveUser().getEmail(), sheet: e.source.getActiveSheet() ? 'ok' : 'none' });
  PropertiesService.getDocumentProperties().setProperty('log', JSON.stringify(log));
}
function scriptWrite() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('C1').setValue('by script'); }
function installEdit() { ScriptApp.newTrigger('onEditFull').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create(); }
function onEditFull(e) { PropertiesService.getScriptProperties().setProperty('full', JSON.stringify([String(e.authMode), !!e.triggerUid, Session.getEffectiveUser().getEmail()])); }
`;

test('single-cell edits carry value and oldValue; multi-cell edits omit both; the user is hidden (§5)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const sheet = env.spreadsheet.api().getSheets()[0].getName();
  expect(env.userEdit(sheet, 'A1', [['first']], { user: 'alice@example.com' }).accepted).toBe(true);
  env.userEdit(sheet, 'A1', [['second']], { user: 'alice@example.com' });
  env.userEdit(sheet, 'A2:B2', [['x', 'y']], { user: 'alice@example.com' });
  const log = JSON.parse(env.properties.document().log);
  expect(log.map((l: any) => [l.mode, l.a1, l.hasValue, l.value, l.hasOld, l.oldValue, l.user, l.active])).toEqual([
    ['LIMITED', 'A1', true, 'first', false, undefined, '', ''],
    ['LIMITED', 'A1', true, 'second', true, 'first', '', ''],
    ['LIMITED', 'A2:B2', false, undefined, false, undefined, '', ''],
  ]);
  expect(env.values(sheet)[0][0]).toBe('second');
});

test('script writes do not fire onEdit (§5)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('scriptWrite');
  expect(env.properties.document().log).toBeUndefined();
  expect(env.executions.map((x) => x.functionName)).toEqual(['scriptWrite']);
});

test('an installable edit trigger runs FULL as its owner, with triggerUid (§5)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('installEdit');
  const sheet = env.spreadsheet.api().getSheets()[0].getName();
  env.userEdit(sheet, 'B3', [[5]], { user: 'bob@example.com' });
  expect(JSON.parse(env.properties.script().full)).toEqual(['FULL', true, 'owner@example.com']);
});
