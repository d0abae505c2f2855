// Conformance: Utilities.computeHmacSha256Signature + base64Encode, as the DingTalk signing uses them (PRODUCT.md
// §15). Reference: developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String,Charset)
// [D]: returns Byte[] — Java bytes, signed −128..127 (gas-runtime-notes §10 digests) — and base64Encode(Byte[]) gives
// standard Base64. Vector: HMAC-SHA256(key "key", "The quick brown fox jumps over the lazy dog") =
// f7bc83f4…2d1a3cd8 (RFC 2104 construction; the widely published test value).
import { createHmac } from 'node:crypto';
import { createEnvironment } from '../../emulator/src/index';

const SCRIPT = `
function sig(v, k) { return Utilities.computeHmacSha256Signature(v, k, Utilities.Charset.UTF_8); }
function signed(ts, secret) { return Utilities.base64Encode(Utilities.computeHmacSha256Signature(ts + '\\n' + secret, secret, Utilities.Charset.UTF_8)); }
`;

test('signed Java bytes of the published vector', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const bytes = env.run('sig', ['The quick brown fox jumps over the lazy dog', 'key']) as number[];
  const hex = 'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8';
  expect(bytes).toHaveLength(32);
  expect(bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
  expect(bytes[0]).toBe(0xf7 - 256);
  expect(Buffer.from(bytes.map((b) => b & 0xff)).toString('hex')).toBe(hex);
});

test('base64Encode of the signature is what a DingTalk server recomputes', () => {
  const env = createEnvironment().loadScript(SCRIPT);
  const secret = 'SEC000example中';
  const ts = '1767225600000';
  expect(env.run('signed', [ts, secret])).toBe(
    createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64'),
  );
});
