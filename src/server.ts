/**
 * createServer(): Apollo Server 5 with the schema, the AppSync runtime's resolvers and error
 * formatting. No AWS wiring here: the Lambda entry supplies the request context.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginSchemaReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { GraphQLFormattedError } from 'graphql';
import appsyncSdl from '../schema/appsync.graphql';
import domainSdl from '../schema/schema.graphql';
import { coordinateOf } from './observability/coordinate';
import { requestLogPlugin } from './observability/request-log-plugin';
import { resolvers as apiResolvers } from './resolvers/index';
import type { AuthConfig } from './runtime/auth/config';
import { applyFieldAuthorization } from './runtime/auth/enforce';
import type { ExecutionLimits } from './runtime/execute';
import { formatAppSyncError, isUnexpectedError } from './runtime/format-error';
import { queryDepthLimitRule } from './runtime/limits';
import type { RequestContext } from './runtime/request-context';
import type { ResolverDefinition } from './runtime/resolver';
import { buildExecutableSchema } from './runtime/schema';

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

/**
 * Logs each unexpected failure (masked in the response) and each resolver code fault once, with the
 * schema coordinate, the request ids and the error with its cause (never sent to the caller).
 */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(request) {
          const { errors, contextValue } = request;
          for (const error of errors) {
            const extensions = error.extensions ?? {};
            const message = isUnexpectedError(error) ? 'Unexpected error while resolving a request' : extensions.errorType === 'Code' ? 'Resolver code fault' : undefined;
            if (!message) continue;
            logger.error(message, {
              coordinate: coordinateOf(error, request) ?? null,
              requestId: contextValue.requestId,
              apiRequestId: contextValue.log?.apiRequestId ?? null,
              operationName: request.operationName ?? null,
              path: error.path,
              error: error.originalError ?? error,
            });
          }
        },
      };
    },
  };
}

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
}

export function createServer({ logger, schema, limits = {}, auth, introspection = true }: ServerOptions): ApolloServer<RequestContext> {
  const { sdl, resolvers } = schema ?? { sdl: schemaSdl, resolvers: apiResolvers };
  const executableSchema = buildExecutableSchema(sdl, resolvers, limits);
  if (auth) applyFieldAuthorization(executableSchema, auth);
  return new ApolloServer<RequestContext>({
    schema: executableSchema,
    introspection,
    // A browser cannot send authorization or x-api-key cross-origin without a CORS preflight, and
    // every call needs one of them, so they prove a preflight as Apollo's own headers do: GET
    // queries from clients like urql work, while CSRF stays blocked.
    csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS },
    validationRules: limits.queryDepthLimit ? [queryDepthLimitRule(limits.queryDepthLimit)] : [],
    // The playground is served by the handler itself, bundled and offline (no CDN landing page).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      appendedErrorsPlugin,
      responseHeadersPlugin,
      errorLoggingPlugin(logger),
      requestLogPlugin,
    ],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted) => formatAppSyncError(formatted).error as GraphQLFormattedError,
  });
}
