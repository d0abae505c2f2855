// One esbuild recipe for the Node-side tools (bench, profile): a CommonJS bundle of a TypeScript module's `main`,
// whose exit code becomes the process's. The add-on itself is built by build.mjs, not here.
import * as esbuild from 'esbuild';

/** Bundles `require(module).main(<args>)` for Node 20 into `outfile`; `args` is the JS expression passed to main. */
export async function bundleMain(root, module, args, outfile) {
  await esbuild.build({
    stdin: { contents: `process.exitCode = require('${module}').main(${args});`, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
}
