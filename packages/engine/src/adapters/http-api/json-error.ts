/**
 * A GraphQL-shaped JSON error response for requests answered outside Apollo (bad requests, the
 * playground's missing files, oversized requests and responses, unexpected failures): one error
 * with AppSync's fields at the top level and under `extensions`, as `formatError` shapes the errors
 * Apollo returns.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errorEntry } from '../../core/format-error';

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
