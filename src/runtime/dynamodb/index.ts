/**
 * The DynamoDB data source: runs an AppSync request object (contract §4) through
 * `@aws-sdk/lib-dynamodb` and returns `ctx.result`/`ctx.error` as AppSync would.
 */
import { MappingTemplateError } from '../errors';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { query, scan } from './reads';
import { deleteItem, getItem, putItem, updateItem } from './single-item';

export type { DataSourceOutcome, DynamoDBCallContext } from './context';

type Operation = (request: Record<string, unknown>, call: DynamoDBCallContext) => Promise<DataSourceOutcome>;

const operations: Record<string, Operation> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
};

/** Strips `undefined` fields and the ignored `version` (DDB-04), then dispatches on `operation`. */
export async function runDynamoDBRequest(request: unknown, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new MappingTemplateError('The request handler must return a DynamoDB request object');
  }
  const cleaned = Object.fromEntries(Object.entries(request).filter(([key, value]) => value !== undefined && key !== 'version'));
  const operation = operations[String(cleaned.operation)];
  if (!operation) {
    throw new MappingTemplateError(`Unsupported DynamoDB operation ${JSON.stringify(cleaned.operation)}; expected one of ${Object.keys(operations).join(', ')}`);
  }
  return operation(cleaned, call);
}
