// Plain-Node entry: `require('./emulator')` compiles emulator/src/index.ts with esbuild on the fly (cached in
// build/emulator.cjs, rebuilt when any emulator source is newer) and exports the public API (see README.md).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(__dirname, 'src');
const out = path.join(root, 'build', 'emulator.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function build() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(srcDir, 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.outputFiles[0].text);
  fs.renameSync(tmp, out);
}

if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < newestSource(srcDir)) build();
module.exports = require(out);
