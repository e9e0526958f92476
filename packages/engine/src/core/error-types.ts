/**
 * Every errorType the engine itself answers with, in one place: clients switch on these strings,
 * so they never change. Data sources add AppSync's own (`DynamoDB:<Exception>`, `Lambda:Unhandled`)
 * and resolvers their own through `util.error`.
 */
export const ERROR_TYPES = {
  /** An unexpected failure, masked ("Internal server error"). */
  InternalFailure: 'InternalFailure',
  /** The request's credentials are missing or invalid (HTTP 401), or a field is not allowed to the caller. */
  Unauthorized: 'Unauthorized',
  UnauthorizedException: 'UnauthorizedException',
  /** A resolver's code failed (a thrown error, an async handler). */
  Code: 'Code',
  /** A request object a data source cannot run. */
  MappingTemplate: 'MappingTemplate',
  /** An AppSync feature this engine does not offer. */
  Unsupported: 'Unsupported',
  /** The request's deadline passed, or a data source call timed out. */
  Timeout: 'Timeout',
  /** A data source could not be reached or answered nonsense (refused, reset, 5xx, unparseable). */
  DataSourceUnavailable: 'DataSourceUnavailable',
  /** Throttling outlived the retries. */
  Throttled: 'Throttled',
  /** A transaction conflict outlived the retries; retryable. */
  TransactionConflict: 'TransactionConflict',
  /** A nextToken this API did not issue for this list. */
  InvalidNextToken: 'InvalidNextToken',
  /** A request nested too deep, or an argument out of its limits. */
  ValidationError: 'ValidationError',
  /** More resolver executions than the request may run (LIM-02). */
  ResolverCountLimitExceeded: 'ResolverCountLimitExceeded',
  /** Over a budget checked before execution; errorInfo { limit, maximum, actual }. */
  QueryLimitExceeded: 'QueryLimitExceeded',
  /** A request body, query string or document over its size limit (HTTP 413). */
  RequestTooLarge: 'RequestTooLarge',
  /** A response over what Lambda can return (LIM-10). */
  ResponseTooLarge: 'ResponseTooLarge',
  /** The last error of a response that had more than it may carry: errorInfo { limit, maximum, actual }. */
  TooManyErrors: 'TooManyErrors',
  /** A request the HTTP layer refuses (method, media type, shape). */
  BadRequest: 'BadRequest',
  /** A body that is not JSON. */
  MalformedHttpRequestException: 'MalformedHttpRequestException',
  PersistedQueryNotFound: 'PersistedQueryNotFound',
  PersistedQueryNotAllowed: 'PersistedQueryNotAllowed',
  PersistedQueryHashMismatch: 'PersistedQueryHashMismatch',
  PersistedQueryVersionNotSupported: 'PersistedQueryVersionNotSupported',
  PersistedQueryNotSupported: 'PersistedQueryNotSupported',
} as const;

export type ErrorType = (typeof ERROR_TYPES)[keyof typeof ERROR_TYPES];
