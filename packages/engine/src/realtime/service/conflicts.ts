/**
 * Writes to one connection's records that race each other: every subscribe and unsubscribe of a
 * connection updates its connection record in a transaction, and DynamoDB cancels a transaction
 * (or fails a single write) that meets another one in progress on the same item. Such a write is
 * sent again with jittered backoff; a failed condition is an answer, never retried.
 */
import { sleep } from '../../data-sources/dynamodb/retry';

/** An item as a failed condition returns it: still in DynamoDB's wire form (lib-dynamodb leaves errors alone). */
export type WireItem = Record<string, { S?: string } | undefined>;

/** One item's reason in a cancelled transaction. */
export interface CancellationReason {
  Code?: string;
  Item?: WireItem;
}

/**
 * Whether the item a failed condition returned was written by this request: the SDK resends a
 * write whose answer was lost, and the resend then meets the first attempt's item.
 */
export const storedBy = (item: WireItem | undefined, requestId: string): boolean => item?.requestId?.S === requestId;

/** The reasons of a cancelled transaction, one per item; null for any other error. */
export function cancellation(error: unknown): CancellationReason[] | null {
  if ((error as Error).name !== 'TransactionCanceledException') return null;
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

/** True for an item whose condition failed. */
export const failedCondition = (reason: CancellationReason | undefined) => reason?.Code === 'ConditionalCheckFailed';

/** Retries after a write lost to a concurrent transaction on the same connection record. */
const MAX_CONFLICT_RETRIES = 8;
const CONFLICT_BASE_DELAY_MS = 10;
const CONFLICT_MAX_DELAY_MS = 500;

/** True when a write lost to a concurrent transaction on one of its items. */
export const isConflict = (error: unknown) =>
  (error as Error).name === 'TransactionConflictException' || (cancellation(error)?.some((reason) => reason.Code === 'TransactionConflict') ?? false);

/** Runs a write again, with jittered backoff, while it loses to a concurrent transaction. */
export async function retryConflicts<T>(write: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await write();
    } catch (error) {
      if (retry >= MAX_CONFLICT_RETRIES || !isConflict(error)) throw error;
      await sleep(Math.random() * Math.min(CONFLICT_MAX_DELAY_MS, CONFLICT_BASE_DELAY_MS * 2 ** retry));
    }
  }
}
