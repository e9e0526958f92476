/**
 * The DynamoDB data source: runs an AppSync request object (contract §4) through
 * `@aws-sdk/lib-dynamodb` and returns `ctx.result`/`ctx.error` as AppSync would.
 */
import { MappingTemplateError, UnsupportedError } from '../../core/errors';
import { batchGetItem } from './batch-get';
import { batchDeleteItem, batchPutItem } from './batch-write';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { query, scan } from './reads';
import { deleteItem, getItem, putItem, updateItem } from './single-item';
import { transactGetItems } from './transact-get';
import { transactWriteItems } from './transact-write';

export type { DataSourceOutcome, DynamoDBCallContext } from './context';
export { GetItemLoaders } from './get-item-loader';

type Operation = (request: Record<string, unknown>, call: DynamoDBCallContext) => Promise<DataSourceOutcome>;

const operations: Record<string, Operation> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

/** Strips `undefined` fields and the ignored `version` (DDB-04), then dispatches on `operation`. */
export async function runDynamoDBRequest(request: unknown, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new MappingTemplateError('The request handler must return a DynamoDB request object');
  }
  const cleaned = Object.fromEntries(Object.entries(request).filter(([key, value]) => value !== undefined && key !== 'version'));
  if (cleaned.operation === 'Sync') {
    // Sync reads the delta table of a versioned data source (DDB-22, DDB-51).
    throw new UnsupportedError('The DynamoDB Sync operation', 'it needs a versioned (conflict detection) data source');
  }
  const operation = Object.hasOwn(operations, String(cleaned.operation)) ? operations[String(cleaned.operation)] : undefined;
  if (!operation) {
    throw new MappingTemplateError(`Unsupported DynamoDB operation ${JSON.stringify(cleaned.operation)}; expected one of ${Object.keys(operations).join(', ')}`);
  }
  return operation(cleaned, call);
}
