/**
 * TransactWriteItems (contract DDB-41, GAP-03, LIM-11), made idempotent and resilient to conflicts:
 *
 * - Each attempt carries a `ClientRequestToken`. The SDK resends the same input on its own retries,
 *   so a transaction that committed but whose response was lost is answered by DynamoDB as a
 *   success the second time instead of being applied again (or failing its conditions).
 * - A transaction cancelled only because another transaction touched the same items
 *   (`TransactionConflict`) is sent again a few times with backoff, inside the request's deadline.
 *   A cancellation is DynamoDB's definitive answer that nothing was written, so each new attempt
 *   is a new request with a new token: a token only has to cover the SDK's resends of one attempt,
 *   whose outcome the network may have hidden.
 *   When conflicts outlast the retries, `ctx.error` and the reasons are AppSync's, as before.
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError } from '../../core/errors';
import { cancellationReasons, isTransactionCanceled } from './cancellation';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { toDataSourceError } from './errors';
import { sleep } from './retry';
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

/** Sends after the first attempt when the only reasons for a cancellation are conflicts. */
export const MAX_CONFLICT_RETRIES = 3;
const CONFLICT_BASE_DELAY_MS = 20;

/** True when a cancellation names a conflict and no other reason (a failed condition is final). */
function conflictOnly(reasons: ReadonlyArray<{ type: string }> | null): boolean {
  if (!reasons) return false;
  return reasons.some(({ type }) => type === 'TransactionConflict') && reasons.every(({ type }) => type === 'TransactionConflict' || type === 'None');
}

/** `{ keys: [key per item], cancellationReasons: null }`, or `keys: null` with reasons when cancelled. */
export async function transactWriteItems(request: Request, call: DynamoDBCallContext): Promise<DataSourceOutcome> {
  const items = transactItems(request).map((item, i) => toTransactItem(item, i, call));
  const TransactItems = items.map(({ write }) => write);
  for (let retry = 0; ; retry += 1) {
    try {
      await call.client.send(new TransactWriteCommand({ TransactItems, ClientRequestToken: randomUUID() }), { abortSignal: call.abortSignal });
      return { result: { keys: items.map(({ key }) => itemResult(key)), cancellationReasons: null } };
    } catch (cause) {
      const reasons = isTransactionCanceled(cause) ? cancellationReasons(cause) : null;
      if (retry < MAX_CONFLICT_RETRIES && conflictOnly(reasons)) {
        const ceiling = CONFLICT_BASE_DELAY_MS * 2 ** retry;
        try {
          await sleep(ceiling / 2 + Math.random() * (ceiling / 2), call.abortSignal);
          continue;
        } catch (aborted) {
          return { result: { keys: null, cancellationReasons: null }, error: toDataSourceError(aborted) };
        }
      }
      return { result: { keys: null, cancellationReasons: reasons }, error: toDataSourceError(cause) };
    }
  }
}
