/**
 * The engine: an AppSync API (schema, resolvers, data sources, authorization) as one Apollo Server,
 * ready for an adapter to feed requests to. `createAppSyncEngine` runs once per container;
 * everything per request goes through `begin` → `authenticate` → `createContext`.
 */
import type { ApolloServer } from '@apollo/server';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context as LambdaContext } from 'aws-lambda';
import { createAuthenticator } from '../auth/authenticate';
import { type RequestAuthorization } from '../core/request';
import { isEnforced, validateAuthConfig, type AuthSettings } from '../auth/config';
import { validateQueryBudgets } from '../limits/budgets';
import { DEADLINE_DEFAULTS, startDeadline, type DeadlineSettings } from '../core/deadline';
import { composeHooks, type EngineHooks, type RequestObserver } from '../core/hooks';
import type { LambdaInvoker } from '../core/runtime';
import { createRequestContext, type RequestContext } from '../core/request-context';
import { type RuntimeConfig } from '../core/runtime';
import type { EngineRequest } from '../core/request';
import { createServer, type ServerOptions } from './server';

export interface EngineOptions extends Omit<ServerOptions, 'auth'> {
  /**
   * How requests are authenticated: an AppSync authorization configuration (modes, API keys, user
   * pool, OIDC provider), enforced from the schema's directives; or `{ trustAuthorizer: true }`.
   */
  auth: AuthSettings;
  /** DynamoDB data sources: data source name → real table name (DDB-05). */
  tables: Readonly<Record<string, string>>;
  /** The DynamoDB client (one per container: its connections and retry quota outlive requests); see createDynamoDBClient. */
  dynamodb: DynamoDBDocumentClient;
  /** Calls the functions of remote Lambda data sources; created with default settings on first use when absent. */
  lambda?: LambdaInvoker;
  /** The secret pagination tokens are encrypted with (derive nothing guessable from it). */
  paginationSecret: string;
  /** `ctx.env` (CTX-10), frozen. */
  env?: Readonly<Record<string, string>>;
  /** The per-request deadline; DEADLINE_DEFAULTS when omitted. */
  deadline?: DeadlineSettings;
  /** The application's observers: logs, metrics, traces (core/hooks.ts); several are composed in order. */
  hooks?: EngineHooks | readonly EngineHooks[];
}

export interface AppSyncEngine {
  /** The Apollo Server; an adapter starts it (once) and passes it requests with their context. */
  readonly server: ApolloServer<RequestContext>;
  /** A new request: its observer, from the hooks. */
  begin(request: EngineRequest, invocation: { requestId: string; lambdaContext?: LambdaContext }): RequestObserver | undefined;
  /** The request's authorization; throws AuthenticationError (HTTP 401) without valid credentials (EXE-12). */
  authenticate(request: EngineRequest): Promise<RequestAuthorization>;
  /** The request's state (Apollo's context value) once it is authenticated. */
  createContext(
    request: EngineRequest,
    authorization: RequestAuthorization,
    invocation: { requestId: string; lambdaContext?: LambdaContext; observer?: RequestObserver },
  ): RequestContext;
}

function isHookList(hooks: EngineHooks | readonly EngineHooks[] | undefined): hooks is readonly EngineHooks[] {
  return Array.isArray(hooks);
}

/**
 * Builds the engine once per container. Options that cannot work (an unknown authorization mode, a
 * user pool mode without its pool, a budget that is not a positive integer) throw an OptionError
 * naming the option, so the cold start fails instead of every request.
 */
export function createAppSyncEngine(options: EngineOptions): AppSyncEngine {
  if (isEnforced(options.auth)) validateAuthConfig(options.auth);
  if (options.queryBudgets) validateQueryBudgets(options.queryBudgets);
  const { auth, tables, dynamodb, lambda, paginationSecret, env = {}, deadline = DEADLINE_DEFAULTS, hooks: given, ...serverOptions } = options;
  const hooks: EngineHooks | undefined = isHookList(given) ? composeHooks(given) : given;
  const server = createServer({ ...serverOptions, auth });
  const authenticate = createAuthenticator(auth);
  // ctx.env is read-only (contract CTX-10): a handler assigning to it fails with a Code error.
  const runtime: RuntimeConfig = { client: dynamodb, tables, tokenSecret: paginationSecret, env: Object.freeze({ ...env }), lambda };
  return {
    server,
    authenticate,
    begin(request, { requestId, lambdaContext }) {
      return hooks?.onRequestStart?.(request, { requestId, apiRequestId: request.apiRequestId, lambdaContext });
    },
    createContext(request, authorization, { requestId, lambdaContext, observer }) {
      return createRequestContext({
        runtime,
        request,
        authorization,
        requestId,
        lambdaContext,
        observer,
        deadline: startDeadline(deadline, lambdaContext?.getRemainingTimeInMillis?.()),
      });
    },
  };
}
