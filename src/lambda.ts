/**
 * The Lambda request path: API Gateway HTTP API (payload v2) events into Apollo Server, with the
 * AppSync request context (identity, headers, environment) built per request.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { handlers, startServerAndCreateLambdaHandler, type LambdaHandler } from '@as-integrations/aws-lambda';
import { badRequest } from './http/bad-request';
import { servePlayground } from './http/playground';
import { requestFromEvent, sourceIps } from './runtime/http-request';
import { identityFromEvent, type IdentityOptions } from './runtime/identity';
import type { RequestContext, RuntimeConfig } from './runtime/request-context';
import { createResponseHeaders } from './runtime/util/http';
import { createServer, type ServerOptions } from './server';

const requestHandler = handlers.createAPIGatewayProxyEventV2RequestHandler();
export type GraphQLLambdaHandler = LambdaHandler<typeof requestHandler>;

export interface LambdaOptions extends Omit<ServerOptions, 'logger'> {
  runtime: RuntimeConfig;
  logger: Logger;
  /** How `ctx.identity` is built (e.g. the user pool's default action). */
  identity?: IdentityOptions;
}

/** Builds the server once; call once per container (a server cannot back two handlers). */
export function createLambdaHandler({ runtime, logger, identity: identityOptions, ...serverOptions }: LambdaOptions): GraphQLLambdaHandler {
  const server = createServer({ logger, ...serverOptions });
  // ctx.env is read-only (contract CTX-10): a handler assigning to it fails with a Code error.
  const frozenRuntime: RuntimeConfig = { ...runtime, env: Object.freeze({ ...runtime.env }) };
  return startServerAndCreateLambdaHandler(server, requestHandler, {
    middleware: [servePlayground, async (event) => badRequest(event)],
    context: async ({ event, context }): Promise<RequestContext> => {
      const request = requestFromEvent(event);
      const { identity, authType } = identityFromEvent(event, sourceIps(event.requestContext?.http?.sourceIp, request.headers), identityOptions);
      return {
        runtime: frozenRuntime,
        requestId: context?.awsRequestId ?? event.requestContext?.requestId ?? 'unknown',
        lambdaContext: context,
        identity,
        authType,
        request,
        appendedErrors: [],
        responseHeaders: createResponseHeaders(),
      };
    },
  });
}
