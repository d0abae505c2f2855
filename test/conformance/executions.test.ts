// Conformance: executions (gas-runtime-notes §5 auth modes per entry point, §6 custom functions, §10 the 6-minute
// limit and identity rules), plus the emulator's killAfterCalls fault and state persistence.
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function slow() { for (var i = 0; i < 1000; i++) { Utilities.sleep(1000); } return 'done'; }
function swallow() { try { for (;;) Utilities.sleep(60000); } catch (e) { } return 'survived'; }
function calls(n) { for (var i = 0; i < n; i++) Utilities.getUuid(); return n; }
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()]; }
function onOpen(e) { PropertiesService.getDocumentProperties().setProperty('open', JSON.stringify([String(e.authMode), who()])); SpreadsheetApp.getUi().createAddonMenu().addItem('Who', 'who').addToUi(); }
function DOUBLE(x) { return [x * 2, who()[0]]; }
function NOISY() { MailApp.sendEmail('a@example.com', 's', 'b'); }
function slowCf() { Utilities.sleep(31000); Utilities.getUuid(); }
function private_() { return 1; }
function UIFN() { SpreadsheetApp.getUi(); }
`;

test('an execution is stopped at 6 minutes of virtual time with the documented text (§10)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const start = env.now();
  expect(() => env.run('slow')).toThrow('Exceeded maximum execution time');
  expect(env.now() - start).toBe(6 * 60 * 1000);
  expect(() => env.run('swallow')).toThrow('Exceeded maximum execution time'); // catching does not save the run
});

test('killAfterCalls kills the next execution only', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.faults.killAfterCalls = 3;
  expect(() => env.run('calls', [5])).toThrow('Execution cancelled.');
  expect(env.executions.at(-1)?.error).toBe('Exception: Execution cancelled.');
  expect(env.run('calls', [5])).toBe(5);
});

test('onOpen runs LIMITED with the user hidden; a menu click runs FULL and reveals the user (§5, §10)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const menu = env.openAsUser('alice@example.com');
  expect(menu?.items).toEqual([{ caption: 'Who', functionName: 'who' }]);
  expect(JSON.parse(env.properties.document().open)).toEqual(['LIMITED', ['', '', 'Asia/Shanghai']]);
  expect(env.clickMenu('Who', { user: 'alice@example.com' })).toEqual([
    'alice@example.com',
    'alice@example.com',
    'Asia/Shanghai',
  ]);
  // In NONE the add-on may build its menu but not touch properties: onOpen fails, so no menu (§5).
  expect(env.openAsUser('bob@example.com', { authMode: 'NONE' })).toBeNull();
  expect(env.lastError?.message).toContain('You do not have permission');
});

test('custom functions run CUSTOM_FUNCTION: case-insensitive, no user, no mail, 30 s (§6)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(env.runCustomFunction('double', [21])).toEqual([42, '']);
  expect(() => env.runCustomFunction('NOISY')).toThrow(
    'You do not have permission to call MailApp.sendEmail. Required permissions:',
  );
  expect(() => env.runCustomFunction('slowCf')).toThrow('Exceeded maximum execution time');
  expect(() => env.runCustomFunction('private_')).toThrow('Unknown function');
  expect(() => env.runCustomFunction('uifn')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  expect(env.executions.at(-1)?.authMode).toBe('CUSTOM_FUNCTION');
});

test('serialize() and createEnvironment({ state }) carry the whole state over', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.openAsUser('alice@example.com');
  env.advance({ hours: 5 });
  const copy = createEnvironment({ state: env.serialize() }).loadScript(SCRIPT);
  expect(copy.now()).toBe(env.now());
  expect(copy.properties.document()).toEqual(env.properties.document());
  expect(copy.menu).toEqual(env.menu);
  expect(JSON.parse(copy.serialize())).toEqual(JSON.parse(env.serialize()));
});

test('freshGlobals: globals do not survive between executions and global code runs under the execution auth mode', () => {
  const code =
    'var counter = 0; var boot = PropertiesService.getScriptProperties();\nfunction bump() { counter++; return counter; }';
  const shared = createEnvironment({ freshGlobals: false }).loadScript(code);
  shared.run('bump');
  expect(shared.run('bump')).toBe(2); // opt-out: one realm, loaded once
  const fresh = createEnvironment().loadScript(code); // the default, as Apps Script
  fresh.run('bump');
  expect(fresh.run('bump')).toBe(1);
  // A service call at global scope breaks a NONE-mode onOpen (gas-runtime-notes §5).
  expect(() => fresh.run('bump', [], { authMode: 'NONE' })).toThrow('You do not have permission');
});

test('clockJumpPerCallMs and callLatencyMs make every service call cost virtual time', () => {
  const env = createEnvironment({ callLatencyMs: 100 }).loadScript(SCRIPT);
  const t0 = env.now();
  env.run('calls', [5]);
  expect(env.now() - t0).toBe(500);
  env.faults.clockJumpPerCallMs = 1000;
  env.run('calls', [5]);
  expect(env.now() - t0).toBe(500 + 5 * 1100);
  expect(env.counts()['Utilities.getUuid']).toBe(10);
});
