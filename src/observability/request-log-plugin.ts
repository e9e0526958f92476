/**
 * Fills the request's log line (request-log.ts) from Apollo: operation name and type, auth mode,
 * and the errors the caller receives (after formatting, so masked errors count as InternalFailure).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { RequestContext } from '../runtime/request-context';

/** The query text is logged only at these levels (it may embed literal values; variables never are). */
const QUERY_TEXT_LEVELS = new Set(['TRACE', 'DEBUG']);

/** Records the operation and its errors on `contextValue.log`, when the request has one. */
export const requestLogPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    const log = contextValue.log;
    if (!log) return;
    log.authType = contextValue.authType;
    return {
      async willSendResponse({ response, request, document, operation: resolved }) {
        // A document that parsed but failed validation still names its operation.
        const operation = resolved ?? (document ? getOperationAST(document, request.operationName) : null);
        log.operationName = operation?.name?.value ?? request.operationName ?? null;
        log.operationType = operation?.operation ?? null;
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        log.errorCount = errors.length;
        log.errorTypes = [...new Set(errors.map((error) => String(error.extensions?.errorType ?? (error as { errorType?: unknown }).errorType ?? 'Unknown')))];
        if (request.query && QUERY_TEXT_LEVELS.has(log.logger.getLevelName())) log.query = request.query;
      },
    };
  },
};
