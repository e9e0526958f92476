/**
 * The one esbuild configuration of the Lambda bundle, used by `npm run build`, serverless-esbuild
 * (through esbuild.config.cjs) and the benchmarks.
 */
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { appsyncAliases } from './aliases.ts';
import { lazyJodaShim } from './shims/js-joda.ts';
import { lazyLambdaClient } from './shims/lambda-client.ts';
import { oneCopy } from './shims/one-copy.ts';
import { lazyTracer } from './shims/tracer.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** What the Lambda bundle and its lazily loaded side bundles share. */
const sharedOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  // CommonJS: an ESM entry can pull Apollo in twice (once per module format).
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  // The engine package is bundled from its TypeScript sources (packages/engine exports them under
  // this condition). Setting conditions drops esbuild's implicit `module`: kept, so packages that
  // ship ES modules (the AWS SDK's) are bundled from them and tree-shaken as before.
  conditions: ['appsync-engine-source', 'module'],
  logLevel: 'warning',
};

export const lambdaBuildOptions: BuildOptions = {
  ...sharedOptions,
  sourcemap: 'linked',
  loader: { '.graphql': 'text' },
  alias: {
    ...appsyncAliases,
    '@apollo/utils.createhash': fromRoot('build/shims/createhash.ts'),
  },
  // The AWS SDK v3 ships with the nodejs24.x runtime, but bundling pins the version we test with.
  external: [],
  // js-joda goes to js-joda.cjs beside the bundle, loaded on first use (see shims/js-joda.ts);
  // the Lambda data source's client goes to lambda-client.cjs, loaded on its first call (shims/lambda-client.ts);
  // the Tracer and the X-Ray SDK go to tracer.cjs, loaded only when TRACING=on (shims/tracer.ts);
  // one copy of @apollo/server and lru-cache instead of an ESM and a CommonJS one (shims/one-copy.ts).
  plugins: [lazyJodaShim(sharedOptions), lazyLambdaClient(sharedOptions), lazyTracer(sharedOptions), oneCopy()],
};

/** Bundles `src/handler.ts` to `outfile` (default dist/lambda/handler.cjs). */
export async function buildLambda(outfile = fromRoot('dist/lambda/handler.cjs')) {
  return build({ ...lambdaBuildOptions, entryPoints: [fromRoot('src/handler.ts')], outfile, metafile: true });
}
