/**
 * Moves `@aws-lambda-powertools/tracer` and the X-Ray SDK it pulls in (aws-xray-sdk-core,
 * cls-hooked, …) into `tracer.cjs` beside the Lambda bundle (see side-bundle.ts). The handler
 * imports it only when TRACING=on (src/observability/tracing.ts): with tracing off, not a byte of
 * it is read at cold start.
 */
import type { BuildOptions, Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { sideBundle } from './side-bundle.ts';

export const TRACER_FILE = 'tracer.cjs';
const entry = fileURLToPath(new URL('./tracer-entry.cts', import.meta.url));

/** The esbuild plugin; `sideOptions` are the shared bundle options (target, minify, …). */
export function lazyTracer(sideOptions: BuildOptions): Plugin {
  return sideBundle({ name: 'lazy-tracer', module: '@aws-lambda-powertools/tracer', file: TRACER_FILE, entry }, sideOptions);
}
