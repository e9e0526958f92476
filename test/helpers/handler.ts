/**
 * Lambda handlers for tests, built as the deployed entry builds them: the hiring API
 * (src/api.ts) by default, or any schema and routing table on the engine's public entry, with the
 * API's logging hooks. Without `auth`, requests are trusted as API Gateway's authorizer left them
 * (the engine's `trustAuthorizer` mode) and no directive is enforced.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import {
  createAppSyncEngine,
  createHttpApiHandler,
  type AuthSettings,
  type DeadlineSettings,
  type EngineOptions,
  type HttpApiHandler,
  type HttpApiOptions,
  type HttpApiRoute,
  type LambdaInvoker,
  type ResolverDefinition,
} from '@appsync-lambda/engine';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHiringApi, type HiringApiOptions } from '../../src/api';
import { loggingHooks } from '../../src/observability/request-log';
import type { ResolverLogLevel } from '../../src/observability/resolver-console';

export interface LambdaOptions extends Omit<EngineOptions, 'sdl' | 'resolvers' | 'hooks' | 'auth' | 'tables' | 'dynamodb' | 'paginationSecret' | 'env' | 'lambda'>, Omit<HttpApiOptions, 'routes'> {
  logger: Logger;
  runtime: { client: DynamoDBDocumentClient; tables: Readonly<Record<string, string>>; tokenSecret: string; env?: Readonly<Record<string, string>>; lambda?: LambdaInvoker };
  /** Another API than the hiring one, with the routes its handler tries before the GraphQL server. */
  schema?: { sdl: string; resolvers: Readonly<Record<string, ResolverDefinition>>; routes?: readonly HttpApiRoute[] };
  /** The authorization configuration; without it, `trustAuthorizer`. */
  auth?: AuthSettings;
  /** The user pool's default action in `trustAuthorizer` mode. */
  identity?: { defaultAuthStrategy?: 'ALLOW' | 'DENY' };
  resolverLogLevel?: ResolverLogLevel;
  deadline?: DeadlineSettings;
  /** The hiring API's CloudWatch metrics (src/observability/metrics.ts). */
  metrics?: { metrics: Metrics; operations: ReadonlySet<string> };
  /** X-Ray traces, as src/handler.ts passes them when TRACING is on (the hiring API only). */
  tracing?: HiringApiOptions['tracing'];
}

export function createLambdaHandler({ logger, runtime, schema, auth, identity, resolverLogLevel, metrics, tracing, maxRequestBytes, maxQueryBytes, trustedDocuments, ...rest }: LambdaOptions): HttpApiHandler {
  const engineOptions = {
    ...rest,
    auth: auth ?? { trustAuthorizer: true as const, defaultAuthStrategy: identity?.defaultAuthStrategy },
    tables: runtime.tables,
    dynamodb: runtime.client,
    paginationSecret: runtime.tokenSecret,
    env: runtime.env,
    lambda: runtime.lambda,
  };
  if (!schema) return createHiringApi({ ...engineOptions, logger, resolverLogLevel, metrics, tracing, maxRequestBytes, maxQueryBytes, trustedDocuments });
  const engine = createAppSyncEngine({ ...engineOptions, sdl: schema.sdl, resolvers: schema.resolvers, hooks: loggingHooks({ logger, resolverLogLevel }) });
  return createHttpApiHandler(engine, { routes: schema.routes, maxRequestBytes, maxQueryBytes, maxResponseBytes: rest.maxResponseBytes, trustedDocuments });
}
