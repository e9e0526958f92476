/**
 * `@appsync-lambda/engine/testing`: the internals the engine's own unit tests reach, to check one
 * piece (a token codec, the cost estimate, a field's authorization rule) without a whole request.
 * It is not an API: its names and signatures change with the engine's insides, in any release.
 * Applications use the main entry and `@aws-appsync/utils`; their tests may reach the measures of
 * the query budgets here (cost estimate, document measure) to hold their own operations to them.
 */

// Running resolver code outside a request: the execution `util`, `runtime` and `extensions` read.
export { withExecution, createResponseHeaders, type Execution, type AuthTypeName, type RecordedInvalidation } from './core/current-execution';
export { installAppSyncGlobals } from './appsync/globals';

// A schema built and executed without the server (graphql-js `execute` with a request context).
export { buildExecutableSchema } from './execution/schema';
export { buildInfo } from './execution/info';
export { coordinateOf } from './execution/coordinate';
export { errorData } from './execution/error-data';
export { createRequestContext } from './core/request-context';
export { appsyncScalars } from './appsync/scalars';

// Errors as the caller sees them, and the request as resolvers see it.
export { formatAppSyncError, INTERNAL_ERROR_MESSAGE } from './core/format-error';
export { appSyncPath, nonNullViolation } from './core/non-null';
export { customDomain, resolverHeaders, sourceIps } from './core/request';
export { DeadlineExceededError, beforeDeadline, startDeadline } from './core/deadline';

// Authentication and field authorization.
export { AUTH_TYPE_NAMES } from './core/auth-modes';
export { createAuthenticator, deniedCoordinates } from './auth/authenticate';
export { normaliseClaims } from './auth/identity';
export { createApiKeyMatcher } from './auth/api-keys';
export { resolveFieldRules } from './auth/directives';
export { applyFieldAuthorization, canDeny, isAllowed } from './auth/enforce';

// The DynamoDB data source driven directly, and its pieces.
export { runDynamoDBRequest, GetItemLoaders, type DataSourceOutcome, type DynamoDBCallContext } from './data-sources/dynamodb/index';
export { canonical } from './data-sources/dynamodb/canonical';
export { resolveTable, tableEntries } from './data-sources/dynamodb/tables';
export { fromTyped, fromTypedMap, itemResult, toResult } from './data-sources/dynamodb/typed';
export { settlePage, MAX_READ_AHEADS, READ_AHEAD_ITEMS, type ReadFrom, type ReadOutput } from './data-sources/dynamodb/read-ahead';
export { decodeNextToken, encodeNextToken, MAX_NEXT_TOKEN_LENGTH } from './data-sources/dynamodb/pagination';
export { decodeStartKey, encodeStartKey } from './data-sources/dynamodb/start-key';
export { listBinding } from './data-sources/dynamodb/list-binding';
export { faultType, toDataSourceError } from './data-sources/dynamodb/errors';
export { RefillingRetryStrategy } from './data-sources/dynamodb/retry-strategy';

// Limits checked before execution, and the parsed-document cache.
export { queryDepthLimitRule } from './limits/depth';
export { createCostEstimator, estimateCost, type CostOptions } from './limits/cost';
export { measureDocument, measureOperations, tokensOver } from './limits/measure';
export { applyResponseBudget } from './limits/response-budget';
export { RequestSlots } from './core/request-slots';
export { dynamodbCallsByCoordinate } from './limits/budget-plugin';
export { createDocumentStore, documentBytes } from './execution/document-store';
export { documentNesting, nestsTooDeep } from './adapters/http-api/nesting';

// Subscriptions: which events a subscription receives, and invalidation.
export { candidateKeys, filterKey, filterKeyOf, matchesArguments, matchesFilter, matchesFilterGroup } from './realtime/service/filters';
export { invalidationCandidateKeys, invalidationKey, matchesInvalidationFilter } from './realtime/service/invalidate';
export { committedInvalidations, mutationEvents } from './realtime/publish/plugin';
