/** The error every `util.time` member throws for input it cannot handle. */
import { CodeError } from '../../../core/errors';

/**
 * A `Code` error naming the function, like the error AppSync reports when a util call throws.
 * The resolver can catch nothing in APPSYNC_JS, so the field resolves to null with this error.
 */
export function timeError(functionName: string, reason: string, cause?: unknown): CodeError {
  return new CodeError(`util.time.${functionName}: ${reason}`, cause);
}
