/**
 * `@aws-appsync/utils/dynamodb`, AppSync's built-in DynamoDB module (contract §5, MOD-01..12):
 * pure builders of the request objects of §4. Keys and items go through `util.dynamodb.toMapValues`;
 * conditions and filters use the filter-object grammar and come out as objects, not strings;
 * absent inputs are left out of the request.
 */
import type * as Official from '@aws-appsync/utils/dynamodb';
import { filterExpression, keyCondition, mapValues, present, projection } from './dynamodb/expressions';
import { compileUpdate } from './dynamodb/update';

export { operations } from './dynamodb/update';

type Request<F extends (...args: never[]) => unknown> = ReturnType<F>;

/** A GetItem request (MOD-01). */
export const get: typeof Official.get = (payload) =>
  present({
    operation: 'GetItem',
    key: mapValues(payload.key, 'key'),
    consistentRead: payload.consistentRead,
    projection: projection(payload.projection),
  }) as Request<typeof Official.get>;

interface WritePayload {
  condition?: unknown;
  customPartitionKey?: string;
  populateIndexFields?: boolean;
  _version?: number;
}

/** The condition and conflict-detection fields every single-item write carries. */
const writeFields = (payload: WritePayload) => ({
  condition: filterExpression(payload.condition),
  customPartitionKey: payload.customPartitionKey,
  populateIndexFields: payload.populateIndexFields,
  _version: payload._version,
});

/** A PutItem request; `item` becomes `attributeValues` (MOD-02). */
export const put: typeof Official.put = (payload) =>
  present({
    operation: 'PutItem',
    key: mapValues(payload.key, 'key'),
    attributeValues: mapValues(payload.item, 'item'),
    ...writeFields(payload),
  }) as Request<typeof Official.put>;

/** A DeleteItem request (MOD-03). */
export const remove: typeof Official.remove = (payload) =>
  present({
    operation: 'DeleteItem',
    key: mapValues(payload.key, 'key'),
    ...writeFields(payload),
  }) as Request<typeof Official.remove>;

/** An UpdateItem request with the update expression compiled from the update object (MOD-04). */
export const update: typeof Official.update = (payload) =>
  present({
    operation: 'UpdateItem',
    key: mapValues(payload.key, 'key'),
    update: compileUpdate(payload.update),
    ...writeFields(payload),
  }) as Request<typeof Official.update>;

/** A Query request from a key-condition object (MOD-05). */
export const query: typeof Official.query = (payload) =>
  present({
    operation: 'Query',
    query: keyCondition(payload.query),
    index: payload.index,
    filter: filterExpression(payload.filter),
    limit: payload.limit,
    nextToken: payload.nextToken,
    scanIndexForward: payload.scanIndexForward,
    consistentRead: payload.consistentRead,
    select: payload.select,
    projection: projection(payload.projection),
  }) as Request<typeof Official.query>;

/** A Scan request (MOD-06; observed: `scan({ limit: 10, nextToken: 'abc' })` has exactly those fields). */
export const scan: typeof Official.scan = (payload) =>
  present({
    operation: 'Scan',
    index: payload.index,
    limit: payload.limit,
    filter: filterExpression(payload.filter),
    nextToken: payload.nextToken,
    consistentRead: payload.consistentRead,
    totalSegments: payload.totalSegments,
    segment: payload.segment,
    select: payload.select,
    projection: projection(payload.projection),
  }) as Request<typeof Official.scan>;

/** A Sync request (MOD-07 [N]); the data source rejects Sync, as this runtime has no versioned tables. */
export const sync: typeof Official.sync = (payload) =>
  present({
    operation: 'Sync',
    basePartitionKey: payload.basePartitionKey,
    deltaIndexName: payload.deltaIndexName,
    limit: payload.limit,
    nextToken: payload.nextToken,
    lastSync: payload.lastSync,
    filter: filterExpression(payload.filter),
  }) as Request<typeof Official.sync>;

export { batchDelete, batchGet, batchPut, transactGet, transactWrite } from './dynamodb/many';

/** `{ SS }` (MOD-10). */
export const toStringSet: typeof Official.toStringSet = (list) => ({ SS: [...list] });
/** `{ NS }`, numbers kept as given (MOD-10: the doc shows strings, `util.dynamodb` keeps numbers). */
export const toNumberSet = ((numbers: unknown[]) => ({ NS: [...numbers] })) as unknown as typeof Official.toNumberSet;
/** `{ BS }` of base64 strings (MOD-10). */
export const toBinarySet: typeof Official.toBinarySet = (values) => ({ BS: [...values] });
