/**
 * Module aliases shared by the Lambda bundle (esbuild), the tests (vitest) and the benchmarks.
 *
 * `@aws-appsync/utils` ships only type declarations: resolvers import it exactly as on AppSync,
 * and these aliases point the imports at the engine's implementation (packages/engine/src/appsync/utils).
 */
import { fileURLToPath } from 'node:url';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const appsyncAliases: Record<string, string> = {
  '@aws-appsync/utils/dynamodb': fromRoot('packages/engine/src/appsync/utils/dynamodb.ts'),
  '@aws-appsync/utils': fromRoot('packages/engine/src/appsync/utils/index.ts'),
};
