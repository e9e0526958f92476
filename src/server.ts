/**
 * createServer(): Apollo Server 5 with the schema, the AppSync runtime's resolvers and error
 * formatting. No AWS wiring here: the Lambda entry supplies the request context.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { GraphQLFormattedError } from 'graphql';
import appsyncSdl from '../schema/appsync.graphql';
import domainSdl from '../schema/schema.graphql';
import { createDocumentStore, DEFAULT_DOCUMENT_CACHE_BYTES } from './http/document-store';
import { MAX_RESPONSE_BYTES, responseBudgetPlugin } from './http/response-size';
import { errorLoggingPlugin } from './observability/error-log-plugin';
import { requestLogPlugin } from './observability/request-log-plugin';
import { resolvers as apiResolvers } from './resolvers/index';
import type { AuthConfig } from './runtime/auth/config';
import { applyFieldAuthorization } from './runtime/auth/enforce';
import type { ExecutionLimits } from './runtime/execute';
import { formatAppSyncError } from './runtime/format-error';
import { queryDepthLimitRule } from './runtime/limits';
import { nonNullViolation } from './runtime/non-null';
import { knownOperationTypesRule } from './runtime/operation-types';
import type { RequestContext } from './runtime/request-context';
import type { ResolverDefinition } from './runtime/resolver';
import { applyResponseBudget } from './runtime/response-budget';
import { buildExecutableSchema } from './runtime/schema';
import type { QueryBudgets } from './runtime/budget/budgets';
import { queryBudgetPlugin } from './runtime/budget/plugin';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './data/pages';

export const schemaSdl = `${appsyncSdl}\n${domainSdl}`;

/** Adds the errors resolvers appended with `util.appendError` to the response (contract EXE-07). */
const appendedErrorsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.appendedErrors.length === 0) return;
        const result = response.body.singleResult;
        const appended = contextValue.appendedErrors.map((error) => formatAppSyncError(error).error as GraphQLFormattedError);
        result.errors = [...(result.errors ?? []), ...appended];
      },
    };
  },
};

/** Sets the headers resolvers added with `util.http.addResponseHeader(s)` (contract UTIL-H1). */
const responseHeadersPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        for (const [name, value] of contextValue.responseHeaders?.values ?? []) response.http.headers.set(name, value);
      },
    };
  },
};

/** Headers whose presence shows the browser ran a CORS preflight (Apollo's two, plus the credentials). */
export const CSRF_PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization', 'x-api-key'];

export interface ServerOptions {
  logger: Logger;
  /** The schema and its resolvers; defaults to the API's own (tests pass their own). */
  schema?: { sdl: string; resolvers: Readonly<Record<string, ResolverDefinition>> };
  /**
   * AppSync's per-API limits. `resolverCountLimit` defaults to 10,000 (LIM-02). `queryDepthLimit`
   * (1..75) is off by default, as on AppSync; set it to reject deeper operations (LIM-03).
   */
  limits?: ExecutionLimits & { queryDepthLimit?: number };
  /** Whether the schema can be introspected (LIM-04); on by default, as on AppSync. */
  introspection?: boolean;
  /** When given, the schema's auth directives are enforced on every field (AUTH-02..AUTH-07). */
  auth?: AuthConfig;
  /** Per authorization mode, the work one request may ask for, checked before it runs (runtime/budget). */
  queryBudgets?: QueryBudgets;
  /** The response budget, counted while fields resolve (LIM-10); defaults to what Lambda can return. */
  maxResponseBytes?: number;
  /** Bytes of parsed documents cached between requests (DOCUMENT_CACHE_BYTES, default 16 MiB); 0: no cache. */
  documentCacheBytes?: number;
  /** More plugins, after the server's own (e.g. src/realtime/http.ts, which publishes mutations to subscribers). */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

export function createServer({
  logger,
  schema,
  limits = {},
  auth,
  introspection = true,
  maxResponseBytes = MAX_RESPONSE_BYTES,
  documentCacheBytes = DEFAULT_DOCUMENT_CACHE_BYTES,
  queryBudgets,
  plugins = [],
}: ServerOptions): ApolloServer<RequestContext> {
  const { sdl, resolvers } = schema ?? { sdl: schemaSdl, resolvers: apiResolvers };
  const executableSchema = buildExecutableSchema(sdl, resolvers, limits);
  if (auth) applyFieldAuthorization(executableSchema, auth);
  applyResponseBudget(executableSchema, maxResponseBytes);
  return new ApolloServer<RequestContext>({
    schema: executableSchema,
    // Bounded by the documents' real size, query text included (Apollo's default LRU leaves it out).
    documentStore: createDocumentStore(documentCacheBytes),
    introspection,
    // A browser cannot send authorization or x-api-key cross-origin without a CORS preflight, and
    // every call needs one of them, so they prove a preflight as Apollo's own headers do: GET
    // queries from clients like urql work, while CSRF stays blocked.
    csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS },
    validationRules: [knownOperationTypesRule, ...(limits.queryDepthLimit ? [queryDepthLimitRule(limits.queryDepthLimit)] : [])],
    // The playground is served by the handler itself, bundled and offline (no CDN landing page).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      appendedErrorsPlugin,
      responseHeadersPlugin,
      // After the appended errors (dropped with the rest) and before the logs (which see the replacement).
      responseBudgetPlugin,
      errorLoggingPlugin(logger),
      requestLogPlugin,
      ...(queryBudgets ? [queryBudgetPlugin({ budgets: queryBudgets, resolvers, defaultPageSize: DEFAULT_PAGE_SIZE, maxPageSize: MAX_PAGE_SIZE })] : []),
      ...plugins,
    ],
    includeStacktraceInErrorResponses: false,
    // A null where the schema allows none gets AppSync's answer, not a masked InternalFailure (EXE-09).
    formatError: (formatted, error) => formatAppSyncError(formatted, nonNullViolation(error, executableSchema)).error as GraphQLFormattedError,
  });
}
