// Conformance: ScriptApp triggers (gas-runtime-notes §5 "Installable triggers", "Event objects"; §10 limits).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function addHourly() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
function addDaily(h) { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(h).nearMinute(0).create().getUniqueId(); }
function addMinutes() { return ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create().getUniqueId(); }
function addOpen() { return ScriptApp.newTrigger('tick').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onOpen().create().getEventType(); }
function list() { return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), t.getEventType(), t.getTriggerSource()]; }); }
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function tick(e) {
  PropertiesService.getScriptProperties().setProperty('last', JSON.stringify({ e: e, user: Session.getEffectiveUser().getEmail(), now: new Date().toISOString() }));
}
function tickUi() { SpreadsheetApp.getUi(); }
function authStatus() { return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus(); }
`;

test('an hourly trigger fires at the right times, as its owner, with the time-driven event object (§5)', () => {
  const env = createEnvironment({ now: '2026-03-02T09:00:00+08:00', timeZone: 'Asia/Shanghai' }).loadScript(SCRIPT);
  const uid = env.run('addHourly', [], { user: 'alice@example.com' });
  const { fired } = env.advance({ hours: 3, minutes: 30 });
  expect(fired.map((f) => f.at)).toEqual([
    '2026-03-02T02:00:00.000Z',
    '2026-03-02T03:00:00.000Z',
    '2026-03-02T04:00:00.000Z',
  ]);
  const last = JSON.parse(env.properties.script().last);
  expect(last.user).toBe('alice@example.com');
  expect(last.now).toBe('2026-03-02T04:00:00.000Z');
  expect(last.e).toEqual({
    authMode: 'FULL',
    year: 2026,
    month: 3,
    'day-of-month': 2,
    'day-of-week': 1,
    'week-of-year': 10,
    hour: 12,
    minute: 0,
    second: 0,
    timezone: 'Asia/Shanghai',
    triggerUid: uid,
  });
  expect(env.now()).toBe(Date.parse('2026-03-02T04:30:00Z'));
  const runs = env.executions.filter((x) => x.functionName === 'tick');
  expect(runs.every((x) => x.kind === 'installable-trigger' && x.authMode === 'FULL')).toBe(true);
});

test('a daily trigger fires once a day at its hour in its zone', () => {
  const env = createEnvironment({ now: '2026-03-02T09:30:00+08:00' }).loadScript(SCRIPT);
  env.run('addDaily', [8]);
  expect(env.advance({ days: 3 }).fired.map((f) => f.at)).toEqual([
    '2026-03-03T00:00:00.000Z',
    '2026-03-04T00:00:00.000Z',
    '2026-03-05T00:00:00.000Z',
  ]);
});

test('the 20-trigger cap per user has the observed text (§5)', () => {
  const env = createEnvironment({ addonTriggerRules: false }).loadScript(SCRIPT);
  for (let i = 0; i < 20; i++) env.run('addHourly');
  expect(() => env.run('addHourly')).toThrow(
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  );
  env.run('addHourly', [], { user: 'bob@example.com' }); // the cap is per user
  expect(env.run('list')).toHaveLength(20);
});

test('add-on rules: one trigger of each type per user per document, nothing more often than hourly (§5) [texts ?]', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('addHourly');
  expect(() => env.run('addDaily', [8])).toThrow('only one trigger of each type per user per document');
  expect(env.run('addOpen')).toBe('ON_OPEN');
  expect(() => env.run('addMinutes')).toThrow('at most once per hour');
  env.run('addHourly', [], { user: 'bob@example.com' });
  expect(env.run('list')).toEqual([
    ['tick', 'CLOCK', 'CLOCK'],
    ['tick', 'ON_OPEN', 'SPREADSHEETS'],
  ]);
  env.run('removeAll');
  expect(env.run('list')).toEqual([]);
  expect(env.triggers.map((t) => t.owner)).toEqual(['bob@example.com']);
});

test('trigger management needs FULL: a LIMITED onOpen cannot list triggers (§5 auth modes)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('list', [], { authMode: 'LIMITED' })).toThrow(
    'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions:',
  );
});

test('getUi() throws from a time-driven trigger (§1)', () => {
  const env = createEnvironment().loadScript(
    SCRIPT.replace("newTrigger('tick').timeBased().everyHours", "newTrigger('tickUi').timeBased().everyHours"),
  );
  env.run('addHourly');
  const { fired } = env.advance({ hours: 1 });
  expect(fired[0].error).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
});

test('getAuthorizationInfo reports REQUIRED for a user who revoked access', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(env.run('authStatus')).toBe('NOT_REQUIRED');
  env.revokeAuthorization('owner@example.com');
  expect(env.run('authStatus')).toBe('REQUIRED');
  expect(() => env.run('addHourly')).toThrow('Authorization is required to perform that action.');
});

test('a trigger whose handler no longer exists fails with the Apps Script text, recorded, not thrown', () => {
  const env = createEnvironment().loadScript(
    SCRIPT.replace("newTrigger('tick').timeBased().everyHours", "newTrigger('gone').timeBased().everyHours"),
  );
  env.run('addHourly');
  expect(env.advance({ hours: 1 }).fired).toEqual([
    { handler: 'gone', at: expect.any(String), error: 'Script function not found: gone' },
  ]);
});

test('a daily 9 AM trigger in America/Los_Angeles keeps 9 AM local across the DST change (§5 inTimezone)', () => {
  const env = createEnvironment({ now: '2026-03-06T12:00:00-08:00' }).loadScript(
    "function add() { ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(9).nearMinute(0).inTimezone('America/Los_Angeles').create(); }\nfunction tick(e) { Logger.log(e.hour + ' ' + e.timezone); }",
  );
  env.run('add');
  expect(env.advance({ days: 3 }).fired.map((f) => f.at)).toEqual([
    '2026-03-07T17:00:00.000Z', // 09:00 PST
    '2026-03-08T16:00:00.000Z', // 09:00 PDT
    '2026-03-09T16:00:00.000Z',
  ]);
  expect(env.logs.map((l) => l.message)).toEqual(Array(3).fill('9 America/Los_Angeles'));
});
