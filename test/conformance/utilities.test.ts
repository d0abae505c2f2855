// Conformance: Utilities (gas-runtime-notes §10: Java SimpleDateFormat patterns, sleep max 300000, parseDate throws
// an Exception on failure) and digests as Java's signed bytes.
import { createEnvironment } from '../../emulator/src/index';
import { hmacSha256Hex } from '../../src/domain/sha256';

const env = createEnvironment().loadScript(`
function fmt(ms, tz, pattern) { return Utilities.formatDate(new Date(ms), tz, pattern); }
function digest(alg, text) { return Utilities.computeDigest(Utilities.DigestAlgorithm[alg], text, Utilities.Charset.UTF_8); }
function parse(text, tz, pattern) { return Utilities.parseDate(text, tz, pattern).getTime(); }
function csv(text) { return Utilities.parseCsv(text); }
function b64(text) { return [Utilities.base64Encode(text), Utilities.base64Decode(Utilities.base64Encode(text))]; }
function hmac(text, key) { return Utilities.computeHmacSha256Signature(text, key); }
function sleep(ms) { var a = Date.now(); Utilities.sleep(ms); return Date.now() - a; }
`);

test('formatDate across the 2026 spring-forward change in America/Los_Angeles (§10)', () => {
  const p = "yyyy-MM-dd'T'HH:mm:ss Z XXX z";
  expect(env.run('fmt', [Date.parse('2026-03-08T09:30:00Z'), 'America/Los_Angeles', p])).toBe(
    '2026-03-08T01:30:00 -0800 -08:00 PST',
  );
  expect(env.run('fmt', [Date.parse('2026-03-08T10:30:00Z'), 'America/Los_Angeles', p])).toBe(
    '2026-03-08T03:30:00 -0700 -07:00 PDT',
  );
});

test('formatDate pattern letters', () => {
  const ms = Date.parse('2026-03-02T01:05:09.045Z'); // Monday 09:05:09 in Shanghai
  expect(env.run('fmt', [ms, 'Asia/Shanghai', 'yy M d H h mm ss SSS a E EEE EEEE MMM MMMM'])).toBe(
    '26 3 2 9 9 05 09 045 AM Mon Mon Monday Mar March',
  );
  expect(env.run('fmt', [ms, 'Asia/Shanghai', "yyyy年MM月dd日 'at' HH:mm ''z''"])).toBe(
    "2026年03月02日 at 09:05 'CST'",
  );
  expect(env.run('fmt', [Date.parse('2026-03-02T13:00:00Z'), 'Asia/Shanghai', 'hh:mm a'])).toBe('09:00 PM');
  expect(env.run('fmt', [ms, 'UTC', 'XXX'])).toBe('Z');
});

test('computeDigest returns signed Java bytes (SHA-256 and MD5 of "abc")', () => {
  const sha = env.run('digest', ['SHA_256', 'abc']) as number[];
  expect(sha).toHaveLength(32);
  expect(sha.slice(0, 4)).toEqual([-70, 120, 22, -65]); // ba 78 16 bf
  expect(
    sha
      .map((b) => (b + 256) % 256)
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(''),
  ).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect((env.run('digest', ['MD5', 'abc']) as number[]).slice(0, 3)).toEqual([-112, 1, 80]); // 90 01 50
});

test('computeHmacSha256Signature(value, key) is RFC 2104 HMAC-SHA256 as signed Java bytes; the add-on keys its audit chain the same way', () => {
  // G/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String): "Signs the provided value
  // using HMAC-SHA256 with the given key", a Byte[] (Java bytes are signed, as for computeDigest, §10). The audit
  // chain computes the same HMAC in plain JS (src/domain/sha256.ts hmacSha256Hex; no Utilities call per row).
  const hex = (bytes: number[]) => bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
  const text = 'The quick brown fox jumps over the lazy dog';
  const sig = env.run('hmac', [text, 'key']) as number[];
  expect(sig).toHaveLength(32);
  expect(sig[0]).toBe(-9); // f7
  expect(hex(sig)).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  expect(hmacSha256Hex('key', text)).toBe(hex(sig));
  const long = 'k'.repeat(100); // keys over the 64-byte block are hashed first
  expect(hmacSha256Hex(long, '客户台账')).toBe(hex(env.run('hmac', ['客户台账', long]) as number[]));
});

test('parseDate reads wall time in the zone and throws an Exception when it cannot', () => {
  expect(env.run('parse', ['2026-03-08 03:30', 'America/Los_Angeles', 'yyyy-MM-dd HH:mm'])).toBe(
    Date.parse('2026-03-08T10:30:00Z'),
  );
  expect(() => env.run('parse', ['March 2026', 'UTC', 'yyyy-MM-dd'])).toThrow('Unparseable date: "March 2026"');
});

test('parseCsv, base64 round trip and sleep on the virtual clock (max 300000 ms)', () => {
  expect(env.run('csv', ['a,"b,c"\n"say ""hi""",2'])).toEqual([
    ['a', 'b,c'],
    ['say "hi"', '2'],
  ]);
  expect(env.run('b64', ['客户'])).toEqual(['5a6i5oi3', [-27, -82, -94, -26, -120, -73]]);
  expect(env.run('sleep', [1500])).toBe(1500);
  expect(() => env.run('sleep', [300001])).toThrow('Invalid argument: milliseconds');
});
