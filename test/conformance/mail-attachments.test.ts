// Conformance: MailApp attachments and Utilities.zip, which the weekly backup relies on.
// Sources: gas-runtime-notes §8 (attachments option; 250 attachments and 25 MB total per message, quotas page
// https://developers.google.com/apps-script/guides/services/quotas; oversize text `Limit Exceeded: Email Total
// Attachments Size.` [O]); Utilities.zip(blobs) / zip(blobs, name) returns a zip blob of the blobs
// (https://developers.google.com/apps-script/reference/utilities/utilities#zip(BlobSource)). Where the reference is
// silent (a nameless blob in a zip, the text for > 250 attachments) the emulator refuses: the stricter reading.
import { unzipSync } from 'fflate';
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function sendZip(to, parts) {
  var blobs = parts.map(function (p) { return Utilities.newBlob(p[1], 'text/csv', p[0]); });
  var zip = Utilities.zip(blobs, 'backup.zip');
  MailApp.sendEmail({ to: to, subject: 'Backup', body: 'attached', attachments: [zip] });
  return [zip.getName(), zip.getContentType()];
}
function sendBig(to, mb) {
  var text = new Array(mb * 1024 * 1024 + 1).join('x');
  MailApp.sendEmail(to, 'Big', 'b', { attachments: [Utilities.newBlob(text, 'text/plain', 'big.txt')] });
}
function zipNameless() { return Utilities.zip([Utilities.newBlob('x')]); }
`;

test('a zip of named blobs is attached and recorded with its bytes (§8, Utilities.zip)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const meta = env.run('sendZip', [
    'a@example.com',
    [
      ['客户.csv', '客户编号,客户名称\n0001,北京'],
      ['b.csv', 'x'],
    ],
  ]);
  expect(meta).toEqual(['backup.zip', 'application/zip']);
  const [mail] = env.outbox;
  expect(mail.attachments).toHaveLength(1);
  const att = mail.attachments![0];
  expect(att).toMatchObject({ name: 'backup.zip', contentType: 'application/zip' });
  const files = unzipSync(new Uint8Array(Buffer.from(att.base64, 'base64')));
  expect(Object.keys(files)).toEqual(['客户.csv', 'b.csv']);
  expect(Buffer.from(files['客户.csv']).toString('utf8')).toBe('客户编号,客户名称\n0001,北京');
  expect(att.size).toBe(Buffer.from(att.base64, 'base64').length);
});

test('more than 25 MB of attachments is refused with the service text, nothing sent (§8)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('sendBig', ['a@example.com', 26])).toThrow('Limit Exceeded: Email Total Attachments Size.');
  expect(env.outbox).toHaveLength(0);
});

test('a blob without a name cannot be zipped (stricter reading)', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  expect(() => env.run('zipNameless')).toThrow('Invalid argument: blobs');
});
