/**
 * Subscription invalidation (`extensions.invalidateSubscriptions`, contract UTIL-E2), the fan-out
 * side: every subscription of the named field whose invalidation filter
 * (`extensions.setSubscriptionInvalidationFilter`, set when the client subscribed) matches the
 * payload is ended: its record is deleted and the client gets graphql-transport-ws `complete` for
 * its id. A subscription without an invalidation filter is never invalidated, as on AppSync.
 *
 * Finding them: a subscription with an invalidation filter is indexed on GSI2 under
 * {@link invalidationKey} (the filter's first field pinned by `eq` in every group), so an
 * invalidation runs one Query per {@link invalidationCandidateKeys} (1 + the payload's scalar
 * fields), and never reads the subscriptions its payload cannot match.
 */
import { MessageType, stringifyMessage } from 'graphql-ws';
import type { EngineLogger as Logger } from '../../core/hooks';
import type { ConnectionApi } from './connections';
import { fieldValue, matchesFilterGroup, type FilterGroup } from './filters';
import type { SubscriptionInvalidation } from '../../core/current-execution';
import type { RealtimeStore, SubscriptionRecord } from './store';

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
const keyPart = (name: string, value: Scalar) => `${name}=${encodeURIComponent(String(value))}`;

/** Whether an invalidation payload ends a subscription with this invalidation filter (none: never). */
export function matchesInvalidationFilter(payload: unknown, filter: FilterGroup | null | undefined): boolean {
  return !!filter && filter.filterGroup.length > 0 && matchesFilterGroup(payload, filter);
}

/**
 * The GSI2 key of a subscription with an invalidation filter: the first field (by name) that every
 * group pins with `eq` to one scalar, e.g. `onApplicationCreated#jobId=j1`; with none, the field's
 * catch-all key `onApplicationCreated#`. A payload without that field, or with another value,
 * cannot match the filter, so the subscription need not be found for it.
 */
export function invalidationKey(field: string, filter: FilterGroup): string {
  const [first, ...others] = filter.filterGroup;
  const pins = (first?.filters ?? [])
    .filter((entry) => entry.operator === 'eq' && isScalar(entry.value))
    .filter((entry) => others.every(({ filters }) => filters.some((other) => other.fieldName === entry.fieldName && other.operator === 'eq' && other.value === entry.value)))
    .sort((a, b) => (a.fieldName < b.fieldName ? -1 : a.fieldName > b.fieldName ? 1 : 0));
  const pin = pins[0];
  return pin ? `${field}#${keyPart(pin.fieldName, pin.value as Scalar)}` : `${field}#`;
}

/** Dotted names of the payload's scalar fields (nested objects flattened, lists skipped). */
function scalarFields(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([name, entry]) => (isScalar(entry) ? [`${prefix}${name}`] : scalarFields(entry, `${prefix}${name}.`)));
}

/** The GSI2 keys of the subscriptions a payload can invalidate: the catch-all key and one per scalar field. */
export function invalidationCandidateKeys(field: string, payload: unknown): string[] {
  return [`${field}#`, ...scalarFields(payload).map((name) => `${field}#${keyPart(name, fieldValue(payload, name) as Scalar)}`)];
}

interface InvalidationStats {
  queries: number;
  invalidated: number;
  gone: Set<string>;
}

/** Ends the subscriptions the invalidations match; connections found gone are added to `stats.gone`. */
export async function invalidateSubscriptions(
  { store, connections, logger }: { store: RealtimeStore; connections: ConnectionApi; logger?: Logger },
  invalidations: readonly SubscriptionInvalidation[],
  stats: InvalidationStats,
): Promise<void> {
  const ended = new Set<string>();
  const endings: Array<Promise<void>> = [];
  const end = async (record: SubscriptionRecord) => {
    try {
      // The record first: an event fanned out meanwhile finds no subscription to deliver to.
      await store.unsubscribe(record.connectionId, record.id);
      stats.invalidated += 1;
      const outcome = await connections.post(record.connectionId, stringifyMessage({ type: MessageType.Complete, id: record.id }));
      if (outcome === 'gone') stats.gone.add(record.connectionId);
    } catch (error) {
      logger?.error('A subscription could not be invalidated', { connectionId: record.connectionId, subscriptionId: record.id, error });
    }
  };
  for (const { subscriptionField, payload } of invalidations) {
    const keys = invalidationCandidateKeys(subscriptionField, payload);
    stats.queries += keys.length;
    const pages = await Promise.all(keys.map((key) => store.invalidatable(key)));
    for (const record of pages.flat()) {
      const id = `${record.connectionId}#${record.id}`;
      if (ended.has(id) || stats.gone.has(record.connectionId) || !matchesInvalidationFilter(payload, record.invalidationFilter)) continue;
      ended.add(id);
      endings.push(end(record));
    }
  }
  await Promise.all(endings);
}
