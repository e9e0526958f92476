import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vitest/config';
import { fromSources } from './packages/engine/vitest.config.ts';

const require = createRequire(import.meta.url);

/** Imports `.graphql` (SDL) and `.yml` (serverless.yml) files as text, like the esbuild `text` loader does in a bundle. */
const graphqlText = (): Plugin => ({
  name: 'graphql-text',
  enforce: 'pre',
  load(id) {
    if (!id.endsWith('.graphql') && !id.endsWith('.yml')) return null;
    return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
  },
});

/** One in-memory DynamoDB Local for the whole run, shared by the projects that list it. */
const dynamodbLocal = require.resolve('@appsync-lambda/dynamodb-local/global-setup');
/** Rebuilds the SDK the tests import when its sources changed (no process is left running). */
const sdkBuild = 'test/helpers/sdk-setup.ts';

export default defineConfig({
  // The engine from its sources, `@aws-appsync/utils` as its implementation, graphql's CommonJS copy.
  ...fromSources,
  plugins: [graphqlText()],
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // `npm test` runs every project; `npm run test:<project>` one of them. The engine's tests
    // (packages/engine/test) belong to unit and integration by their folder.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'packages/engine/test/unit/**/*.test.ts'],
          globalSetup: [sdkBuild],
          // Unit tests keep no state between files (no I/O, timers and spies restored): the files of a
          // worker share its loaded modules instead of importing the engine again, a quarter of the time.
          isolate: false,
        },
      },
      // The type tests (expectTypeOf, @ts-expect-error), checked by the compiler: a project of their
      // own, so that the unit loop stays a few seconds long.
      { extends: true, test: { name: 'types', include: [], globalSetup: [sdkBuild], typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'] } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'packages/engine/test/integration/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
          globalSetup: [dynamodbLocal, sdkBuild],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: [dynamodbLocal, sdkBuild] } },
      { extends: true, test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'], globalSetup: [dynamodbLocal, sdkBuild] } },
    ],
  },
});
