// npm run bench [-- --smoke] [--sizes 1000,10000,50000] [--reps N] [--no-build] [--no-naive] [--out file]
// Builds the add-on (the benchmark measures dist/Code.js, the code Apps Script would run), snapshots dist/ so a
// concurrent build cannot change it mid-run, bundles bench/cli.ts for Node with esbuild and runs it. See
// bench/README.md for what is measured and how to read the tables.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleMain } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
process.chdir(root);

if (!argv.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
try {
  const dist = path.join(work, 'dist');
  fs.cpSync(path.join(root, 'dist'), dist, { recursive: true });
  const bundle = path.join(work, 'bench.cjs');
  await bundleMain(root, './bench/cli', 'process.argv.slice(2), __filename', bundle);
  const passed = argv.filter((a) => a !== '--no-build');
  const r = spawnSync(process.execPath, [bundle, '--dist', dist, ...passed], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
