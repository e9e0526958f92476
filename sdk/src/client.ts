/**
 * A small GraphQL client over the platform `fetch` (browsers, Node 18+, workers): typed by the
 * generated documents, with API-key and token auth, AbortSignal support and typed errors. Operations
 * are sent by hash first (persisted queries), and with their text only when the server asks for it.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { GraphQLRequestError, toErrorEntry } from './errors.js';

type HeaderMap = Record<string, string>;
type MaybePromise<T> = T | Promise<T>;

/** How to reach and authenticate against the API. */
export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `https://api.example.com/graphql`. */
  url: string;
  /** Sent as `x-api-key` (AppSync's API-key mode). */
  apiKey?: string;
  /** Called before each request; its value is sent as `authorization` (a JWT, or `Bearer <jwt>`). */
  getToken?: () => MaybePromise<string | null | undefined>;
  /** Extra headers on every request, or a function computing them. */
  headers?: HeaderMap | (() => MaybePromise<HeaderMap>);
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /**
   * Send each operation as the SHA-256 of its text (`extensions.persistedQuery`, as Apollo Client's
   * persisted-query link does), and the text only when the server answers `PersistedQueryNotFound`.
   * The API knows every SDK operation by hash, so this saves the text on every request. Default true;
   * off where Web Crypto (`crypto.subtle`) is missing.
   */
  persistedQueries?: boolean;
}

/** Per-request options. */
export interface RequestOptions {
  /** Aborts the request; the returned promise rejects with the signal's reason. */
  signal?: AbortSignal;
  headers?: HeaderMap;
}

/** Variables are optional when the operation declares none that are required. */
export type VariablesArgs<TVariables> = Record<string, never> extends TVariables
  ? [variables?: TVariables, options?: RequestOptions]
  : [variables: TVariables, options?: RequestOptions];

export interface Client {
  /** Runs an operation; resolves with its data, rejects with a GraphQLRequestError on any error. */
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<TData>;
}

const printed = new WeakMap<DocumentNode, string>();

function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

const hashes = new WeakMap<DocumentNode, Promise<string>>();

/** The SHA-256 hex of the document's text, or undefined without Web Crypto. */
function queryHash(document: DocumentNode): Promise<string> | undefined {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = subtle.digest('SHA-256', new TextEncoder().encode(queryText(document))).then((digest) =>
      Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''),
    );
    hashes.set(document, hash);
  }
  return hash;
}

/** Whether the server does not know the hash (or persisted queries at all): send the text. */
function wantsText(body: { errors?: unknown } | undefined): boolean {
  if (!Array.isArray(body?.errors)) return false;
  return body.errors.some((error: { message?: unknown; extensions?: { code?: unknown } } | null) => {
    const code = error?.extensions?.code;
    return (
      error?.message === 'PersistedQueryNotFound' ||
      error?.message === 'PersistedQueryNotSupported' ||
      code === 'PERSISTED_QUERY_NOT_FOUND' ||
      code === 'PERSISTED_QUERY_NOT_SUPPORTED'
    );
  });
}

function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
}

async function readBody(response: Response): Promise<{ data?: unknown; errors?: unknown } | undefined> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? body : undefined;
  } catch {
    return undefined;
  }
}

/** Creates a client for one endpoint. */
export function createClient(options: ClientOptions): Client {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));

  async function headersFor(extra: HeaderMap | undefined): Promise<HeaderMap> {
    const configured = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers: HeaderMap = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...configured };
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    const token = options.getToken ? await options.getToken() : undefined;
    if (token) headers.authorization = token;
    return { ...headers, ...extra };
  }

  return {
    async request<TData, TVariables extends Record<string, unknown>>(
      document: TypedDocumentNode<TData, TVariables>,
      ...[variables, requestOptions]: VariablesArgs<TVariables>
    ): Promise<TData> {
      const headers = await headersFor(requestOptions?.headers);
      const base = { variables: variables ?? {}, operationName: operationName(document) };
      const send = (payload: Record<string, unknown>) =>
        doFetch(options.url, { method: 'POST', headers, body: JSON.stringify({ ...base, ...payload }), signal: requestOptions?.signal });
      const hash = options.persistedQueries === false ? undefined : await queryHash(document);
      const extensions = hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
      let response = await send(extensions ? { extensions } : { query: queryText(document) });
      let body = await readBody(response);
      if (extensions && wantsText(body)) {
        response = await send({ query: queryText(document), extensions });
        body = await readBody(response);
      }
      const errors = Array.isArray(body?.errors) ? body.errors.map(toErrorEntry) : [];
      const data = (body?.data ?? null) as TData | null;
      if (errors.length > 0) throw new GraphQLRequestError<TData>(errors, { data, status: response.status });
      if (!response.ok || data === null) {
        const message = response.ok ? 'The response has no data' : `HTTP ${response.status} ${response.statusText}`.trim();
        throw new GraphQLRequestError<TData>([toErrorEntry({ message, errorType: response.ok ? 'InvalidResponse' : 'HttpError' })], { status: response.status });
      }
      return data;
    },
  };
}
