/** The server's error log lines, as an Apollo plugin (the request line is request-log.ts's). */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@aws-lambda-powertools/logger';
import { isUnexpectedError } from '../runtime/format-error';
import { nonNullViolation } from '../runtime/non-null';
import type { RequestContext } from '../runtime/request-context';
import { coordinateOf } from './coordinate';

/**
 * Logs each unexpected failure (masked in the response) and each resolver code fault once, with the
 * schema coordinate, the request ids and the error with its cause (never sent to the caller). A null
 * in a non-null field is a fault in the data a resolver returned, answered as AppSync does: logged
 * once at WARN with the field's coordinate and path, without a stack.
 */
export function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(request) {
          const { errors, contextValue } = request;
          for (const error of errors) {
            const violation = nonNullViolation(error, request.schema);
            if (violation) {
              logger.warn('A field that cannot be null resolved to null', {
                coordinate: violation.coordinate,
                requestId: contextValue.requestId,
                apiRequestId: contextValue.log?.apiRequestId ?? null,
                operationName: request.operationName ?? null,
                path: error.path,
                type: violation.typeName,
                parent: violation.parentName,
              });
              continue;
            }
            const extensions = error.extensions ?? {};
            const message = isUnexpectedError(error) ? 'Unexpected error while resolving a request' : extensions.errorType === 'Code' ? 'Resolver code fault' : undefined;
            if (!message) continue;
            logger.error(message, {
              coordinate: coordinateOf(error, request) ?? null,
              requestId: contextValue.requestId,
              apiRequestId: contextValue.log?.apiRequestId ?? null,
              operationName: request.operationName ?? null,
              path: error.path,
              error: error.originalError ?? error,
            });
          }
        },
      };
    },
  };
}
