// `npm start`: builds the add-on (scripts/build.mjs → dist/), then runs the local playground on the emulator.
// The playground's TypeScript (server, emulator, demo data) is bundled for Node into build/playground/ first.
// Usage: npm start [-- --fresh] [-- --size 50000] [-- --port 8081]   (see emulator/playground/README.md)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
const outfile = path.join(root, 'build', 'playground', 'cli.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'emulator/playground/cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  external: ['esbuild'],
  logLevel: 'warning',
});
const { main } = createRequire(import.meta.url)(outfile);
try {
  await main(process.argv.slice(2), root);
} catch (e) {
  console.error(`playground: ${e.message}`);
  process.exit(1);
}
