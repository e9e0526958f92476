/**
 * AppSync's HTTP request object (`{ method, resourcePath, params: { query, headers, body } }`,
 * `HTTPRequest` in `@aws-appsync/utils`) checked and turned into the request this runtime sends.
 * Anything AppSync would not send fails the field with errorType `MappingTemplate`, before any call.
 */
import { MappingTemplateError } from '../../core/errors';

/** AppSync's methods for an HTTP data source. */
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
/** Headers a request may not set: the HTTP client owns them (AppSync's list). */
const RESTRICTED_HEADERS = new Set(['host', 'connection', 'user-agent', 'expect', 'transfer-encoding', 'content-length']);
/** Content types AppSync sends (`text/*` and these). */
const CONTENT_TYPES = new Set(['application/xml', 'application/json', 'application/soap+xml', 'application/x-amz-json-1.0',
  'application/x-amz-json-1.1', 'application/vnd.api+json', 'application/x-ndjson']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Header values and paths with control characters could split the request.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\0-\x1f\x7f]/;

/** What the transport sends: the query is kept as pairs so the signer sees exactly what is sent. */
export interface PreparedHttpRequest {
  method: string;
  url: URL;
  /** Decoded query pairs, in order; already encoded into `url.search`. */
  query: [string, string][];
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
}

const fail = (reason: string) => new MappingTemplateError(`The HTTP request object is invalid: ${reason}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 3986 encoding, as SigV4 canonicalises: what is sent is what is signed. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function queryPairs(query: unknown): [string, string][] {
  if (query === undefined || query === null) return [];
  if (!isRecord(query)) throw fail('params.query must be an object of strings');
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (!['string', 'number', 'boolean'].includes(typeof item)) throw fail(`the query parameter '${name}' must be a string`);
      pairs.push([name, String(item)]);
    }
  }
  return pairs;
}

function headerMap(headers: unknown): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  if (!isRecord(headers)) throw fail('params.headers must be an object of strings');
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') throw fail(`the header '${name}' must have a string value`);
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) throw fail(`'${name}' is not a valid header name`);
    if (RESTRICTED_HEADERS.has(lower)) throw fail(`the header '${name}' cannot be set`);
    if (CONTROL.test(value)) throw fail(`the value of the header '${name}' contains a control character`);
    result[lower] = value;
  }
  const contentType = result['content-type']?.split(';')[0]!.trim().toLowerCase();
  if (contentType !== undefined && !contentType.startsWith('text/') && !CONTENT_TYPES.has(contentType)) {
    throw fail(`the Content-Type '${contentType}' is not supported`);
  }
  return result;
}

/** The body as sent: strings as they are, other values as JSON (with `Content-Type: application/json` unless set). */
function bodyText(body: unknown, headers: Record<string, string>): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

/** The request a resolver's HTTP request object describes, against the data source's endpoint. */
export function prepareHttpRequest(request: unknown, endpoint: URL): PreparedHttpRequest {
  if (!isRecord(request)) throw new MappingTemplateError('The request handler must return an HTTP request object');
  const { method, resourcePath, params = {} } = request;
  if (typeof method !== 'string' || !METHODS.has(method)) throw fail(`method must be one of ${[...METHODS].join(', ')}`);
  if (typeof resourcePath !== 'string' || !resourcePath.startsWith('/')) throw fail("resourcePath must be a string starting with '/'");
  if (CONTROL.test(resourcePath) || resourcePath.includes('#')) throw fail('resourcePath contains a control character or a fragment');
  if (!isRecord(params)) throw fail('params must be an object');
  // Appended to the endpoint, never resolved against it: no resourcePath ('//host', '@host') reaches another host.
  const url = new URL(`${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}${resourcePath}`);
  if (url.origin !== endpoint.origin) throw fail('resourcePath must stay on the data source endpoint');
  const query = [...url.searchParams.entries(), ...queryPairs(params.query)];
  url.search = query.map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`).join('&');
  const headers = headerMap(params.headers);
  const body = bodyText(params.body, headers);
  return { method, url, query, headers, ...(body === undefined ? {} : { body }) };
}
