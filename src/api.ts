/**
 * The hiring API on the engine: its schema, its routing table, its logs and its playground. The
 * deployed entry (handler.ts) calls this once per container with the configuration it read; tests
 * call it with theirs.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { createAppSyncEngine, createHttpApiHandler, type EngineOptions, type HttpApiHandler, type HttpApiOptions } from '@appsync-lambda/engine';
import appsyncSdl from '../schema/appsync.graphql';
import domainSdl from '../schema/schema.graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './data/pages';
import { createPlayground, type PlaygroundSettings } from './http/playground';
import { metricsHooks } from './observability/metrics';
import { loggingHooks } from './observability/request-log';
import { tracingHooks, type TracingOptions } from './observability/tracing';
import type { ResolverLogLevel } from './observability/resolver-console';
import { resolvers } from './resolvers/index';

/** The schema as deployed: AppSync's definitions as codegen and linters read them, then the API's types. */
export const schemaSdl = `${appsyncSdl}\n${domainSdl}`;

export interface HiringApiOptions extends Omit<EngineOptions, 'sdl' | 'resolvers' | 'hooks' | 'listSizes'>, Omit<HttpApiOptions, 'routes'> {
  logger: Logger;
  /** How resolver `console.*` calls are logged (RESOLVER_LOG_LEVEL); when omitted the console is left alone. */
  resolverLogLevel?: ResolverLogLevel;
  /** CloudWatch metrics (observability/metrics.ts), with the operation names a dimension may take; none when omitted. */
  metrics?: { metrics: Metrics; operations: ReadonlySet<string> };
  /** X-Ray traces (observability/tracing.ts); none when omitted. */
  tracing?: TracingOptions & { tracer: Tracer };
  /** The playground's files and page settings (http/playground.ts); the defaults when omitted. */
  playground?: PlaygroundSettings;
}

/** The operation names of documents (`query Name`, `mutation Name`, …), for bounded metric dimensions. */
export function operationNames(documents: Readonly<Record<string, string>>): Set<string> {
  const names = new Set<string>();
  for (const text of Object.values(documents)) for (const match of text.matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g)) names.add(match[1]!);
  return names;
}

/** The hiring API's Lambda handler (HTTP API payload v2); call once per container. */
export function createHiringApi({ logger, resolverLogLevel, metrics, tracing, playground, maxRequestBytes, maxQueryBytes, trustedDocuments, ...engineOptions }: HiringApiOptions): HttpApiHandler {
  const engine = createAppSyncEngine({
    ...engineOptions,
    sdl: schemaSdl,
    resolvers,
    listSizes: { defaultSize: DEFAULT_PAGE_SIZE, maximumSize: MAX_PAGE_SIZE },
    // The tracer's subsegments go last: innermost around each call, they time the call alone.
    hooks: [loggingHooks({ logger, resolverLogLevel }), ...(metrics ? [metricsHooks(metrics)] : []), ...(tracing ? [tracingHooks(tracing.tracer, tracing)] : [])],
  });
  return createHttpApiHandler(engine, { routes: [createPlayground(playground ?? {})], maxRequestBytes, maxQueryBytes, maxResponseBytes: engineOptions.maxResponseBytes, trustedDocuments });
}
