/**
 * A GraphQL-shaped JSON error response for requests answered outside Apollo (bad requests, the
 * playground's missing files, oversized responses, unexpected failures): one error with AppSync's
 * fields at the top level and under `extensions`, as `formatError` shapes the errors Apollo returns.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export function jsonError(
  statusCode: number,
  message: string,
  errorType: string,
  code = 'BAD_REQUEST',
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  const error = { path: null, data: null, errorType, errorInfo: null, locations: null, message, extensions: { errorType, errorInfo: null, data: null, code } };
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify({ errors: [error] }) };
}
