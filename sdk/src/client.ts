/**
 * A small GraphQL client over the platform `fetch` (browsers, Node 18+, workers): typed by the
 * generated documents, with API-key and token auth, AbortSignal support and typed errors.
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
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: await headersFor(requestOptions?.headers),
        body: JSON.stringify({ query: queryText(document), variables: variables ?? {}, operationName: operationName(document) }),
        signal: requestOptions?.signal,
      });
      const body = await readBody(response);
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
