/**
 * Bounded retries with exponential backoff and jitter for the unprocessed part of a batch
 * (contract DDB-33): DynamoDB may process only part of a BatchGetItem/BatchWriteItem.
 */

/** Retries after the first attempt; what is still unprocessed after them is reported. */
export const MAX_BATCH_RETRIES = 4;
const BASE_DELAY_MS = 25;


/** Delay before retry `n` (1-based): half fixed, half random, doubling each time. */
function backoff(retry: number): number {
  const ceiling = BASE_DELAY_MS * 2 ** (retry - 1);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function sleep(ms: number, abortSignal?: AbortSignal): Promise<void> {
  if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortSignal!.reason);
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    abortSignal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What is left after the retries, and the error that stopped them early, if one did. */
export interface RetryOutcome<T> {
  remainder: T | undefined;
  error?: unknown;
}

/**
 * Sends `first`, then whatever each attempt reports as unprocessed, until nothing is left or the
 * retries run out. `attempt` returns the unprocessed remainder, or undefined when done. A failure
 * of the first attempt is thrown (nothing was done); a failure of a retry ends the retries and is
 * reported with the remainder, so what earlier attempts did is not lost.
 */
export async function sendWithRetries<T>(first: T, abortSignal: AbortSignal | undefined, attempt: (pending: T) => Promise<T | undefined>): Promise<RetryOutcome<T>> {
  let pending = await attempt(first);
  for (let retry = 1; pending !== undefined && retry <= MAX_BATCH_RETRIES; retry += 1) {
    try {
      await sleep(backoff(retry), abortSignal);
      pending = await attempt(pending);
    } catch (error) {
      return { remainder: pending, error };
    }
  }
  return { remainder: pending };
}

/** An `UnprocessedKeys`/`UnprocessedItems` map, or undefined when it is empty. */
export function nonEmpty<T extends object>(map: T | undefined): T | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}
