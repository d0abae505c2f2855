// The built add-on's structure (ENGINEERING.md "Build chain"): every entry point of src/main.ts is a real
// top-level function in the minified dist/Code.js with its parameter names, custom functions keep their
// @customfunction JSDoc, the bundle loads in a bare V8 context, and dist/ holds exactly the three pushed files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const checks = require('../../scripts/dist-checks.cjs');
const root = path.resolve(__dirname, '../..');

function copyRoot(mutate: (code: string) => string): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-dist-'));
  fs.mkdirSync(path.join(tmp, 'dist'));
  fs.mkdirSync(path.join(tmp, 'src'));
  for (const f of checks.DIST_FILES) fs.copyFileSync(path.join(root, 'dist', f), path.join(tmp, 'dist', f));
  fs.copyFileSync(path.join(root, 'src/main.ts'), path.join(tmp, 'src/main.ts'));
  const codePath = path.join(tmp, 'dist/Code.js');
  fs.writeFileSync(codePath, mutate(fs.readFileSync(codePath, 'utf8')));
  return tmp;
}

test('the built dist passes every structural check', () => {
  expect(checks.checkDist(root)).toEqual([]);
});

test('the bundle is minified and still carries the custom-function JSDoc at top level', () => {
  const code = fs.readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  const fns = checks.topLevelFunctions(code);
  for (const name of checks.CUSTOM_FUNCTIONS) {
    expect(fns.get(name).jsdoc).toMatch(/@customfunction/);
    expect(fns.get(name).jsdoc).toMatch(/@param/);
  }
  // Minified: esbuild's unminified output names each source module in a `// src/…` comment; minified has none,
  // and its lines are long (only template literals, e.g. zod's code generator, keep their line breaks).
  const bundle = code.slice(0, code.search(/\n(\/\*\*|function )/));
  expect(bundle).not.toMatch(/^\s*\/\/ (src|node_modules)\//m);
  expect(bundle.length / bundle.split('\n').length).toBeGreaterThan(500);
});

test('a missing top-level declaration is caught', () => {
  const tmp = copyRoot((code) => code.replace(/function runDailyReminders\(e\) \{[^}]*\}/, ''));
  expect(checks.checkDist(tmp)).toEqual(
    expect.arrayContaining([expect.stringMatching(/no top-level function runDailyReminders/)]),
  );
});

test('lost JSDoc and renamed parameters are caught', () => {
  const tmp = copyRoot((code) =>
    code.replace(/@customfunction/g, '').replace('function CREDIT_GRADE(score)', 'function CREDIT_GRADE(a)'),
  );
  const problems = checks.checkDist(tmp);
  expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/CREDIT_GRADE lacks its @customfunction/)]));
  expect(problems).toEqual(
    expect.arrayContaining([expect.stringMatching(/CREDIT_GRADE\(a\) does not keep the parameter names/)]),
  );
});

test('code that needs a Node global at load time fails the bare-V8 check', () => {
  const tmp = copyRoot((code) => `${code}\nvar leaked = require('fs');\n`);
  expect(checks.checkDist(tmp)).toEqual(expect.arrayContaining([expect.stringMatching(/bare V8/)]));
});

test('the manifest declares exactly the narrow scopes of PRODUCT.md §7', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/appsscript.json'), 'utf8'));
  expect([...manifest.oauthScopes].sort()).toEqual([...checks.SCOPES].sort());
  expect(manifest.runtimeVersion).toBe('V8');
});

test('every sidebar RPC function in src/rpc.ts is a top-level function of the bundle (google.script.run needs it)', () => {
  const { rpc } = require('../../src/rpc');
  const { extractEntryPoints } = require('../../scripts/entry-points.cjs');
  const exported = new Set(
    extractEntryPoints(fs.readFileSync(path.join(root, 'src/main.ts'), 'utf8')).map((e: { name: string }) => e.name),
  );
  const fns = checks.topLevelFunctions(fs.readFileSync(path.join(root, 'dist/Code.js'), 'utf8'));
  const keys = Object.keys(rpc);
  expect(keys.length).toBeGreaterThan(0);
  for (const k of keys) {
    expect({ k, exported: exported.has(k), topLevel: fns.has(k) }).toEqual({ k, exported: true, topLevel: true });
  }
});

// The sidebar page carries only the messages its own modules name (scripts/sidebar-catalogue.mjs), in all three
// languages, as UTF-8 (the Chinese texts below are found as written, not as \uXXXX escapes): server text such as
// the backup e-mail stays in dist/Code.js.
test('the sidebar page carries its own messages in every language, and no server-only text', () => {
  const html = fs.readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8');
  const code = fs.readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  const { zhCN } = require('../../src/i18n/zh-CN');
  const { zhTW } = require('../../src/i18n/zh-TW');
  const { en } = require('../../src/i18n/en');
  for (const cat of [zhCN, zhTW, en]) {
    expect(html).toContain(JSON.stringify(cat['sidebar/i18n.UI.loading']));
    expect(html).toContain(JSON.stringify(cat['schema.SHEETS.customers.name']));
  }
  const serverOnly = en['app/backup.BACKUP_TEXT.subject'].replace('{company}', ''); // the backup e-mail's subject
  expect(code).toContain(serverOnly);
  expect(html).not.toContain(serverOnly);
  expect(Buffer.byteLength(html)).toBeLessThan(400_000); // 514,965 bytes before (all three catalogues whole)
});
