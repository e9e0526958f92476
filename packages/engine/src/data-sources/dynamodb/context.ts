/** What a DynamoDB data source needs to run one request object. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DataSourceError } from './errors';
import type { GetItemLoaders } from './get-item-loader';
import type { TokenScope } from './pagination';

export interface DynamoDBCallContext extends TokenScope {
  client: DynamoDBDocumentClient;
  /** The table of the data source attached to the resolver or function (DDB-05). */
  tableName: string;
  /** Logical table names (or deploy-time placeholders) to real names, for batch and transaction requests. */
  tables: Readonly<Record<string, string>>;
  /** Aborts the call when the request's deadline passes (core/deadline.ts). */
  abortSignal?: AbortSignal;
  /** The request's GetItem batching; without it every GetItem is its own call. */
  getItems?: GetItemLoaders;
}

/** `ctx.result` and `ctx.error` after the call: errors are data here, not exceptions (EXE-08). */
export interface DataSourceOutcome {
  result: unknown;
  error?: DataSourceError;
}
