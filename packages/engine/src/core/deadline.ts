/**
 * The per-request deadline: the Lambda's remaining time minus a margin, and never more than a
 * configured maximum (API Gateway HTTP APIs stop waiting at 30 s). Every data source call is
 * aborted when it passes, and fields still unresolved then fail with errorType `Timeout`, so the
 * response (with whatever data is ready) goes out while the caller is still waiting for it.
 */
import { AppSyncError } from './errors';
import { ERROR_TYPES } from './error-types';

export interface DeadlineSettings {
  /** REQUEST_TIMEOUT_MS: the longest a request may run. */
  maxMs: number;
  /** REQUEST_TIMEOUT_MARGIN_MS: kept back from the Lambda's remaining time to write the response. */
  marginMs: number;
}

export const DEADLINE_DEFAULTS: DeadlineSettings = { maxMs: 25_000, marginMs: 1_000 };

export interface Deadline {
  /** Milliseconds the request was given. */
  readonly budgetMs: number;
  /** Aborted when the deadline passes. */
  readonly signal: AbortSignal;
}

/** The message and errorType of a field that did not resolve before the deadline. */
export class DeadlineExceededError extends AppSyncError {
  constructor() {
    super('The request ran out of time before this field was resolved', ERROR_TYPES.Timeout);
  }
}

/** A deadline starting now; `remainingMs` is the Lambda's `getRemainingTimeInMillis()`, when known. */
export function startDeadline(settings: DeadlineSettings, remainingMs?: number): Deadline {
  const fromLambda = remainingMs === undefined ? Number.POSITIVE_INFINITY : remainingMs - settings.marginMs;
  const budgetMs = Math.max(0, Math.min(settings.maxMs, fromLambda));
  // AbortSignal.timeout's timer does not keep the process alive and needs no clean-up.
  return { budgetMs, signal: AbortSignal.timeout(budgetMs) };
}

/**
 * Runs `start` and settles like its work, or rejects with `DeadlineExceededError` once the deadline
 * passes, whichever comes first; past the deadline `start` is not called. Work still running at the
 * deadline has been aborted through the same signal.
 */
export async function beforeDeadline<T>(start: () => Promise<T>, deadline: Deadline | undefined): Promise<T> {
  if (!deadline) return start();
  const { signal } = deadline;
  if (signal.aborted) throw new DeadlineExceededError();
  const work = start();
  let onAbort: (() => void) | undefined;
  const expired = new Promise<never>((_, reject) => {
    onAbort = () => reject(new DeadlineExceededError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
    work.catch(() => undefined);
  }
}
