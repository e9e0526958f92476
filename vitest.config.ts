import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defaultServerConditions } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { appsyncAliases } from './build/aliases.ts';

/** Imports `.graphql` (SDL) and `.yml` (serverless.yml) files as text, like the esbuild `text` loader does in a bundle. */
const graphqlText = (): Plugin => ({
  name: 'graphql-text',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.graphql') && !id.endsWith('.yml')) return null;
    return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
  },
});

export default defineConfig({
  plugins: [graphqlText()],
  resolve: {
    alias: [
      ...Object.entries(appsyncAliases).map(([find, replacement]) => ({
        find: new RegExp(`^${find.replace('/', '\\/')}$`),
        replacement,
      })),
      // graphql 16 ships index.js and index.mjs without an exports map; Apollo (loaded by Node)
      // gets the CommonJS copy, so our code must import that same copy or instanceof checks fail.
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
    ],
  },
  // The engine package is used from its TypeScript sources (packages/engine exports them under this
  // condition); without `module`, as before, so the AWS SDK loads its CommonJS build in Node.
  ssr: { resolve: { conditions: ['appsync-engine-source', ...defaultServerConditions.filter((condition) => condition !== 'module')] } },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'] },
  },
});
