/** BatchPutItem and BatchDeleteItem over BatchWriteItem (contract DDB-31, DDB-32, DDB-33, LIM-11). */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../../core/errors';
import { canonical } from './canonical';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { toDataSourceError, unprocessedError } from './errors';
import { nonEmpty, sendWithRetries } from './retry';
import { keyList, tableEntries } from './tables';
import { fromTypedMap, itemResult, type NativeItem } from './typed';

type Request = Record<string, unknown>;
type WriteRequest = { PutRequest?: { Item: NativeItem }; DeleteRequest?: { Key: NativeItem } };
type RequestItems = Record<string, WriteRequest[]>;

/** DynamoDB's limit on requests in one BatchWriteItem call (LIM-11). */
export const MAX_WRITES_PER_CALL = 25;

interface TableWrites {
  name: string;
  tableName: string;
  /** The items to put, or the keys to delete, in request order. */
  values: NativeItem[];
}

function checkLimit(operation: string, writes: readonly TableWrites[]): void {
  const total = writes.reduce((sum, { values }) => sum + values.length, 0);
  if (total > MAX_WRITES_PER_CALL) throw new MappingTemplateError(`${operation} accepts at most ${MAX_WRITES_PER_CALL} items, got ${total}`);
}

/**
 * Writes everything, retrying what DynamoDB leaves unprocessed; resolves to the canonical form of
 * each value still unprocessed, per real table name, and the error that ended the retries early.
 */
async function writeAll(call: DynamoDBCallContext, writes: readonly TableWrites[], kind: 'put' | 'delete'): Promise<{ left: Map<string, Set<string>>; error?: unknown }> {
  const first: RequestItems = {};
  for (const { tableName, values } of writes) {
    if (values.length === 0) continue;
    first[tableName] = values.map((value) => (kind === 'put' ? { PutRequest: { Item: value } } : { DeleteRequest: { Key: value } }));
  }
  const left = new Map<string, Set<string>>();
  if (Object.keys(first).length === 0) return { left };
  const { remainder, error } = await sendWithRetries(first, call.abortSignal, async (pending) => {
    const output = await call.client.send(new BatchWriteCommand({ RequestItems: pending }), { abortSignal: call.abortSignal });
    return nonEmpty(output.UnprocessedItems as RequestItems | undefined);
  });
  for (const [table, requests] of Object.entries(remainder ?? {})) {
    const ids = new Set(requests.map((request) => canonical(request.PutRequest?.Item ?? request.DeleteRequest?.Key)));
    left.set(table, ids);
  }
  return { left, error };
}

/** Runs the writes and shapes AppSync's result: `data` in request order (null when unprocessed) and the unprocessed list. */
async function batchWrite(call: DynamoDBCallContext, writes: readonly TableWrites[], kind: 'put' | 'delete'): Promise<DataSourceOutcome> {
  let written: Awaited<ReturnType<typeof writeAll>>;
  try {
    written = await writeAll(call, writes, kind);
  } catch (cause) {
    return { result: null, error: toDataSourceError(cause) };
  }
  const { left } = written;
  const data: Record<string, unknown[]> = {};
  const unprocessed: Record<string, unknown[]> = {};
  for (const { name, tableName, values } of writes) {
    const ids = left.get(tableName);
    data[name] = values.map((value) => (ids?.has(canonical(value)) ? null : itemResult(value)));
    unprocessed[name] = values.filter((value) => ids?.has(canonical(value))).map((value) => itemResult(value));
  }
  const unprocessedField = kind === 'put' ? 'unprocessedItems' : 'unprocessedKeys';
  const error =
    written.error !== undefined ? toDataSourceError(written.error) : left.size > 0 ? unprocessedError(kind === 'put' ? 'items' : 'keys') : undefined;
  return { result: { data, [unprocessedField]: unprocessed }, ...(error ? { error } : {}) };
}

/** `tables: { [table]: item[] }`; each item is complete, keys included. */
export async function batchPutItem(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const writes = tableEntries(request, call).map(([name, tableName, payload]) => {
    if (!Array.isArray(payload)) throw new MappingTemplateError(`tables.${name} must be a list of items`);
    return { name, tableName, values: payload.map((item, i) => fromTypedMap(item, `tables.${name}[${i}]`)) };
  });
  checkLimit('BatchPutItem', writes);
  return batchWrite(call, writes, 'put');
}

/** `tables: { [table]: key[] }` or `{ [table]: { keys } }` (GAP-01); `data` lists the keys. */
export async function batchDeleteItem(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const writes = tableEntries(request, call).map(([name, tableName, payload]) => ({
    name,
    tableName,
    values: keyList(payload, `tables.${name}`).map((key, i) => fromTypedMap(key, `tables.${name}[${i}]`)),
  }));
  checkLimit('BatchDeleteItem', writes);
  return batchWrite(call, writes, 'delete');
}
