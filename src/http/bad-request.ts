/**
 * Requests the Lambda integration would answer with a plain-text 400 (an unparsable JSON body)
 * get a GraphQL-shaped JSON error with a stable errorType instead.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A GraphQL-shaped error response, with AppSync's fields at the top level and under extensions. */
export function jsonError(statusCode: number, message: string, errorType: string, code = 'BAD_REQUEST'): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ errors: [{ message, errorType, errorInfo: null, data: null, extensions: { errorType, code } }] }),
  };
}

export function badRequest(event: APIGatewayProxyEventV2): APIGatewayProxyStructuredResultV2 | undefined {
  if (event.requestContext?.http?.method !== 'POST') return undefined;
  const contentType = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!contentType.toLowerCase().includes('json')) return undefined;
  const body = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : (event.body ?? '');
  try {
    JSON.parse(body);
    return undefined;
  } catch {
    return jsonError(400, 'The request body is not valid JSON.', 'MalformedHttpRequestException');
  }
}
