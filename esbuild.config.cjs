/**
 * serverless-esbuild's configuration: the Lambda bundle options of build/esbuild.ts, so the
 * deploy, `npm run build` and the benchmarks bundle exactly the same way. serverless-esbuild
 * requires this file synchronously and calls it with the framework instance; Node 24 loads the
 * TypeScript module itself (type stripping and require of ES modules), so build/esbuild.ts must
 * keep to erasable syntax and no top-level await.
 */
const { lambdaBuildOptions } = require('./build/esbuild.ts');

module.exports = () => ({
  ...lambdaBuildOptions,
  // The package is "type": "module": a CommonJS bundle must end in .cjs to load as CommonJS,
  // and Lambda's Node.js runtime resolves `src/handler.handler` to src/handler.cjs.
  outputFileExtension: '.cjs',
  // Everything is bundled (external: []): nothing to install next to the bundle.
  exclude: [],
  packager: 'npm',
  // A work folder of its own (under .esbuild/) lets a package run and a running local stack
  // coexist: each removes its folder when done.
  outputWorkFolder: process.env.ESBUILD_WORK_FOLDER || '.esbuild',
  // serverless-offline runs the function in-process, where a rebuilt bundle is never reloaded, so
  // its watcher stays off: `npm start` restarts serverless-offline itself on a change.
  watch: { pattern: [] },
});
