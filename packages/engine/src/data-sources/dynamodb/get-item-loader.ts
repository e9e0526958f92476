/**
 * GetItem coalescing: within one GraphQL request, GetItem calls issued in the same tick for the
 * same table, read consistency and projection become BatchGetItem calls (one DataLoader per such
 * combination), so a list whose items each resolve a nested field by GetItem costs one round trip,
 * not one per item. Resolver code is unchanged, and every caller still gets GetItem's own result
 * or `ctx.error` shape.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { canonical } from './canonical';
import { DataSourceFailure, errorName, toDataSourceError } from './errors';
import type { ExpressionObject } from './expressions';
import { fetchKeys, MAX_KEYS_PER_CALL } from './key-fetcher';
import type { NativeItem } from './typed';

interface ReadOptions {
  tableName: string;
  consistentRead: boolean;
  projection?: ExpressionObject;
}

type Loaded = NativeItem | null;

/** One GetItem, as the resolver asked for it; failures become that resolver's `ctx.error`. */
async function getOne(client: DynamoDBDocumentClient, options: ReadOptions, key: NativeItem, abortSignal?: AbortSignal): Promise<Loaded | Error> {
  try {
    const { projection } = options;
    const { Item } = await client.send(
      new GetCommand({
        TableName: options.tableName,
        Key: key,
        ConsistentRead: options.consistentRead,
        ...(projection ? { ProjectionExpression: projection.expression } : {}),
        ...(projection?.expressionNames && Object.keys(projection.expressionNames).length ? { ExpressionAttributeNames: projection.expressionNames } : {}),
      }),
      { abortSignal },
    );
    return Item ?? null;
  } catch (cause) {
    return new DataSourceFailure(toDataSourceError(cause));
  }
}

async function loadBatch(client: DynamoDBDocumentClient, options: ReadOptions, keys: readonly NativeItem[], abortSignal?: AbortSignal): Promise<Array<Loaded | Error>> {
  const unique = new Map(keys.map((key) => [canonical(key), key]));
  const one = (key: NativeItem) => getOne(client, options, key, abortSignal);
  if (unique.size === 1) {
    const loaded = await one(keys[0]!);
    return keys.map(() => loaded);
  }
  let results;
  try {
    results = await fetchKeys(client, [{ ...options, keys: [...unique.values()] }], abortSignal);
  } catch (cause) {
    // One malformed key fails a whole batch; asked one by one, only that resolver sees the error.
    if (errorName(cause) === 'ValidationException') return Promise.all(keys.map(one));
    const failure = new DataSourceFailure(toDataSourceError(cause));
    return keys.map(() => failure);
  }
  const byId = new Map<string, Loaded | Error>();
  [...unique.keys()].forEach((id, i) => byId.set(id, results.items[0]![i] ?? null));
  // Keys DynamoDB left unprocessed after the retries are read singly, with the SDK's own retries.
  await Promise.all(results.unprocessed[0]!.map(async (key) => byId.set(canonical(key), await one(key))));
  return keys.map((key) => byId.get(canonical(key)) ?? null);
}

/** The GetItem loaders of one GraphQL request; create one per request, never share across requests. */
export class GetItemLoaders {
  readonly #loaders = new Map<string, DataLoader<NativeItem, Loaded>>();

  /** `abortSignal`: the request's deadline, which every read of these loaders obeys. */
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly abortSignal?: AbortSignal,
  ) {}

  /** The item, null when absent; rejects with a `DataSourceFailure` carrying GetItem's `ctx.error`. */
  load(options: ReadOptions, key: NativeItem): Promise<Loaded> {
    const id = canonical([options.tableName, options.consistentRead, options.projection?.expression ?? null, options.projection?.expressionNames ?? null]);
    let loader = this.#loaders.get(id);
    if (!loader) {
      // No cache: a later read in the same request (after a mutation) must see fresh data.
      loader = new DataLoader((keys) => loadBatch(this.client, options, keys, this.abortSignal), { cache: false, maxBatchSize: MAX_KEYS_PER_CALL });
      this.#loaders.set(id, loader);
    }
    return loader.load(key);
  }
}
