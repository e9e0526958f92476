/** API Gateway HTTP API (payload v2) events, as the gateway delivers them to the function. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export interface EventOptions {
  method?: 'GET' | 'POST' | 'OPTIONS';
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  authorizer?: unknown;
  domainName?: string;
  sourceIp?: string;
}

export function httpApiEvent(options: EventOptions = {}): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const path = options.path ?? '/graphql';
  const query = options.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: options.domainName ?? 'api.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: options.sourceIp ?? '203.0.113.7', userAgent: 'vitest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(options.authorizer ? { authorizer: options.authorizer } : {}),
    },
    body: options.body,
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}

export function graphqlEvent(query: string, variables?: Record<string, unknown>, options: EventOptions = {}): APIGatewayProxyEventV2 {
  return httpApiEvent({
    ...options,
    method: 'POST',
    body: JSON.stringify({ query, variables }),
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}
