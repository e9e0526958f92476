/**
 * One place where errors become GraphQL errors (contract EXE-09, GAP-08). AppSync and Amplify
 * clients read `errorType`/`errorInfo`/`data` at the top level of each error; Apollo clients read
 * `extensions`: both carry them. Errors that were not meant for the caller are masked.
 */
import type { GraphQLFormattedError } from 'graphql';

/** Apollo's error codes for bad requests, as the stable types clients switch on. */
const REQUEST_ERROR_TYPES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'ValidationError',
  GRAPHQL_VALIDATION_FAILED: 'ValidationError',
  BAD_USER_INPUT: 'ValidationError',
  OPERATION_RESOLUTION_FAILURE: 'ValidationError',
  BAD_REQUEST: 'BadRequest',
  PERSISTED_QUERY_NOT_FOUND: 'PersistedQueryNotFound',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PersistedQueryNotSupported',
};

export interface AppSyncFormattedError extends GraphQLFormattedError {
  errorType: string | null;
  errorInfo: unknown;
  data: unknown;
}

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * Formats one error. `isMasked` is true when the error is an unexpected failure: the caller gets a
 * generic message and the server logs the original once.
 */
export function formatAppSyncError(formatted: GraphQLFormattedError): { error: AppSyncFormattedError; isMasked: boolean } {
  const extensions = { ...formatted.extensions } as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  let errorType = typeof extensions.errorType === 'string' ? extensions.errorType : (code && REQUEST_ERROR_TYPES[code]) || null;
  const hasAppSyncShape = 'errorType' in extensions;
  const isMasked = !hasAppSyncShape && !errorType;
  let message = formatted.message;
  if (isMasked) {
    errorType = 'InternalFailure';
    message = INTERNAL_ERROR_MESSAGE;
  }
  delete extensions.stacktrace;
  const errorInfo = extensions.errorInfo ?? null;
  const data = extensions.data ?? null;
  return {
    isMasked,
    error: {
      message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      errorType,
      errorInfo,
      data,
      extensions: { ...extensions, errorType, errorInfo, data, ...(code ? { code } : {}) },
    },
  };
}
