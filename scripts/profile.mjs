// node scripts/profile.mjs [--size 50000] [--reps 1] [--op daily|rescore|refresh|reports|status] [--prof dir] [--dist dist]
// A profiling aid beside `npm run bench`: bundles bench/profile.ts for Node and runs it with TZ = the bench's zone.
// It does not build: run `node scripts/build.mjs` (or `--dev`, into a copy passed with --dist) first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleMain } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-profile-'));
try {
  const bundle = path.join(work, 'profile.cjs');
  await bundleMain(root, './bench/profile', 'process.argv.slice(2)', bundle);
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=6144', bundle, ...process.argv.slice(2)],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } },
  );
  // measure() brackets each run with markers for the bench's heap reading: not wanted here.
  process.stdout.write(
    (r.stdout ?? '')
      .split('\n')
      .filter((l) => !l.startsWith('@@bench'))
      .join('\n'),
  );
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
