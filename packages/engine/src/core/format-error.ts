/**
 * One place where errors become GraphQL errors (contract EXE-09, GAP-08). Each error has AppSync's
 * flat shape `{ path, data, errorType, errorInfo, locations, message }` (missing parts null,
 * locations with `sourceName: null`), which AppSync and Amplify clients read; the same fields are
 * repeated under `extensions` for Apollo clients. Errors that were not meant for the caller are masked.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { NonNullViolation } from './non-null';
import { ERROR_TYPES } from './error-types';

/** Apollo's error codes for bad requests, as the stable types clients switch on. */
const REQUEST_ERROR_TYPES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: ERROR_TYPES.ValidationError,
  GRAPHQL_VALIDATION_FAILED: ERROR_TYPES.ValidationError,
  BAD_USER_INPUT: ERROR_TYPES.ValidationError,
  OPERATION_RESOLUTION_FAILURE: ERROR_TYPES.ValidationError,
  BAD_REQUEST: ERROR_TYPES.BadRequest,
  PERSISTED_QUERY_NOT_FOUND: ERROR_TYPES.PersistedQueryNotFound,
  PERSISTED_QUERY_NOT_SUPPORTED: ERROR_TYPES.PersistedQueryNotSupported,
};

/**
 * Apollo's automatic-persisted-query errors that carry no code, by message. The handler answers
 * these requests before Apollo sees them (adapters/http-api/trusted-documents.ts); should one reach Apollo,
 * it is still a client error with its type, not a masked InternalFailure logged at ERROR.
 */
const UNCODED_REQUEST_ERRORS: Record<string, string> = {
  'Unsupported persisted query version': ERROR_TYPES.PersistedQueryVersionNotSupported,
  'provided sha does not match query': ERROR_TYPES.PersistedQueryHashMismatch,
};

/**
 * graphql-js messages that do not tell the caller what is wrong with the request, by code: a parser
 * out of stack on a deeply nested document, and validation given up on a document too costly to
 * check (e.g. thousands of repeated or aliased fields).
 */
const UNCLEAR_MESSAGES: Record<string, { pattern: RegExp; message: string }> = {
  GRAPHQL_PARSE_FAILED: { pattern: /^Maximum call stack size exceeded$/, message: 'Syntax Error: the document is nested too deeply to parse.' },
  GRAPHQL_VALIDATION_FAILED: {
    pattern: /^Validation aborted\.$/,
    message: 'The document is too complex to validate (too many repeated or overlapping fields); send a smaller operation.',
  },
};

function clearMessage(code: unknown, message: string): string {
  const unclear = typeof code === 'string' ? UNCLEAR_MESSAGES[code] : undefined;
  return unclear?.pattern.test(message) ? unclear.message : message;
}

/** An error entry as AppSync returns it, plus `extensions`. */
export interface AppSyncFormattedError {
  path: ReadonlyArray<string | number> | null;
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations: Array<{ line: number; column: number; sourceName: null }> | null;
  message: string;
  extensions: Record<string, unknown>;
}

/** What the caller sees instead of an unexpected failure. */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error';
/** The errorType of masked errors. */
export const INTERNAL_ERROR_TYPE = ERROR_TYPES.InternalFailure;

/** Whether an error is an unexpected failure: neither raised by a resolver nor a known request error. */
export function isUnexpectedError(formatted: Pick<GraphQLFormattedError, 'extensions' | 'message'>): boolean {
  const extensions = formatted.extensions ?? {};
  if ('errorType' in extensions || UNCODED_REQUEST_ERRORS[formatted.message]) return false;
  const code = extensions.code;
  return !(typeof code === 'string' && REQUEST_ERROR_TYPES[code]);
}

/**
 * Formats one error. `isMasked` is true when the error is an unexpected failure: the caller gets a
 * generic message and the server logs the original once. `violation`, when the error is a null in
 * a non-null position (non-null.ts), gives AppSync's entry for it: its message, the path,
 * `locations`, `errorType`, `errorInfo` and `data` null, as AppSync answers.
 */
export function formatAppSyncError(formatted: GraphQLFormattedError, violation?: NonNullViolation): { error: AppSyncFormattedError; isMasked: boolean } {
  if (violation) {
    return {
      isMasked: false,
      error: { path: violation.path, data: null, errorType: null, errorInfo: null, locations: null, message: violation.message, extensions: { errorType: null, errorInfo: null, data: null } },
    };
  }
  const { stacktrace: _stacktrace, code: rawCode, ...extensions } = { ...formatted.extensions } as Record<string, unknown>;
  const isMasked = isUnexpectedError(formatted);
  // Apollo labels every resolver error INTERNAL_SERVER_ERROR; keep its code only where it is true.
  const code = typeof rawCode === 'string' && (isMasked || REQUEST_ERROR_TYPES[rawCode] || rawCode !== 'INTERNAL_SERVER_ERROR') ? rawCode : undefined;
  const errorType = isMasked
    ? INTERNAL_ERROR_TYPE
    : typeof extensions.errorType === 'string'
      ? extensions.errorType
      : ((code && REQUEST_ERROR_TYPES[code]) ?? UNCODED_REQUEST_ERRORS[formatted.message] ?? null);
  const message = isMasked ? INTERNAL_ERROR_MESSAGE : clearMessage(rawCode, formatted.message);
  const errorInfo = isMasked ? null : (extensions.errorInfo ?? null);
  const data = isMasked ? null : (extensions.data ?? null);
  return {
    isMasked,
    error: {
      path: formatted.path ?? null,
      data,
      errorType,
      errorInfo,
      locations: formatted.locations ? formatted.locations.map(({ line, column }) => ({ line, column, sourceName: null })) : null,
      message,
      extensions: { ...(isMasked ? {} : extensions), errorType, errorInfo, data, ...(code ? { code } : {}) },
    },
  };
}

/** One error entry as `formatError` shapes it, for a request-level error (no path, no data). */
export function errorEntry(message: string, errorType: string, code = 'BAD_REQUEST', errorInfo: Record<string, unknown> | null = null) {
  return { path: null, data: null, errorType, errorInfo, locations: null, message, extensions: { errorType, errorInfo, data: null, code } };
}
