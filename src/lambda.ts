/**
 * The Lambda request path: API Gateway HTTP API (payload v2) events into Apollo Server, with the
 * AppSync request context (identity, headers, environment) built per request.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { handlers, startServerAndCreateLambdaHandler, type LambdaHandler, type middleware } from '@as-integrations/aws-lambda';
import { badRequest } from './http/bad-request';
import { jsonError } from './http/json-error';
import { withRequestLogging, type RequestLog } from './observability/request-log';
import type { ResolverLogLevel } from './observability/resolver-console';
import { MAX_RESPONSE_BYTES, limitResponseSize } from './http/response-size';
import { servePlayground } from './http/playground';
import { unauthorizedResponse } from './http/unauthorized';
import { AuthenticationError, createAuthenticator, type RequestAuthorization } from './runtime/auth/authenticate';
import { AUTH_TYPE_NAMES } from './runtime/auth/modes';
import { INTERNAL_ERROR_MESSAGE, INTERNAL_ERROR_TYPE } from './runtime/format-error';
import { requestFromEvent, sourceIps } from './runtime/http-request';
import { identityFromEvent, type IdentityOptions } from './runtime/identity';
import type { RequestContext, RuntimeConfig } from './runtime/request-context';
import { DEADLINE_DEFAULTS, startDeadline, type DeadlineSettings } from './runtime/deadline';
import { createResponseHeaders } from './runtime/util/http';
import { createServer, type ServerOptions } from './server';

const requestHandler = handlers.createAPIGatewayProxyEventV2RequestHandler();
export type GraphQLLambdaHandler = LambdaHandler<typeof requestHandler>;
type Middleware = middleware.MiddlewareFn<typeof requestHandler>;

/**
 * A middleware step whose unexpected failure becomes a masked JSON `InternalFailure` (HTTP 500),
 * logged once with the request ids: the Lambda integration would answer it with the raw message
 * as a plain-text 400.
 */
function guarded(step: Middleware, logger: Logger, logs: WeakMap<object, RequestLog>): Middleware {
  return async (event) => {
    try {
      return await step(event);
    } catch (error) {
      const log = logs.get(event);
      logger.error('Unexpected error before the GraphQL request ran', { requestId: log?.requestId ?? null, apiRequestId: log?.apiRequestId ?? null, error });
      return jsonError(500, INTERNAL_ERROR_MESSAGE, INTERNAL_ERROR_TYPE, 'INTERNAL_SERVER_ERROR');
    }
  };
}

export interface LambdaOptions extends Omit<ServerOptions, 'logger'> {
  runtime: RuntimeConfig;
  logger: Logger;
  /** How `ctx.identity` is built when no `auth` is given (e.g. the user pool's default action). */
  identity?: IdentityOptions;
  /** Responses larger than this are replaced by a `ResponseTooLarge` error (LIM-10). */
  maxResponseBytes?: number;
  /** How resolver `console.*` calls are logged (RESOLVER_LOG_LEVEL); when omitted the console is left alone. */
  resolverLogLevel?: ResolverLogLevel;
  /** The per-request deadline (REQUEST_TIMEOUT_MS, REQUEST_TIMEOUT_MARGIN_MS); DEADLINE_DEFAULTS when omitted. */
  deadline?: DeadlineSettings;
}

/**
 * Builds the server once; call once per container (a server cannot back two handlers).
 *
 * With `auth`, every request is authenticated before Apollo sees it (401 without valid credentials,
 * EXE-12) and the schema's auth directives are enforced per field. Without it (tests of the runtime
 * with their own schemas), identities come from API Gateway's authorizer and nothing is enforced;
 * the deployed entry (src/handler.ts) always passes one.
 */
export function createLambdaHandler({
  runtime,
  logger,
  identity: identityOptions,
  maxResponseBytes = MAX_RESPONSE_BYTES,
  resolverLogLevel,
  deadline = DEADLINE_DEFAULTS,
  ...serverOptions
}: LambdaOptions): GraphQLLambdaHandler {
  const enforceResponseSize = limitResponseSize(maxResponseBytes);
  const server = createServer({ logger, ...serverOptions });
  // ctx.env is read-only (contract CTX-10): a handler assigning to it fails with a Code error.
  const frozenRuntime: RuntimeConfig = { ...runtime, env: Object.freeze({ ...runtime.env }) };
  const authenticate = serverOptions.auth ? createAuthenticator(serverOptions.auth) : undefined;
  // Per event, what the auth middleware established: its authorization and ctx.request (built once).
  const authorized = new WeakMap<object, { authorization: RequestAuthorization; request: RequestContext['request'] }>();
  const logs = new WeakMap<object, RequestLog>();
  const steps: Middleware[] = [
    servePlayground,
    async (event) => {
      // CORS preflights carry no credentials; badRequest() answers them with 204, running nothing.
      if (!authenticate || event.requestContext?.http?.method === 'OPTIONS') return undefined;
      const request = requestFromEvent(event);
      const sourceIp = sourceIps(event.requestContext?.http?.sourceIp, request.headers);
      try {
        authorized.set(event, { authorization: await authenticate(event, sourceIp), request });
        return undefined;
      } catch (error) {
        if (error instanceof AuthenticationError) return unauthorizedResponse(error.message);
        throw error;
      }
    },
    async (event) => badRequest(event) ?? enforceResponseSize,
  ];
  const handler = startServerAndCreateLambdaHandler(server, requestHandler, {
    middleware: steps.map((step) => guarded(step, logger, logs)),
    context: async ({ event, context }): Promise<RequestContext> => {
      const authenticated = authorized.get(event);
      const authorization = authenticated?.authorization;
      const request = authenticated?.request ?? requestFromEvent(event);
      if (authenticate && !authorization) throw new Error('The request reached the server without being authenticated');
      const { identity, authType } = authorization
        ? { identity: authorization.identity, authType: AUTH_TYPE_NAMES[authorization.mode] }
        : identityFromEvent(event, sourceIps(event.requestContext?.http?.sourceIp, request.headers), identityOptions);
      return {
        authorization,
        runtime: frozenRuntime,
        requestId: context?.awsRequestId ?? event.requestContext?.requestId ?? 'unknown',
        lambdaContext: context,
        identity,
        authType,
        request,
        appendedErrors: [],
        responseHeaders: createResponseHeaders(),
        log: logs.get(event),
        deadline: startDeadline(deadline, context?.getRemainingTimeInMillis?.()),
      };
    },
  });
  return withRequestLogging(handler, { logger, logs, resolverLogLevel });
}
