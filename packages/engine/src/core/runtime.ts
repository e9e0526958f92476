/**
 * What every request's data sources use, built once per container by the engine: the DynamoDB
 * client and table names, the pagination secret, `ctx.env`, and the Lambda invoker. The invoker's
 * interface lives here so the core knows it; data-sources/lambda/invoker.ts implements it.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface LambdaInvokeCall {
  functionName: string;
  payload: unknown;
  invocationType: 'RequestResponse' | 'Event';
  abortSignal?: AbortSignal;
}

/** What Lambda answered: the raw payload text, and `FunctionError` when the function failed. */
export interface LambdaInvokeAnswer {
  statusCode?: number;
  functionError?: string;
  payload: string;
  requestId?: string;
}

export interface LambdaInvoker {
  invoke(call: LambdaInvokeCall): Promise<LambdaInvokeAnswer>;
}

export interface RuntimeConfig {
  client: DynamoDBDocumentClient;
  /** DynamoDB data source names to real table names (contract DDB-05). */
  tables: Readonly<Record<string, string>>;
  /** Secret the pagination tokens' encryption key is derived from. */
  tokenSecret: string;
  /** `ctx.env` (contract CTX-10). */
  env: Readonly<Record<string, string>>;
  /** Calls Lambda data sources' functions (data-sources/lambda/invoker.ts); default settings when absent. */
  lambda?: LambdaInvoker;
}
