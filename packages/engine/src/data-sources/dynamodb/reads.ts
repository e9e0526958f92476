/**
 * Query and Scan: pages of items with opaque, list-bound tokens (contract DDB-06, DDB-20, DDB-21,
 * DDB-23, DDB-24). A page is DynamoDB's page, as on AppSync (`limit` caps the items evaluated); its
 * `nextToken` is null when nothing follows (DDB-06), which DynamoDB alone does not tell: it returns
 * a LastEvaluatedKey whenever it stops at the limit, even on the last item; and a filtered page
 * that matched nothing while more items follow is not handed out empty (see ./read-ahead.ts).
 */
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../../core/errors';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { errorName, toDataSourceError } from './errors';
import { ExpressionAttributes, isPresent } from './expressions';
import { listBinding } from './list-binding';
import { decodeNextToken, encodeNextToken, invalidNextToken } from './pagination';
import { settlePage, type ReadFrom, type ReadOutput } from './read-ahead';
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

async function page(first: ReadOutput, call: DynamoDBCallContext, binding: string, request: Request, readFrom: ReadFrom) {
  const { output, next } = await settlePage(first, limitOf(request), isPresent(request.filter), readFrom);
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
