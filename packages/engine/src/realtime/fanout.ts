/**
 * Fan-out: a committed mutation's result to the subscriptions that match it. For each subscription
 * field the mutation fires, one index Query per candidate key (filters.ts), then per matching
 * subscription one PostToConnection of a graphql-transport-ws `next` message. A connection found
 * gone has its records deleted then and there.
 *
 * Cost per event: DynamoDB Queries = sum over fired fields of 2^(its arguments with a value in the
 * result), plus one per page of more than 1 MB of matches; Management API calls = matching
 * subscribers. Nothing grows with the connections that do not match.
 *
 * After the events, the invalidations the mutation made (`extensions.invalidateSubscriptions`) end
 * the subscriptions they match (invalidate.ts).
 */
import { MessageType, stringifyMessage } from 'graphql-ws';
import type { EngineLogger as Logger } from '../hooks';
import type { ConnectionApi } from './connections';
import type { createDelivery } from './delivery';
import type { SubscriptionField } from './fields';
import { candidateKeys, matchesArguments, matchesFilterGroup } from './filters';
import { invalidateSubscriptions } from './invalidate';
import type { SubscriptionInvalidation } from './invalidation';
import { loadAuthorization, type RealtimeStore, type SubscriptionRecord } from './store';

/** A committed mutation's result, as the HTTP request published it. */
export interface MutationEvent {
  /** The mutation field, e.g. `moveApplication`. */
  mutation: string;
  /** The field's value in the mutation's response (its selection set). */
  data: unknown;
}

export interface FanOutStats {
  queries: number;
  matched: number;
  delivered: number;
  gone: number;
  failed: number;
  /** Subscriptions ended by an invalidation. */
  invalidated: number;
}

export interface FanOutOptions {
  store: RealtimeStore;
  connections: ConnectionApi;
  fields: ReadonlyMap<string, readonly SubscriptionField[]>;
  deliver: ReturnType<typeof createDelivery>;
  logger?: Logger;
}

export function createFanOut({ store, connections, fields, deliver, logger }: FanOutOptions) {
  async function send(record: SubscriptionRecord, data: unknown, stats: FanOutStats, gone: Set<string>): Promise<void> {
    try {
      const payload = await deliver(record, data, loadAuthorization(record.authorization));
      const outcome = await connections.post(record.connectionId, stringifyMessage({ type: MessageType.Next, id: record.id, payload: payload as never }));
      if (outcome === 'gone') {
        stats.gone += 1;
        gone.add(record.connectionId);
      } else stats.delivered += 1;
    } catch (error) {
      stats.failed += 1;
      logger?.error('A subscription event could not be delivered', { connectionId: record.connectionId, subscriptionId: record.id, error });
    }
  }

  /**
   * Delivers the events in order (each event's deliveries in parallel, then the next event's), then
   * ends the subscriptions the invalidations match.
   */
  return async function publish(events: readonly MutationEvent[], invalidations: readonly SubscriptionInvalidation[] = []): Promise<FanOutStats> {
    const stats: FanOutStats = { queries: 0, matched: 0, delivered: 0, gone: 0, failed: 0, invalidated: 0 };
    const gone = new Set<string>();
    for (const event of events) {
      if (event.data === null || event.data === undefined) continue;
      const deliveries: Array<Promise<void>> = [];
      for (const field of fields.get(event.mutation) ?? []) {
        const keys = candidateKeys(field.name, field.argumentNames, event.data);
        stats.queries += keys.length;
        const pages = await Promise.all(keys.map((key) => store.subscriptions(key)));
        for (const record of pages.flat()) {
          if (gone.has(record.connectionId)) continue;
          // An enhanced filter replaces the arguments (as on AppSync).
          if (record.filter ? !matchesFilterGroup(event.data, record.filter) : !matchesArguments(event.data, record.args)) continue;
          stats.matched += 1;
          deliveries.push(send(record, event.data, stats, gone));
        }
      }
      await Promise.all(deliveries);
    }
    if (invalidations.length > 0) {
      const invalidation = { queries: 0, invalidated: 0, gone };
      await invalidateSubscriptions({ store, connections, logger }, invalidations, invalidation);
      stats.queries += invalidation.queries;
      stats.invalidated = invalidation.invalidated;
    }
    await Promise.all([...gone].map((connectionId) => store.disconnect(connectionId)));
    if (stats.matched > 0 || stats.invalidated > 0) logger?.debug('Subscription events delivered', { ...stats });
    return stats;
  };
}
