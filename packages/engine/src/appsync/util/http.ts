/**
 * `util.http` (contract UTIL-H1, UTIL-H2). Response headers are collected for the whole request
 * (the executor hands every resolver execution the request's collection) and written to the HTTP
 * response by the server once the operation is done.
 */
import type { Util } from '@aws-appsync/utils';
import { CodeError, UnsupportedError } from '../../core/errors';
import { currentExecution, type ResponseHeaders } from '../../core/current-execution';

/** Custom response headers may total 4 KB, names and values, every definition counted (UTIL-H1). */
export const RESPONSE_HEADERS_MAX_BYTES = 4096;
const RESTRICTED_PREFIXES = ['x-amz-', 'x-amzn-'];
// Headers the server or API Gateway owns; a resolver must not override them.
const RESTRICTED_RESPONSE_HEADERS = new Set([
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'date',
  'keep-alive',
  'server',
  'set-cookie',
  'transfer-encoding',
  'vary',
  'via',
]);
// Hop-by-hop headers and those the HTTP client computes itself: never forwarded (UTIL-H2, inferred).
const NOT_COPIED = new Set(['connection', 'content-length', 'expect', 'host', 'keep-alive', 'proxy-authenticate',
  'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function headerValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

function addHeader(headers: ResponseHeaders, name: string, value: unknown): void {
  const fail = (reason: string) => new CodeError(`util.http.addResponseHeader: ${reason}`, undefined);
  if (typeof name !== 'string' || !TOKEN.test(name)) throw fail(`'${String(name)}' is not a valid header name`);
  const lower = name.toLowerCase();
  if (RESTRICTED_PREFIXES.some((prefix) => lower.startsWith(prefix)) || RESTRICTED_RESPONSE_HEADERS.has(lower)) {
    throw fail(`the header '${name}' is restricted`);
  }
  const text = headerValue(value);
  if (/[\r\n\0]/.test(text)) throw fail(`the value of '${name}' contains a line break`);
  const bytes = headers.bytes + Buffer.byteLength(name) + Buffer.byteLength(text);
  if (bytes > RESPONSE_HEADERS_MAX_BYTES) throw fail(`custom response headers exceed ${RESPONSE_HEADERS_MAX_BYTES} bytes`);
  headers.bytes = bytes;
  headers.values.set(lower, text);
}

function requestHeaders(): ResponseHeaders {
  const execution = currentExecution();
  if (!execution) throw new CodeError('util.http.addResponseHeader was called outside a resolver execution', undefined);
  if (!execution.responseHeaders) throw new UnsupportedError('util.http.addResponseHeader', 'this request has no HTTP response');
  return execution.responseHeaders;
}

export const http = {
  /** Copy of a headers map without hop-by-hop, `host`, `content-length` and `x-amz(n)-` headers (UTIL-H2). */
  copyHeaders(headers: unknown): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(headers ?? {})) {
      const lower = name.toLowerCase();
      if (!NOT_COPIED.has(lower) && !RESTRICTED_PREFIXES.some((prefix) => lower.startsWith(prefix))) copy[name] = value;
    }
    return copy;
  },
  /** Adds one response header; the last definition of a name wins; objects are sent as JSON (UTIL-H1). */
  addResponseHeader(name: string, value: unknown): void {
    addHeader(requestHeaders(), name, value);
  },
  /** Adds every entry of `headers` as a response header (UTIL-H1). */
  addResponseHeaders(headers: Record<string, unknown>): void {
    const collection = requestHeaders();
    for (const [name, value] of Object.entries(headers ?? {})) addHeader(collection, name, value);
  },
} satisfies Util['http'];
