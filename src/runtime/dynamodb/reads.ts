/**
 * Query and Scan: pages of items with opaque, list-bound tokens (contract DDB-06, DDB-20, DDB-21,
 * DDB-23, DDB-24). A page is DynamoDB's page, as on AppSync (`limit` caps the items evaluated); its
 * `nextToken` is null when nothing follows (DDB-06), which DynamoDB alone does not tell: it returns
 * a LastEvaluatedKey whenever it stops at the limit, even on the last item. See {@link readAhead}.
 * A filtered page that matched nothing while more items follow is not handed out empty: the next
 * range of `limit` items is read instead (see {@link skipEmpty}).
 */
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../errors';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { errorName, toDataSourceError } from './errors';
import { ExpressionAttributes, isPresent } from './expressions';
import { listBinding } from './list-binding';
import { decodeNextToken, encodeNextToken, invalidNextToken } from './pagination';
import { itemResult, type NativeItem } from './typed';

type Request = Record<string, unknown>;

const SELECTS = new Set(['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT']);

function limitOf(request: Request): number | undefined {
  const { limit } = request;
  if (!isPresent(limit)) return undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new MappingTemplateError(`limit must be a positive integer, got ${JSON.stringify(limit)}`);
  }
  return limit;
}

/** The parameters Query and Scan share. */
function commonParams(request: Request, call: DynamoDBCallContext, attributes: ExpressionAttributes, binding: string) {
  if (isPresent(request.select) && !SELECTS.has(String(request.select))) {
    throw new MappingTemplateError(`select must be one of ${[...SELECTS].join(', ')}`);
  }
  return {
    TableName: call.tableName,
    ...(isPresent(request.index) ? { IndexName: String(request.index) } : {}),
    Limit: limitOf(request),
    ConsistentRead: request.consistentRead === true,
    ExclusiveStartKey: decodeNextToken(request.nextToken, call, binding),
    ...(isPresent(request.select) ? { Select: request.select as 'ALL_ATTRIBUTES' } : {}),
    ...(isPresent(request.filter) ? { FilterExpression: attributes.add(request.filter, 'filter') } : {}),
    ...(isPresent(request.projection) ? { ProjectionExpression: attributes.add(request.projection, 'projection') } : {}),
  };
}

type Output = { Items?: NativeItem[]; Count?: number; LastEvaluatedKey?: NativeItem; ScannedCount?: number };
/** Reads the same list (same request) from `startKey`, `limit` items evaluated. */
type ReadFrom = (startKey: NativeItem, limit: number) => Promise<Output>;

/** Extra reads a filtered page may make past its end, per purpose (skipping empty ranges, looking ahead). */
export const MAX_READ_AHEADS = 3;
/** Items a filtered page's extra read evaluates (at least the page's `limit`). */
export const READ_AHEAD_ITEMS = 100;

/**
 * Where the next page starts, or undefined when nothing follows. Called when a page with a `limit`
 * ended with a LastEvaluatedKey. Without a filter, one item read from that key tells whether the
 * list goes on. With a filter, the following items are read with it: a match means the next page
 * is not empty; no match and no more items means this was the last page; no match with more items
 * moves the start past the range known to hold no match, up to {@link MAX_READ_AHEADS} times. A
 * failed read-ahead keeps DynamoDB's key: the page is still right, only its token may lead to an
 * empty page.
 */
async function readAhead(lastEvaluatedKey: NativeItem, limit: number, filtered: boolean, readFrom: ReadFrom): Promise<NativeItem | undefined> {
  let start = lastEvaluatedKey;
  for (let round = 0; round < (filtered ? MAX_READ_AHEADS : 1); round += 1) {
    let ahead: Output;
    try {
      ahead = await readFrom(start, filtered ? Math.max(limit, READ_AHEAD_ITEMS) : 1);
    } catch {
      return start;
    }
    if ((ahead.Count ?? ahead.Items?.length ?? 0) > 0) return start;
    if (!ahead.LastEvaluatedKey) return undefined;
    start = ahead.LastEvaluatedKey;
  }
  return start;
}

/** The key of `item`, named as DynamoDB names this list's keys; undefined if the item lacks one (a projection left it out). */
function keyOf(item: NativeItem, names: string[]): NativeItem | undefined {
  const key: NativeItem = {};
  for (const name of names) {
    if (item[name] === undefined) return undefined;
    key[name] = item[name];
  }
  return key;
}

/**
 * A filtered page with no match and more items after it is replaced by the matches of the next
 * {@link READ_AHEAD_ITEMS} items, up to {@link MAX_READ_AHEADS} times, so the caller is not sent an
 * empty page to ask past. Past `limit` matches the page ends at its last item (a key built from it
 * with the names of DynamoDB's own LastEvaluatedKey). `scannedCount` adds up the items evaluated.
 */
async function skipEmpty(output: Output, limit: number, readFrom: ReadFrom): Promise<Output> {
  const names = Object.keys(output.LastEvaluatedKey ?? {});
  let current = output;
  let scanned = output.ScannedCount ?? 0;
  for (let round = 0; round < MAX_READ_AHEADS && current.LastEvaluatedKey && (current.Items ?? []).length === 0; round += 1) {
    const range = await readFrom(current.LastEvaluatedKey, Math.max(limit, READ_AHEAD_ITEMS));
    const items = range.Items ?? [];
    const cut = items.length > limit ? keyOf(items[limit - 1]!, names) : undefined;
    if (items.length > limit && !cut) {
      // No key to end the page at: read this range again in pages of the caller's size.
      current = await readFrom(current.LastEvaluatedKey, limit);
      scanned += current.ScannedCount ?? 0;
      continue;
    }
    current = cut ? { Items: items.slice(0, limit), LastEvaluatedKey: cut } : range;
    scanned += range.ScannedCount ?? 0;
  }
  return { ...current, ScannedCount: scanned };
}

async function page(first: Output, call: DynamoDBCallContext, binding: string, request: Request, readFrom: ReadFrom) {
  const limit = limitOf(request);
  const filtered = isPresent(request.filter);
  const output = filtered && limit !== undefined ? await skipEmpty(first, limit, readFrom) : first;
  let next = output.LastEvaluatedKey;
  if (next && limit !== undefined) next = await readAhead(next, limit, filtered, readFrom);
  return {
    items: (output.Items ?? []).map((item) => itemResult(item)),
    nextToken: encodeNextToken(next, call, binding),
    scannedCount: output.ScannedCount ?? 0,
  };
}

// DynamoDB's words for a start key that does not fit the request (another partition, range or key schema).
const START_KEY_REJECTED = /starting key|exclusive ?start ?key/i;

/**
 * `ctx.error` for a failed read. A token is bound to its list, so DynamoDB refusing its key means
 * the table's keys changed under it (an index redefined): still the caller's `InvalidNextToken`.
 */
function failure(cause: unknown, startKey: NativeItem | undefined): DataSourceOutcome {
  if (startKey && errorName(cause) === 'ValidationException' && START_KEY_REJECTED.test(String((cause as Error).message))) {
    throw invalidNextToken(cause);
  }
  return { result: null, error: toDataSourceError(cause) };
}

export async function query(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  if (!isPresent(request.query)) throw new MappingTemplateError('Query requires query (the key condition)');
  const attributes = new ExpressionAttributes();
  const KeyConditionExpression = attributes.add(request.query, 'query');
  const binding = listBinding('Query', request, call.tableName);
  const params = commonParams(request, call, attributes, binding);
  const input = { ...params, KeyConditionExpression, ScanIndexForward: request.scanIndexForward !== false, ...attributes.params() };
  const readFrom: ReadFrom = (ExclusiveStartKey, Limit) => call.client.send(new QueryCommand({ ...input, ExclusiveStartKey, Limit }), { abortSignal: call.abortSignal });
  try {
    const output = await call.client.send(new QueryCommand(input), { abortSignal: call.abortSignal });
    return { result: await page(output, call, binding, request, readFrom) };
  } catch (cause) {
    return failure(cause, params.ExclusiveStartKey);
  }
}

export async function scan(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const attributes = new ExpressionAttributes();
  const binding = listBinding('Scan', request, call.tableName);
  const params = commonParams(request, call, attributes, binding);
  const segmented = isPresent(request.segment) || isPresent(request.totalSegments);
  if (segmented && !(Number.isInteger(request.segment) && Number.isInteger(request.totalSegments))) {
    throw new MappingTemplateError('segment and totalSegments must be given together, as integers');
  }
  const input = {
    ...params,
    ...(segmented ? { Segment: request.segment as number, TotalSegments: request.totalSegments as number } : {}),
    ...attributes.params(),
  };
  const readFrom: ReadFrom = (ExclusiveStartKey, Limit) => call.client.send(new ScanCommand({ ...input, ExclusiveStartKey, Limit }), { abortSignal: call.abortSignal });
  try {
    const output = await call.client.send(new ScanCommand(input), { abortSignal: call.abortSignal });
    return { result: await page(output, call, binding, request, readFrom) };
  } catch (cause) {
    return failure(cause, params.ExclusiveStartKey);
  }
}
