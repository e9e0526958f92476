/** TransactWriteItems (contract DDB-41, GAP-03, LIM-11). */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../errors';
import { cancellationReasons, isTransactionCanceled } from './cancellation';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { toDataSourceError } from './errors';
import { ExpressionAttributes, isPresent, parseExpression } from './expressions';
import { transactItems } from './transact-get';
import { resolveTable } from './tables';
import { fromTypedMap, itemResult, type NativeItem } from './typed';

type Request = Record<string, unknown>;
type TransactWriteItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** The condition of one transaction item; the current item comes back on failure unless turned off. */
function condition(item: Request, where: string, attributes: ExpressionAttributes) {
  if (!isPresent(item.condition)) return {};
  const block = parseExpression(item.condition, `${where}.condition`) as { returnValuesOnConditionCheckFailure?: unknown };
  return {
    ConditionExpression: attributes.add(block, `${where}.condition`),
    ...(block.returnValuesOnConditionCheckFailure === false ? {} : { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }),
  };
}

function toTransactItem(item: Request, i: number, call: DynamoDBCallContext): { write: TransactWriteItem; key: NativeItem } {
  const where = `transactItems[${i}]`;
  const TableName = resolveTable(item.table, call, `${where}.table`);
  const Key = fromTypedMap(item.key, `${where}.key`);
  const attributes = new ExpressionAttributes();
  switch (item.operation) {
    case 'PutItem': {
      const Item = { ...fromTypedMap(item.attributeValues ?? {}, `${where}.attributeValues`), ...Key };
      const cond = condition(item, where, attributes);
      return { key: Key, write: { Put: { TableName, Item, ...cond, ...attributes.params() } } };
    }
    case 'UpdateItem': {
      if (!isPresent(item.update)) throw new MappingTemplateError(`${where}: UpdateItem requires update`);
      const UpdateExpression = attributes.add(item.update, `${where}.update`);
      const cond = condition(item, where, attributes);
      return { key: Key, write: { Update: { TableName, Key, UpdateExpression, ...cond, ...attributes.params() } } };
    }
    case 'DeleteItem': {
      const cond = condition(item, where, attributes);
      return { key: Key, write: { Delete: { TableName, Key, ...cond, ...attributes.params() } } };
    }
    case 'ConditionCheck': {
      if (!isPresent(item.condition)) throw new MappingTemplateError(`${where}: ConditionCheck requires condition`);
      const cond = condition(item, where, attributes) as { ConditionExpression: string };
      return { key: Key, write: { ConditionCheck: { TableName, Key, ...cond, ...attributes.params() } } };
    }
    default:
      throw new MappingTemplateError(
        `${where}.operation must be PutItem, UpdateItem, DeleteItem or ConditionCheck; got ${JSON.stringify(item.operation)}`,
      );
  }
}

/** `{ keys: [key per item], cancellationReasons: null }`, or `keys: null` with reasons when cancelled. */
export async function transactWriteItems(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const items = transactItems(request).map((item, i) => toTransactItem(item, i, call));
  try {
    await call.client.send(new TransactWriteCommand({ TransactItems: items.map(({ write }) => write) }));
    return { result: { keys: items.map(({ key }) => itemResult(key)), cancellationReasons: null } };
  } catch (cause) {
    const reasons = isTransactionCanceled(cause) ? cancellationReasons(cause) : null;
    return { result: { keys: null, cancellationReasons: reasons }, error: toDataSourceError(cause) };
  }
}
