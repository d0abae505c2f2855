// Conformance: Session identity rules (gas-runtime-notes §10 "Identity": '' where the user is hidden; the effective
// user of an installable trigger is its creator) and Logger/console capture.
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function ids() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getActiveUserLocale(), Session.getScriptTimeZone(), Session.getTemporaryActiveUserKey()]; }
function logs() { Logger.log('a %s b', 1); Logger.log({ x: 1 }); console.warn('w', [1]); console.error(new Error('bad')); }
`;

test('active/effective user per mode; temporary key is stable per user and differs between users', () => {
  const env = createEnvironment({ locale: 'en_US', timeZone: 'America/New_York' }).loadScript(SCRIPT);
  const a = env.run('ids', [], { user: 'alice@example.com' }) as string[];
  expect(a.slice(0, 4)).toEqual(['alice@example.com', 'alice@example.com', 'en_US', 'America/New_York']);
  expect(env.run('ids', [], { user: 'alice@example.com' })).toEqual(a);
  expect((env.run('ids', [], { user: 'bob@example.com' }) as string[])[4]).not.toBe(a[4]);
  expect((env.run('ids', [], { user: 'alice@example.com', authMode: 'LIMITED' }) as string[]).slice(0, 2)).toEqual([
    '',
    '',
  ]);
});

test('Logger.log and console.* are recorded in env.logs', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.run('logs');
  expect(env.logs.map((l) => [l.level, l.message])).toEqual([
    ['log', 'a 1 b'],
    ['log', '{"x":1}'],
    ['warn', 'w [1]'],
    ['error', 'Error: bad'],
  ]);
});
