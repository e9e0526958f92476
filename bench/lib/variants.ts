/**
 * Variants of our bundle that `npm run bench -- --variant=<name>` measures beside ours and the
 * baseline, so a bundling change is judged on numbers from the same run before it is made.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lambdaBuildOptions } from '../../build/esbuild.ts';
import type { Variant } from './bundles.ts';

const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

export const variants: Record<string, Variant> = {
  'sdk-external': {
    name: 'sdk-external',
    description: 'AWS SDK v3 left external and loaded from node_modules, as from the nodejs24.x runtime copy',
    options: { external: ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*'] },
    // Stands in for the runtime's /var/runtime/node_modules: the SDK's unbundled CommonJS files.
    env: { NODE_PATH: nodeModules },
  },
  'main-fields-cjs': {
    name: 'main-fields-cjs',
    description: "packages' CommonJS builds first (esbuild's default mainFields for node)",
    options: { mainFields: ['main', 'module'] },
  },
  'two-copies': {
    name: 'two-copies',
    description: "without the one-copy plugin: @apollo/server and lru-cache bundled as ESM and again as CommonJS",
    options: { plugins: (lambdaBuildOptions.plugins ?? []).filter((plugin) => plugin.name !== 'one-copy') },
  },
  'env-credentials': {
    name: 'env-credentials',
    description: 'credentials from environment variables only (bench/shims/env-credentials.ts) instead of the default chain',
    options: { alias: { ...lambdaBuildOptions.alias, '@aws-sdk/credential-provider-node': fileURLToPath(new URL('../shims/env-credentials.ts', import.meta.url)) } },
  },
  'no-graphql-tools': {
    name: 'no-graphql-tools',
    description: "@graphql-tools/schema (Apollo's typeDefs path, unused: we pass a schema) replaced by a stub",
    options: { alias: { ...lambdaBuildOptions.alias, '@graphql-tools/schema': fileURLToPath(new URL('../shims/graphql-tools-schema.ts', import.meta.url)) } },
  },
  'compile-cache': {
    name: 'compile-cache',
    description: "ours with Node's compile cache (NODE_COMPILE_CACHE), filled by the unmeasured first round: the ceiling of shipping V8's code cache",
    options: {},
    // Entries are keyed by source hash, Node version, CPU architecture and V8 flags: stale ones are ignored.
    env: { NODE_COMPILE_CACHE: join(tmpdir(), 'hiring-api-bench-compile-cache') },
  },
  'semi-space': {
    name: 'semi-space',
    description: "ours with NODE_OPTIONS=--max-semi-space-size=64: a larger young generation, fewer scavenges during start-up",
    options: {},
    env: { NODE_OPTIONS: '--max-semi-space-size=64' },
  },
  'joda-inline': {
    name: 'joda-inline',
    description: 'js-joda inside the bundle (lazily evaluated, but parsed at cold start) instead of js-joda.cjs',
    options: { plugins: [] },
  },
};

/** The variants named by `--variant=a,b` arguments or the BENCH_VARIANTS variable. */
export function selectedVariants(argv: readonly string[], env: NodeJS.ProcessEnv): Variant[] {
  const names = [...argv.filter((arg) => arg.startsWith('--variant=')).map((arg) => arg.slice('--variant='.length)), env.BENCH_VARIANTS ?? '']
    .flatMap((list) => list.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  return names.map((name) => {
    const variant = variants[name];
    if (!variant) throw new Error(`Unknown variant "${name}"; known: ${Object.keys(variants).join(', ')}`);
    return variant;
  });
}
