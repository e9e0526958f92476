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

export function toDataSourceError(cause: unknown): DataSourceError {
  const error = (cause ?? {}) as ServiceErrorLike;
  const name = error.name && error.name !== 'Error' ? error.name : 'DynamoDbException';
  const status = error.$metadata?.httpStatusCode ?? 400;
  const requestId = error.$metadata?.requestId ?? 'unknown';
  return {
    type: `DynamoDB:${name}`,
    message: `${error.message ?? String(cause)} (Service: DynamoDb, Status Code: ${status}, Request ID: ${requestId})`,
  };
}

/** True when the SDK error is the one DynamoDB raises for a failed condition. */
export function isConditionalCheckFailed(cause: unknown): cause is { Item?: Record<string, unknown> } {
  return (cause as ServiceErrorLike | null)?.name === 'ConditionalCheckFailedException';
}
