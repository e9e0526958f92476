/** `util.error`, `util.appendError`, `util.unauthorized` (contract EXE-06, EXE-07, EXE-10). */
import { AppSyncError, UnauthorizedError } from '../../core/errors';
import { currentExecution } from '../../core/current-execution';

/**
 * Stops the handler with an error (EXE-06). Quirk (GAP-06): real AppSync silently ignores a call
 * whose message or errorType is not a string; this runtime instead coerces both with `String()`, so
 * a mistaken call still fails the field visibly rather than letting execution continue.
 */
export function error(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): never {
  throw new AppSyncError(String(message), errorType == null ? null : String(errorType), data, errorInfo);
}

/** Records an error and continues; the field keeps the handler's return value (EXE-07). Coerces like `error`. */
export function appendError(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): void {
  const execution = currentExecution();
  if (!execution) throw new Error('util.appendError was called outside a resolver execution');
  execution.appendedErrors.push({
    message: String(message),
    errorType: errorType == null ? null : String(errorType),
    data: data ?? null,
    errorInfo: errorInfo ?? null,
  });
}

/** The message is filled in by the executor, which knows the field (EXE-10). */
export function unauthorized(): never {
  throw new UnauthorizedError();
}
