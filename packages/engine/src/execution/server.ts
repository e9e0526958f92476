/**
 * createServer(): Apollo Server 5 with an AppSync schema, its resolvers run by the engine, and
 * AppSync's error formatting. No transport here: an adapter (adapters/) supplies each request's
 * context.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { isEnforced, type AuthSettings } from '../auth/config';
import { applyFieldAuthorization } from '../auth/enforce';
import type { QueryBudgets } from '../limits/budgets';
import { queryBudgetPlugin } from '../limits/budget-plugin';
import { createDocumentStore, DEFAULT_DOCUMENT_CACHE_BYTES } from './document-store';
import type { ExecutionLimits } from './field-resolver';
import { formatAppSyncError } from '../core/format-error';
import { queryDepthLimitRule } from '../limits/depth';
import { nonNullViolation } from '../core/non-null';
import { knownOperationTypesRule } from './operation-types';
import { reportPlugin } from './report-plugin';
import type { RequestContext } from '../core/request-context';
import type { ResolverDefinition } from '../core/resolver';
import { applyResponseBudget, MAX_RESPONSE_BYTES, responseBudgetPlugin } from '../limits/response-budget';
import { errorCountPlugin, MAX_RESPONSE_ERRORS } from '../limits/error-count';
import { buildExecutableSchema } from './schema';
import { variablesPlugin } from './variables';

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

/** A list's page size when a query gives no `limit`, and the largest it may ask, for the cost estimate (limits/cost.ts). */
export interface ListSizes {
  defaultSize: number;
  maximumSize: number;
}

export interface ServerOptions {
  /** The schema as deployed to AppSync (AppSync's scalars and directives need no declaration). */
  sdl: string;
  /** The routing table: schema coordinate (`Type.field`) → resolver. */
  resolvers: Readonly<Record<string, ResolverDefinition>>;
  /**
   * AppSync's per-API limits. `resolverCountLimit` defaults to 10,000 (LIM-02). `queryDepthLimit`
   * (1..75) is off by default, as on AppSync; set it to reject deeper operations (LIM-03).
   */
  limits?: ExecutionLimits & { queryDepthLimit?: number };
  /** Whether the schema can be introspected (LIM-04); on by default, as on AppSync. */
  introspection?: boolean;
  /** With an AppSync authorization configuration, the schema's auth directives are enforced on every field (AUTH-02..AUTH-07). */
  auth: AuthSettings;
  /** Per authorization mode, the work one request may ask for, checked before it runs (limits/budget-plugin.ts). */
  queryBudgets?: QueryBudgets;
  /** The response budget, counted while fields resolve (LIM-10); defaults to what Lambda can return. */
  maxResponseBytes?: number;
  /** Bytes of parsed documents cached between requests (DOCUMENT_CACHE_BYTES, default 16 MiB); 0: no cache. */
  documentCacheBytes?: number;
  /** Page sizes assumed by the cost estimate of lists; 20 and 100 when omitted. */
  listSizes?: ListSizes;
  /** More plugins, after the server's own (the realtime publisher, which sends committed mutations to subscribers). */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

export function createServer({
  sdl,
  resolvers,
  limits = {},
  auth,
  introspection = true,
  maxResponseBytes = MAX_RESPONSE_BYTES,
  documentCacheBytes = DEFAULT_DOCUMENT_CACHE_BYTES,
  queryBudgets,
  listSizes = { defaultSize: 20, maximumSize: 100 },
  plugins = [],
}: ServerOptions): ApolloServer<RequestContext> {
  const executableSchema = buildExecutableSchema(sdl, resolvers, limits);
  if (isEnforced(auth)) applyFieldAuthorization(executableSchema, auth);
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
    // graphql-js stops validating after this many errors and adds one saying so: the response's
    // limit, with no error left out unannounced.
    validationOptions: { maxErrors: MAX_RESPONSE_ERRORS - 1 },
    // The playground is served by the handler itself, bundled and offline (no CDN landing page).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Before the query budgets, which read the variables' values.
      variablesPlugin,
      appendedErrorsPlugin,
      responseHeadersPlugin,
      // Their willSendResponse hooks run in this order: the appended errors are added, then their
      // number limited, then the response budget counts them (dropping them all when over), and
      // the logs see the result.
      errorCountPlugin,
      responseBudgetPlugin(maxResponseBytes),
      reportPlugin,
      ...(queryBudgets ? [queryBudgetPlugin({ budgets: queryBudgets, resolvers, defaultPageSize: listSizes.defaultSize, maxPageSize: listSizes.maximumSize })] : []),
      ...plugins,
    ],
    includeStacktraceInErrorResponses: false,
    // A null where the schema allows none gets AppSync's answer, not a masked InternalFailure (EXE-09).
    formatError: (formatted, error) => formatAppSyncError(formatted, nonNullViolation(error, executableSchema)).error as GraphQLFormattedError,
  });
}
