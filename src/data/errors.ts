/**
 * How resolvers raise a data source's `ctx.error` to the caller. `ctx.error` itself is AppSync's
 * (`DynamoDB:<Exception>` for DynamoDB's own exceptions, with no request id in the message; the
 * masked `DataSourceUnavailable` and `Timeout` for network and service faults). Two outcomes that
 * the runtime already retried become types a client can act on: throttling (`Throttled`) and
 * transaction conflicts (`TransactionConflict`), both worth sending again a little later. Other
 * DynamoDB exceptions keep their `DynamoDB:<Exception>` type but not DynamoDB's message.
 */
import { util } from '@aws-appsync/utils';
import type { TransactWriteResult } from './transactions';

const THROTTLING = [
  'DynamoDB:ProvisionedThroughputExceededException',
  'DynamoDB:ThrottlingException',
  'DynamoDB:RequestLimitExceededException',
  'DynamoDB:TransactionInProgressException',
];

/** True when a cancelled transaction names a conflict with another transaction among its reasons. */
export function conflicted(result: TransactWriteResult | null | undefined): boolean {
  const reasons = result && result.cancellationReasons ? result.cancellationReasons : [];
  return reasons.some((reason) => reason.type === 'TransactionConflict');
}

/** Fails the field with the data source's error; `result` is `ctx.result` (a transaction's reasons). */
export function raise(error: { message: string; type: string }, result?: unknown): never {
  if (THROTTLING.includes(error.type)) {
    util.error('DynamoDB is throttling requests; try again shortly', 'Throttled', null, { retryable: true });
  }
  if (error.type === 'DynamoDB:TransactionConflictException' || conflicted(result as TransactWriteResult | null | undefined)) {
    util.error('The write conflicted with another one in progress; try again', 'TransactionConflict', null, { retryable: true });
  }
  // DynamoDB's own text names keys, sizes and the service: the caller gets the type and a plain message.
  if (error.type.startsWith('DynamoDB:')) return util.error('The data source could not complete the request.', error.type);
  return util.error(error.message, error.type);
}
