// npm run check:push — asks clasp (offline, no login needed) which files `clasp push` would upload and asserts
// the set is exactly the three built files. Sorted: clasp's order varies.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = execFileSync('npx', ['--no-install', 'clasp', 'status', '--json'], { cwd: root, encoding: 'utf8' });
const json = JSON.parse(out.slice(out.indexOf('{')));
const push = [...json.filesToPush].map((f) => f.replace(/\\/g, '/')).sort();
const expected = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json'];
if (JSON.stringify(push) !== JSON.stringify(expected)) {
  console.error(`push set FAILED: clasp would push ${JSON.stringify(push)}, expected ${JSON.stringify(expected)}`);
  process.exit(1);
}
console.log(`push set ok: ${push.join(', ')}`);
