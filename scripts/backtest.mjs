// npm run backtest: bundles bench/backtest.ts for Node with esbuild and runs it (no add-on build needed: it measures
// the scoring domain code the add-on bundles). Prints the table docs/scoring-model.md quotes; exit code 1 when the
// default scorecard is behind the naive rule by more than 0.005 AUC anywhere, or not ahead by 0.005 on average.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-backtest-'));
try {
  const outfile = path.join(work, 'backtest.mjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'bench/backtest.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const mod = await import(pathToFileURL(outfile).href);
  process.exitCode = mod.main(process.argv.slice(2));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
