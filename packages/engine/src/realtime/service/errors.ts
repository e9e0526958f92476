/** Errors sent in graphql-transport-ws `error` messages, in AppSync's shape (core/format-error.ts). */
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatAppSyncError } from '../../core/format-error';

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
