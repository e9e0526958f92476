/** The response of a request without valid credentials: HTTP 401, AppSync's body, no data (contract EXE-12). */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ERROR_TYPES } from '../../core/error-types';

export function unauthorizedResponse(message: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 401,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ errors: [{ errorType: ERROR_TYPES.UnauthorizedException, message }] }),
  };
}
