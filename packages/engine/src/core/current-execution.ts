/**
 * The resolver execution in progress. AppSync handlers are synchronous, so the executor can mark
 * which execution a `util.appendError`, `util.authType` or `extensions.*` call belongs to by setting
 * it around each handler call, with no risk of interleaving between concurrent requests.
 */
import type { ResolverErrorEntry } from './errors';

/** Names `util.authType()` returns for each auth mode (contract UTIL-06). */
export type AuthTypeName =
  | 'API Key Authorization'
  | 'IAM Authorization'
  | 'User Pool Authorization'
  | 'Open ID Connect Authorization'
  | 'Lambda Authorization';

export interface Execution {
  /** Errors added by `util.appendError`, reported once the resolver finishes (EXE-07). */
  readonly appendedErrors: ResolverErrorEntry[];
  readonly authType: AuthTypeName | null;
  /** The request's custom response headers (`util.http.addResponseHeader`, UTIL-H1); shared by its executions. */
  readonly responseHeaders?: ResponseHeaders;
  /**
   * Where `extensions.invalidateSubscriptions` records its calls (UTIL-E2): the request's list and
   * the response key of the mutation field being resolved; absent outside a mutation.
   */
  readonly invalidations?: { readonly recorded: RecordedInvalidation[]; readonly responseKey: string };
  /** Where `extensions.setSubscriptionFilter` and `setSubscriptionInvalidationFilter` record (UTIL-E2); absent outside a subscribe. */
  readonly subscription?: SubscriptionExtensions;
}

/** What `extensions`' subscription filter calls act on: set by the WebSocket API on the request it runs a subscription field's resolver for. */
export interface SubscriptionExtensions {
  setSubscriptionFilter(filter: unknown): void;
  setSubscriptionInvalidationFilter(filter: unknown): void;
}

/** What a mutation's resolver asks to invalidate. */
export interface SubscriptionInvalidation {
  /** The `Subscription` field whose subscriptions are considered, e.g. `onApplicationCreated`. */
  subscriptionField: string;
  /** What the subscriptions' invalidation filters are evaluated against. */
  payload: Record<string, unknown>;
}

/** An invalidation with the response key of the mutation field whose resolvers made it. */
export interface RecordedInvalidation extends SubscriptionInvalidation {
  responseKey: string;
}

/** Custom response headers of one request, lower-cased names, and the bytes counted so far (UTIL-H1). */
export interface ResponseHeaders {
  readonly values: Map<string, string>;
  bytes: number;
}

/** A new, empty collection for one request. */
export function createResponseHeaders(): ResponseHeaders {
  return { values: new Map(), bytes: 0 };
}

let current: Execution | undefined;

/** Runs one synchronous handler with `execution` as the current one. */
export function withExecution<T>(execution: Execution, handler: () => T): T {
  const previous = current;
  current = execution;
  try {
    return handler();
  } finally {
    current = previous;
  }
}

/** The execution a util call belongs to; undefined when called outside any resolver (unit tests). */
export function currentExecution(): Execution | undefined {
  return current;
}
