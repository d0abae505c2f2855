// npm run check:dist — structural checks of dist/ (see scripts/dist-checks.cjs). Run after `npm run build`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import checks from './dist-checks.cjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const problems = checks.checkDist(root);
if (problems.length) {
  console.error(`dist check FAILED:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('dist check ok: entry points, JSDoc, bare-V8 load, sidebar inlining, manifest scopes');
