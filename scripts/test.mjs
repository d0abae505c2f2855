// npm test — everything CI checks, in order: lint/format, type-checks (server, sidebar, tests), the production
// build, the dist structure and the clasp push set, then every jest suite (unit, use case, conformance,
// bundle, browser) and the benchmark smoke run. Ends with one "tests: N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = [];

function step(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  console.log(`${ok ? '✔' : '✘'} ${name} (${results.at(-1).seconds}s)`);
  return ok;
}

step('lint', bin('biome'), ['check', '.']);
step('typecheck server', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('typecheck sidebar', bin('tsc'), ['-p', 'sidebar/tsconfig.json', '--noEmit']);
step('typecheck tests/emulator', bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']);
const built = step('build', process.execPath, ['scripts/build.mjs']);
if (built) {
  step('dist checks', process.execPath, ['scripts/verify-dist.mjs']);
  step('push set', process.execPath, ['scripts/check-push-set.mjs']);
}
const report = path.join(os.tmpdir(), `ledger-jest-${process.pid}.json`);
// Two workers even on a 2-core machine: jest's default (cores − 1) runs the suites one at a time there, and the
// main process mostly waits (jest 730 s → 313 s on a 2-core machine here, same 1,273 tests).
step('jest', bin('jest'), ['--ci', '--maxWorkers=2', '--json', `--outputFile=${report}`], {
  LEDGER_SKIP_BUILD: built ? '1' : '0',
});
if (fs.existsSync(path.join(root, 'scripts/bench.mjs'))) {
  step('bench smoke', process.execPath, ['scripts/bench.mjs', '--smoke', ...(built ? ['--no-build'] : [])]);
}

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = j.numPassedTests;
  failed = j.numFailedTests + j.numRuntimeErrorTestSuites;
}
const failedSteps = results.filter((r) => !r.ok);
failed += failedSteps.filter((r) => r.name !== 'jest').length;
console.log('\nsummary:');
for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
