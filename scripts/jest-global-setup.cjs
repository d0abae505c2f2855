// Builds dist/ once before the test files run (they load the built add-on into the emulator), unless the caller
// already built it (scripts/test.mjs sets LEDGER_SKIP_BUILD=1 after its own build step).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  if (process.env.LEDGER_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [path.join(__dirname, 'build.mjs')], { stdio: 'inherit' });
};
