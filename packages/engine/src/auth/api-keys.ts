/** API-key checks (contract AUTH-01): the `x-api-key` header against the configured keys. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * A matcher for the accepted keys. Keys are compared as SHA-256 digests with `timingSafeEqual`,
 * every key each time, so neither the length nor the content of a valid key leaks through timing.
 */
export function createApiKeyMatcher(keys: readonly string[]): (candidate: string) => boolean {
  const accepted = keys.map(digest);
  return (candidate) => {
    const presented = digest(candidate);
    let matched = false;
    for (const key of accepted) matched = timingSafeEqual(key, presented) || matched;
    return matched;
  };
}
