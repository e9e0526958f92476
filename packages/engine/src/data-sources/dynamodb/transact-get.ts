/** TransactGetItems (contract DDB-40, LIM-11). */
import { TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../../core/errors';
import { cancellationReasons, isTransactionCanceled } from './cancellation';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { toDataSourceError } from './errors';
import { ExpressionAttributes, isPresent } from './expressions';
import { resolveTable } from './tables';
import { fromTypedMap, itemResult } from './typed';

type Request = Record<string, unknown>;

/** DynamoDB's limit on items in one transaction (LIM-11). */
export const MAX_TRANSACT_ITEMS = 100;

/** The `transactItems` list of a transaction request, checked against the limits. */
export function transactItems(request: Request): Request[] {
  const items = request.transactItems;
  if (!Array.isArray(items) || items.length === 0) {
    throw new MappingTemplateError(`${String(request.operation)} requires transactItems, a non-empty list`);
  }
  if (items.length > MAX_TRANSACT_ITEMS) {
    throw new MappingTemplateError(`${String(request.operation)} accepts at most ${MAX_TRANSACT_ITEMS} items, got ${items.length}`);
  }
  return items.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new MappingTemplateError(`transactItems[${i}] must be an object`);
    }
    return item as Request;
  });
}

/** `{ items: (item | null)[], cancellationReasons: null }`, or `items: null` with reasons when cancelled. */
export async function transactGetItems(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const TransactItems = transactItems(request).map((item, i) => {
    const where = `transactItems[${i}]`;
    const attributes = new ExpressionAttributes();
    return {
      Get: {
        TableName: resolveTable(item.table, call, `${where}.table`),
        Key: fromTypedMap(item.key, `${where}.key`),
        ...(isPresent(item.projection) ? { ProjectionExpression: attributes.add(item.projection, `${where}.projection`) } : {}),
        ...attributes.params(),
      },
    };
  });
  try {
    const output = await call.client.send(new TransactGetCommand({ TransactItems }), { abortSignal: call.abortSignal });
    return { result: { items: (output.Responses ?? []).map((response) => itemResult(response?.Item)), cancellationReasons: null } };
  } catch (cause) {
    const reasons = isTransactionCanceled(cause) ? cancellationReasons(cause) : null;
    return { result: { items: null, cancellationReasons: reasons }, error: toDataSourceError(cause) };
  }
}
