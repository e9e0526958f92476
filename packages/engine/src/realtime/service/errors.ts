/** Errors sent in graphql-transport-ws `error` messages, in AppSync's shape (core/format-error.ts). */
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ERROR_TYPES } from '../../core/error-types';
import { formatAppSyncError } from '../../core/format-error';
import { errorName, FAULT_MESSAGES, faultType, THROTTLING_EXCEPTIONS } from '../../data-sources/dynamodb/errors';
import { isConflict } from './conflicts';

/** One error of a refused subscription, with a stable errorType. */
export function subscriptionError(message: string, errorType: string, options: { path?: string[]; errorInfo?: unknown; error?: GraphQLError } = {}): GraphQLFormattedError {
  const formatted: GraphQLFormattedError = {
    ...(options.error ? options.error.toJSON() : {}),
    message,
    ...(options.path ? { path: options.path } : {}),
    extensions: { errorType, errorInfo: options.errorInfo ?? null, data: null },
  };
  return formatAppSyncError(formatted).error as GraphQLFormattedError;
}

/**
 * The error a client gets when its subscribe failed on our side (the table, after the SDK's
 * retries): `Throttled`, `TransactionConflict`, `DataSourceUnavailable` or `Timeout`, retryable and
 * with a generic message; anything else is `InternalFailure`, masked. `severity` says whether the
 * cause deserves an ERROR log line (a fault of ours or of AWS), not a WARN.
 */
export function failureError(cause: unknown): { error: GraphQLFormattedError; severity: 'error' | 'warn' } {
  const fault = faultType(cause);
  if (fault) return { error: subscriptionError(FAULT_MESSAGES[fault]!, fault, { errorInfo: { retryable: true } }), severity: 'error' };
  if (THROTTLING_EXCEPTIONS.has(errorName(cause) ?? '')) {
    return { error: subscriptionError('Too many requests; try again later', ERROR_TYPES.Throttled, { errorInfo: { retryable: true } }), severity: 'warn' };
  }
  if (isConflict(cause)) {
    return { error: subscriptionError('Too many concurrent changes to this connection; try again later', ERROR_TYPES.TransactionConflict, { errorInfo: { retryable: true } }), severity: 'warn' };
  }
  return { error: subscriptionError('Internal server error', ERROR_TYPES.InternalFailure), severity: 'error' };
}
