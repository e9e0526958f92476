/**
 * One GraphQL request's state, in one object: who called, what the resolvers may see, what they
 * added to the response, the request's deadline, its subsystems' typed slots (budgets, batching) and
 * the application's observer. It is Apollo's `contextValue`, made by `createRequestContext` when an
 * adapter asks the engine for it (`createContext`); nothing about a request is kept anywhere else.
 */
import type { Identity } from '@aws-appsync/utils';
import type { Context as LambdaContext } from 'aws-lambda';
import type { GraphQLFormattedError } from 'graphql';
import type { RuntimeConfig } from './runtime';
import { AUTH_TYPE_NAMES } from './auth-modes';
import type { Deadline } from './deadline';
import { createResponseHeaders, type AuthTypeName, type RecordedInvalidation, type ResponseHeaders, type SubscriptionExtensions } from './current-execution';
import type { RequestObserver } from './hooks';
import { RequestSlots } from './request-slots';
import type { EngineRequest, RequestAuthorization, ResolverHeaders } from './request';

export interface RequestContext {
  runtime: RuntimeConfig;
  /** The Lambda request id, logged with every masked error. */
  requestId: string;
  /** The transport's request id (API Gateway's), for logs. */
  apiRequestId: string | null;
  /** The invocation's Lambda context, handed to Direct Lambda resolvers; absent outside Lambda. */
  lambdaContext?: LambdaContext;
  identity: Identity;
  authType: AuthTypeName | null;
  /** How the request was authorized (AUTH-*). */
  authorization: RequestAuthorization;
  /** `ctx.request` (CTX-04). */
  request: { headers: ResolverHeaders; domainName: string | null };
  /** Errors from `util.appendError`, added to the response by the server (contract EXE-07). */
  appendedErrors: GraphQLFormattedError[];
  /** Headers from `util.http.addResponseHeader(s)`, set on the HTTP response by the server (UTIL-H1). */
  responseHeaders: ResponseHeaders;
  /**
   * `extensions.invalidateSubscriptions` calls of a mutation's resolvers (UTIL-E2), sent to the
   * fan-out with the mutation's events once the field that made them has committed.
   */
  subscriptionInvalidations: RecordedInvalidation[];
  /** Set by the WebSocket API while a subscription field's resolver runs: what its `extensions` filter calls act on. */
  subscription?: SubscriptionExtensions;
  /** Resolver executions so far (LIM-02). */
  resolverCount: number;
  /** The schema coordinate of each failure a resolver raised, for its error report. */
  failedAt: Map<unknown, string>;
  /** Failures already reported to the observer (a coalesced GetItem's error is shared by its resolvers). */
  reported: WeakSet<object>;
  /** The subsystems' own state in this request, each behind its typed slot (core/request-slots.ts). */
  readonly slots: RequestSlots;
  /** When the request must be answered by; data source calls are aborted then (deadline.ts). */
  deadline?: Deadline;
  /** The application's observer of this request (hooks.ts). */
  observer?: RequestObserver;
}

/** The state of a new request, once it is authenticated. */
export function createRequestContext(fields: {
  runtime: RuntimeConfig;
  request: EngineRequest;
  authorization: RequestAuthorization;
  requestId: string;
  lambdaContext?: LambdaContext;
  deadline?: Deadline;
  observer?: RequestObserver;
}): RequestContext {
  const { request, authorization } = fields;
  return {
    runtime: fields.runtime,
    requestId: fields.requestId,
    apiRequestId: request.apiRequestId,
    lambdaContext: fields.lambdaContext,
    identity: authorization.identity,
    authType: AUTH_TYPE_NAMES[authorization.mode],
    authorization,
    request: { headers: request.headers, domainName: request.domainName },
    appendedErrors: [],
    responseHeaders: createResponseHeaders(),
    subscriptionInvalidations: [],
    resolverCount: 0,
    failedAt: new Map(),
    reported: new WeakSet(),
    slots: new RequestSlots(),
    deadline: fields.deadline,
    observer: fields.observer,
  };
}
