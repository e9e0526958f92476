/**
 * Lambda cannot return more than 6 MB (contract LIM-10): past that, API Gateway answers a bare
 * 5xx. A response that would not fit is replaced by a GraphQL error the client can act on
 * (ask for fewer items), with a stable errorType.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonError } from './json-error';

/** Lambda's synchronous response limit, less room for the status line and headers. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 - 64 * 1024;

/** A middleware result hook: rewrites `result` in place when its body is too large. */
export function limitResponseSize(maxBytes: number) {
  return async (result: APIGatewayProxyStructuredResultV2): Promise<void> => {
    if (typeof result.body !== 'string' || Buffer.byteLength(result.body) <= maxBytes) return;
    const replacement = jsonError(
      200,
      `The response is larger than the ${Math.floor(maxBytes / 1024)} KiB this API can return; request fewer items (limit) or fewer fields.`,
      'ResponseTooLarge',
      'RESPONSE_TOO_LARGE',
    );
    Object.assign(result, replacement, { isBase64Encoded: false, cookies: undefined });
  };
}
