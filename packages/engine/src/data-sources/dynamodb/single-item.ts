/** GetItem, PutItem, UpdateItem, DeleteItem with AppSync's condition semantics (DDB-10..14). */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../../core/errors';
import { conditionOf, outcomeOfFailedWrite, sameItem } from './conditions';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { DataSourceFailure, toDataSourceError } from './errors';
import { ExpressionAttributes, isPresent, parseExpression } from './expressions';
import { fromTypedMap, itemResult, type NativeItem } from './typed';

type Request = Record<string, unknown>;

function keyOf(request: Request): NativeItem {
  if (!isPresent(request.key)) throw new MappingTemplateError(`${String(request.operation)} requires a key`);
  return fromTypedMap(request.key, 'key');
}

function rejectConflictDetection(request: Request): void {
  for (const field of ['_version', 'customPartitionKey', 'populateIndexFields'] as const) {
    if (isPresent(request[field])) {
      throw new MappingTemplateError(`${field} applies only to versioned (conflict detection) data sources, which this runtime does not provide`);
    }
  }
}

function projection(request: Request, attributes: ExpressionAttributes): { ProjectionExpression?: string } {
  return isPresent(request.projection) ? { ProjectionExpression: attributes.add(request.projection, 'projection') } : {};
}

/** GetItem; coalesced with the other GetItems of the same tick when the request has loaders. */
export async function getItem(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const key = keyOf(request);
  const consistentRead = request.consistentRead === true;
  if (call.getItems) {
    const projectionObject = isPresent(request.projection) ? parseExpression(request.projection, 'projection') : undefined;
    try {
      const item = await call.getItems.load({ tableName: call.tableName, consistentRead, ...(projectionObject ? { projection: projectionObject } : {}) }, key);
      return { result: itemResult(item ?? undefined) };
    } catch (cause) {
      return { result: null, error: cause instanceof DataSourceFailure ? cause.error : toDataSourceError(cause) };
    }
  }
  const attributes = new ExpressionAttributes();
  const command = new GetCommand({
    TableName: call.tableName,
    Key: key,
    ConsistentRead: consistentRead,
    ...projection(request, attributes),
    ...attributes.params(),
  });
  try {
    const { Item } = await call.client.send(command, { abortSignal: call.abortSignal });
    return { result: itemResult(Item) };
  } catch (cause) {
    return { result: null, error: toDataSourceError(cause) };
  }
}

export async function putItem(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  rejectConflictDetection(request);
  const key = keyOf(request);
  const item = { ...fromTypedMap(request.attributeValues ?? {}, 'attributeValues'), ...key };
  const attributes = new ExpressionAttributes();
  const { ConditionExpression, block } = conditionOf(request, attributes);
  try {
    await call.client.send(
      new PutCommand({ TableName: call.tableName, Item: item, ConditionExpression, ...attributes.params() }),
      { abortSignal: call.abortSignal },
    );
    return { result: itemResult(item) };
  } catch (cause) {
    // AppSync treats re-writing an identical item as success, so "create if absent" is idempotent.
    return outcomeOfFailedWrite(cause, call, key, block, (current) => current !== undefined && sameItem(current, item, block?.equalsIgnore ?? []));
  }
}

export async function updateItem(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  rejectConflictDetection(request);
  const key = keyOf(request);
  if (!isPresent(request.update)) throw new MappingTemplateError('UpdateItem requires update');
  const attributes = new ExpressionAttributes();
  const UpdateExpression = attributes.add(request.update, 'update');
  const { ConditionExpression, block } = conditionOf(request, attributes);
  try {
    const { Attributes } = await call.client.send(
      new UpdateCommand({
        TableName: call.tableName,
        Key: key,
        UpdateExpression,
        ConditionExpression,
        ReturnValues: 'ALL_NEW',
        ...attributes.params(),
      }),
      { abortSignal: call.abortSignal },
    );
    return { result: itemResult(Attributes) };
  } catch (cause) {
    // An update whose condition failed is never taken for done: the error comes with the item as it is.
    return outcomeOfFailedWrite(cause, call, key, block, () => false);
  }
}

export async function deleteItem(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  rejectConflictDetection(request);
  const key = keyOf(request);
  const attributes = new ExpressionAttributes();
  const { ConditionExpression, block } = conditionOf(request, attributes);
  try {
    const { Attributes } = await call.client.send(
      new DeleteCommand({ TableName: call.tableName, Key: key, ConditionExpression, ReturnValues: 'ALL_OLD', ...attributes.params() }),
      { abortSignal: call.abortSignal },
    );
    return { result: itemResult(Attributes) };
  } catch (cause) {
    // Deleting an item that is already gone counts as success (DDB-14 step 2).
    return outcomeOfFailedWrite(cause, call, key, block, (current) => current === undefined);
  }
}
