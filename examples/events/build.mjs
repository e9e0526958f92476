// Bundles the two Lambda entries for deployment (dist/handler.mjs, dist/ticket-codes.mjs): the engine
// and every dependency inlined, the schema and serverless.yml as text, and `@aws-appsync/utils`
// (types only on npm) aliased to the engine's implementation of it.
import { build } from 'esbuild';

await build({
  entryPoints: { handler: 'src/handler.ts', 'ticket-codes': 'src/ticket-codes.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  loader: { '.graphql': 'text', '.yml': 'text' },
  alias: { '@aws-appsync/utils': '@appsync-lambda/engine/appsync-utils' },
  // CommonJS dependencies (the AWS SDK) call require(); an ES module bundle provides it.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
