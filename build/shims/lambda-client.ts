/**
 * Moves `@aws-sdk/client-lambda` (the Lambda data source's client, about 130 KB minified in the
 * bundle) into `lambda-client.cjs` beside the Lambda bundle (see side-bundle.ts). The invoker
 * imports it with `await import()` on its first call; in a file of its own it costs nothing for an
 * API without Lambda data sources.
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { sideBundle } from './side-bundle.ts';

export const LAMBDA_CLIENT_FILE = 'lambda-client.cjs';
const entry = fileURLToPath(new URL('./lambda-client-entry.cts', import.meta.url));

/** The esbuild plugin; `sideOptions` are the shared bundle options (target, minify, …). */
export function lazyLambdaClient(sideOptions: BuildOptions): Plugin {
  return sideBundle({ name: 'lazy-lambda-client', module: '@aws-sdk/client-lambda', file: LAMBDA_CLIENT_FILE, entry }, sideOptions);
}
