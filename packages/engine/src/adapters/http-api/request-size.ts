/**
 * Size limits on what a caller sends, checked on the raw event before anything is parsed: the
 * request (a POST body, decoded; a GET query string) and the GraphQL document text. Over a limit,
 * the answer is HTTP 413 `RequestTooLarge` naming the limit and the measured size.
 *
 * The defaults are far above any operation of the SDK (schema/operations: the largest is about
 * 1 KB of text) and far below what could hurt a container: a 64 KiB document of the densest kind
 * (thousands of aliases) parses to about 6 MB of syntax tree while it is validated.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { jsonError } from './json-error';
import { ERROR_TYPES } from '../../core/error-types';

/** What a request may weigh: the whole request (`MAX_REQUEST_BYTES`) and its document (`MAX_QUERY_BYTES`). */
export interface RequestSizeLimits {
  maxRequestBytes: number;
  maxQueryBytes: number;
}

/** Default of `MAX_REQUEST_BYTES`: 256 KiB, a POST body (decoded) or a GET query string. */
export const DEFAULT_MAX_REQUEST_BYTES = 256 * 1024;
/** Default of `MAX_QUERY_BYTES`: 64 KiB of GraphQL document text (UTF-8). */
export const DEFAULT_MAX_QUERY_BYTES = 64 * 1024;
/** The largest request Lambda accepts (synchronous invocation payload). */
export const LAMBDA_MAX_REQUEST_BYTES = 6 * 1024 * 1024;

export const DEFAULT_REQUEST_SIZE_LIMITS: RequestSizeLimits = { maxRequestBytes: DEFAULT_MAX_REQUEST_BYTES, maxQueryBytes: DEFAULT_MAX_QUERY_BYTES };

/**
 * UTF-8 bytes of `text` when they could pass `max`; a text too short to pass it (3 bytes per UTF-16
 * unit at most) is not scanned and its length is returned, which is also under `max`.
 */
function utf8Bytes(text: string, max: number): number {
  return text.length * 3 <= max ? text.length : Buffer.byteLength(text, 'utf8');
}

/** Bytes of a body or query string as API Gateway passed it: base64 is measured decoded, without decoding it. */
export function payloadBytes(body: string, isBase64Encoded: boolean, max: number): number {
  if (!isBase64Encoded) return utf8Bytes(body, max);
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((body.length * 3) / 4) - padding);
}

function tooLarge(what: string, limit: 'requestBytes' | 'queryBytes', maximum: number, actual: number): APIGatewayProxyStructuredResultV2 {
  return jsonError(
    413,
    `${what} is ${actual} bytes; this API accepts at most ${maximum}.`,
    ERROR_TYPES.RequestTooLarge,
    'REQUEST_TOO_LARGE',
    {},
    { limit, maximum, actual },
  );
}

/** The 413 response for a request (body or query string) over its limit, or undefined. */
export function requestTooLarge(bytes: number, limits: RequestSizeLimits, what: string): APIGatewayProxyStructuredResultV2 | undefined {
  return bytes > limits.maxRequestBytes ? tooLarge(what, 'requestBytes', limits.maxRequestBytes, bytes) : undefined;
}

/** The 413 response for a document over its limit, or undefined (no document: nothing to check). */
export function queryTooLarge(query: unknown, limits: RequestSizeLimits): APIGatewayProxyStructuredResultV2 | undefined {
  if (typeof query !== 'string') return undefined;
  const bytes = utf8Bytes(query, limits.maxQueryBytes);
  return bytes > limits.maxQueryBytes ? tooLarge('The GraphQL document (query)', 'queryBytes', limits.maxQueryBytes, bytes) : undefined;
}
