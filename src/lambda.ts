/**
 * The Lambda request path: API Gateway HTTP API (payload v2) events into Apollo Server, with the
 * AppSync request context (identity, headers, environment) built per request.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { handlers, startServerAndCreateLambdaHandler, type LambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { badRequest } from './http/bad-request';
import { servePlayground } from './http/playground';
import { identityFromEvent } from './runtime/identity';
import type { RequestContext, RuntimeConfig } from './runtime/request-context';
import { createServer } from './server';

const requestHandler = handlers.createAPIGatewayProxyEventV2RequestHandler();
export type GraphQLLambdaHandler = LambdaHandler<typeof requestHandler>;

/** Lower-cased header names; the cookie header is never exposed to resolvers (contract CTX-04). */
function resolverHeaders(event: APIGatewayProxyEventV2): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    const lower = name.toLowerCase();
    if (value !== undefined && lower !== 'cookie') headers[lower] = value;
  }
  return headers;
}

/** The custom domain used for the call; null on the default endpoint, as on AppSync. */
function customDomain(domainName: string | undefined): string | null {
  if (!domainName || /\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.test(domainName) || /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(domainName)) {
    return null;
  }
  return domainName;
}

function sourceIps(event: APIGatewayProxyEventV2, headers: Record<string, string>): string[] {
  const forwarded = (headers['x-forwarded-for'] ?? '').split(',').map((ip) => ip.trim()).filter(Boolean);
  const peer = event.requestContext?.http?.sourceIp;
  return peer && !forwarded.includes(peer) ? [...forwarded, peer] : forwarded.length ? forwarded : peer ? [peer] : [];
}

export interface LambdaOptions {
  runtime: RuntimeConfig;
  logger: Logger;
}

/** Builds the server once; call once per container (a server cannot back two handlers). */
export function createLambdaHandler({ runtime, logger }: LambdaOptions): GraphQLLambdaHandler {
  const server = createServer({ logger });
  return startServerAndCreateLambdaHandler(server, requestHandler, {
    middleware: [servePlayground, async (event) => badRequest(event)],
    context: async ({ event }): Promise<RequestContext> => {
      const headers = resolverHeaders(event);
      const { identity, authType } = identityFromEvent(event, sourceIps(event, headers));
      return {
        runtime,
        identity,
        authType,
        request: { headers, domainName: customDomain(event.requestContext?.domainName) },
        appendedErrors: [],
      };
    },
  });
}
