/**
 * The condition block of PutItem, UpdateItem and DeleteItem (contract DDB-14): parsing, the
 * re-read after a failed condition, and the equality check that makes an identical re-put succeed.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError, UnsupportedError } from '../../core/errors';
import { canonical } from './canonical';
import type { DataSourceOutcome, DynamoDBCallContext } from './context';
import { isConditionalCheckFailed, toDataSourceError } from './errors';
import { ExpressionAttributes, isPresent, parseExpression } from './expressions';
import { itemResult, type NativeItem } from './typed';

type Request = Record<string, unknown>;

export interface ConditionBlock {
  expression: string;
  equalsIgnore?: string[];
  consistentRead?: boolean;
  conditionalCheckFailedHandler?: { strategy?: unknown; lambdaArn?: string };
}

/** The condition expression of a request and its AppSync options; Custom handlers are unsupported. */
export function conditionOf(request: Request, attributes: ExpressionAttributes): { ConditionExpression?: string; block?: ConditionBlock } {
  if (!isPresent(request.condition)) return {};
  const block = parseExpression(request.condition, 'condition') as ConditionBlock;
  const strategy = block.conditionalCheckFailedHandler?.strategy;
  if (strategy === 'Custom') {
    throw new UnsupportedError('conditionalCheckFailedHandler strategy Custom', 'it needs a Lambda to decide on retries; use Reject');
  }
  if (isPresent(strategy) && strategy !== 'Reject') {
    throw new MappingTemplateError(`conditionalCheckFailedHandler.strategy must be Reject or Custom, got ${JSON.stringify(strategy)}`);
  }
  return { ConditionExpression: attributes.add(block, 'condition'), block };
}

/**
 * The outcome of a PutItem, UpdateItem or DeleteItem whose call threw (DDB-14). A failure other than
 * a failed condition is reported as it is. After a failed condition the item is read again, strongly
 * consistent unless the condition says `consistentRead: false` (step 1); `isNoOp` decides from the
 * item as it is now whether the write was already done, which AppSync counts as success (step 2);
 * otherwise the error comes with that item as the result. When the re-read itself fails, its failure
 * is reported: nothing is known about the item, which must never read as "it does not exist".
 */
export async function outcomeOfFailedWrite(
  cause: unknown,
  call: DynamoDBCallContext,
  key: NativeItem,
  block: ConditionBlock | undefined,
  isNoOp: (current: NativeItem | undefined) => boolean,
): Promise<DataSourceOutcome> {
  if (!isConditionalCheckFailed(cause)) return { result: null, error: toDataSourceError(cause) };
  let current: NativeItem | undefined;
  try {
    const { Item } = await call.client.send(new GetCommand({ TableName: call.tableName, Key: key, ConsistentRead: block?.consistentRead !== false }), {
      abortSignal: call.abortSignal,
    });
    current = Item;
  } catch (failure) {
    return { result: null, error: toDataSourceError(failure) };
  }
  const result = itemResult(current);
  return isNoOp(current) ? { result } : { result, error: toDataSourceError(cause) };
}

/** Equal items, ignoring the attributes named in `equalsIgnore` (DDB-14 step 2). */
export function sameItem(a: NativeItem, b: NativeItem, ignore: readonly string[]): boolean {
  const strip = (item: NativeItem) => canonical(Object.fromEntries(Object.entries(item).filter(([name]) => !ignore.includes(name))));
  return strip(a) === strip(b);
}
