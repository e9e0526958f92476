/**
 * The engine's own tests, alone: `npm test -w @appsync-lambda/engine`. `unit` needs nothing but
 * Node; `integration` shares one DynamoDB Local, started by @appsync-lambda/dynamodb-local's global
 * setup. The repository's vitest.config.ts runs the same files in its `unit` and `integration`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defaultServerConditions } from 'vite';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** How the engine runs from its TypeScript sources under vitest; the repository's own config uses it too. */
export const fromSources = {
  resolve: {
    alias: [
      // As a bundle of resolvers gets it: `@aws-appsync/utils` is the engine's implementation.
      { find: /^@aws-appsync\/utils\/dynamodb$/, replacement: fromHere('./src/appsync/utils/dynamodb.ts') },
      { find: /^@aws-appsync\/utils$/, replacement: fromHere('./src/appsync/utils/index.ts') },
      // Apollo (loaded by Node) gets graphql's CommonJS copy; the engine must import that same copy.
      { find: /^graphql$/, replacement: require.resolve('graphql') },
    ],
  },
  // The package's entries from their TypeScript sources; without `module`, so the AWS SDK loads its
  // CommonJS build in Node.
  ssr: { resolve: { conditions: ['appsync-engine-source', ...defaultServerConditions.filter((condition) => condition !== 'module')] } },
} satisfies ViteUserConfig;

export default defineConfig({
  ...fromSources,
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      // Unit tests keep no state between files: a worker's files share its loaded modules.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: [require.resolve('@appsync-lambda/dynamodb-local/global-setup')] } },
    ],
  },
});
