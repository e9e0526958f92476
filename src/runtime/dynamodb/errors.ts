/** SDK failures to AppSync's `ctx.error` shape, `DynamoDB:<Exception>` (contract DDB-50, CTX-09). */
export interface DataSourceError {
  message: string;
  type: string;
}

interface ServiceErrorLike {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * Exceptions AppSync reports under their own name; every other failure (validation errors,
 * access denied, network faults) reaches resolvers as `DynamoDB:DynamoDbException`, as on AppSync.
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
  'InternalServerErrorException',
  'LimitExceededException',
]);

export function toDataSourceError(cause: unknown): DataSourceError {
  const error = (cause ?? {}) as ServiceErrorLike;
  const name = error.name && NAMED_EXCEPTIONS.has(error.name) ? error.name : 'DynamoDbException';
  const status = error.$metadata?.httpStatusCode ?? 400;
  const requestId = error.$metadata?.requestId ?? 'unknown';
  return {
    type: `DynamoDB:${name}`,
    message: `${error.message ?? String(cause)} (Service: DynamoDb, Status Code: ${status}, Request ID: ${requestId})`,
  };
}

/** `ctx.error` for a batch that left items unprocessed after every retry (DDB-33). */
export function unprocessedError(what: 'keys' | 'items'): DataSourceError {
  return {
    type: 'DynamoDB:ProvisionedThroughputExceededException',
    message: `The batch was only partly processed: unprocessed ${what} remain after retries (Service: DynamoDb, Status Code: 400, Request ID: unknown)`,
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
