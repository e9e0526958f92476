/** The engine's transport-neutral request from an API Gateway HTTP API (payload v2) event. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { customDomain, resolverHeaders, sourceIps, type AuthorizerContext, type EngineRequest } from '../../core/request';

type RawMultiValueHeaders = Readonly<Record<string, readonly string[] | undefined>> | null | undefined;

/** One request header of an event, by its lower-case name; undefined when absent. */
export function eventHeader(event: Pick<APIGatewayProxyEventV2, 'headers'>, name: string): string | undefined {
  const headers = event.headers ?? {};
  return headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** `ctx.request`, the source addresses and the authorizer's context of an HTTP API (or REST API) event. */
export function engineRequestFromEvent(event: APIGatewayProxyEventV2): EngineRequest {
  const multi = (event as { multiValueHeaders?: RawMultiValueHeaders }).multiValueHeaders;
  const headers = resolverHeaders(event.headers, multi);
  return {
    headers,
    sourceIp: sourceIps(event.requestContext?.http?.sourceIp, headers),
    domainName: customDomain(event.requestContext?.domainName),
    authorizer: (event.requestContext as { authorizer?: AuthorizerContext } | undefined)?.authorizer,
    apiRequestId: event.requestContext?.requestId ?? null,
    method: event.requestContext?.http?.method ?? null,
    path: event.rawPath ?? null,
  };
}
