/** Reading the outcome of a TransactWriteItems request (contract DDB-41). */

/** One entry of `ctx.result.cancellationReasons`. */
export interface CancellationReason {
  type: string;
  message: string | null;
  item?: Record<string, unknown> | null;
}

/** `ctx.result` of a TransactWriteItems request. */
export interface TransactWriteResult {
  keys: Record<string, unknown>[] | null;
  cancellationReasons: CancellationReason[] | null;
}

/**
 * The reason for transaction item `index` when its condition failed, else null. DynamoDB's code is
 * `ConditionalCheckFailed`; AppSync's documentation shows `ConditionCheckFailed` (GAP-03): both count.
 */
export function failedCondition(result: TransactWriteResult | null | undefined, index: number): CancellationReason | null {
  const reason = result && result.cancellationReasons ? result.cancellationReasons[index] : undefined;
  if (!reason) return null;
  return reason.type === 'ConditionalCheckFailed' || reason.type === 'ConditionCheckFailed' ? reason : null;
}
