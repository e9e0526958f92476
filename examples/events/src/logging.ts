/**
 * The events API's logs, as engine hooks: one line per request (operation, status, errorTypes,
 * duration) and one per failure the engine reports, with the request id, through Powertools.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { EngineHooks, OperationReport } from '@appsync-lambda/engine';

export function loggingHooks(logger: Logger): EngineHooks {
  return {
    onRequestStart(_request, { requestId, apiRequestId }) {
      const started = performance.now();
      let operation: OperationReport | undefined;
      return {
        onOperation: (report) => (operation = report),
        onError: ({ severity, message, kind, coordinate, path, error, details }) =>
          logger[severity](message, { requestId, apiRequestId, kind, coordinate, path, ...details, ...(error instanceof Error ? { error } : {}) }),
        onRequestEnd: ({ status, errors }) =>
          logger.info('request', {
            requestId,
            apiRequestId,
            status,
            operationName: operation?.operationName ?? null,
            authType: operation?.authType ?? null,
            errorTypes: operation?.errorTypes ?? errors?.types ?? [],
            durationMs: Math.round(performance.now() - started),
          }),
      };
    },
  };
}
