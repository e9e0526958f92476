/**
 * Subscriptions over the API's WebSocket endpoint, with graphql-ws (the `graphql-transport-ws`
 * protocol): typed by the generated documents, credentials sent in `connection_init` under the
 * HTTP headers' names, reconnection with backoff (graphql-ws re-subscribes after a reconnect).
 * Works in browsers and Node 22+ (global `WebSocket`); pass `webSocketImpl` elsewhere.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createClient as createWsClient, type Client as WsClient, type ClientOptions as WsClientOptions } from 'graphql-ws';
import { GraphQLRequestError, toErrorEntry } from './errors.js';

type MaybePromise<T> = T | Promise<T>;

/** Milliseconds between the client's pings by default: API Gateway closes a WebSocket idle for 10 minutes. */
export const DEFAULT_KEEP_ALIVE_MS = 300_000;

export interface SubscriptionClientOptions {
  /** The WebSocket endpoint, e.g. `wss://<api-id>.execute-api.<region>.amazonaws.com/<stage>`. */
  url: string;
  /** Sent as `x-api-key` in connection_init. */
  apiKey?: string;
  /** Called on every (re)connection; its value is sent as `authorization` in connection_init. */
  getToken?: () => MaybePromise<string | null | undefined>;
  /** Reconnection attempts after a connection is lost (default 10; backoff with jitter). */
  retryAttempts?: number;
  /**
   * Milliseconds between pings while connected (default 300,000): API Gateway closes a WebSocket
   * idle for 10 minutes. 0 turns pings off.
   */
  keepAliveMs?: number;
  /** A WebSocket implementation where there is no global one. */
  webSocketImpl?: unknown;
  /** graphql-ws events (connected, closed, error, …), for status indicators. */
  on?: WsClientOptions['on'];
}

/** A live subscription: iterate its events (typed data), or call `unsubscribe()`. */
export interface LiveSubscription<TData> extends AsyncIterable<TData> {
  unsubscribe(): void;
}

/** Variables are optional when the subscription declares none that are required. */
export type SubscribeArgs<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface SubscriptionClient {
  /**
   * Subscribes; each event is the subscription field's data. An event with errors and no data ends
   * the iteration with a GraphQLRequestError (as does a refused subscription, e.g. `Unauthorized`).
   */
  subscribe<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, ...args: SubscribeArgs<TVariables>): LiveSubscription<TData>;
  /** Closes the connection and ends every subscription. */
  close(): Promise<void>;
}

const printed = new WeakMap<DocumentNode, string>();
const queryText = (document: DocumentNode) => {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
};

/** A client for one WebSocket endpoint; it connects on the first subscription. */
export function createSubscriptionClient(options: SubscriptionClientOptions): SubscriptionClient {
  const client: WsClient = createWsClient({
    url: options.url,
    lazy: true,
    retryAttempts: options.retryAttempts ?? 10,
    keepAlive: options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
    // Lost connections are retried (graphql-ws never retries a refused connection_init).
    shouldRetry: () => true,
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    ...(options.on ? { on: options.on } : {}),
    connectionParams: async () => {
      const params: Record<string, string> = {};
      if (options.apiKey) params['x-api-key'] = options.apiKey;
      const token = options.getToken ? await options.getToken() : undefined;
      if (token) params.authorization = token;
      return params;
    },
  });

  return {
    subscribe<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, ...[variables]: SubscribeArgs<TVariables>): LiveSubscription<TData> {
      const events = client.iterate<Record<string, unknown>>({ query: queryText(document), variables: variables ?? {} });
      const iterator: AsyncIterableIterator<TData> = {
        async next() {
          let result: IteratorResult<{ data?: unknown; errors?: readonly unknown[] }>;
          try {
            result = await events.next();
          } catch (error) {
            // A refused subscription arrives as its list of GraphQL errors; a closed socket as its close event.
            const entries = Array.isArray(error) ? error : [{ message: error instanceof Error ? error.message : `Connection closed (${(error as { code?: number })?.code ?? 'unknown'})`, errorType: 'ConnectionClosed' }];
            throw new GraphQLRequestError<TData>(entries.map(toErrorEntry), { data: null, status: 0 });
          }
          if (result.done) return { done: true, value: undefined };
          const { data, errors } = result.value;
          if (errors?.length && (data === null || data === undefined)) throw new GraphQLRequestError<TData>(errors.map(toErrorEntry), { data: null, status: 0 });
          return { done: false, value: data as TData };
        },
        async return() {
          await events.return?.();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return Object.assign(iterator, { unsubscribe: () => void events.return?.() });
    },
    close: () => Promise.resolve(client.dispose()),
  };
}
