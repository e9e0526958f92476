/**
 * Requests refused before Apollo runs, each with a GraphQL-shaped JSON error and a stable errorType
 * where the Lambda integration or Apollo would answer plain text, a stack overflow or a message
 * about something else (CSRF for a text/plain POST):
 *
 * - OPTIONS: 204, nothing run (CORS headers are the gateway's);
 * - methods other than GET/POST: 405 `BadRequest`;
 * - a POST that is not `application/json`: 415 `BadRequest`;
 * - a POST body or GET query string over `maxRequestBytes`, or a document over `maxQueryBytes`:
 *   413 `RequestTooLarge`, before the body is parsed (request-size.ts);
 * - a body that is not JSON, or not decodable base64: 400 `MalformedHttpRequestException`;
 * - JSON that is not one operation object (batches, strings, null) or has no `query`: 400 `BadRequest`;
 * - a document nested deeper than any parser should recurse: 400 `ValidationError`.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { eventHeader } from './event';
import { jsonError } from './json-error';
import type { JsonBody } from './request-body';
import { MAX_DOCUMENT_NESTING, nestsTooDeep } from './nesting';
import { payloadBytes, DEFAULT_REQUEST_SIZE_LIMITS, queryTooLarge, requestTooLarge, type RequestSizeLimits } from './request-size';
import { ERROR_TYPES } from '../../core/error-types';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function tooDeep(query: unknown): APIGatewayProxyStructuredResultV2 | undefined {
  if (typeof query !== 'string' || !nestsTooDeep(query)) return undefined;
  return jsonError(400, `Syntax Error: the document nests deeper than ${MAX_DOCUMENT_NESTING} levels.`, ERROR_TYPES.ValidationError, 'GRAPHQL_PARSE_FAILED');
}

/** Checks a POST body: JSON, one operation object, with a query (or a persisted query's hash). */
function badBody(event: APIGatewayProxyEventV2, limits: RequestSizeLimits, jsonBody: JsonBody): APIGatewayProxyStructuredResultV2 | undefined {
  // Case-sensitive, as the Lambda integration parses the body only for exactly this type.
  const mediaType = (eventHeader(event, 'content-type') ?? '').split(';')[0]!.trim();
  if (mediaType !== 'application/json') {
    const got = mediaType ? `'${mediaType.slice(0, 100)}'` : 'none';
    return jsonError(415, `A GraphQL POST must have content-type application/json (got ${got}).`, ERROR_TYPES.BadRequest);
  }
  const oversized = requestTooLarge(payloadBytes(event.body ?? '', event.isBase64Encoded, limits.maxRequestBytes), limits, 'The request body');
  if (oversized) return oversized;
  const parsed = jsonBody();
  if (!parsed) return jsonError(400, 'The request body is not valid JSON.', ERROR_TYPES.MalformedHttpRequestException);
  const body = parsed.value;
  if (Array.isArray(body)) return jsonError(400, 'Batched operations are not supported: send one operation object per request.', ERROR_TYPES.BadRequest);
  if (!isObject(body)) return jsonError(400, 'The request body must be a JSON object with a `query` string.', ERROR_TYPES.BadRequest);
  const persisted = isObject(body.extensions) && body.extensions.persistedQuery !== undefined;
  if (body.query === undefined && !persisted) return jsonError(400, 'The request body has no `query`.', ERROR_TYPES.BadRequest);
  return queryTooLarge(body.query, limits) ?? tooDeep(body.query);
}

/** Checks a GET: its query string, then its document, against the size limits. */
function badQueryString(event: APIGatewayProxyEventV2, limits: RequestSizeLimits): APIGatewayProxyStructuredResultV2 | undefined {
  const raw = event.rawQueryString ?? '';
  const query = event.queryStringParameters?.query;
  return requestTooLarge(payloadBytes(raw, false, limits.maxRequestBytes), limits, 'The query string') ?? queryTooLarge(query, limits) ?? tooDeep(query);
}

/** The response for a request that must not reach Apollo, or undefined to let it through. */
export function badRequest(event: APIGatewayProxyEventV2, jsonBody: JsonBody, limits: RequestSizeLimits = DEFAULT_REQUEST_SIZE_LIMITS): APIGatewayProxyStructuredResultV2 | undefined {
  const method = event.requestContext?.http?.method;
  if (method === 'OPTIONS') return { statusCode: 204, headers: { allow: 'GET, POST, OPTIONS' } };
  if (method === 'GET') return badQueryString(event, limits);
  if (method === 'POST') return badBody(event, limits, jsonBody);
  return jsonError(405, `${String(method).slice(0, 20)} is not supported: send GraphQL requests with GET or POST.`, ERROR_TYPES.BadRequest, 'BAD_REQUEST', { allow: 'GET, POST' });
}
