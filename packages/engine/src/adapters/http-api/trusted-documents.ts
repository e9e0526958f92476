/**
 * Trusted documents and persisted queries, before Apollo runs. The manifest (hash → text,
 * src/generated/trusted-documents.ts) holds the SDK's operations; requests in a restricted mode
 * (the API key, by default) may run only those, sent by hash (`extensions.persistedQuery`
 * `{ version: 1, sha256Hash }` without `query`), as the identical text, or both. Other modes may
 * send any document; their hash-only requests for other documents go on to Apollo's automatic
 * persisted queries.
 *
 * | request | answer |
 * | --- | --- |
 * | `persistedQuery.version` other than 1 | 400 `PersistedQueryVersionNotSupported` |
 * | a hash that is not the SHA-256 of the query sent with it | 400 `PersistedQueryHashMismatch` |
 * | a manifest hash without query | runs the manifest's text (any mode) |
 * | an unknown hash without query, restricted mode | 200 `PersistedQueryNotFound` (code `PERSISTED_QUERY_NOT_FOUND`), as Apollo answers: Apollo Client's persisted-query link then sends the text |
 * | a text not in the manifest, restricted mode | 400 `PersistedQueryNotAllowed` |
 *
 * A text is the manifest's when it is the identical text or has the same canonical form (graphql-js
 * `print` of its parse): a client that re-prints the SDK's documents (Amplify with graphql 15, a
 * trailing newline, other whitespace) sends the same operation in other bytes.
 *
 * GET requests carry `extensions` as a JSON query-string parameter, POST requests in the body.
 * These answers are client errors: the request log line records them (INFO), nothing logs at ERROR.
 */
import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AuthMode } from '../../core/auth-modes';
import { jsonError } from './json-error';
import type { JsonBody } from './request-body';
import { ERROR_TYPES } from '../../core/error-types';

export interface TrustedDocumentsOptions {
  /** The manifest: SHA-256 hex of a document's text → the text. */
  documents: Readonly<Record<string, string>>;
  /** Modes that may run only the manifest's documents. */
  modes: readonly AuthMode[];
}

interface GraphQLParams {
  query?: unknown;
  extensions?: unknown;
  [name: string]: unknown;
}

type Answer = APIGatewayProxyStructuredResultV2 | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The document's canonical form, or undefined for a text that does not parse. */
function canonical(text: string): string | undefined {
  try {
    return print(parse(text, { noLocation: true }));
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The request's `query` and `extensions`, or undefined when there is nothing to check. */
function paramsOf(event: APIGatewayProxyEventV2, restricted: boolean, jsonBody: JsonBody): GraphQLParams | undefined {
  const method = event.requestContext?.http?.method;
  if (method === 'GET') {
    const search = event.queryStringParameters ?? {};
    if (!restricted && search.extensions === undefined) return undefined;
    return { query: search.query, extensions: search.extensions === undefined ? undefined : parseJson(search.extensions) };
  }
  if (method !== 'POST') return undefined;
  // Parsed once by the request checks, which ran before.
  const body = jsonBody()?.value;
  return isObject(body) ? body : undefined;
}

/** Puts the manifest's text in the request, without the persisted-query extension Apollo would act on. */
function rewrite(event: APIGatewayProxyEventV2, params: GraphQLParams, query: string): void {
  const { persistedQuery: _persisted, ...extensions } = isObject(params.extensions) ? params.extensions : {};
  const rest = Object.keys(extensions).length > 0 ? extensions : undefined;
  if (event.requestContext.http.method === 'GET') {
    const search = new URLSearchParams(event.rawQueryString ?? '');
    search.set('query', query);
    if (rest) search.set('extensions', JSON.stringify(rest));
    else search.delete('extensions');
    event.rawQueryString = search.toString();
    event.queryStringParameters = Object.fromEntries(search);
    return;
  }
  event.body = JSON.stringify({ ...params, query, extensions: rest });
  event.isBase64Encoded = false;
}

const notFound = (): APIGatewayProxyStructuredResultV2 => ({
  ...jsonError(200, 'PersistedQueryNotFound', ERROR_TYPES.PersistedQueryNotFound, 'PERSISTED_QUERY_NOT_FOUND'),
  // As Apollo answers it: the client retries with the text, so nothing may cache this answer.
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-cache, must-revalidate' },
});

/**
 * The middleware check: an answer for a request that must not reach Apollo, or undefined to let it
 * through (possibly with the manifest's text filled in). `mode` is the request's authorization mode.
 */
export function createTrustedDocumentsCheck({ documents, modes }: TrustedDocumentsOptions): (event: APIGatewayProxyEventV2, mode: AuthMode | undefined, jsonBody: JsonBody) => Answer {
  const restrictedModes = new Set(modes);
  const trusted = new Map(Object.entries(documents));
  // Once per container; a request's text is parsed only when its bytes are not the manifest's.
  const canonicalForms = new Set(Object.values(documents).flatMap((text) => canonical(text) ?? []));
  const isTrusted = (query: string): boolean => {
    if (trusted.get(sha256(query)) === query) return true;
    const form = canonical(query);
    return form !== undefined && canonicalForms.has(form);
  };
  return (event, mode, jsonBody) => {
    const restricted = mode !== undefined && restrictedModes.has(mode);
    const params = paramsOf(event, restricted, jsonBody);
    if (!params) return undefined;
    const persisted = isObject(params.extensions) ? params.extensions.persistedQuery : undefined;
    const query = typeof params.query === 'string' && params.query !== '' ? params.query : undefined;
    if (persisted !== undefined) {
      const version = isObject(persisted) ? persisted.version : undefined;
      if (version !== 1) {
        return jsonError(400, `Persisted query version ${JSON.stringify(version ?? null)} is not supported: send version 1.`, ERROR_TYPES.PersistedQueryVersionNotSupported, 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED');
      }
      const hash = (persisted as Record<string, unknown>).sha256Hash;
      if (typeof hash !== 'string') return jsonError(400, 'persistedQuery.sha256Hash must be a string.', ERROR_TYPES.BadRequest);
      if (query === undefined) {
        const text = trusted.get(hash.toLowerCase());
        if (text !== undefined) {
          rewrite(event, params, text);
          return undefined;
        }
        return restricted ? notFound() : undefined;
      }
      if (sha256(query) !== hash.toLowerCase()) {
        return jsonError(400, 'persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.', ERROR_TYPES.PersistedQueryHashMismatch, 'PERSISTED_QUERY_HASH_MISMATCH');
      }
      if (!restricted) return undefined;
      if (!isTrusted(query)) return notAllowed();
      rewrite(event, params, query);
      return undefined;
    }
    if (!restricted || query === undefined) return undefined;
    return isTrusted(query) ? undefined : notAllowed();
  };
}

function notAllowed(): APIGatewayProxyStructuredResultV2 {
  return jsonError(400, 'This document is not one of the API’s trusted documents: API-key requests may run only the SDK’s operations.', ERROR_TYPES.PersistedQueryNotAllowed, 'PERSISTED_QUERY_NOT_ALLOWED');
}
