/**
 * `extensions.invalidateSubscriptions({ subscriptionField, payload })` (contract UTIL-E2), the HTTP
 * side: a mutation's resolvers record invalidations in their request (RequestContext), and once
 * the mutation has committed they go to the fan-out with its events (realtime/publish/plugin.ts), which
 * ends every subscription of `subscriptionField` whose invalidation filter matches `payload`
 * (realtime/service/invalidate.ts). As on AppSync, at most five different invalidations per request.
 */
import { AppSyncError } from '../core/errors';
import { ERROR_TYPES } from '../core/error-types';
import type { RecordedInvalidation } from '../core/current-execution';

/** AppSync's limit on different `invalidateSubscriptions` calls in one request. */
export const MAX_INVALIDATIONS_PER_REQUEST = 5;

const isRow = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const invalid = (message: string) => new AppSyncError(`extensions.invalidateSubscriptions ${message}`, ERROR_TYPES.ValidationError);

/**
 * Records one call in `recorded` (the request's list); the same invalidation twice is kept once.
 * Throws a ValidationError for a malformed argument or a sixth different invalidation.
 */
export function recordInvalidation(recorded: RecordedInvalidation[], responseKey: string, value: unknown): void {
  if (!isRow(value) || typeof value.subscriptionField !== 'string' || value.subscriptionField === '') {
    throw invalid('needs { subscriptionField: "<a Subscription field>", payload: { ... } }');
  }
  if (!isRow(value.payload)) throw invalid('needs a payload object for the invalidation filters to match');
  // A copy: what the resolver changes afterwards is not what it invalidated.
  const invalidation: RecordedInvalidation = { subscriptionField: value.subscriptionField, payload: JSON.parse(JSON.stringify(value.payload)) as Record<string, unknown>, responseKey };
  const same = (entry: RecordedInvalidation) => entry.subscriptionField === invalidation.subscriptionField && JSON.stringify(entry.payload) === JSON.stringify(invalidation.payload);
  if (recorded.some(same)) return;
  if (recorded.length >= MAX_INVALIDATIONS_PER_REQUEST) {
    throw new AppSyncError(
      `extensions.invalidateSubscriptions can be called with at most ${MAX_INVALIDATIONS_PER_REQUEST} different invalidations in one request`,
      ERROR_TYPES.ValidationError,
      null,
      { limit: 'invalidateSubscriptions', maximum: MAX_INVALIDATIONS_PER_REQUEST },
    );
  }
  recorded.push(invalidation);
}
