/** The BatchGetItem operation (contract DDB-30, DDB-33, GAP-01, LIM-11). */
import { MappingTemplateError } from '../../core/errors';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { toDataSourceError, unprocessedError } from './errors';
import { isPresent, parseExpression } from './expressions';
import { fetchKeys, MAX_KEYS_PER_CALL, type KeyRequest } from './key-fetcher';
import { keyList, tableEntries } from './tables';
import { fromTypedMap, itemResult } from './typed';

type Request = Record<string, unknown>;

function keyRequest(name: string, tableName: string, payload: unknown): KeyRequest {
  const where = `tables.${name}`;
  const keys = keyList(payload, where).map((key, i) => fromTypedMap(key, `${where}.keys[${i}]`));
  const options = Array.isArray(payload) ? {} : (payload as { consistentRead?: unknown; projection?: unknown });
  if (isPresent(options.consistentRead) && typeof options.consistentRead !== 'boolean') {
    throw new MappingTemplateError(`${where}.consistentRead must be a boolean`);
  }
  return {
    tableName,
    keys,
    consistentRead: options.consistentRead === true,
    ...(isPresent(options.projection) ? { projection: parseExpression(options.projection, `${where}.projection`) } : {}),
  };
}

/**
 * `{ data: { [table]: (item | null)[] }, unprocessedKeys: { [table]: key[] } }`, keyed by the
 * table names the request used; `ctx.error` is set when keys remain unprocessed after retries.
 */
export async function batchGetItem(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const tables = tableEntries(request, call);
  const requests = tables.map(([name, real, payload]) => keyRequest(name, real, payload));
  const total = requests.reduce((sum, { keys }) => sum + keys.length, 0);
  if (total > MAX_KEYS_PER_CALL) {
    throw new MappingTemplateError(`BatchGetItem accepts at most ${MAX_KEYS_PER_CALL} keys, got ${total}`);
  }
  let results;
  try {
    results = await fetchKeys(call.client, requests, call.abortSignal);
  } catch (cause) {
    return { result: null, error: toDataSourceError(cause) };
  }
  const data: Record<string, unknown[]> = {};
  const unprocessedKeys: Record<string, unknown[]> = {};
  for (const [i, [name]] of tables.entries()) {
    data[name] = results.items[i]!.map((item) => itemResult(item));
    unprocessedKeys[name] = results.unprocessed[i]!.map((key) => itemResult(key));
  }
  const partial = Object.values(unprocessedKeys).some((keys) => keys.length > 0);
  const error = results.error !== undefined ? toDataSourceError(results.error) : partial ? unprocessedError('keys') : undefined;
  return { result: { data, unprocessedKeys }, ...(error ? { error } : {}) };
}
