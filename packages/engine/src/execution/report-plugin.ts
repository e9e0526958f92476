/**
 * Tells the request's observer (core/hooks.ts) what it needs for its logs: the operation once known,
 * and each failure worth a line, classified and located at its schema coordinate. A null in a
 * non-null field is a fault of the data a resolver returned, answered as AppSync does and reported
 * as a warning; an unexpected failure (masked in the response) and a resolver code fault are errors.
 * A request reports at most as many failures as its response may list (limits/error-count.ts):
 * a list whose every item fails makes that many lines, not one per item.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { coordinateOf } from './coordinate';
import { isUnexpectedError } from '../core/format-error';
import { nonNullViolation } from '../core/non-null';
import type { RequestContext } from '../core/request-context';
import { ERROR_TYPES } from '../core/error-types';
import { MAX_RESPONSE_ERRORS } from '../limits/error-count';

export const reportPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    const observer = contextValue.observer;
    if (!observer?.onError && !observer?.onOperation) return;
    return {
      async didEncounterErrors(request) {
        if (!observer.onError) return;
        let reported = 0;
        for (const error of request.errors) {
          if (reported === MAX_RESPONSE_ERRORS) break;
          const violation = nonNullViolation(error, request.schema);
          const operationName = request.operationName ?? null;
          if (violation) {
            observer.onError({
              kind: 'nonNull',
              severity: 'warn',
              message: 'A field that cannot be null resolved to null',
              coordinate: violation.coordinate,
              operationName,
              path: error.path,
              details: { type: violation.typeName, parent: violation.parentName },
            });
            reported += 1;
            continue;
          }
          const unexpected = isUnexpectedError(error);
          if (!unexpected && error.extensions?.errorType !== ERROR_TYPES.Code) continue;
          observer.onError({
            kind: unexpected ? 'unexpected' : 'code',
            severity: 'error',
            message: unexpected ? 'Unexpected error while resolving a request' : 'Resolver code fault',
            coordinate: coordinateOf(error, request, contextValue.failedAt) ?? null,
            operationName,
            path: error.path,
            error: error.originalError ?? error,
          });
          reported += 1;
        }
      },
      async willSendResponse({ document, request, response, operation: resolved }) {
        if (!observer.onOperation) return;
        // A document that parsed but failed validation still names its operation.
        const operation = resolved ?? (document ? getOperationAST(document, request.operationName) : null);
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        observer.onOperation({
          operationName: operation?.name?.value ?? request.operationName ?? null,
          operationType: operation?.operation ?? null,
          authType: contextValue.authType,
          ...(request.query === undefined ? {} : { query: request.query }),
          resolverCount: contextValue.resolverCount,
          errorCount: errors.length,
          errorTypes: [...new Set(errors.map((error) => String(error.extensions?.errorType ?? (error as { errorType?: unknown }).errorType ?? 'Unknown')))],
        });
      },
    };
  },
};
