/**
 * Lambda cannot return more than 6 MB (contract LIM-10): past that, API Gateway answers a bare
 * 5xx. A response that would not fit is replaced by a GraphQL error the client can act on
 * (ask for fewer items), with a stable errorType.
 *
 * The size is counted twice: while fields resolve (src/runtime/response-budget.ts), which stops
 * an oversized result early instead of building it in full, and once more on the serialised body,
 * which catches what the running count estimates low (escaped or non-ASCII characters).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../runtime/request-context';
import { responseBudgetOf } from '../runtime/response-budget';
import { errorEntry } from './json-error';

/** Lambda's synchronous response limit, less room for the status line and headers. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 - 64 * 1024;

/** The one error of a response over `maxBytes`; `actual` is what was counted when it stopped. */
export function responseTooLargeError(maxBytes: number, actual: number) {
  return errorEntry(
    `The response is larger than the ${Math.floor(maxBytes / 1024)} KiB this API can return; request fewer items (limit) or fewer fields.`,
    'ResponseTooLarge',
    'RESPONSE_TOO_LARGE',
    { limit: 'responseBytes', maximum: maxBytes, actual },
  );
}

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

/**
 * Replaces the result of a request whose resolution passed the response budget by the single
 * `ResponseTooLarge` error, before Apollo serialises anything: the fields resolved before the
 * budget ran out are dropped, not sent in part.
 */
export const responseBudgetPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const budget = responseBudgetOf(contextValue);
        if (!budget?.exceeded) return;
        response.body = { kind: 'single', singleResult: { errors: [responseTooLargeError(budget.maximum, budget.used) as unknown as GraphQLFormattedError] } };
      },
    };
  },
};
