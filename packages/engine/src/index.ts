/**
 * The engine's main entry: run an AppSync API (schema as deployed to AppSync, APPSYNC_JS resolvers
 * and pipeline functions, DynamoDB/Lambda/HTTP/NONE data sources, AppSync's authorization modes)
 * on one AWS Lambda with Apollo Server 5.
 *
 *     const engine = createAppSyncEngine({ sdl, resolvers, tables, dynamodb, auth, paginationSecret });
 *     export const handler = createHttpApiHandler(engine);
 *
 * Everything a consumer needs is exported here or from the subpaths (`/realtime` for subscriptions,
 * `/appsync-utils` for resolvers); nothing else in the package is public (the `/testing` subpath
 * reaches internals for the engine's own tests only).
 */

// The engine and its adapter.
export { createAppSyncEngine, type AppSyncEngine, type EngineOptions } from './execution/engine';
export { createHttpApiHandler, type HttpApiHandler, type HttpApiOptions, type HttpApiRoute } from './adapters/http-api/index';
export { engineRequestFromEvent, eventHeader } from './adapters/http-api/event';
export { jsonError } from './adapters/http-api/json-error';
export type { TrustedDocumentsOptions } from './adapters/http-api/trusted-documents';
export { DEFAULT_MAX_QUERY_BYTES, DEFAULT_MAX_REQUEST_BYTES, LAMBDA_MAX_REQUEST_BYTES } from './adapters/http-api/request-size';
export { MAX_DOCUMENT_NESTING } from './adapters/http-api/nesting';
export type { EngineRequest, AuthorizerContext, IamAuthorizer, ResolverHeaders } from './core/request';
export type { ListSizes } from './execution/server';
export { DEFAULT_DOCUMENT_CACHE_BYTES } from './execution/document-store';
export { MAX_RESPONSE_BYTES } from './limits/response-budget';
export { MAX_RESPONSE_ERRORS } from './limits/error-count';
export type { RequestContext } from './core/request-context';

// Observing requests: logs, metrics, traces.
export { composeHooks, type EngineHooks, type RequestObserver, type ErrorReport, type OperationReport, type RequestOutcome, type DataSourceCall, type EngineLogger } from './core/hooks';

// Resolvers, pipeline functions and data sources, as attached on AppSync.
export {
  unit,
  pipeline,
  fn,
  lambda,
  lambdaFn,
  dynamoDBDataSource,
  NONE,
  TABLE,
  MAX_PIPELINE_FUNCTIONS,
  MAX_LAMBDA_BATCH_SIZE,
  type ResolverModule,
  type ResolverDefinition,
  type PipelineFunction,
  type NamedPipelineFunction,
  type DataSourceRef,
  type LambdaDataSource,
  type LambdaResolverModule,
  type LambdaBatchResolverModule,
} from './core/resolver';
export { functionTable, type FunctionTable } from './core/function-table';
export { typedRoutes, type RoutingTable, type FieldTyping, type TypedResolverModule, type TypedLambdaModule, type TypedLambdaBatchModule, type LambdaBatchItem } from './core/typed-routes';
export { httpDataSource, httpDataSourceName, HTTP_DATA_SOURCE_DEFAULTS } from './data-sources/http/config';
export { type HttpDataSourceRef, type HttpDataSourceOptions, type HttpAuthorizationConfig, type SigningCredentials } from './core/resolver';
export { lambdaDataSource } from './data-sources/lambda/data-source';
export { remoteLambda, remoteLambdaFn } from './data-sources/lambda/remote-direct';
export { createLambdaInvoker, LAMBDA_INVOKER_DEFAULTS, type LambdaInvokerSettings } from './data-sources/lambda/invoker';
export { type LambdaInvoker } from './core/runtime';
export { createDynamoDBClient, DYNAMODB_CLIENT_DEFAULTS, type ClientOverrides, type DynamoDBClientSettings } from './data-sources/dynamodb/client';
export { RETRY_DEFAULTS, type RefillingRetryStrategy, type RetryStrategySettings } from './data-sources/dynamodb/retry-strategy';
export { MAX_BATCH_RETRIES } from './data-sources/dynamodb/retry';
export { MAX_CONFLICT_RETRIES } from './data-sources/dynamodb/transact-write';

// Subscriptions (the WebSocket function, and the HTTP side's publishing) are the subpath
// `@appsync-lambda/engine/realtime`: an HTTP-only API loads none of them.

// Wiring from an existing AppSync project's configuration.
export {
  fromServerlessAppSync,
  fromAppSyncManifest,
  fromCloudFormation,
  schemaFromCloudFormation,
  parseCloudFormationYaml,
  resolveIntrinsics,
  WiringError,
  UnsupportedError,
  type StackValues,
  type CloudFormationSchemaOptions,
  type Wiring,
  type WiringOptions,
} from './wiring/index';

// Authorization, limits and budgets.
export { validateAuthConfig, type AuthConfig, type AuthSettings, type CognitoConfig, type OidcConfig, type UserPoolDefaultAction } from './auth/config';
export { AUTH_MODES, isAuthMode, type AuthMode } from './core/auth-modes';
export { AuthenticationError } from './auth/authenticate';
export { type RequestAuthorization } from './core/request';
export { DEADLINE_DEFAULTS, type DeadlineSettings } from './core/deadline';
export { validateQueryBudgets, DEFAULT_QUERY_BUDGETS, LIMIT_NAMES, type LimitName, type QueryBudget, type QueryBudgets } from './limits/budgets';
export type { ExecutionLimits } from './execution/field-resolver';
export { API_KEY_BUDGET, SIGNED_IN_BUDGET } from './limits/budgets';
export { DEFAULT_RESOLVER_COUNT_LIMIT } from './execution/field-resolver';
export { MAX_QUERY_DEPTH_LIMIT } from './limits/depth';
export { MAX_INVALIDATIONS_PER_REQUEST } from './appsync/invalidation';
export { RESPONSE_HEADERS_MAX_BYTES } from './appsync/util/http';

// AppSync's definitions, for tools that read the schema (codegen, linters).
export { APPSYNC_DEFINITIONS_SDL, APPSYNC_SCALAR_NAMES, parseAppSyncSchema } from './appsync/definitions';

// Options the engine cannot run with, found when it is built.
export { OptionError } from './core/option-error';

// Errors: the errorTypes clients can switch on.
export { ERROR_TYPES, type ErrorType } from './core/error-types';
export { AppSyncError } from './core/errors';
