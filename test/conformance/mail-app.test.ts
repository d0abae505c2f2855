// Conformance: MailApp (gas-runtime-notes §8 signatures, quotas and exhaustion text; §10 quotas reset 24 h after first use).
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function send3(to) { MailApp.sendEmail(to, 'Subject', 'Body'); }
function send4(to) { MailApp.sendEmail(to, 'reply@example.com', 'S4', 'B4'); }
function sendOpts(to) { MailApp.sendEmail(to, 'S', 'plain', { htmlBody: '<b>hi</b>', cc: 'c@example.com', bcc: 'd@example.com', name: 'Ledger' }); }
function sendMsg(m) { MailApp.sendEmail(m); }
function remaining() { return MailApp.getRemainingDailyQuota(); }
`;

test('the four signatures land in the outbox with every field (§8)', () => {
  const env = createEnvironment({ now: '2026-03-02T09:00:00+08:00' }).loadScript(SCRIPT);
  env.run('send3', ['a@example.com']);
  env.run('send4', ['a@example.com']);
  env.run('sendOpts', ['a@example.com, b@example.com']);
  env.run('sendMsg', [{ to: 'z@example.com', subject: 'M', body: 'mb', replyTo: 'r@example.com' }], {
    user: 'alice@example.com',
  });
  expect(env.outbox.map((m) => [m.to, m.subject, m.body, m.replyTo, m.from])).toEqual([
    ['a@example.com', 'Subject', 'Body', '', 'owner@example.com'],
    ['a@example.com', 'S4', 'B4', 'reply@example.com', 'owner@example.com'],
    ['a@example.com, b@example.com', 'S', 'plain', '', 'owner@example.com'],
    ['z@example.com', 'M', 'mb', 'r@example.com', 'alice@example.com'],
  ]);
  expect(env.outbox[2]).toMatchObject({
    htmlBody: '<b>hi</b>',
    cc: 'c@example.com',
    bcc: 'd@example.com',
    name: 'Ledger',
  });
  expect(env.outbox[0].at).toBe('2026-03-02T01:00:00.000Z');
  expect(env.run('remaining')).toBe(100 - 1 - 1 - 4);
});

test('bad recipients are rejected and nothing is sent', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('send3', ['not-an-address'])).toThrow('Invalid email: not-an-address');
  expect(() => env.run('send3', [''])).toThrow('Failed to send email: no recipient');
  const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
  expect(() => env.run('send3', [many])).toThrow('Limit Exceeded: Email Recipients Per Message.');
  expect(env.outbox).toHaveLength(0);
});

test('the daily recipient quota per user, its error text, and its reset 24 h after first use (§8, §10)', () => {
  const env = createEnvironment({ mailQuota: 3 }).loadScript(SCRIPT);
  env.run('send3', ['a@example.com,b@example.com']);
  env.advance({ hours: 12 });
  env.run('send3', ['c@example.com']);
  expect(() => env.run('send3', ['d@example.com'])).toThrow('Service invoked too many times for one day: email.');
  env.run('send3', ['d@example.com'], { user: 'bob@example.com' }); // per user
  env.advance({ hours: 12 }); // 24 h after the first send
  expect(env.run('remaining')).toBe(3);
  env.run('send3', ['d@example.com']);
  expect(env.outbox).toHaveLength(4);
});

test('faults: fail the Nth send, or by predicate; a quota override', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  env.faults.failSend = 2;
  env.run('send3', ['a@example.com']);
  expect(() => env.run('send3', ['b@example.com'])).toThrow('temporarily unavailable');
  env.run('send3', ['c@example.com']);
  env.faults.failSend = (m) => m.to === 'x@example.com';
  expect(() => env.run('send3', ['x@example.com'])).toThrow('temporarily unavailable');
  env.faults.failSend = undefined;
  env.faults.mailQuota = 2;
  expect(() => env.run('send3', ['y@example.com'])).toThrow('Service invoked too many times for one day: email.');
  expect(env.outbox.map((m) => m.to)).toEqual(['a@example.com', 'c@example.com']);
});

test('MailApp needs FULL authorization: a simple trigger (LIMITED) cannot send (§5)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('send3', ['a@example.com'], { authMode: 'LIMITED' })).toThrow(
    'You do not have permission to call MailApp.sendEmail. Required permissions:',
  );
});
