/** What the runtime knows about one GraphQL request: caller, headers, environment, data access. */
import type { Identity } from '@aws-appsync/utils';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context as LambdaContext } from 'aws-lambda';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestLog } from '../observability/request-log';
import type { RequestAuthorization } from './auth/authenticate';
import type { LambdaBatchLoaders } from './direct-lambda-batch';
import type { GetItemLoaders } from './dynamodb/get-item-loader';
import type { LambdaInvokeBatches } from './lambda/data-source';
import type { LambdaInvoker } from './lambda/invoker';
import type { Deadline } from './deadline';
import type { AuthTypeName, ResponseHeaders } from './execution';

export interface RuntimeConfig {
  client: DynamoDBDocumentClient;
  /** Logical table names to real ones; `main` is the API's table (contract DDB-05). */
  tables: Readonly<Record<string, string>>;
  /** Secret the pagination tokens' encryption key is derived from. */
  tokenSecret: string;
  /** `ctx.env` (contract CTX-10). */
  env: Readonly<Record<string, string>>;
  /** Calls Lambda data sources' functions (src/runtime/lambda/invoker.ts); default settings when absent. */
  lambda?: LambdaInvoker;
}

export interface RequestContext {
  runtime: RuntimeConfig;
  /** The Lambda request id, logged with every masked error. */
  requestId: string;
  /** The invocation's Lambda context, handed to Direct Lambda resolvers; absent outside Lambda. */
  lambdaContext?: LambdaContext;
  identity: Identity;
  authType: AuthTypeName | null;
  /** How the request was authorized, when the API enforces an authorization configuration (AUTH-*). */
  authorization?: RequestAuthorization;
  request: { headers: Record<string, string | string[]>; domainName: string | null };
  /** Errors from `util.appendError`, added to the response by the server (contract EXE-07). */
  appendedErrors: GraphQLFormattedError[];
  /** Headers from `util.http.addResponseHeader(s)`, set on the HTTP response by the server (UTIL-H1). */
  responseHeaders?: ResponseHeaders;
  /** This request's GetItem batching, created on first use (no N+1 reads for nested fields). */
  getItemLoaders?: GetItemLoaders;
  /** This request's batched Direct Lambda calls (`maxBatchSize`, EXE-16), created on first use. */
  lambdaBatchLoaders?: LambdaBatchLoaders;
  /** This request's BatchInvoke batches of Lambda data sources, created on first use. */
  lambdaInvokeBatches?: LambdaInvokeBatches;
  /** When the request must be answered by; data source calls are aborted then (src/runtime/deadline.ts). */
  deadline?: Deadline;
  /** The request's log line and resolver console routing (src/observability); absent outside the Lambda handler. */
  log?: RequestLog;
}
