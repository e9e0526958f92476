/**
 * A GraphQL-shaped JSON error response for requests answered outside Apollo (bad requests, the
 * playground's missing files, oversized requests and responses, unexpected failures): one error
 * with AppSync's fields at the top level and under `extensions`, as `formatError` shapes the errors
 * Apollo returns.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** One error entry as `formatError` shapes it, for a request-level error (no path, no data). */
export function errorEntry(message: string, errorType: string, code = 'BAD_REQUEST', errorInfo: Record<string, unknown> | null = null) {
  return { path: null, data: null, errorType, errorInfo, locations: null, message, extensions: { errorType, errorInfo, data: null, code } };
}

export function jsonError(
  statusCode: number,
  message: string,
  errorType: string,
  code = 'BAD_REQUEST',
  headers: Record<string, string> = {},
  errorInfo: Record<string, unknown> | null = null,
): APIGatewayProxyStructuredResultV2 {
  const error = errorEntry(message, errorType, code, errorInfo);
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify({ errors: [error] }) };
}
