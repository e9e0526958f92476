/**
 * SDK failures to AppSync's `ctx.error` shape (contract DDB-50, CTX-09), split in two:
 *
 * - DynamoDB's own exceptions (a condition failed, throttling, a bad key) keep AppSync's type,
 *   `DynamoDB:<Exception>`, and DynamoDB's message followed by `(Service: DynamoDb, Status Code: …)`.
 *   The request id AppSync appends is left out: it goes to the log, not to callers.
 * - Faults of the network or the service (refused, reset, timed out, unparseable answers, 5xx) are
 *   not DynamoDB's verdict on the request: their type is `DataSourceUnavailable` or `Timeout` and
 *   their message is generic, so no endpoint, port, request id or SDK hint can reach a client,
 *   whatever the resolver does with `ctx.error`. The cause is kept for the ERROR log line.
 */
import { ERROR_TYPES } from '../../core/error-types';
export interface DataSourceError {
  message: string;
  type: string;
}

interface ServiceErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number; totalRetryDelay?: number };
}

/**
 * Exceptions AppSync reports under their own name; every other failure of the request (validation
 * errors, access denied) reaches resolvers as `DynamoDB:DynamoDbException`, as on AppSync.
 */
const NAMED_EXCEPTIONS = new Set([
  'ConditionalCheckFailedException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceededException',
  'ThrottlingException',
  'ResourceNotFoundException',
  'ItemCollectionSizeLimitExceededException',
  'TransactionCanceledException',
  'TransactionConflictException',
  'TransactionInProgressException',
  'IdempotentParameterMismatchException',
  'LimitExceededException',
]);

/** errorTypes of faults, distinct from DynamoDB's own exceptions. */
export const FAULT_TYPES = { unavailable: ERROR_TYPES.DataSourceUnavailable, timeout: ERROR_TYPES.Timeout } as const;

export const FAULT_MESSAGES: Record<string, string> = {
  [FAULT_TYPES.unavailable]: 'The data source is unavailable; try again later',
  [FAULT_TYPES.timeout]: 'The data source did not answer in time; try again later',
};

/** Node's network error codes, which the SDK may put on an error it names `TimeoutError`. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** The fault behind a failed call, or undefined when DynamoDB answered with one of its own exceptions. */
export function faultType(cause: unknown): string | undefined {
  const error = (cause ?? {}) as ServiceErrorLike;
  if (error.name === 'AbortError' || error.code === 'ETIMEDOUT') return FAULT_TYPES.timeout;
  if (error.name === 'TimeoutError' && !NETWORK_CODES.has(error.code ?? '')) return FAULT_TYPES.timeout;
  const status = error.$metadata?.httpStatusCode;
  // DynamoDB answers a request it refuses with a 4xx and its JSON error; anything else (no answer,
  // a body the SDK could not read, a 5xx) is a fault of the path to DynamoDB or of DynamoDB itself.
  if (status === undefined || status < 400 || status >= 500 || error.$fault === 'server') return FAULT_TYPES.unavailable;
  if (error.message?.includes('Deserialization error')) return FAULT_TYPES.unavailable;
  return undefined;
}

/** The SDK error behind each `ctx.error`, for the log line (never part of `ctx.error`). */
const causes = new WeakMap<DataSourceError, unknown>();

/** The SDK error behind a `ctx.error` built by {@link toDataSourceError}. */
export function errorCause(error: DataSourceError | undefined): unknown {
  return error ? causes.get(error) : undefined;
}

/** DynamoDB's exceptions that say "too much, too fast" once the SDK's retries are spent. */
export const THROTTLING_EXCEPTIONS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceededException',
  'TransactionInProgressException',
]);

/** `ctx.error` for a failed call: a masked fault, or DynamoDB's exception as AppSync names it. */
export function toDataSourceError(cause: unknown): DataSourceError {
  const fault = faultType(cause);
  if (fault) {
    const error = { type: fault, message: FAULT_MESSAGES[fault]! };
    causes.set(error, cause);
    return error;
  }
  const error = cause as ServiceErrorLike;
  const name = error.name && NAMED_EXCEPTIONS.has(error.name) ? error.name : 'DynamoDbException';
  const status = error.$metadata?.httpStatusCode ?? 400;
  const result = { type: `DynamoDB:${name}`, message: `${error.message ?? name} (Service: DynamoDb, Status Code: ${status})` };
  causes.set(result, cause);
  return result;
}

/**
 * What the log line says about a failed AWS SDK call: the SDK's error, the service's request id if
 * any (under `requestIdField`), the attempts.
 */
export function faultDetails(cause: unknown, requestIdField = 'dynamodbRequestId'): Record<string, unknown> {
  const error = (cause ?? {}) as ServiceErrorLike;
  return {
    errorName: error.name ?? null,
    errorCode: error.code ?? null,
    errorMessage: error.message ?? String(cause),
    httpStatusCode: error.$metadata?.httpStatusCode ?? null,
    [requestIdField]: error.$metadata?.requestId ?? null,
    attempts: error.$metadata?.attempts ?? null,
    totalRetryDelayMs: error.$metadata?.totalRetryDelay ?? null,
  };
}

/** `ctx.error` for a batch that left items unprocessed after every retry (DDB-33). */
export function unprocessedError(what: 'keys' | 'items'): DataSourceError {
  return {
    type: 'DynamoDB:ProvisionedThroughputExceededException',
    message: `The batch was only partly processed: unprocessed ${what} remain after retries (Service: DynamoDb, Status Code: 400)`,
  };
}

/** A data-source error carried through a promise (the coalesced GetItem path) to one resolver. */
export class DataSourceFailure extends Error {
  override readonly name = 'DataSourceFailure';
  constructor(readonly error: DataSourceError) {
    super(error.message);
  }
}

/** True when the SDK error is the one DynamoDB raises for a failed condition. */
export function isConditionalCheckFailed(cause: unknown): cause is { Item?: Record<string, unknown> } {
  return errorName(cause) === 'ConditionalCheckFailedException';
}

/** The SDK's exception name (`ValidationException`, `TransactionCanceledException`, ...). */
export function errorName(cause: unknown): string | undefined {
  return (cause as ServiceErrorLike | null)?.name;
}
