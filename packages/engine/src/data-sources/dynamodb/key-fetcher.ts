/**
 * Reads many keys from one or more tables with BatchGetItem: duplicate keys are fetched once,
 * at most 100 keys go in one call, unprocessed keys are retried with backoff, and the items are
 * mapped back to the order of the keys. Shared by the BatchGetItem operation (DDB-30) and the
 * GetItem coalescing that keeps nested fields free of N+1 calls.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canonical, keyPart } from './canonical';
import type { ExpressionObject } from './expressions';
import { nonEmpty, sendWithRetries } from './retry';
import type { NativeItem } from './typed';

/** The keys to read from one table; each table may appear once per call to `fetchKeys`. */
export interface KeyRequest {
  tableName: string;
  keys: readonly NativeItem[];
  consistentRead: boolean;
  projection?: ExpressionObject;
}

export interface KeyResults {
  /** Per request, in key order: the item, or undefined when it does not exist or was not processed. */
  items: Array<Array<NativeItem | undefined>>;
  /** Per request: the keys still unprocessed after the retries, in request order, each once. */
  unprocessed: NativeItem[][];
  /** The failure of a retry that ended the retries early (its keys are in `unprocessed`). */
  error?: unknown;
}

/** DynamoDB's limit on keys in one BatchGetItem call (LIM-11). */
export const MAX_KEYS_PER_CALL = 100;

type TableParams = { ConsistentRead: boolean; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> };
type RequestItems = Record<string, TableParams & { Keys: NativeItem[] }>;

/**
 * The projection plus the key attributes, which BatchGetItem needs back to match items to keys;
 * `added` lists those the resolver did not ask for, removed again from the results.
 */
function tableParams(request: KeyRequest, keyNames: readonly string[]): { params: TableParams; added: string[] } {
  const { projection } = request;
  if (!projection) return { params: { ConsistentRead: request.consistentRead }, added: [] };
  const names: Record<string, string> = { ...(projection.expressionNames ?? {}) };
  const projected = new Set(
    projection.expression.split(',').map((path) => {
      const head = path.trim().split(/[.[]/)[0] ?? '';
      return names[head] ?? head;
    }),
  );
  const added = keyNames.filter((name) => !projected.has(name));
  const placeholders = added.map((name, i) => {
    let placeholder = `#batchKey${i}`;
    while (placeholder in names) placeholder += 'x';
    names[placeholder] = name;
    return placeholder;
  });
  const expression = [projection.expression, ...placeholders].join(', ');
  return {
    params: { ConsistentRead: request.consistentRead, ProjectionExpression: expression, ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}) },
    added,
  };
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function fetchKeys(client: DynamoDBDocumentClient, requests: readonly KeyRequest[], abortSignal?: AbortSignal): Promise<KeyResults> {
  const plans = requests.map((request) => {
    const keyNames = Object.keys(request.keys[0] ?? {});
    const unique = new Map(request.keys.map((key) => [canonical(key), key]));
    return { request, keyNames, unique, ...tableParams(request, keyNames), found: new Map<string, NativeItem>(), left: new Set<string>() };
  });
  const byTable = new Map(plans.map((plan) => [plan.request.tableName, plan]));
  const entries = plans.flatMap((plan) => [...plan.unique.values()].map((key) => ({ plan, key })));
  let error: unknown;

  await Promise.all(
    chunks(entries, MAX_KEYS_PER_CALL).map(async (chunk) => {
      const first: RequestItems = {};
      for (const { plan, key } of chunk) {
        (first[plan.request.tableName] ??= { ...plan.params, Keys: [] }).Keys.push(key);
      }
      const outcome = await sendWithRetries(first, abortSignal, async (pending) => {
        const output = await client.send(new BatchGetCommand({ RequestItems: pending }), { abortSignal });
        for (const [table, items] of Object.entries(output.Responses ?? {})) {
          const plan = byTable.get(table);
          for (const item of items) plan?.found.set(canonical(keyPart(item, plan.keyNames)), item);
        }
        return nonEmpty(output.UnprocessedKeys as RequestItems | undefined);
      });
      error ??= outcome.error;
      for (const [table, { Keys }] of Object.entries(outcome.remainder ?? {})) {
        for (const key of Keys ?? []) byTable.get(table)?.left.add(canonical(key));
      }
    }),
  );

  return {
    items: plans.map(({ request, found, added }) =>
      request.keys.map((key) => {
        const item = found.get(canonical(key));
        if (!item || added.length === 0) return item;
        return Object.fromEntries(Object.entries(item).filter(([name]) => !added.includes(name)));
      }),
    ),
    unprocessed: plans.map(({ unique, left }) => [...unique].filter(([id]) => left.has(id)).map(([, key]) => key)),
    ...(error === undefined ? {} : { error }),
  };
}
