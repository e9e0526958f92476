/**
 * The condition block of PutItem, UpdateItem and DeleteItem (contract DDB-14): parsing, the
 * re-read after a failed condition, and the equality check that makes an identical re-put succeed.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { MappingTemplateError, UnsupportedError } from '../../core/errors';
import { canonical } from './canonical';
import type { DynamoDBCallContext } from './context';
import { ExpressionAttributes, isPresent, parseExpression } from './expressions';
import type { NativeItem } from './typed';

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

/** The item as it is now, or the failure of the re-read that was to tell. */
export type CurrentItem = { item: NativeItem | undefined; failure?: undefined } | { item?: undefined; failure: unknown };

/**
 * Reads the item as it is now, after a failed condition (DDB-14 step 1): strongly consistent unless
 * the condition says `consistentRead: false`. When the re-read itself fails, the caller reports that
 * failure: nothing is known about the item, which must never read as "it does not exist".
 */
export async function currentItem(call: DynamoDBCallContext, key: NativeItem, block: ConditionBlock | undefined): Promise<CurrentItem> {
  try {
    const { Item } = await call.client.send(new GetCommand({ TableName: call.tableName, Key: key, ConsistentRead: block?.consistentRead !== false }), {
      abortSignal: call.abortSignal,
    });
    return { item: Item };
  } catch (failure) {
    return { failure };
  }
}

/** Equal items, ignoring the attributes named in `equalsIgnore` (DDB-14 step 2). */
export function sameItem(a: NativeItem, b: NativeItem, ignore: readonly string[]): boolean {
  const strip = (item: NativeItem) => canonical(Object.fromEntries(Object.entries(item).filter(([name]) => !ignore.includes(name))));
  return strip(a) === strip(b);
}
