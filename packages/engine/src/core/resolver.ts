/**
 * How a schema coordinate is resolved: a unit resolver (one module, one data source), a pipeline
 * (before/after module around up to 10 functions), as configured on AppSync, or a Direct Lambda
 * resolver (a Lambda-style `handler(event)` run in-process with AppSync's Direct Lambda event).
 */
import type { Context } from '@aws-appsync/utils';
import type { AppSyncResolverEvent, Context as LambdaContext } from 'aws-lambda';

/** An AppSync JS module: `request(ctx)` builds the data-source request, `response(ctx)` shapes the result. */
export interface ResolverModule {
  request(ctx: Context): unknown;
  response(ctx: Context): unknown;
}

/**
 * A Direct Lambda resolver module: exports `handler`, typed as `AppSyncResolverHandler` from
 * `@types/aws-lambda`. Async handlers and callback-style handlers are both accepted.
 */
export interface LambdaResolverModule {
  // `any` here so that a handler typed with concrete argument/source types is accepted (bivariance).
  handler(event: AppSyncResolverEvent<any, any>, context: LambdaContext, callback: (error?: unknown, result?: unknown) => void): unknown;
}

/**
 * A batched Direct Lambda resolver module (AppSync's `BatchInvoke`): `handler` gets an array of
 * events and returns an array of results in the same order, as typed by
 * `AppSyncBatchResolverHandler` from `@types/aws-lambda`.
 */
export interface LambdaBatchResolverModule {
  handler(events: AppSyncResolverEvent<any, any>[], context: LambdaContext, callback: (error?: unknown, result?: unknown) => void): unknown;
}

/** Options of a Direct Lambda resolver: `maxBatchSize` turns on batching (contract EXE-16, LIM-08). */
export interface LambdaResolverOptions {
  /** Events per handler call, 1..2,000 (LIM-08); the resolver's calls in one request are batched. */
  maxBatchSize: number;
}

/** AppSync's largest `maxBatchSize` for a Lambda resolver (contract LIM-08). */
export const MAX_LAMBDA_BATCH_SIZE = 2000;

/**
 * A remote Lambda function as a data source (AppSync's `AWS_LAMBDA`, lambda/): the
 * function's name or ARN; `maxBatchSize` bounds the calls per `BatchInvoke` (1..2,000, LIM-08).
 */
export interface LambdaDataSource {
  kind: 'LAMBDA';
  functionName: string;
  maxBatchSize?: number;
}

/** Credentials to sign with; when a data source gives none, the default provider chain is used. */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** AppSync's `authorizationConfig` of an HTTP data source: SigV4 signing for an AWS service endpoint. */
export interface HttpAuthorizationConfig {
  authorizationType: 'AWS_IAM';
  awsIamConfig: { signingRegion: string; signingServiceName: string };
}

export interface HttpDataSourceOptions {
  /** The data source's name on AppSync (`[A-Za-z_][A-Za-z0-9_]*`); by default derived from the endpoint's host. */
  name?: string;
  authorizationConfig?: HttpAuthorizationConfig;
  /**
   * What to sign with, in place of AppSync's service role: fixed credentials or a provider. When
   * omitted, the default provider chain (the Lambda's execution role) is used.
   */
  credentials?: SigningCredentials | (() => Promise<SigningCredentials>);
  /** Milliseconds one call may take, from connecting to the last byte of the answer. */
  timeoutMs?: number;
  /** The largest answer body read, in bytes; a longer one fails the call (`ResponseTooLarge`). */
  maxResponseBytes?: number;
}

/** An HTTP data source attached to a resolver or function (`httpDataSource` in data-sources/http). */
export interface HttpDataSourceRef extends HttpDataSourceOptions {
  kind: 'HTTP';
  endpoint: string;
}

/** A data source as attached on AppSync: a DynamoDB table (by logical name), a Lambda function, NONE, or an HTTP endpoint (`httpDataSource`). */
export type DataSourceRef = { kind: 'DYNAMODB'; table: string } | LambdaDataSource | { kind: 'NONE' } | HttpDataSourceRef;

/** The main table of the API (its real name comes from the environment). */
export const TABLE: DataSourceRef = { kind: 'DYNAMODB', table: 'main' };
/** AppSync's NONE data source: `ctx.result` is the request's `payload` (contract EXE-04). */
export const NONE: DataSourceRef = { kind: 'NONE' };

/** A DynamoDB data source on the table configured under `name` (`DATA_SOURCE_TABLES`; `main` is TABLE_NAME). */
export function dynamoDBDataSource(name: string): DataSourceRef {
  if (name === '') throw new Error('A DynamoDB data source needs the name of a configured table');
  return { kind: 'DYNAMODB', table: name };
}

/** One step of a pipeline: a JS function on a data source, or a Direct Lambda function. */
export type PipelineFunction =
  | { kind: 'JS'; name: string; module: ResolverModule; dataSource: DataSourceRef }
  | { kind: 'LAMBDA'; name: string; module: LambdaResolverModule };

export type ResolverDefinition =
  | { kind: 'UNIT'; module: ResolverModule; dataSource: DataSourceRef }
  | { kind: 'PIPELINE'; module: ResolverModule; functions: readonly PipelineFunction[] }
  | { kind: 'LAMBDA'; module: LambdaResolverModule; maxBatchSize?: undefined }
  | { kind: 'LAMBDA'; module: LambdaBatchResolverModule; maxBatchSize: number };

/** AppSync's hard limit on functions per pipeline resolver (contract LIM-05). */
export const MAX_PIPELINE_FUNCTIONS = 10;

/** A unit resolver: `request` → data source → `response` (contract EXE-02). */
export function unit(module: ResolverModule, dataSource: DataSourceRef = TABLE): ResolverDefinition {
  return { kind: 'UNIT', module, dataSource };
}

/** A pipeline function that keeps its name in its type, so a function table can be typed by name. */
export type NamedPipelineFunction<N extends string = string> = PipelineFunction & { readonly name: N };

/** A pipeline function running a JS module against a data source (contract EXE-03). */
export function fn<N extends string>(name: N, module: ResolverModule, dataSource: DataSourceRef = TABLE): NamedPipelineFunction<N> {
  return { kind: 'JS', name, module, dataSource };
}

/** A pipeline function backed by a Direct Lambda handler: its return value is the function's result. */
export function lambdaFn<N extends string>(name: N, module: LambdaResolverModule): NamedPipelineFunction<N> {
  return { kind: 'LAMBDA', name, module };
}

/** A pipeline resolver: `request` (before) → 1..10 functions → `response` (after) (contract EXE-03, LIM-05). */
export function pipeline(module: ResolverModule, functions: readonly PipelineFunction[]): ResolverDefinition {
  if (functions.length === 0 || functions.length > MAX_PIPELINE_FUNCTIONS) {
    throw new Error(`A pipeline resolver needs 1 to ${MAX_PIPELINE_FUNCTIONS} functions, got ${functions.length}`);
  }
  return { kind: 'PIPELINE', module, functions };
}

/**
 * A Direct Lambda resolver: `module.handler(event)` runs in-process with AppSync's Direct Lambda
 * event and its resolved value becomes the field value (see data-sources/lambda/direct.ts for errors). With
 * `maxBatchSize`, the handler gets arrays of events instead (data-sources/lambda/direct-batch.ts); a size
 * outside 1..2,000 throws here, at cold start (LIM-08).
 */
export function lambda(module: LambdaResolverModule): ResolverDefinition;
export function lambda(module: LambdaBatchResolverModule, options: LambdaResolverOptions): ResolverDefinition;
export function lambda(module: LambdaResolverModule | LambdaBatchResolverModule, options?: LambdaResolverOptions): ResolverDefinition {
  if (options === undefined) return { kind: 'LAMBDA', module: module as LambdaResolverModule };
  const { maxBatchSize } = options;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1 || maxBatchSize > MAX_LAMBDA_BATCH_SIZE) {
    throw new Error(`A Lambda resolver's maxBatchSize must be an integer from 1 to ${MAX_LAMBDA_BATCH_SIZE}, got ${String(maxBatchSize)}`);
  }
  return { kind: 'LAMBDA', module: module as LambdaBatchResolverModule, maxBatchSize };
}
