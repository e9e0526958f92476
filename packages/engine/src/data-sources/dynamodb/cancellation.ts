/**
 * DynamoDB's transaction cancellation reasons to AppSync's `cancellationReasons` (DDB-40, DDB-41):
 * one `{ type, message }` per transaction item, in request order, with the current item for failed
 * conditions when it was asked for. DynamoDB's codes pass through unchanged (`ConditionalCheckFailed`,
 * where AppSync's documentation example shows `ConditionCheckFailed` — GAP-03).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { errorName } from './errors';
import { itemResult } from './typed';

export interface CancellationReason {
  type: string;
  message: string | null;
  item?: Record<string, unknown> | null;
}

interface SdkReason {
  Code?: string;
  Message?: string;
  Item?: Record<string, AttributeValue>;
}

/** True for the SDK error of a cancelled transaction. */
export function isTransactionCanceled(cause: unknown): cause is { CancellationReasons?: SdkReason[] } {
  return errorName(cause) === 'TransactionCanceledException';
}

/** The reasons of a cancelled transaction; null when DynamoDB gave none. */
export function cancellationReasons(cause: { CancellationReasons?: SdkReason[] }): CancellationReason[] | null {
  const reasons = cause.CancellationReasons;
  if (!Array.isArray(reasons)) return null;
  return reasons.map((reason) => ({
    type: reason.Code ?? 'None',
    message: reason.Message ?? null,
    // Error payloads are not unmarshalled by lib-dynamodb: the item is still in wire form.
    ...(reason.Item ? { item: itemResult(unmarshall(reason.Item)) } : {}),
  }));
}
