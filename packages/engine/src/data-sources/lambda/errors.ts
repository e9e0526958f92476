/**
 * `ctx.error` for the Lambda data source. A function that failed (Lambda's `FunctionError`) is an
 * answer: its `errorMessage` and `errorType` reach the resolver as AppSync reports them, the type
 * `Lambda:Unhandled` when the function gave none. A call that failed (refused, reset, timed out,
 * throttled past the retries, an unknown function, a payload Lambda refused) is a fault: a generic
 * message typed `DataSourceUnavailable`, `Timeout` or `Throttled`, the details kept for the log.
 */
import { FAULT_TYPES, faultType } from '../dynamodb/errors';
import type { DataSourceError } from '../dynamodb/errors';
import { ERROR_TYPES } from '../../core/error-types';

/** errorType of a function error without its own, as AppSync reports it. */
export const LAMBDA_UNHANDLED = 'Lambda:Unhandled';
/** errorType of throttling that outlived the retries. */
export const THROTTLED = ERROR_TYPES.Throttled;

const MESSAGES: Record<string, string> = {
  [FAULT_TYPES.unavailable]: 'The data source is unavailable; try again later',
  [FAULT_TYPES.timeout]: 'The data source did not answer in time; try again later',
  [THROTTLED]: 'The data source is busy; try again later',
};

/** Lambda's exceptions for "too many calls" once the SDK's retries are spent. */
const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'EC2ThrottledException']);

/** The fault behind a failed call, for the log (never part of `ctx.error`). */
const causes = new WeakMap<DataSourceError, unknown>();

export function lambdaFaultCause(error: DataSourceError | undefined): unknown {
  return error ? causes.get(error) : undefined;
}

/** `ctx.error` for a call the SDK could not complete: every such failure is masked. */
export function lambdaFault(cause: unknown): DataSourceError {
  const name = (cause as { name?: unknown } | null)?.name;
  const type = typeof name === 'string' && THROTTLING.has(name) ? THROTTLED : faultType(cause) === FAULT_TYPES.timeout ? FAULT_TYPES.timeout : FAULT_TYPES.unavailable;
  const error = { type, message: MESSAGES[type]! };
  causes.set(error, cause);
  return error;
}

/** A masked fault of Lambda's answer itself (a payload that is not JSON). */
export function unreadableAnswer(detail: string): DataSourceError {
  return lambdaFault(Object.assign(new Error(detail), { name: 'UnreadableLambdaAnswer', $metadata: {} }));
}

/** `ctx.error` for a function that failed: its own message and type. */
export function functionError(payload: unknown, functionErrorHeader: string): DataSourceError {
  const body = (payload ?? {}) as { errorMessage?: unknown; errorType?: unknown };
  const message = typeof body.errorMessage === 'string' ? body.errorMessage : `The Lambda function failed (${functionErrorHeader})`;
  const type = typeof body.errorType === 'string' && body.errorType !== '' ? body.errorType : LAMBDA_UNHANDLED;
  return { message, type };
}
