/**
 * The hiring API on the engine: its schema, its routing table, its logs and its playground. The
 * deployed entry (handler.ts) calls this once per container with the configuration it read; tests
 * call it with theirs.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { createAppSyncEngine, createHttpApiHandler, type EngineOptions, type HttpApiHandler, type HttpApiOptions } from '@appsync-lambda/engine';
import appsyncSdl from '../schema/appsync.graphql';
import domainSdl from '../schema/schema.graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './data/pages';
import { servePlayground } from './http/playground';
import { loggingHooks } from './observability/request-log';
import type { ResolverLogLevel } from './observability/resolver-console';
import { resolvers } from './resolvers/index';

/** The schema as deployed: AppSync's definitions as codegen and linters read them, then the API's types. */
export const schemaSdl = `${appsyncSdl}\n${domainSdl}`;

export interface HiringApiOptions extends Omit<EngineOptions, 'sdl' | 'resolvers' | 'hooks' | 'listSizes'>, Omit<HttpApiOptions, 'routes'> {
  logger: Logger;
  /** How resolver `console.*` calls are logged (RESOLVER_LOG_LEVEL); when omitted the console is left alone. */
  resolverLogLevel?: ResolverLogLevel;
}

/** The hiring API's Lambda handler (HTTP API payload v2); call once per container. */
export function createHiringApi({ logger, resolverLogLevel, maxRequestBytes, maxQueryBytes, trustedDocuments, ...engineOptions }: HiringApiOptions): HttpApiHandler {
  const engine = createAppSyncEngine({
    ...engineOptions,
    sdl: schemaSdl,
    resolvers,
    listSizes: { defaultSize: DEFAULT_PAGE_SIZE, maximumSize: MAX_PAGE_SIZE },
    hooks: loggingHooks({ logger, resolverLogLevel }),
  });
  return createHttpApiHandler(engine, { routes: [servePlayground], maxRequestBytes, maxQueryBytes, maxResponseBytes: engineOptions.maxResponseBytes, trustedDocuments });
}
