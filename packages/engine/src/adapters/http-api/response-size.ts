/**
 * Lambda cannot return more than 6 MB (contract LIM-10): past that, API Gateway answers a bare
 * 5xx. A response that would not fit is replaced by a GraphQL error the client can act on
 * (ask for fewer items), with a stable errorType.
 *
 * The size is counted twice: while fields resolve (limits/response-budget.ts), which stops
 * an oversized result early instead of building it in full, and once more on the serialised body,
 * which catches what the running count estimates low (escaped or non-ASCII characters).
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { responseTooLargeError } from '../../limits/response-budget';

/** A middleware result hook: rewrites `result` in place when its body is too large. */
export function limitResponseSize(maxBytes: number) {
  return async (result: APIGatewayProxyStructuredResultV2): Promise<void> => {
    if (typeof result.body !== 'string' || result.body.length <= maxBytes / 3) return;
    const bytes = Buffer.byteLength(result.body);
    if (bytes <= maxBytes) return;
    const body = JSON.stringify({ errors: [responseTooLargeError(maxBytes, bytes)] });
    Object.assign(result, { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body, isBase64Encoded: false, cookies: undefined });
  };
}
