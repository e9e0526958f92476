/**
 * Bounded retries with exponential backoff and jitter for the unprocessed part of a batch
 * (contract DDB-33): DynamoDB may process only part of a BatchGetItem/BatchWriteItem.
 */

/** Retries after the first attempt; what is still unprocessed after them is reported. */
export const MAX_BATCH_RETRIES = 4;
const BASE_DELAY_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Delay before retry `n` (1-based): half fixed, half random, doubling each time. */
function backoff(retry: number): number {
  const ceiling = BASE_DELAY_MS * 2 ** (retry - 1);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * Sends `first`, then whatever each attempt reports as unprocessed, until nothing is left or the
 * retries run out. `attempt` returns the unprocessed remainder, or undefined when done.
 * Resolves to the remainder left after the last retry (undefined when all was processed).
 */
export async function sendWithRetries<T>(first: T, attempt: (pending: T) => Promise<T | undefined>): Promise<T | undefined> {
  let pending = await attempt(first);
  for (let retry = 1; pending !== undefined && retry <= MAX_BATCH_RETRIES; retry += 1) {
    await sleep(backoff(retry));
    pending = await attempt(pending);
  }
  return pending;
}

/** An `UnprocessedKeys`/`UnprocessedItems` map, or undefined when it is empty. */
export function nonEmpty<T extends object>(map: T | undefined): T | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}
